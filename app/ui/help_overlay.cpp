// help_overlay.cpp — the keyboard shortcuts table (see help_overlay.hpp).
#include "ui/help_overlay.hpp"

#include "platform/fonts.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

namespace loopscope::ui {
namespace {

struct Shortcut {
  const char* keys;
  const char* what;
};

// One table for every key the app answers; app.cpp's key handlers and this list must agree
// (the interaction tests press each of them).
constexpr Shortcut shortcuts[] = {
    {"Space", "play / pause"},
    {"Right", "step one loop iteration"},
    {"Shift+Right", "step until one task resumes"},
    {"Left", "back one loop iteration"},
    {"Home", "back to the start of the step"},
    {"End", "run to the end of the step"},
    {"R", "restart the step"},
    {"I", "timeline by loop iteration / by time"},
    {"Page Down  or  ]", "next step"},
    {"Page Up  or  [", "previous step"},
    {"Backspace", "back to the lessons"},
    {"F1  or  ?", "show / hide this list"},
    {"Esc", "close this list"},
};

}  // namespace

void draw_help_overlay(bool& open) {
  if (!open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const auto& f = platform::fonts();
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f},
                          ImGuiCond_Always, {0.5f, 0.5f});
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {22, 18});
  ImGui::Begin("##help", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoMove);
  ImGui::PopStyleVar();
  ImGui::PushFont(f.heading);
  ImGui::TextUnformatted("Keyboard shortcuts");
  ImGui::PopFont();
  ImGui::Dummy({0, 4});
  if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const Shortcut& s : shortcuts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushFont(f.mono);
      ImGui::TextColored(to_vec4(palette::accent), "%s", s.keys);
      ImGui::PopFont();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.what);
    }
    ImGui::EndTable();
  }
  ImGui::Dummy({0, 6});
  if (ImGui::Button("Close")) open = false;
  probe::item("help_close");
  const bool outside = ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
                       !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (outside) open = false;
  ImGui::End();
}

}  // namespace loopscope::ui
