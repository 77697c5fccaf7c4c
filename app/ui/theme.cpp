// theme.cpp — the dark theme.
// Sections: palette · colour maths · contrast pairs · apply_theme
#include "ui/theme.hpp"

#include <cmath>

namespace loopscope::ui {

// ---- palette -------------------------------------------------------------------------------
namespace {
// Hues away from every state colour (pink, lime, yellow, pale cyan, peach, khaki, periwinkle,
// orchid): a lane's colour names the task, the bar's colour its state.
constexpr ImU32 task_colours[palette::task_colour_count] = {
    palette::rgb(0xE879B9), palette::rgb(0x9BD35A), palette::rgb(0xE3D86B), palette::rgb(0xA0E7E5),
    palette::rgb(0xFFD1A3), palette::rgb(0xC0C0A0), palette::rgb(0xB8C4FF), palette::rgb(0xF5A9F0),
};
}  // namespace

ImU32 palette::task_colour(std::uint64_t task_id) {
  if (task_id == 0) return text_dim;
  return task_colours[(task_id - 1) % task_colour_count];
}

std::vector<ImU32> palette::state_colours() {
  return {running, ready, sleeping, io_wait, waiting, blocked, done, failed, cancelled};
}

ImVec4 to_vec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// ---- colour maths --------------------------------------------------------------------------
namespace {
double channel(ImU32 c, int shift) { return static_cast<double>((c >> shift) & 0xFF) / 255.0; }
double linear(double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }
double luminance(ImU32 c) {
  return 0.2126 * linear(channel(c, IM_COL32_R_SHIFT)) + 0.7152 * linear(channel(c, IM_COL32_G_SHIFT)) +
         0.0722 * linear(channel(c, IM_COL32_B_SHIFT));
}
}  // namespace

double contrast_ratio(ImU32 a, ImU32 b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

double colour_difference(ImU32 a, ImU32 b) {
  auto lab = [](ImU32 c, double out[3]) {
    const double r = linear(channel(c, IM_COL32_R_SHIFT)), g = linear(channel(c, IM_COL32_G_SHIFT)),
                 bl = linear(channel(c, IM_COL32_B_SHIFT));
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    out[0] = 116 * f(y) - 16;
    out[1] = 500 * (f(x) - f(y));
    out[2] = 200 * (f(y) - f(z));
  };
  double p[3], q[3];
  lab(a, p);
  lab(b, q);
  return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

ImU32 composite(ImU32 over, ImU32 under) {
  const double a = static_cast<double>((over >> IM_COL32_A_SHIFT) & 0xFF) / 255.0;
  auto mix = [&](int shift) {
    return static_cast<ImU32>(std::lround(channel(over, shift) * 255 * a + channel(under, shift) * 255 * (1 - a)));
  };
  return IM_COL32(mix(IM_COL32_R_SHIFT), mix(IM_COL32_G_SHIFT), mix(IM_COL32_B_SHIFT), 255);
}

// ---- contrast pairs ------------------------------------------------------------------------
std::vector<ContrastPair> text_contrast_pairs() {
  using namespace palette;
  struct Named { const char* name; ImU32 colour; };
  const Named every_surface[] = {
      {"background", background}, {"panel", panel},           {"panel_raised", panel_raised},
      {"frame", frame},           {"button", button},         {"button_hovered", button_hovered},
      {"selected_row", selected_row}, {"loop_lane", loop_lane}, {"well", well},
      {"inline_code", inline_code}};
  // Where state and task colours appear as words: lane labels, console task names, tooltips,
  // suspended rows, the loop lane, the ready queue's trough.
  const Named coloured_text_surfaces[] = {{"panel", panel}, {"panel_raised", panel_raised},
                                          {"selected_row", selected_row}, {"loop_lane", loop_lane},
                                          {"well", well}};
  const Named neutral_text[] = {{"text", text}, {"text_dim", text_dim}, {"text_faint", text_faint}};
  const Named coloured_text[] = {
      {"accent", accent},       {"running", running},   {"ready", ready},
      {"sleeping", sleeping},   {"io_wait", io_wait},   {"waiting", waiting},
      {"failed_text", failed_text}, {"cancelled", cancelled}, {"code_comment", code_comment},
      {"blocked", blocked}};
  std::vector<ContrastPair> out;
  for (const Named& t : neutral_text)
    for (const Named& s : every_surface) out.push_back({t.name, t.colour, s.colour});
  for (const Named& t : coloured_text)
    for (const Named& s : coloured_text_surfaces) out.push_back({t.name, t.colour, s.colour});
  for (int i = 0; i < task_colour_count; ++i)
    for (const Named& s : coloured_text_surfaces) out.push_back({"task colour", task_colour(i + 1), s.colour});
  // Dark text on coloured fills: the playhead's label, the current step pill, the axis switch,
  // labels on blocked bars; a done step pill's number.
  out.push_back({"background on accent", background, accent});
  out.push_back({"background on blocked", background, blocked});
  out.push_back({"running on a done step pill", running, rgb(0x1F3B35)});
  // A wait's label drawn inside its bar: the opaque colour on the bar's 48-alpha tint.
  auto alpha = [](ImU32 c, ImU32 a) { return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT); };
  for (ImU32 c : {sleeping, io_wait, waiting}) {
    const ImU32 tint = composite(alpha(c, 48), panel);
    out.push_back({"wait label on its bar", c, tint});
  }
  out.push_back({"poll label on its bar", text_dim, composite(alpha(rgb(0x59627A), 90), loop_lane)});
  // Console lines of errors and warnings, on their row tints.
  out.push_back({"console error", failed_text, composite(alpha(failed, 0x1C), panel)});
  out.push_back({"console warning", sleeping, composite(alpha(sleeping, 0x1C), panel)});
  // A ready-queue chip's name on its task's tint (selected: 32 %), in the queue's trough.
  for (int i = 0; i < task_colour_count; ++i)
    out.push_back({"ready chip", text, composite(alpha(task_colour(i + 1), 82), well)});
  return out;
}

// ---- apply_theme ---------------------------------------------------------------------------

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
  c[ImGuiCol_FrameBg] = to_vec4(frame);
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
  c[ImGuiCol_Button] = to_vec4(button);
  c[ImGuiCol_ButtonHovered] = to_vec4(button_hovered);
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
