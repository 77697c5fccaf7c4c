#pragma once
// runtime.hpp — evaluates a parsed Python program (python/ast.hpp) on the engine.
//
// Every `async def` call makes a real engine coroutine (Coro<Value>), every asyncio task is a
// real engine Task (named as asyncio names them), `await asyncio.sleep` is the engine's sleep,
// and so on. Plain `def` bodies run on the same statement executor, driven to completion at
// once (run_sync: they cannot suspend). The module body runs outside any task; at
// `asyncio.run(main())` it suspends, the main task ("Task-1") runs on the loop, and the module
// resumes once main and the tasks cancelled after it are done (ProgramRun drives this).
// Invariants:
//   - before each statement the runtime records its line (EventLoop::annotate, a location) and counts an
//     operation; crossing a Limits bound halts the run (Halt, which no `except` catches);
//   - Python exceptions are C++ exceptions (errors.hpp): the engine's cancellation and exception
//     propagation apply unchanged;
//   - values never leave the loop thread.
//
// Sections: Limits · scopes and frames · Runtime
#include "python/ast.hpp"
#include "python/runtime/errors.hpp"
#include "python/runtime/objects.hpp"
#include "python/runtime/ops.hpp"

#include <loopscope/coro.hpp>
#include <loopscope/event_loop.hpp>

#include <coroutine>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace loopscope::python {

// ---- Limits ----------------------------------------------------------------------------------
struct Limits {
  std::int64_t max_tasks = 1000;       // tasks alive at once
  std::int64_t max_ops = 200000;       // statements and calls executed
  double max_time = 3600;              // loop seconds
  double max_wall = 30;                // real seconds (real-clock runs)
  std::int64_t max_output = 5000;      // printed lines
  std::int64_t max_depth = 200;        // nested calls
};

// ---- scopes and frames -----------------------------------------------------------------------
// A function's (or the module's) variables. Closures share their enclosing Env.
struct Env {
  std::unordered_map<std::string, Value> vars;
  std::shared_ptr<Env> parent;   // the enclosing function's Env (free variables)
};

// ScopeInfo as hash sets, built once per scope.
struct ScopeTable {
  std::unordered_set<std::string> locals, globals, nonlocals, free;
  bool is_module = false;
};

enum class Flow : std::uint8_t { next, returned, broke, continued };

struct Frame {
  std::shared_ptr<Env> env;            // null at module level (globals)
  const ScopeTable* scope = nullptr;
  std::string_view function = "<module>";
  int line = 0;
  // The innermost expression an exception has left since the current statement began (line 0:
  // none yet): where the traceback's entry for this frame points, to the column.
  SourceSpan error_span{0, 0, 0, 0};
  int depth = 0;
  Value ret;
  std::vector<std::exception_ptr> handling;  // exceptions being handled (bare `raise`)
};

// Notes that an exception is leaving expression `span` in frame `f`; the first note after a
// statement begins is the innermost expression, which is where CPython's traceback points.
inline void note_error_span(Frame& f, const SourceSpan& span) {
  if (f.error_span.line == 0) f.error_span = span;
}

// Frame `f`'s entry in a traceback: the line of the expression that raised (as CPython reports
// the failing instruction's line) with its span, or the statement's line when none was noted.
inline TraceEntry trace_entry(const Frame& f, std::string function) {
  if (f.error_span.line == 0) return {f.line, std::move(function)};
  const SourceSpan& s = f.error_span;
  return {s.line, std::move(function), s.col, s.end_line, s.end_col};
}

// Seconds of a steady real clock (the wall-time limit of real-clock runs).
double wall_now();

// ---- SleepObject -----------------------------------------------------------------------------
// What asyncio.sleep(d) returns: awaiting it is the engine's sleep, with no coroutine frame of its
// own (the hot path of every asyncio program). Where a coroutine is needed (gather, create_task),
// as_coroutine() makes one.
struct SleepObject : NativeObject {
  SleepObject(double d, Value r) : delay(d), result(std::move(r)) { is_sleep = true; }
  double delay;
  Value result;
  const char* type_name() const override { return "coroutine"; }
  std::string repr() const override { return "<coroutine object sleep>"; }
  bool is_awaitable() const override { return true; }
  std::optional<Value> getattr(Runtime&, const Value&, std::string_view) override { return std::nullopt; }
  Value as_coroutine() const;
};
inline SleepObject* as_sleep(const Value& v) {
  auto* n = v.get<NativeObject>(ObjKind::native);
  return n && n->is_sleep ? static_cast<SleepObject*>(n) : nullptr;
}

