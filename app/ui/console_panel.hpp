#pragma once
// console_panel.hpp — the console: what the program printed up to the moment shown, with virtual
// timestamps, in monospace: `[ 2.000s] name  text`. Error lines (a task failed) in red.
// It follows the newest line unless the learner scrolled up; clicking a line moves the playhead
// to just after it was printed and selects the task that printed it.
#include "ui/console_model.hpp"
#include "ui/view_state.hpp"

namespace loopscope::ui {

// Fills the current window's remaining content region. `model` must have been updated with
// view.trace.
PanelAction draw_console(const ViewState& view, const ConsoleModel& model);

}  // namespace loopscope::ui
