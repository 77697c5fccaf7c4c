// quiz_panel.cpp — choice and order quizzes.
#include "ui/quiz_panel.hpp"

#include "ui/probe.hpp"

#include "platform/fonts.hpp"
#include "ui/markdown.hpp"
#include "ui/markdown_view.hpp"
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

void check_quiz(const lesson::Quiz& quiz, QuizState& state) {
  state.checked = true;
  state.correct = quiz_answer_correct(quiz, state);
  ++state.tries;
  if (state.correct || state.tries >= quiz_tries_before_reveal) state.revealed = true;
}

namespace {

// Inline Markdown (`code`, **bold**, *italic*) at the cursor, wrapped to the remaining width.
void inline_markdown(const std::string& text, float width) {
  draw_markdown(parse_markdown(text), width, MarkdownSpacing::tight);
}

}  // namespace

bool draw_quiz(const lesson::Quiz& quiz, QuizState& state) {
  prepare_quiz(quiz, state);
  const auto& f = platform::fonts();
  bool just_checked = false;
  ImGui::PushFont(f.bold);
  ImGui::TextColored(to_vec4(palette::accent), "Predict before you run");
  ImGui::PopFont();
  inline_markdown(quiz.question, ImGui::GetContentRegionAvail().x);
  if (quiz.kind == lesson::QuizKind::choice) {
    for (std::size_t i = 0; i < quiz.options.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::RadioButton("##option", state.choice == static_cast<int>(i))) {
        state.choice = static_cast<int>(i);
        state.checked = false;
      }
      if (probe::enabled()) probe::item("quiz_option_" + std::to_string(i));
      ImGui::SameLine();
      const float y = ImGui::GetCursorPosY();
      ImGui::SetCursorPosY(y + (ImGui::GetFrameHeight() - f.base_size * 1.5f) * 0.5f);
      inline_markdown(quiz.options[i], ImGui::GetContentRegionAvail().x);
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
      ImGui::PushTextWrapPos(0.0f);  // a long line wraps beside its arrows in a narrow card
      const auto shown = platform::display_text(quiz.options[state.order[i]]);
      ImGui::TextUnformatted(shown.begin(), shown.end());
      ImGui::PopTextWrapPos();
      ImGui::PopFont();
      ImGui::PopID();
    }
  }
  ImGui::Dummy({0, 2});
  ImGui::BeginDisabled(quiz.kind == lesson::QuizKind::choice && state.choice < 0);
  if (ImGui::Button("Check answer")) {
    check_quiz(quiz, state);
    just_checked = true;
  }
  probe::item("quiz_check");
  ImGui::EndDisabled();
  if (state.checked) {
    ImGui::SameLine();
    const char* verdict = state.correct     ? "Right."
                          : state.revealed  ? "Not quite."
                                            : "Not quite \xE2\x80\x94 think again and try once more.";
    ImGui::TextColored(to_vec4(state.correct ? palette::running : palette::failed_text), "%s", verdict);
  }
  if (state.revealed) {
    if (!state.correct && quiz.kind == lesson::QuizKind::choice && !quiz.answer.empty() &&
        quiz.answer.front() >= 0 && quiz.answer.front() < static_cast<int>(quiz.options.size()))
      inline_markdown("Answer: " + quiz.options[quiz.answer.front()], ImGui::GetContentRegionAvail().x);
    inline_markdown(quiz.explanation, ImGui::GetContentRegionAvail().x);
  }
  return just_checked;
}

}  // namespace loopscope::ui