// ---- Runtime ---------------------------------------------------------------------------------
class Runtime {
public:
  Runtime(const Module& module, std::string filename, std::vector<std::string> lines, EventLoop& loop, Limits limits,
          std::uint64_t seed);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // ---- the program's life (program.cpp drives it)
  // Binds module-level constants before the module runs (params: `JOBS = 3` → 5).
  void set_overrides(std::map<std::string, Value> o) { m_overrides = std::move(o); }
  // Runs the module body until it finishes or waits in asyncio.run.
  void start();
  bool module_finished() const noexcept { return m_module_done; }
  // The module waits in asyncio.run for `main_task()`.
  bool waiting_for_main() const noexcept { return bool(m_module_resume); }
  const Task<Value>& main_task() const noexcept { return m_main; }
  // Resumes the module after asyncio.run's main task (and the shutdown) is over. The callbacks
  // the program scheduled (call_soon / call_later / call_at) that have not run are cancelled
  // first: asyncio.run closes its loop, and the next asyncio.run starts on an empty one.
  void resume_module();
  // Remembers a callback the program scheduled, for resume_module; `ran` becomes true when it runs.
  void track_handle(HandleRef h, std::shared_ptr<bool> ran);
  // How the module ended: null, or the exception that escaped it.
  std::exception_ptr module_error() const noexcept { return m_module_error; }
  // Tasks alive that asyncio.run cancels at shutdown.
  std::vector<AnyTask> live_tasks();
  void release_values();

  // ---- limits
  bool halted() const noexcept { return m_halted; }
  double wall_start() const noexcept { return m_wall_start; }
  const std::string& halt_reason() const noexcept { return m_halt_reason; }
  int halt_line() const noexcept { return m_halt_line; }
  [[noreturn]] void halt(std::string reason, int line);
  void halt_quietly(std::string reason, int line = 0);
  const Limits& limits() const noexcept { return m_limits; }
  std::int64_t ops() const noexcept { return m_ops; }

  // ---- services for builtins and modules
  EventLoop& loop() noexcept { return m_loop; }
  const std::string& filename() const noexcept { return m_filename; }
  std::string source_line(int line) const;
  // Writes program output; complete lines become output events, a partial line waits.
  void write(const std::string& text);
  void flush_output();
  void sort_values(std::vector<Value>& items, const Value& key, bool reverse);
  // The Python object for an exception in flight (same object each time for the same one).
  Ref<ExceptionObject> exception_object(const std::exception_ptr& e);
  // Calls any callable synchronously (a `def` runs to completion; an `async def` gives a coroutine).
  Value call(const Value& f, CallArgs& args);
  Value call(const Value& f, std::vector<Value> args);
  // `await v`: a coroutine, a task, or an asyncio awaitable.
  Coro<Value> await_value(Value v);
  // The running task is about to await: records its frames and their locals (frames_text) when
  // tracing and when they differ from what the task recorded last. Never calls program code.
  void note_frames();
  // A task for a coroutine object (asyncio.create_task / ensure_future).
  // Names follow CPython 3.11: a task is "Task-N" with N from one counter; asyncio.create_task and
  // TaskGroup.create_task consume a number even when given a name (they rename the task).
  Value create_task(const Value& coro, std::string name, bool consume_number = true);
  std::string next_task_name(const std::string& given, bool consume_number);
  // asyncio.run's shutdown runs two helper tasks (shutdown_asyncgens, shutdown_default_executor).
  void skip_task_numbers(int n) { m_task_counter += n; }
  Value task_value(const AnyTask& t);     // the one TaskObject of an engine task
  void forget_task(detail::TaskCore* core) noexcept;
  Task<Value> as_task(const Value& v, const char* what);  // task, or coroutine wrapped in one
  Value get_attr(const Value& obj, std::string_view name);
  std::mt19937_64& rng() noexcept { return m_rng; }
  std::int64_t& tasks_alive() noexcept { return m_tasks_alive; }
  Value module_value(std::string_view name);   // asyncio, time, random, aiohttp
  bool is_asyncio_run(const Value& f) const noexcept;
  // Runs a coroutine that cannot suspend (a plain `def` body) to completion, now.
  Value run_sync(Coro<Value> c);

