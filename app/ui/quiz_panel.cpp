// quiz_panel.cpp — choice and order quizzes.
#include "ui/quiz_panel.hpp"

#include "ui/probe.hpp"

#include "platform/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <numeric>
#include <utility>

namespace loopscope::ui {

void prepare_quiz(const lesson::Quiz& quiz, QuizState& state) {
  if (quiz.kind == lesson::QuizKind::order && state.order.size() != quiz.options.size()) {
    state.order.resize(quiz.options.size());
    std::iota(state.order.begin(), state.order.end(), 0);
    state.checked = false;
  }
}

bool quiz_answer_correct(const lesson::Quiz& quiz, const QuizState& state) {
  if (quiz.kind == lesson::QuizKind::choice)
    return !quiz.answer.empty() && state.choice == quiz.answer.front();
  return state.order == quiz.answer;
}

bool draw_quiz(const lesson::Quiz& quiz, QuizState& state) {
  prepare_quiz(quiz, state);
  const auto& f = platform::fonts();
  bool just_checked = false;
  ImGui::PushFont(f.bold);
  ImGui::TextColored(to_vec4(palette::accent), "Predict before you run");
  ImGui::PopFont();
  ImGui::TextWrapped("%s", quiz.question.c_str());
  ImGui::Dummy({0, 2});
  if (quiz.kind == lesson::QuizKind::choice) {
    for (std::size_t i = 0; i < quiz.options.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::RadioButton(quiz.options[i].c_str(), state.choice == static_cast<int>(i))) {
        state.choice = static_cast<int>(i);
        state.checked = false;
      }
      if (probe::enabled()) probe::item("quiz_option_" + std::to_string(i));
      ImGui::PopID();
    }
  } else {
    ImGui::TextDisabled("Arrange the lines in the order they are printed:");
    for (std::size_t i = 0; i < state.order.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      ImGui::PushFont(f.mono);
      ImGui::Text("%zu.", i + 1);
      ImGui::PopFont();
      ImGui::SameLine();
      ImGui::BeginDisabled(i == 0);
      if (ImGui::ArrowButton("up", ImGuiDir_Up)) {
        std::swap(state.order[i], state.order[i - 1]);
        state.checked = false;
      }
      if (probe::enabled()) probe::item("quiz_up_" + std::to_string(i));
      ImGui::EndDisabled();
      ImGui::SameLine();
      ImGui::BeginDisabled(i + 1 == state.order.size());
      if (ImGui::ArrowButton("down", ImGuiDir_Down)) {
        std::swap(state.order[i], state.order[i + 1]);
        state.checked = false;
      }
      if (probe::enabled()) probe::item("quiz_down_" + std::to_string(i));
      ImGui::EndDisabled();
      ImGui::SameLine();
      ImGui::PushFont(f.mono);
      ImGui::TextUnformatted(quiz.options[state.order[i]].c_str());
      ImGui::PopFont();
      ImGui::PopID();
    }
  }
  ImGui::Dummy({0, 2});
  ImGui::BeginDisabled(quiz.kind == lesson::QuizKind::choice && state.choice < 0);
  if (ImGui::Button("Check answer")) {
    state.checked = true;
    state.correct = quiz_answer_correct(quiz, state);
    just_checked = true;
  }
  probe::item("quiz_check");
  ImGui::EndDisabled();
  if (state.checked) {
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(state.correct ? palette::running : palette::failed), "%s",
                       state.correct ? "Right." : "Not quite.");
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::text_dim));
    ImGui::TextWrapped("%s", quiz.explanation.c_str());
    ImGui::PopStyleColor();
    if (!state.correct && quiz.kind == lesson::QuizKind::choice && !quiz.answer.empty() &&
        quiz.answer.front() < static_cast<int>(quiz.options.size()))
      ImGui::TextDisabled("Answer: %s", quiz.options[quiz.answer.front()].c_str());
  }
  return just_checked;
}

}  // namespace loopscope::ui
