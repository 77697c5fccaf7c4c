#pragma once
// params_panel.hpp — a slider per step param; changing one restarts the step with the value.
#include "lesson/lesson.hpp"

#include <map>
#include <string>
#include <vector>

namespace loopscope::ui {

// Draws the sliders over `values` (name -> value). Returns true when a value was changed and
// released (the caller restarts the step).
bool draw_params(const std::vector<lesson::Param>& params, std::map<std::string, double>& values);

// Snaps a value to the param's range and step.
double snap_param(const lesson::Param& p, double v);

}  // namespace loopscope::ui