  // ---- the evaluator (eval_*.cpp)
  Value eval(const Expr& e, Frame& f);
  Value eval_node(const Expr& e, Frame& f);  // eval without noting where an exception left
  void name_primitives(const Value& v, const std::string& name);
  Coro<Value> eval_async(const Expr& e, Frame& f);
  // `e` by whichever evaluator it needs (eval_async when it awaits), noting where an exception
  // left it as eval does.
  Coro<Value> eval_any(const Expr& e, Frame& f);
  bool needs_async(const Expr& e);
  Coro<Flow> exec_block(const Body& body, Frame& f);
  Coro<Value> run_function(Ref<FunctionObject> fn, std::shared_ptr<Env> env);
  std::shared_ptr<Env> bind(FunctionObject& fn, CallArgs& args);

private:
  friend struct ModuleRunAwaiter;
  // statements (eval_stmt.cpp)
  Coro<Flow> exec_compound(const Stmt& s, Frame& f);
  Coro<Flow> exec_async_simple(const Stmt& s, Frame& f);
  Flow exec_simple(const Stmt& s, Frame& f);
  Coro<Flow> exec_try(const Try& t, Frame& f);
  Coro<Flow> exec_with(const With& w, Frame& f, std::size_t item);
  Coro<Flow> exec_try_star(const Try& t, Frame& f, std::exception_ptr err);
  bool handler_matches(const Expr* type, const ExceptionObject& e, Frame& f);
  Coro<Flow> exec_for(const For& s, Frame& f);
  bool is_simple(const Stmt& s);
  const Expr* direct_await(const Stmt& s);
  void tick(const Stmt& s, Frame& f);
  void raise_stmt(const Raise& r, Frame& f, Value exc, Value cause);
  // names and targets (eval_names.cpp)
  Value load(const std::string& name, Frame& f);
  void store(const std::string& name, Value v, Frame& f);
  void erase(const std::string& name, Frame& f);
  void assign(const Expr& target, Value v, Frame& f);
  void assign_evaluated(const Expr& target, Value v, Frame& f, std::vector<Value>& parts);
  const ScopeTable& scope_table(const ScopeInfo& s, bool module);
  // expressions (eval_expr.cpp)
  Value eval_call(const Call& c, Frame& f);
  void collect_args(const Call& c, Frame& f, CallArgs& out);
  Value eval_fstring(const FString& s, Frame& f);
  std::string eval_fparts(const std::vector<FStringPart>& parts, Frame& f);
  Value eval_subscript_key(const Expr& e, Frame& f);
  Value make_function(const FunctionDef* def, const Lambda* lambda, Frame& f);
  Value eval_comprehension(const Expr& e, Frame& f);
  Value call_lambda(FunctionObject& fn, CallArgs& args);
  std::shared_ptr<Env> new_env(std::shared_ptr<Env> parent);
  // modules
  Value import_module(const std::string& name, int line);
  void install_builtins();

  const Module& m_module;
  std::string m_filename;
  std::vector<std::string> m_lines;
  EventLoop& m_loop;
  Limits m_limits;
  std::mt19937_64 m_rng;
  std::map<std::string, Value> m_overrides;
  std::shared_ptr<Env> m_globals;
  std::unordered_map<std::string, Value> m_builtins;
  std::map<std::string, Value, std::less<>> m_modules;
  std::unordered_map<const ScopeInfo*, std::unique_ptr<ScopeTable>> m_scopes;
  std::unordered_map<const Expr*, bool> m_async_cache;
  std::unordered_map<const Stmt*, bool> m_simple_cache;
  std::unordered_map<detail::TaskCore*, TaskObject*> m_task_objects;
  // exceptions from the engine, converted once (keyed by the exception object's address)
  std::unordered_map<const void*, std::pair<std::exception_ptr, Ref<ExceptionObject>>> m_engine_errors;
  Frame m_module_frame;
  Coro<Value> m_module_coro;
  std::coroutine_handle<> m_module_resume;
  Value m_main_coro;
  Task<Value> m_main;
  std::vector<AnyTask> m_tasks;
  // the program's scheduled callbacks that may not have run yet (track_handle)
  std::vector<std::pair<HandleRef, std::shared_ptr<bool>>> m_handles;
  std::size_t m_handles_prune_at = 256;
  std::size_t m_tasks_prune_at = 256;
  std::exception_ptr m_module_error;
  bool m_module_done = false;
  std::int64_t m_ops = 0;
  std::int64_t m_output_lines = 0;
  std::string m_partial_line;
  std::int64_t m_tasks_alive = 0;
  bool m_halted = false;
  std::string m_halt_reason;
  int m_halt_line = 0;
  Value m_asyncio_run;
  std::int64_t m_call_depth = 0;
  std::uint64_t m_task_counter = 0;
  struct NestingGuard;
  std::unordered_map<detail::TaskCore*, std::int64_t> m_nesting;  // user frames per task
  // ---- frames (frames.cpp): the user frames of each task, outermost first, kept while tracing,
  // and the last frames text each task recorded (Annotation::frames).
  // Returns the task the frame was pushed for (null: not tracing, nothing pushed).
  detail::TaskCore* push_frame(const Frame& f);
  void pop_frame(detail::TaskCore* task, const Frame& f);
  std::unordered_map<detail::TaskCore*, std::vector<const Frame*>> m_task_frames;
  std::unordered_map<detail::TaskCore*, std::string> m_frames_sent;
  std::string m_frames_scratch;
  // Every Env made (weakly): release_values() empties the live ones, which breaks the cycles a
  // nested def makes (its Env holds the function, the function holds the Env).
  std::vector<std::weak_ptr<Env>> m_envs;
  std::size_t m_envs_prune_at = 1024;
  double m_wall_start = 0;
  int m_last_line = 0;  // the statement executed last (for errors raised outside statements)

  friend Coro<Value> run_module_body(Runtime& rt);
};

}  // namespace loopscope::python
