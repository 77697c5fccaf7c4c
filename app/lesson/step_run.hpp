#pragma once
// step_run.hpp — one run of one step's program on a fresh engine loop.
//
// StepRun owns an EventLoop (virtual clock unless the step or the caller asks for real time),
// a TraceRecorder attached to it, and the interpreter running the program. The app drives it
// one loop iteration at a time (run_once) or up to a moment (run_until); `run` and `check`
// call run_to_end. The run ends like asyncio.run(): when the entry task is done, the tasks still
// alive are cancelled and the loop runs until they have finished their cleanup.
// Invariants:
//   - every run is bounded (Limits): a runaway program ends with an error, never a hang;
//   - after finished() is true, result() is final and run_once() does nothing;
//   - destroying a StepRun at any moment is clean (no leaks, no dangling frames).
//
// Sections: RunResult · StepRun
#include "lesson/interpreter.hpp"
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
  // Where in the file the error was raised (the operation), when known; else the step.
  SourcePos error_pos;
  std::string error_pointer;
  // Python listing runs: the listing line the error points at (0: none) and the traceback.
  int listing_line = 0;
  std::string traceback;
  // The name of task `id` ("" if unknown).
  std::string task_name(TaskId id) const;
};

// ---- StepRun -------------------------------------------------------------------------------
// What runs: the step's `program` tree, or its Python listing (code.python) through the Python
// front end. `automatic` takes the tree when the step has one, else the listing.
enum class StepSource : std::uint8_t { automatic, tree, python };

class StepRun {
public:
  // `step_index` is 0-based. `params` overrides defaults by name; values are used as given
  // (the caller checks ranges: see check_param_overrides). `clock` overrides the step's clock.
  StepRun(const Lesson& lesson, std::size_t step_index, const std::map<std::string, double>& params,
          std::optional<ClockKind> clock = std::nullopt, StepSource source = StepSource::automatic);
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
  const TraceRecorder& trace() const noexcept { return m_py ? m_py->trace() : m_trace; }
  RunResult result() const;
  const Step& step() const noexcept { return m_step; }
  EventLoop& loop() noexcept { return m_py ? m_py->loop() : *m_loop; }
  // True when the Python listing runs (not the program tree).
  bool runs_python() const noexcept { return m_py != nullptr; }

private:
  void finish(std::optional<std::string> error);
  void begin_shutdown();

  void start_python(const std::map<std::string, double>& params, std::optional<ClockKind> clock);

  Step m_step;                          // a copy: the lesson may be reloaded while we run
  std::unique_ptr<python::ProgramRun> m_py;  // set when the Python listing runs
  TraceRecorder m_trace;
  std::unique_ptr<EventLoop> m_loop;
  std::unique_ptr<Interpreter> m_interp;
  Task<Value> m_main;
  std::vector<AnyTask> m_cancelled;     // tasks cancelled at shutdown, not yet finished
  bool m_finished = false;
  bool m_shutdown = false;
  std::optional<std::string> m_main_error;
  SourcePos m_error_pos;
  std::string m_error_pointer;
  std::optional<std::string> m_error;
  std::vector<std::string> m_warnings;
  RunResult m_final;
};

// Checks `--set` style overrides against the step's params; returns one message per problem
// ("unknown param 'jbos' (did you mean 'jobs'?)", "param 'jobs' must be within [1, 10]").
std::vector<std::string> check_param_overrides(const Step& step, const std::map<std::string, double>& params);

}  // namespace loopscope::lesson
