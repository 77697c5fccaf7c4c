#pragma once
// view_state.hpp — what every panel reads to draw the moment being shown.
//
// The session (ui/session.hpp) runs the engine and keeps its trace; the scrubber picks a moment
// (a prefix of the trace: `cursor` events applied) and the state at that moment is rebuilt from
// the trace alone. Panels are views: they read a ViewState, draw, and report what the learner did
// as a PanelAction. They own no engine state.
#include <loopscope/snapshot.hpp>
#include <loopscope/trace.hpp>

#include <cstddef>
#include <optional>

namespace loopscope::ui {

class TaskLabels;

struct ViewState {
  const TraceRecorder* trace = nullptr;   // the whole trace recorded so far (never null in use)
  std::size_t cursor = 0;                 // events [0, cursor) are "in the past"
  double time = 0;                        // virtual time shown ("now" on the timeline)
  const LoopSnapshot* snapshot = nullptr; // the state after `cursor` events (never null in use)
  double end_time = 0;                    // time of the last event recorded so far
  bool finished = false;                  // the program has run to completion
  TaskId selected_task = 0;               // selected everywhere; 0 = none
  const TaskLabels* labels = nullptr;     // tasks' coroutine functions (ui/task_labels.hpp); may be null
};

// What a panel asks for; the App applies it after the frame.
struct PanelAction {
  std::optional<TaskId> select;           // select this task (0 clears)
  std::optional<double> seek_time;        // move the playhead to this virtual time
  std::optional<std::size_t> seek_cursor; // move the playhead to exactly this event index
  std::optional<int> show_line;           // show this line of the Python listing (a traceback click)
  void merge(const PanelAction& o) {
    if (o.select) select = o.select;
    if (o.seek_time) seek_time = o.seek_time;
    if (o.seek_cursor) seek_cursor = o.seek_cursor;
    if (o.show_line) show_line = o.show_line;
  }
};

}  // namespace loopscope::ui
