#pragma once
// controls_panel.hpp — play / pause, step one loop iteration, step one task resume, run to the
// end, restart, speed (0.1x–10x) and the scrubber over the step's virtual time.
#include "ui/iteration_axis.hpp"
#include "ui/view_state.hpp"

namespace loopscope::ui {

enum class Control { none, toggle_play, step_iteration, step_back, step_resume, run_to_end, restart, seek_start };

struct ControlsModel {
  bool playing = false;
  double speed = 1.0;
  // Set when the timeline is laid out by iteration: the scrubber then moves over iterations
  // (seek_cursor) instead of virtual time, so it matches the timeline's axis.
  const IterationAxis* iterations = nullptr;
  std::size_t events = 0;               // events decoded, the iteration axis' extent
};

struct ControlsAction {
  Control control = Control::none;
  std::optional<double> speed;
  PanelAction panel;          // seek_time (or seek_cursor by iteration) from the scrubber
};

ControlsAction draw_controls(const ViewState& view, const ControlsModel& model);

}  // namespace loopscope::ui
