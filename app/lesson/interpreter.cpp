// interpreter.cpp — the interpreter's frame: starting the program, calling coroutines, running
// blocks, limits, and try/except/finally (see interpreter.hpp). The operations themselves live
// in interp_core.cpp, interp_tasks.cpp, interp_sync.cpp and interp_http.cpp; expressions in
// interp_eval.cpp.
//
// Sections: construction · limits · coroutines and tasks · blocks and dispatch · try
#include "lesson/interpreter.hpp"

#include "lesson/detail/interp_objects.hpp"
#include "lesson/detail/validate.hpp"

#include <cmath>

namespace loopscope::lesson {

// ---- construction --------------------------------------------------------------------------
Interpreter::Interpreter(const Step& step, EventLoop& loop, const std::map<std::string, double>& params)
    : m_step(step), m_loop(loop), m_limits(step.program.limits) {
  for (const auto& p : step.params) {
    double v = p.value;
    if (auto it = params.find(p.name); it != params.end()) v = it->second;
    const bool whole = [](double x) { return std::floor(x) == x && std::fabs(x) < 9e15; }(v) &&
                       std::floor(p.min) == p.min && std::floor(p.step) == p.step;
    m_globals[p.name] = whole ? Value(static_cast<std::int64_t>(v)) : Value(v);
  }
}

Interpreter::~Interpreter() { release_values(); }

void Interpreter::release_values() {
  m_tasks.clear();
  stop_server();
  for (auto& [name, slot] : m_objects)
    if (slot) slot->clear_values();
}

Task<Value> Interpreter::start() {
  create_objects();
  start_server();
  const Coroutine* entry = m_step.program.find(m_step.program.entry);
  if (!entry) throw ProgramError("NameError", "no entry coroutine '" + m_step.program.entry + "'");
  ++m_tasks_alive;
  auto t = m_loop.create_task(entry_task(*entry), entry->name);
  m_tasks.push_back(t);
  return t;
}

// The entry task: opens the program's server (if it declares one), then runs the entry coroutine.
Coro<Value> Interpreter::entry_task(const Coroutine& entry) {
  if (m_server) co_await open_server();
  co_return co_await run_coroutine(entry, {}, 0, true);
}

// ---- limits --------------------------------------------------------------------------------
void Interpreter::halt_quietly(std::string reason) {
  if (m_halted) return;
  m_halted = true;
  m_halt_reason = std::move(reason);
}

void Interpreter::halt(std::string reason) {
  halt_quietly(std::move(reason));
  throw Halt{};
}

void Interpreter::tick(const Op& op) {
  if (m_halted) throw Halt{};
  if (++m_ops > m_limits.max_ops)
    halt("limit exceeded: more than " + std::to_string(m_limits.max_ops) +
         " operations executed (a runaway loop?)");
  if (m_loop.time() > m_limits.max_time)
    halt("limit exceeded: the run went past " + float_repr(m_limits.max_time) + " s");
  m_loop.annotate(Annotation::location(op.lines.py, op.lines.cpp));
}

std::vector<AnyTask> Interpreter::live_tasks() {
  std::vector<AnyTask> out;
  std::erase_if(m_tasks, [](const AnyTask& t) { return t.done(); });
  for (const auto& t : m_tasks) out.push_back(t);
  return out;
}

// ---- coroutines and tasks ------------------------------------------------------------------
// Counts a task as alive for as long as its root frame exists.
struct AliveGuard {
  Interpreter* interp = nullptr;
  ~AliveGuard() {
    if (interp) --interp->m_tasks_alive;
  }
};

Coro<Value> Interpreter::run_coroutine(const Coroutine& c, std::vector<Value> args, int depth, bool task_root) {
  AliveGuard guard;
  if (task_root) guard.interp = this;
  if (depth > m_limits.max_depth)
    halt("limit exceeded: coroutine calls nested more than " + std::to_string(m_limits.max_depth) +
         " deep (endless recursion?)");
  Frame f;
  f.coro = &c;
  f.depth = depth;
  for (std::size_t i = 0; i < c.params.size() && i < args.size(); ++i) f.vars[c.params[i]] = std::move(args[i]);
  if (m_halted) throw Halt{};
  m_loop.annotate(Annotation::location(c.lines.py, c.lines.cpp));
  const Flow flow = co_await exec_block(c.body, f);
  (void)flow;
  co_return std::move(f.ret);
}

Task<Value> Interpreter::spawn(const CallSpec& call, Frame& f, std::string name) {
  const Coroutine* c = m_step.program.find(call.coro);
  if (!c) throw ProgramError("NameError", "no coroutine '" + call.coro + "'");
  std::vector<Value> args;
  for (const auto& a : call.args) args.push_back(eval(a, f));
  if (m_tasks_alive >= m_limits.max_tasks)
    halt("limit exceeded: more than " + std::to_string(m_limits.max_tasks) + " tasks alive at once");
  ++m_tasks_alive;
  auto coro = run_coroutine(*c, std::move(args), 0, true);
  // Default names count like asyncio's, where the entry task is Task-1.
  if (name.empty()) name = "Task-" + std::to_string(++m_unnamed_tasks);
  auto t = m_loop.create_task(std::move(coro), name);
  if (m_tasks.size() > 64) std::erase_if(m_tasks, [](const AnyTask& x) { return x.done(); });
  m_tasks.push_back(t);
  return t;
}

// Wraps an existing coroutine object (made by `call` with "await": false) in a task.
Task<Value> Interpreter::spawn_coroutine(std::shared_ptr<CoroValue> c, std::string name) {
  if (c->consumed) throw ProgramError("RuntimeError", "cannot reuse already awaited coroutine");
  c->consumed = true;
  if (m_tasks_alive >= m_limits.max_tasks)
    halt("limit exceeded: more than " + std::to_string(m_limits.max_tasks) + " tasks alive at once");
  // The coroutine object's frame was not created as a task root; count it here instead.
  ++m_tasks_alive;
  auto wrap = [](Interpreter* self, std::shared_ptr<CoroValue> cv) -> Coro<Value> {
    AliveGuard guard{self};
    co_return co_await std::move(cv->coro);
  };
  if (name.empty()) name = "Task-" + std::to_string(++m_unnamed_tasks);
  auto t = m_loop.create_task(wrap(this, std::move(c)), name);
  m_tasks.push_back(t);
  return t;
}

AnyTask Interpreter::as_task(const Value& v, const char* what) {
  if (auto* t = v.get_if<TaskValue>()) return t->task;
  if (auto* c = v.get_if<std::shared_ptr<CoroValue>>()) return spawn_coroutine(*c, {});
  throw ProgramError("TypeError", std::string(what) + " expects a task or a coroutine, got " + v.type_name());
}

void Interpreter::assign(Frame& f, const std::string& name, Value v) {
  if (name.empty()) return;
  f.vars[name] = std::move(v);
}

// ---- blocks and dispatch -------------------------------------------------------------------
Coro<Flow> Interpreter::exec_block(const Block& block, Frame& f) {
  for (const Op& op : block) {
    if (co_await exec(op, f) == Flow::returned) co_return Flow::returned;
  }
  co_return Flow::next;
}

Coro<Flow> Interpreter::exec(const Op& op, Frame& f) {
  tick(op);
  std::exception_ptr err;
  Flow flow = Flow::next;
  try {
    flow = co_await dispatch(op, f);
  } catch (...) {
    err = std::current_exception();
  }
  if (err) {
    // The innermost operation an exception leaves is where it was raised.
    if (err != m_error_origin) {
      m_error_origin = err;
      m_error_op = &op;
    }
    std::rethrow_exception(err);
  }
  co_return flow;
}

const Op* Interpreter::raised_at(const std::exception_ptr& e) const noexcept {
  return e && e == m_error_origin ? m_error_op : nullptr;
}

Coro<Flow> Interpreter::dispatch(const Op& op, Frame& f) {
  switch (op.data.index()) {
    case variant_index<OpData, GatherOp>():
    case variant_index<OpData, WaitOp>():
    case variant_index<OpData, WaitForOp>():
    case variant_index<OpData, TimeoutOp>():
    case variant_index<OpData, CancelOp>():
      return exec_tasks(op, f);
    case variant_index<OpData, EventOp>():
    case variant_index<OpData, LockOp>():
    case variant_index<OpData, AsyncWithOp>():
    case variant_index<OpData, QueuePutOp>():
    case variant_index<OpData, QueueGetOp>():
    case variant_index<OpData, QueueCtlOp>():
      return exec_sync(op, f);
    case variant_index<OpData, HttpGetOp>():
      return exec_http(op, f);
    case variant_index<OpData, TryOp>():
      return exec_try(std::get<TryOp>(op.data), f);
    default:
      return exec_core(op, f);
  }
}

// ---- try -----------------------------------------------------------------------------------
namespace {
bool is_halt(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const Halt&) {
    return true;
  } catch (...) {
    return false;
  }
}

bool handler_matches(const ExceptClause& h, const std::string& type) {
  if (h.types.empty()) return true;  // bare except
  for (const auto& t : h.types)
    if (detail::exception_matches(type, t)) return true;
  return false;
}
}  // namespace

