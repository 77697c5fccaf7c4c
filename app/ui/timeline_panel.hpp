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
#include "ui/wake_model.hpp"

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
// `wakes` (may be null) adds cause -> effect: an arrow from the lane of the task that woke another
// (set its event, finished, cancelled or created it) to the woken lane, a mark where a timer or
// I/O woke one, and "woken: …" in a lane's tooltip at that point. Only those on screen and before
// the playhead, and none when more than ~200 are (zoom in); the selected task's are highlighted.
// camera.arrows_drawn says how many arrows the frame drew.
//
// `ghost` (may be null) is another step's whole run (ui/ghost_run.hpp) drawn for comparison, in
// the time axis only (the iteration axis draws no ghost: two runs' iterations do not line up):
// its task segments faintly, without text, behind the live ones — its task lane i under live
// task lane i, extra faint rows when it has more lanes — its end as a faint vertical line
// labelled "step N ended 6.0 s", and "ghost: step N" in the legend.
struct TimelineGhost {
  const TimelineModel* model = nullptr;  // the ghost run's lanes, fully decoded
  std::size_t events = 0;                // its trace's size (the cursor to draw it at)
  int step = 0;                          // 1-based number of the step it ran
  double end_time = 0;                   // when it ended
};
PanelAction draw_timeline(const ViewState& view, const TimelineModel& model,
                          const IterationAxis& iterations, TimelineView& camera,
                          const WakeModel* wakes = nullptr, const TimelineGhost* ghost = nullptr);

}  // namespace loopscope::ui
