#pragma once
// program.hpp — ProgramRun: parse a Python program, then run it on a fresh engine loop.
//
// The entry point of the Python front end: "parse + check + run this source on this loop".
// Like asyncio.run, the run is over when the module body has finished; at each asyncio.run the
// main task ("Task-1") runs, then the tasks still alive are cancelled and the loop runs until
// their cleanup is done, and the module resumes. The caller drives it one loop iteration at a
// time (run_once: the app) or to the end (run_to_end: `loopscope run`, `check`, tests).
// Invariants:
//   - every run is bounded (Limits): a runaway program ends with an error, never a hang;
//   - a program that does not parse never starts; its error is "file:line:col: message";
//   - after finished() is true, result() is final and run_once() does nothing;
//   - destroying a ProgramRun at any moment is clean.
//
// Sections: options · results · ProgramRun
#include "python/ast.hpp"
#include "python/diagnostic.hpp"
#include "python/runtime/runtime.hpp"

#include <loopscope/event_loop.hpp>
#include <loopscope/net/http_message.hpp>
#include <loopscope/trace.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::net { class HttpServer; }

namespace loopscope::python {

// ---- options ---------------------------------------------------------------------------------
// A route of the program's loopback HTTP server (a lesson step's server).
struct HttpRoute {
  std::string path;
  std::function<Coro<net::HttpResponse>()> handler;
};

struct ProgramOptions {
  std::string filename = "prog.py";      // as tracebacks and errors name it
  ClockKind clock = ClockKind::virtual_time;
  Limits limits;
  // Module-level constants replaced at their assignment (`JOBS = 3` → JOBS = 5).
  std::map<std::string, Value> constants;
  std::uint64_t seed = 12345;            // random's seed: runs repeat
  std::vector<HttpRoute> routes;         // non-empty: serve them on 127.0.0.1 and set BASE
  std::string base_constant = "BASE";
  bool record_trace = true;              // the app and --trace need it; plain runs go faster without
};

// ---- results ---------------------------------------------------------------------------------
struct ProgramTask {
  TaskId id = 0;
  std::string name;
  TaskState state = TaskState::pending;
  std::string error;
};

struct ProgramResult {
  std::vector<OutputLine> output;
  double duration = 0;
  std::vector<ProgramTask> tasks;
  std::vector<std::string> warnings;
  std::optional<std::string> error;      // "ZeroDivisionError: division by zero", a limit, a syntax error
  int error_line = 0;                    // where (0: unknown)
  int error_col = 0;                     // 1-based, in code points (0: the whole line)
  int error_end_line = 0, error_end_col = 0;  // a run-time error's expression ends here (exclusive)
  std::string traceback;                 // CPython-like, for an uncaught exception
  bool syntax_error = false;             // the program never ran
  std::string task_name(TaskId id) const;
};

// ---- ProgramRun ------------------------------------------------------------------------------
class ProgramRun {
public:
  ProgramRun(std::string source, ProgramOptions options);
  ~ProgramRun();
  ProgramRun(const ProgramRun&) = delete;
  ProgramRun& operator=(const ProgramRun&) = delete;

  bool run_once();
  void run_until(double t);
  void run_to_end();
  bool finished() const noexcept { return m_finished; }
  double time() const noexcept;
  std::optional<double> next_time();
  const TraceRecorder& trace() const noexcept { return m_trace; }
  EventLoop& loop() noexcept { return *m_loop; }
  ProgramResult result() const;
  // Called with each line as it is printed (the CLI streams output).
  void set_output_handler(std::function<void(double, TaskId, std::string_view)> fn);
  const std::vector<std::string>& source_lines() const noexcept { return m_lines; }

private:
  void finish(std::optional<std::string> error, int line = 0);
  void begin_shutdown();
  void describe_failure(const std::exception_ptr& e);
  bool step_module();

  ProgramOptions m_options;
  std::string m_source;
  std::vector<std::string> m_lines;
  std::unique_ptr<Module> m_module;
  TraceRecorder m_trace;
  std::unique_ptr<EventLoop> m_loop;
  std::unique_ptr<net::HttpServer> m_server;
  std::unique_ptr<Runtime> m_rt;
  std::vector<AnyTask> m_cancelled;
  // asyncio.run after the main task is done (step_module): stopping (the iteration that runs
  // main's done callback), cancelling (the tasks left, until all are done), closing (gather's
  // and the shutdown helpers' iterations). m_pad counts the iterations still due in a phase
  // whose ready work is asyncio's own; a no-op callback stands in for it (m_pad_pending).
  enum class Shutdown : std::uint8_t { none, stopping, cancelling, closing };
  Shutdown m_phase = Shutdown::none;
  int m_pad = 0;
  bool m_pad_pending = false;
  bool m_finished = false;
  std::vector<std::string> m_warnings;
  ProgramResult m_final;
  std::string m_traceback;
  int m_error_line = 0;
};

// Reads a file into a ProgramRun-able string; nullopt if it cannot be read.
std::optional<std::string> read_source(const std::string& path);

}  // namespace loopscope::python