// C++ forbids co_await inside a catch block, so each part captures its exception and the
// next part runs outside the handler.
Coro<Flow> Interpreter::exec_try(const TryOp& op, Frame& f) {
  Flow flow = Flow::next;
  std::exception_ptr err;
  try {
    flow = co_await exec_block(op.body, f);
  } catch (...) {
    err = std::current_exception();
  }
  if (err && is_halt(err)) std::rethrow_exception(err);
  if (err) {
    const ExceptionValue ev = describe_error(err);
    for (const auto& h : op.handlers) {
      if (!handler_matches(h, ev.type)) continue;
      std::exception_ptr handled = err;
      err = nullptr;
      if (!h.as.empty()) assign(f, h.as, Value(ev));
      m_loop.annotate(Annotation::location(h.lines.py, h.lines.cpp));
      f.handling.push_back(handled);
      try {
        flow = co_await exec_block(h.body, f);
      } catch (...) {
        err = std::current_exception();
      }
      f.handling.pop_back();
      break;
    }
  } else if (flow == Flow::next && !op.else_body.empty()) {
    try {
      flow = co_await exec_block(op.else_body, f);
    } catch (...) {
      err = std::current_exception();
    }
  }
  if (!op.finally_body.empty() && !(err && is_halt(err)) && !m_halted) {
    m_loop.annotate(Annotation::location(op.finally_lines.py, op.finally_lines.cpp));
    const Value saved_ret = f.ret;
    Flow fin = Flow::next;
    std::exception_ptr ferr;
    try {
      fin = co_await exec_block(op.finally_body, f);
    } catch (...) {
      ferr = std::current_exception();
    }
    if (ferr) {
      err = ferr;  // an exception in finally replaces the pending one, as in Python
    } else if (fin == Flow::returned) {
      err = nullptr;  // `return` in finally swallows the pending exception
      flow = Flow::returned;
    } else if (flow == Flow::returned) {
      f.ret = saved_ret;
    }
  }
  if (err) std::rethrow_exception(err);
  co_return flow;
}

}  // namespace loopscope::lesson
