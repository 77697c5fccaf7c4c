// theme.cpp — the dark theme.
#include "ui/theme.hpp"

namespace loopscope::ui {

ImU32 palette::task_colour(std::uint64_t task_id) {
  static constexpr ImU32 colours[] = {
      rgb(0x7C9CFF), rgb(0x4FD1B0), rgb(0xF0B65A), rgb(0xE879B9), rgb(0x5AB8F0),
      rgb(0xB48CF2), rgb(0x9BD35A), rgb(0xF08A5A), rgb(0x5AD1D1), rgb(0xD1C25A),
  };
  if (task_id == 0) return text_dim;
  return colours[(task_id - 1) % (sizeof(colours) / sizeof(colours[0]))];
}

ImVec4 to_vec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void apply_theme(float scale) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = {14, 12};
  s.FramePadding = {10, 6};
  s.CellPadding = {8, 5};
  s.ItemSpacing = {10, 8};
  s.ItemInnerSpacing = {6, 6};
  s.IndentSpacing = 18;
  s.ScrollbarSize = 11;
  s.GrabMinSize = 10;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 1;
  s.PopupBorderSize = 1;
  s.FrameBorderSize = 0;
  s.TabBorderSize = 0;
  s.WindowRounding = 8;
  s.ChildRounding = 8;
  s.FrameRounding = 6;
  s.PopupRounding = 8;
  s.ScrollbarRounding = 8;
  s.GrabRounding = 6;
  s.TabRounding = 6;
  s.WindowTitleAlign = {0.0f, 0.5f};

  auto* c = s.Colors;
  using namespace palette;
  c[ImGuiCol_Text] = to_vec4(text);
  c[ImGuiCol_TextDisabled] = to_vec4(text_faint);
  c[ImGuiCol_WindowBg] = to_vec4(background);
  c[ImGuiCol_ChildBg] = to_vec4(panel);
  c[ImGuiCol_PopupBg] = to_vec4(panel_raised);
  c[ImGuiCol_Border] = to_vec4(border);
  c[ImGuiCol_BorderShadow] = {0, 0, 0, 0};
  c[ImGuiCol_FrameBg] = to_vec4(rgb(0x222733));
  c[ImGuiCol_FrameBgHovered] = to_vec4(rgb(0x2A3040));
  c[ImGuiCol_FrameBgActive] = to_vec4(rgb(0x323949));
  c[ImGuiCol_TitleBg] = to_vec4(panel);
  c[ImGuiCol_TitleBgActive] = to_vec4(panel);
  c[ImGuiCol_TitleBgCollapsed] = to_vec4(panel);
  c[ImGuiCol_MenuBarBg] = to_vec4(panel);
  c[ImGuiCol_ScrollbarBg] = {0, 0, 0, 0};
  c[ImGuiCol_ScrollbarGrab] = to_vec4(rgb(0x2E3442));
  c[ImGuiCol_ScrollbarGrabHovered] = to_vec4(rgb(0x3A4254));
  c[ImGuiCol_ScrollbarGrabActive] = to_vec4(rgb(0x465068));
  c[ImGuiCol_CheckMark] = to_vec4(accent);
  c[ImGuiCol_SliderGrab] = to_vec4(accent);
  c[ImGuiCol_SliderGrabActive] = to_vec4(rgb(0x9DB5FF));
  c[ImGuiCol_Button] = to_vec4(rgb(0x242A36));
  c[ImGuiCol_ButtonHovered] = to_vec4(rgb(0x2F3748));
  c[ImGuiCol_ButtonActive] = to_vec4(rgb(0x3A4459));
  c[ImGuiCol_Header] = to_vec4(rgb(0x252C3A));
  c[ImGuiCol_HeaderHovered] = to_vec4(rgb(0x2C3445));
  c[ImGuiCol_HeaderActive] = to_vec4(rgb(0x343E52));
  c[ImGuiCol_Separator] = to_vec4(border);
  c[ImGuiCol_SeparatorHovered] = to_vec4(accent);
  c[ImGuiCol_SeparatorActive] = to_vec4(accent);
  c[ImGuiCol_ResizeGrip] = {0, 0, 0, 0};
  c[ImGuiCol_ResizeGripHovered] = to_vec4(accent);
  c[ImGuiCol_ResizeGripActive] = to_vec4(accent);
  c[ImGuiCol_Tab] = to_vec4(panel);
  c[ImGuiCol_TabHovered] = to_vec4(rgb(0x2C3445));
  c[ImGuiCol_TabActive] = to_vec4(rgb(0x252C3A));
  c[ImGuiCol_TabUnfocused] = to_vec4(panel);
  c[ImGuiCol_TabUnfocusedActive] = to_vec4(rgb(0x20252F));
  c[ImGuiCol_PlotLines] = to_vec4(accent);
  c[ImGuiCol_PlotHistogram] = to_vec4(accent);
  c[ImGuiCol_TableHeaderBg] = to_vec4(panel_raised);
  c[ImGuiCol_TableBorderStrong] = to_vec4(border);
  c[ImGuiCol_TableBorderLight] = to_vec4(grid);
  c[ImGuiCol_TableRowBg] = {0, 0, 0, 0};
  c[ImGuiCol_TableRowBgAlt] = {1, 1, 1, 0.02f};
  c[ImGuiCol_TextSelectedBg] = to_vec4(rgb(0x7C9CFF, 90));
  c[ImGuiCol_NavHighlight] = to_vec4(accent);
  c[ImGuiCol_ModalWindowDimBg] = {0, 0, 0, 0.55f};

  s.ScaleAllSizes(scale);
}

}  // namespace loopscope::ui
