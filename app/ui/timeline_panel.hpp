#pragma once
// timeline_panel.hpp — the timeline panel: a lane per task plus one for the loop, a time axis,
// a cursor at "now", zoom (wheel), pan (drag), hover details, click to select a task.
//
// It fills the current window's remaining content region. The cost of a frame grows with what is
// visible (lanes on screen × pixels), not with the trace length: lanes are clipped, segments are
// found by binary search, and sub-pixel segments are merged per pixel column.
#include "ui/iteration_axis.hpp"
#include "ui/timeline_model.hpp"
#include "ui/timeline_view.hpp"
#include "ui/view_state.hpp"

namespace loopscope::ui {

// Draws the moment `view` shows (segments begun before view.cursor, open ones ending at
// view.time). `model` must have been updated with view.trace. `camera` is the panel's own state
// (zoom, scroll, follow mode), kept by the caller between frames.
//   click a lane or a segment      -> select its task (the loop lane clears the selection)
//   click or drag on the time axis -> seek_time
//   wheel over the lanes           -> zoom about the mouse; over the labels: scroll the lanes
//   shift+wheel / horizontal wheel -> pan; drag -> pan (and scroll the lanes vertically)
//   double-click                   -> fit everything (follow mode fit_all)
//   the Time | Iterations switch    -> lays the lanes out by time or by loop iteration
// In iteration mode the axis is `iterations` (one column per loop iteration) and a click on the
// axis seeks to an event (seek_cursor) instead of a time.
PanelAction draw_timeline(const ViewState& view, const TimelineModel& model,
                          const IterationAxis& iterations, TimelineView& camera);

}  // namespace loopscope::ui
