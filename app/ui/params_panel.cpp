// params_panel.cpp — sliders bound to a step's params.
#include "ui/params_panel.hpp"

#include "ui/probe.hpp"

#include "platform/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loopscope::ui {

double snap_param(const lesson::Param& p, double v) {
  v = std::clamp(v, p.min, p.max);
  if (p.step > 0) v = p.min + std::round((v - p.min) / p.step) * p.step;
  return std::clamp(v, p.min, p.max);
}

bool draw_params(const std::vector<lesson::Param>& params, std::map<std::string, double>& values) {
  if (params.empty()) return false;
  bool changed = false;
  ImGui::PushFont(platform::fonts().bold);
  ImGui::TextUnformatted("Try it");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("change a value: the step restarts with it");
  for (const lesson::Param& p : params) {
    double& v = values[p.name];
    float f = static_cast<float>(v);
    const bool whole = std::floor(p.step) == p.step && std::floor(p.min) == p.min;
    // The value is written beside the slider, not inside it, where the knob would cover it.
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    ImGui::SliderFloat(("##" + p.name).c_str(), &f, static_cast<float>(p.min), static_cast<float>(p.max), "");
    probe::item("param_" + p.name);
    if (ImGui::IsItemActive() || ImGui::IsItemDeactivatedAfterEdit()) {
      const double snapped = snap_param(p, f);
      if (snapped != v) v = snapped;
      if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    }
    ImGui::SameLine();
    char value[32];
    std::snprintf(value, sizeof value, whole ? "%.0f" : "%.2f", v);
    ImGui::PushFont(platform::fonts().bold);
    ImGui::TextUnformatted(value);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextUnformatted((p.label.empty() ? p.name : p.label).c_str());
  }
  return changed;
}

}  // namespace loopscope::ui
