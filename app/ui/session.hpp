#pragma once
// session.hpp — one step of a lesson, running live, and the playhead over its trace.
//
// The engine runs inside a lesson::StepRun, lazily: only as far as the playhead needs, one
// loop iteration at a time, driven by the frame loop (tick). Everything shown is rebuilt from the
// trace: the state at the playhead is a SnapshotBuilder fed the first `cursor` events, with
// checkpoints every `checkpoint_interval` events so that moving backwards costs at most that
// many events, whatever the trace's length. No ImGui here: it is unit-tested without a window.
//
// Invariants:
//   - events [0, cursor) are applied to the shown state; every one of them has time <= time();
//   - time() never exceeds the time of the next unapplied event unless the run has finished;
//   - the engine has produced at least `cursor` events (it is never behind the playhead).
// A step on the real clock runs in real time: the engine is driven only when something is due
// (a ready handle, an expired timer, or I/O readiness on its epoll fd), so a frame never waits
// in the selector; the playhead follows the loop's own time.
#include "lesson/lesson.hpp"
#include "lesson/step_run.hpp"
#include "ui/view_state.hpp"

#include <loopscope/snapshot.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::ui {

enum class Playback { paused, playing };

class Session {
public:
  static constexpr std::size_t checkpoint_interval = 1024;
  // Real seconds (at 1x) that one loop iteration stays on screen when no virtual time passes.
  static constexpr double iteration_dwell = 0.45;

  Session(std::shared_ptr<const lesson::Lesson> lesson, std::size_t step_index,
          std::map<std::string, double> params);

  // ---- playback ----
  void play();
  void pause();
  void toggle_play();
  Playback playback() const { return m_playback; }
  void set_speed(double speed);  // clamped to [0.1, 10]
  double speed() const { return m_speed; }
  // Advances the playhead by `real_dt` seconds of wall time at the current speed, if playing.
  void tick(double real_dt);

  // ---- moving the playhead ----
  void step_iteration();       // forward to the end of the next loop iteration
  void step_back_iteration();  // back to the start of the previous loop iteration
  void step_resume();          // forward until the next task resumes (and its step is shown)
  void run_to_end();           // run the program to completion and show its end
  void seek_time(double t);    // the state after every event at or before virtual time t
  void seek_cursor(std::size_t k);
  void restart();              // a fresh run of the same step with the same params

  // ---- what is shown ----
  ViewState view() const;
  const LoopSnapshot& snapshot() const { return m_builder.state(); }
  std::size_t cursor() const { return m_cursor; }
  double time() const { return m_time; }
  double end_time() const;     // the last event's time so far (the final duration once finished)
  bool finished() const;       // the program has run to completion (not only the playhead)
  bool at_end() const;         // finished and the playhead shows the end
  const TraceRecorder& trace() const { return m_run->trace(); }
  lesson::RunResult result() const { return m_run->result(); }
  const lesson::Lesson& lesson() const { return *m_lesson; }
  const lesson::Step& step() const { return m_lesson->steps[m_step]; }
  std::size_t step_index() const { return m_step; }
  const std::map<std::string, double>& params() const { return m_params; }
  TaskId selected_task = 0;

private:
  bool ensure_event(std::size_t index);  // runs the engine until event `index` exists
  bool real_clock() const;
  bool work_due();                       // real clock: an iteration would not block
  void tick_real(double real_dt);
  void apply_until(std::size_t k);       // moves the shown state to exactly k events
  void take_checkpoint();

  std::shared_ptr<const lesson::Lesson> m_lesson;
  std::size_t m_step = 0;
  std::map<std::string, double> m_params;
  std::unique_ptr<lesson::StepRun> m_run;
  SnapshotBuilder m_builder;
  std::vector<std::pair<std::size_t, SnapshotBuilder>> m_checkpoints;  // by cursor, ascending
  std::size_t m_cursor = 0;
  double m_time = 0;
  double m_dwell_credit = 0;
  Playback m_playback = Playback::paused;
  double m_speed = 1.0;
};

}  // namespace loopscope::ui
