// controls_panel.cpp — transport buttons drawn as icons, speed, scrubber.
#include "ui/controls_panel.hpp"

#include "ui/probe.hpp"

#include "platform/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace loopscope::ui {
namespace {

enum class Icon { play, pause, step, step_back, step_resume, end, restart };

// A square icon button; the icon is drawn with the draw list so no icon font is needed.
bool icon_button(const char* id, Icon icon, const char* tooltip, bool primary = false) {
  const float s = ImGui::GetFrameHeight() * 1.15f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(id, {s, s});
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 bg = primary ? (hovered ? palette::rgb(0x93AEFF) : palette::accent)
                           : (hovered ? palette::rgb(0x2F3748) : palette::rgb(0x242A36));
  dl->AddRectFilled(p, {p.x + s, p.y + s}, bg, primary ? s * 0.5f : 7.0f);
  const ImU32 fg = primary ? palette::background : palette::text;
  const float cx = p.x + s * 0.5f, cy = p.y + s * 0.5f, r = s * 0.22f;
  auto tri = [&](float x, float dir) {  // a play triangle at x pointing in dir
    dl->AddTriangleFilled({x - r * 0.8f * dir, cy - r}, {x - r * 0.8f * dir, cy + r}, {x + r * 0.9f * dir, cy}, fg);
  };
  switch (icon) {
    case Icon::play: tri(cx + r * 0.1f, 1); break;
    case Icon::pause:
      dl->AddRectFilled({cx - r * 0.8f, cy - r}, {cx - r * 0.25f, cy + r}, fg, 1.5f);
      dl->AddRectFilled({cx + r * 0.25f, cy - r}, {cx + r * 0.8f, cy + r}, fg, 1.5f);
      break;
    case Icon::step:
      tri(cx - r * 0.3f, 1);
      dl->AddRectFilled({cx + r * 0.7f, cy - r}, {cx + r * 1.0f, cy + r}, fg);
      break;
    case Icon::step_back:
      tri(cx + r * 0.3f, -1);
      dl->AddRectFilled({cx - r * 1.0f, cy - r}, {cx - r * 0.7f, cy + r}, fg);
      break;
    case Icon::step_resume:  // a small dot then a triangle: "resume one task"
      dl->AddCircleFilled({cx - r * 0.9f, cy}, r * 0.35f, fg);
      tri(cx + r * 0.35f, 1);
      break;
    case Icon::end:
      tri(cx - r * 0.55f, 1);
      tri(cx + r * 0.45f, 1);
      dl->AddRectFilled({cx + r * 1.3f, cy - r}, {cx + r * 1.55f, cy + r}, fg);
      break;
    case Icon::restart:
      dl->PathArcTo({cx, cy}, r, 0.6f, 0.6f + 5.0f, 16);
      dl->PathStroke(fg, 0, 1.8f);
      dl->AddTriangleFilled({cx + r * 0.95f, cy - r * 0.05f}, {cx + r * 1.45f, cy + r * 0.65f},
                            {cx + r * 0.35f, cy + r * 0.6f}, fg);
      break;
  }
  if (hovered) ImGui::SetTooltip("%s", tooltip);
  probe::item(id + 2);  // "##play" -> "play"
  return clicked;
}

}  // namespace

ControlsAction draw_controls(const ViewState& view, const ControlsModel& model) {
  ControlsAction out;
  const auto& f = platform::fonts();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {6, 6});
  if (icon_button("##back", Icon::step_back, "Back one loop iteration  (Left)")) out.control = Control::step_back;
  ImGui::SameLine();
  if (icon_button("##play", model.playing ? Icon::pause : Icon::play,
                  model.playing ? "Pause  (Space)" : "Play  (Space)", true))
    out.control = Control::toggle_play;
  ImGui::SameLine();
  if (icon_button("##step", Icon::step, "Step one loop iteration  (Right)")) out.control = Control::step_iteration;
  ImGui::SameLine();
  if (icon_button("##resume", Icon::step_resume, "Step one task resume  (Shift+Right)"))
    out.control = Control::step_resume;
  ImGui::SameLine();
  if (icon_button("##end", Icon::end, "Run to the end  (End)")) out.control = Control::run_to_end;
  ImGui::SameLine();
  if (icon_button("##restart", Icon::restart, "Restart the step  (R)")) out.control = Control::restart;
  ImGui::PopStyleVar();

  // Speed: a logarithmic slider from 0.1x to 10x.
  ImGui::SameLine(0, 18);
  const float frame_y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(frame_y + (ImGui::GetFrameHeight() * 1.15f - ImGui::GetFrameHeight()) * 0.5f);
  float speed = static_cast<float>(model.speed);
  // The speed is written beside the slider (inside it, the knob covered it at 1x).
  ImGui::SetNextItemWidth(96 * f.base_size / 15.0f);
  if (ImGui::SliderFloat("##speed", &speed, 0.1f, 10.0f, "", ImGuiSliderFlags_Logarithmic))
    out.speed = speed;
  probe::item("speed");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed: virtual seconds per real second");
  ImGui::SameLine(0, 6);
  char speed_text[24];
  std::snprintf(speed_text, sizeof speed_text, "%.2gx", static_cast<double>(speed));
  ImGui::TextColored(to_vec4(palette::text_dim), "%s", speed_text);

  // Scrubber over [0, end] (or over the iterations): moving it rebuilds every panel from the
  // trace at that moment. While the run goes on, the end is the end so far: said in words, since
  // a trailing ellipsis reads as a label cut short.
  ImGui::SameLine(0, 18);
  const float end = static_cast<float>(std::max(view.end_time, view.time));
  char label[96];
  const IterationAxis* it = model.iterations;
  const std::size_t columns = it ? it->columns(model.events) : 0;
  if (it) {
    const std::size_t column = it->column_of(view.cursor > 0 ? view.cursor - 1 : 0);
    std::snprintf(label, sizeof label, "#%llu of %llu%s \xC2\xB7 %.3f s",
                  static_cast<unsigned long long>(it->iteration_of(column)),
                  static_cast<unsigned long long>(it->iteration_of(columns > 0 ? columns - 1 : 0)),
                  view.finished ? "" : " so far", view.time);
  } else {
    std::snprintf(label, sizeof label, "%.3f s / %.3f s%s", view.time, end, view.finished ? "" : " so far");
  }
  const float label_w = f.mono->CalcTextSizeA(f.mono->FontSize, FLT_MAX, 0, label).x;  // drawn in mono
  ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - label_w - 14));
  if (it) {
    float u = static_cast<float>(it->position(view.cursor, model.events));
    if (ImGui::SliderFloat("##scrub", &u, 0.0f, std::max(static_cast<float>(columns), 0.001f), "",
                           ImGuiSliderFlags_NoRoundToFormat))
      out.panel.seek_cursor = it->event_floor(u, model.events);
  } else {
    float t = static_cast<float>(view.time);
    if (ImGui::SliderFloat("##scrub", &t, 0.0f, std::max(end, 0.001f), "", ImGuiSliderFlags_NoRoundToFormat))
      out.panel.seek_time = t;
  }
  probe::item("scrub");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(it ? "Scrub through the step's loop iterations (Home / End)"
                         : "Scrub through the step's virtual time (Home / End)");
  ImGui::SameLine();
  ImGui::PushFont(f.mono);
  ImGui::TextColored(to_vec4(palette::text_dim), "%s", label);
  ImGui::PopFont();
  return out;
}

}  // namespace loopscope::ui
