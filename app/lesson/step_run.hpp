#pragma once
// step_run.hpp — one run of one step's program (its Python listing) on a fresh engine loop.
//
// StepRun runs the step's `code.python` through the Python front end (python::ProgramRun: its
// own EventLoop, virtual clock unless the step or the caller asks for real time, and a
// TraceRecorder). Params bind to the listing's module-level constants (`jobs` -> `JOBS = 3`);
// a step's `server` routes are served on 127.0.0.1 and the listing's BASE points at them.
// The app drives it one loop iteration at a time (run_once) or up to a moment (run_until);
// `run` and `check` call run_to_end. The run ends like asyncio.run().
// Invariants:
//   - every run is bounded (the runtime's Limits): a runaway program ends with an error, never
//     a hang;
//   - after finished() is true, result() is final and run_once() does nothing;
//   - destroying a StepRun at any moment is clean (no leaks, no dangling frames).
//
// Sections: RunResult · StepRun
#include "lesson/lesson.hpp"
#include "python/runtime/program.hpp"

#include <loopscope/event_loop.hpp>
#include <loopscope/snapshot.hpp>
#include <loopscope/trace.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::lesson {

// ---- RunResult -----------------------------------------------------------------------------
struct TaskSummary {
  TaskId id = 0;
  std::string name;
  TaskState state = TaskState::pending;
  std::string error;   // "Type: message" for a failed task
};

struct RunResult {
  std::vector<OutputLine> output;          // every printed line (time, task id, text)
  double duration = 0;                     // loop time when the run ended
  std::vector<TaskSummary> tasks;          // every task, by id
  std::vector<std::string> warnings;       // never-awaited coroutines, unretrieved exceptions
  std::optional<std::string> error;        // why the run failed, if it did
  // Where in the lesson file the error points: the listing line's string when the listing is
  // an array of lines and the line is known, else the step.
  SourcePos error_pos;
  std::string error_pointer;
  // The listing line the error points at (0: none), the span of the expression that raised when
  // the run knows it (columns 1-based in code points, end exclusive; 0: the whole line), and the
  // CPython-like traceback.
  int listing_line = 0;
  int listing_col = 0, listing_end_line = 0, listing_end_col = 0;
  std::string traceback;
  // The name of task `id` ("" if unknown).
  std::string task_name(TaskId id) const;
};

// ---- StepRun -------------------------------------------------------------------------------
class StepRun {
public:
  // `step_index` is 0-based. `params` overrides defaults by name; values are used as given
  // (the caller checks ranges: see check_param_overrides). `clock` overrides the step's clock.
  StepRun(const Lesson& lesson, std::size_t step_index, const std::map<std::string, double>& params,
          std::optional<ClockKind> clock = std::nullopt);
  // Runs `source` (Python lines) in place of the step's listing, with the step's params and
  // server: an exercise's solution, or the learner's edited code.
  StepRun(const Step& step, const std::vector<std::string>& source, const std::map<std::string, double>& params,
          std::optional<ClockKind> clock = std::nullopt);
  ~StepRun();
  StepRun(const StepRun&) = delete;
  StepRun& operator=(const StepRun&) = delete;

  // One loop iteration; false when the run has finished (now or before).
  bool run_once();
  // Iterations while the next event is at or before loop time `t` (and the run goes on).
  void run_until(double t);
  void run_to_end();

  bool finished() const noexcept { return m_finished; }
  double time() const noexcept;
  // When the next iteration would run: now if anything is ready, else the next timer; nullopt
  // when nothing is scheduled (or the run has finished).
  std::optional<double> next_time();
  const TraceRecorder& trace() const noexcept { return m_py->trace(); }
  RunResult result() const;
  const Step& step() const noexcept { return m_step; }
  EventLoop& loop() noexcept { return m_py->loop(); }

private:
  void start(const std::vector<std::string>& source, const std::map<std::string, double>& params, std::optional<ClockKind> clock);

  Step m_step;                          // a copy: the lesson may be reloaded while we run
  std::unique_ptr<python::ProgramRun> m_py;  // never null (an empty program for a missing step)
  bool m_finished = false;
  std::optional<std::string> m_error;   // the run could not start (no such step)
};

// Checks `--set` style overrides against the step's params; returns one message per problem
// ("unknown param 'jbos' (did you mean 'jobs'?)", "param 'jobs' must be within [1, 10]").
std::vector<std::string> check_param_overrides(const Step& step, const std::map<std::string, double>& params);

}  // namespace loopscope::lesson
