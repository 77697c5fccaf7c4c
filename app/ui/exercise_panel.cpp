// exercise_panel.cpp — the exercise card under the narration (see exercise_panel.hpp).
#include "ui/exercise_panel.hpp"

#include "platform/fonts.hpp"
#include "ui/markdown_view.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <string>

namespace loopscope::ui {

void draw_exercise(const lesson::Exercise& x, ExerciseState& state) {
  const auto& f = platform::fonts();
  ImGui::PushFont(f.bold);
  ImGui::TextColored(to_vec4(palette::accent), "%s", state.solved ? "Exercise — solved" : "Exercise");
  ImGui::PopFont();
  draw_markdown(state.goal, ImGui::GetContentRegionAvail().x);

  if (state.verdict) {
    for (const lesson::GoalPart& p : state.verdict->parts) {
      ImGui::TextColored(to_vec4(p.met ? palette::running : palette::failed), "●");
      ImGui::SameLine();
      ImGui::TextWrapped("%s%s%s", p.what.c_str(), p.detail.empty() ? "" : " — ", p.detail.c_str());
    }
  } else {
    ImGui::TextColored(to_vec4(palette::text_dim), "Run the program to the end to check the goal.");
  }

  for (int i = 0; i < state.hints_shown && i < static_cast<int>(x.hints.size()); ++i) {
    ImGui::TextColored(to_vec4(palette::sleeping), "Hint %d:", i + 1);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", platform::display_text(x.hints[static_cast<std::size_t>(i)]).c_str());
  }
  if (state.hints_shown < static_cast<int>(x.hints.size())) {
    const std::string label = "Show a hint (" + std::to_string(state.hints_shown + 1) + " of " +
                              std::to_string(x.hints.size()) + ")";
    if (ImGui::Button(label.c_str())) ++state.hints_shown;
    probe::item("exercise_hint");
    ImGui::SameLine();
  }
  if (!state.solution_shown) {
    if (ImGui::Button("Show a solution")) state.solution_shown = true;
    probe::item("exercise_solution");
  } else {
    ImGui::NewLine();
    ImGui::TextColored(to_vec4(palette::text_dim), "The author's solution:");
    ImGui::PushFont(f.mono);
    for (const std::string& line : x.solution) ImGui::TextUnformatted(line.empty() ? " " : platform::display_text(line).c_str());
    ImGui::PopFont();
  }
}

}  // namespace loopscope::ui
