#pragma once
// trace_model.hpp — one run's trace, decoded once, for every view that shows the whole run.
//
// The session's trace is read here and nowhere else by the per-run views: update() takes the
// events recorded since the last call, once each, and hands each to the timeline's lanes, the
// console's lines, the iteration axis, the wake-ups (what put each task in the ready queue) and the tasks'
// labels ("Task-1 main()"). (The state *at the playhead* — ready queue, suspended
// list, phase — is the session's SnapshotBuilder, which replays the same events up to the
// cursor; what a task awaits is put into words once, in ui/await_text.hpp, for both.)
// The run's warnings, which the engine reports when the run ends and not as events, join the
// console once the run has finished (note_finished).
//
// Invariants: timeline(), console() and iterations() have each consumed exactly the events
// [0, consumed()); a different recorder, a shorter trace or a changed last event starts every
// view over together. No ImGui here.
#include "ui/console_model.hpp"
#include "ui/iteration_axis.hpp"
#include "ui/task_labels.hpp"
#include "ui/timeline_model.hpp"
#include "ui/wake_model.hpp"

#include <loopscope/trace.hpp>

#include <string>
#include <vector>

namespace loopscope::ui {

class TraceModel {
public:
  void update(const TraceRecorder& trace);
  // The run has finished with these warnings; they are added to the console once (later calls
  // do nothing). Call after update() has seen the whole trace.
  // A failed run's traceback joins it, after the warnings.
  void note_finished(const std::vector<std::string>& warnings, const std::string& traceback = {});
  bool finished_noted() const noexcept { return m_finished_noted; }
  void reset();
  // The Python listing the run executes, for the tasks' labels (ui/task_labels.hpp). Call before
  // update(); cheap when unchanged.
  void set_listing(const std::vector<std::string>& lines) { m_labels.set_listing(lines); }

  std::size_t consumed() const noexcept { return m_consumed; }
  const TimelineModel& timeline() const noexcept { return m_timeline; }
  const ConsoleModel& console() const noexcept { return m_console; }
  const IterationAxis& iterations() const noexcept { return m_iterations; }
  const WakeModel& wakes() const noexcept { return m_wakes; }
  const TaskLabels& labels() const noexcept { return m_labels; }

private:
  const TraceRecorder* m_trace = nullptr;
  std::size_t m_consumed = 0;
  TraceEvent m_last_event;
  double m_last_time = 0;
  bool m_finished_noted = false;
  TimelineModel m_timeline;
  ConsoleModel m_console;
  IterationAxis m_iterations;
  WakeModel m_wakes;
  TaskLabels m_labels;
};

}  // namespace loopscope::ui
