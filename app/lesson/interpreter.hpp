#pragma once
// interpreter.hpp — runs a step's Program on the engine: every program coroutine becomes a real
// engine coroutine (Coro<Value>), every task a real engine Task.
//
// Running a lesson *is* running the engine: sleep is the engine's sleep, create_task its
// create_task, gather its gather, and so on. Before each operation the interpreter records the
// listing lines it stands for (a location annotation, EventLoop::annotate), so the trace says where every task is.
// Invariants:
//   - the interpreter never blocks the loop except through EventLoop::blocking (blocking_sleep,
//     cpu), and never uses real time on the virtual clock;
//   - every bound in Limits is checked; crossing one "halts" the run: the reason is recorded,
//     a Halt exception (which no `except` can catch) unwinds the task, and every later
//     operation of any task throws Halt at once, so the run ends promptly and cleanly;
//   - program exceptions are C++ exceptions (ProgramError or the engine's own errors), so the
//     engine's cancellation and exception propagation apply unchanged.
//
// Sections: Frame · ObjectSlot · Interpreter
#include "lesson/lesson.hpp"
#include "lesson/value.hpp"

#include <loopscope/coro.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/net/http_message.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::lesson {

// ---- Frame ---------------------------------------------------------------------------------
// The local variables of one call of a program coroutine.
struct Frame {
  const Coroutine* coro = nullptr;
  std::map<std::string, Value, std::less<>> vars;
  int depth = 0;                                   // inline call depth (0 for a task's root)
  Value ret;                                       // set by `return`
  std::vector<std::exception_ptr> handling;        // exceptions being handled (for bare raise)
};

enum class Flow : std::uint8_t { next, returned };

// Thrown when a limit is crossed. Deliberately not a NamedError subclass of Exception: no
// `except` clause of a program matches it.
struct Halt : std::exception, NamedError {
  const char* what() const noexcept override { return "the run was stopped"; }
  const char* type_name() const noexcept override { return "Halt"; }
};

// ---- ObjectSlot ----------------------------------------------------------------------------
// A declared primitive (Event, Lock, Semaphore, Queue); defined in interp_sync.cpp.
struct ObjectSlot;

// ---- Interpreter ---------------------------------------------------------------------------
class Interpreter {
public:
  // `params` overrides the step's param defaults by name (already range-checked by the caller).
  Interpreter(const Step& step, EventLoop& loop, const std::map<std::string, double>& params);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Creates the program's objects and server and schedules the entry coroutine as a task
  // named after it. Call once, with the loop current.
  Task<Value> start();

  bool halted() const noexcept { return m_halted; }
  const std::string& halt_reason() const noexcept { return m_halt_reason; }
  // Stops the run with `reason` (idempotent: the first reason wins) and throws Halt.
  [[noreturn]] void halt(std::string reason);
  // Records the reason without throwing (used from outside the program's tasks).
  void halt_quietly(std::string reason);

  // Tasks the program created that have not finished (for shutdown, like asyncio.run).
  std::vector<AnyTask> live_tasks();
  std::int64_t ops_executed() const noexcept { return m_ops; }
  // The operation that raised `e`, if `e` is the most recent exception an operation raised.
  const Op* raised_at(const std::exception_ptr& e) const noexcept;
  const Limits& limits() const noexcept { return m_limits; }
  // Drops every value the interpreter holds (objects, tasks), so unretrieved-exception reports
  // fire while the loop still exists.
  void release_values();

  // ---- used by the operation implementations (interp_*.cpp) ------------------------------------
  EventLoop& loop() noexcept { return m_loop; }
  Coro<Value> run_coroutine(const Coroutine& c, std::vector<Value> args, int depth, bool task_root);
  Coro<Flow> exec_block(const Block& block, Frame& f);
  Coro<Flow> exec(const Op& op, Frame& f);
  Value eval(const Expr& e, Frame& f);
  std::string render(const Template& t, Frame& f);
  double eval_seconds(const Expr& e, Frame& f, const char* what);
  void assign(Frame& f, const std::string& name, Value v);
  Task<Value> spawn(const CallSpec& call, Frame& f, std::string name);
  Task<Value> spawn_coroutine(std::shared_ptr<CoroValue> c, std::string name);
  // A task from a value that is a task or a coroutine object (wrapped in a new task).
  AnyTask as_task(const Value& v, const char* what);
  ObjectSlot& object(const std::string& name);

private:
  // Operation groups, one file each.
  Coro<Flow> exec_core(const Op& op, Frame& f);    // interp_core.cpp
  Coro<Flow> exec_tasks(const Op& op, Frame& f);   // interp_tasks.cpp
  Coro<Flow> exec_sync(const Op& op, Frame& f);    // interp_sync.cpp
  Coro<Flow> exec_http(const Op& op, Frame& f);    // interp_http.cpp
  Coro<Flow> exec_try(const TryOp& op, Frame& f);
  Coro<Flow> dispatch(const Op& op, Frame& f);
  void tick(const Op& op);
  void create_objects();
  void start_server();
  void stop_server();
  Coro<void> open_server();                                  // interp_http.cpp
  Coro<net::HttpResponse> handle_route(std::size_t index);   // interp_http.cpp
  Coro<Value> entry_task(const Coroutine& entry);
  Value lookup(const std::string& name, Frame& f);
  Value eval_node(const ExprNode& n, Frame& f);
  Value call_function(const ExprNode& n, Frame& f);

  const Step& m_step;
  EventLoop& m_loop;
  Limits m_limits;
  std::map<std::string, Value, std::less<>> m_globals;   // params and objects
  std::map<std::string, std::unique_ptr<ObjectSlot>, std::less<>> m_objects;
  std::vector<AnyTask> m_tasks;
  std::int64_t m_ops = 0;
  std::int64_t m_output_lines = 0;
  std::int64_t m_tasks_alive = 0;
  std::int64_t m_unnamed_tasks = 1;   // the entry task plays asyncio's Task-1
  std::exception_ptr m_error_origin;   // the last exception that left an operation…
  const Op* m_error_op = nullptr;       // …and the innermost operation it left
  bool m_halted = false;
  std::string m_halt_reason;
  struct ServerState;
  std::shared_ptr<ServerState> m_server;  // shared_ptr: ServerState is defined in interp_http.cpp only

  friend struct AliveGuard;
  friend class InterpreterAccess;
};

// A coroutine object (`c = job(1)` without await). Awaited at most once.
struct CoroValue {
  Coro<Value> coro;
  std::string name;
  bool consumed = false;
};

}  // namespace loopscope::lesson
