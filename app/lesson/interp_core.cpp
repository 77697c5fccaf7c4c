// interp_core.cpp — the basic operations: output, time, calls, tasks, control flow, to_thread.
//
// Sections: output and time · calls and tasks · control flow · to_thread
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

#include <loopscope/executor.hpp>
#include <loopscope/sleep.hpp>

#include <chrono>
#include <cmath>
#include <thread>

namespace loopscope::lesson {

namespace {
void check_duration(Interpreter& in, double s, const char* what) {
  if (s < 0) throw ProgramError("ValueError", std::string(what) + " must be non-negative");
  if (in.loop().time() + s > in.limits().max_time)
    in.halt("limit exceeded: " + std::string(what) + " would run past " + float_repr(in.limits().max_time) + " s");
}
}  // namespace

Coro<Flow> Interpreter::exec_core(const Op& op, Frame& f) {
  // ---- output and time ---------------------------------------------------------------------
  if (auto* o = std::get_if<PrintOp>(&op.data)) {
    const std::string text = render(o->text, f);
    if (++m_output_lines > m_limits.max_output)
      halt("limit exceeded: more than " + std::to_string(m_limits.max_output) + " lines printed");
    m_loop.annotate(Annotation::output(text));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<SleepOp>(&op.data)) {
    const double s = eval_seconds(o->seconds, f, "sleep seconds");
    if (s > 0) check_duration(*this, s, "sleep");
    co_await sleep(s);
    co_return Flow::next;
  }
  if (auto* o = std::get_if<BlockingSleepOp>(&op.data)) {
    const double s = eval_seconds(o->seconds, f, "time.sleep seconds");
    check_duration(*this, s, "time.sleep");
    m_loop.blocking(s, "time.sleep(" + float_repr(s) + ")");
    co_return Flow::next;
  }
  if (auto* o = std::get_if<CpuOp>(&op.data)) {
    const double s = eval_seconds(o->seconds, f, "cpu seconds");
    check_duration(*this, s, "cpu work");
    std::string label = render(o->label, f);
    if (label.empty()) label = "cpu work";
    m_loop.blocking(s, label);
    co_return Flow::next;
  }
  // ---- calls and tasks ---------------------------------------------------------------------
  if (auto* o = std::get_if<CallOp>(&op.data)) {
    const Coroutine* c = m_step.program.find(o->call.coro);
    if (!c) throw ProgramError("NameError", "no coroutine '" + o->call.coro + "'");
    std::vector<Value> args;
    for (const auto& a : o->call.args) args.push_back(eval(a, f));
    if (o->mode == AwaitMode::create_only) {
      auto cv = std::make_shared<CoroValue>();
      cv->coro = run_coroutine(*c, std::move(args), f.depth + 1, false);
      cv->coro.set_name(c->name);
      cv->name = c->name;
      assign(f, o->into, Value(std::move(cv)));
      co_return Flow::next;
    }
    Value r = co_await run_coroutine(*c, std::move(args), f.depth + 1, false);
    assign(f, o->into, std::move(r));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<CreateTaskOp>(&op.data)) {
    const std::string name = o->name ? render(*o->name, f) : std::string();
    Task<Value> t = spawn(o->call, f, name);
    const Value tv(TaskValue{t});
    assign(f, o->into, tv);
    if (!o->append_to.empty()) {
      auto it = f.vars.find(o->append_to);
      if (it == f.vars.end() || it->second.is_none()) {
        f.vars[o->append_to] = Value::list();
        it = f.vars.find(o->append_to);
      }
      auto* l = it->second.get_if<std::shared_ptr<ListValue>>();
      if (!l) throw ProgramError("TypeError", "'" + o->append_to + "' is a " + it->second.type_name() + ", not a list");
      (*l)->items.push_back(tv);
    }
    co_return Flow::next;
  }
  if (auto* o = std::get_if<AwaitOp>(&op.data)) {
    const Value target = eval(o->target, f);
    Value r;
    if (auto* cv = target.get_if<std::shared_ptr<CoroValue>>()) {
      auto c = *cv;
      if (c->consumed) throw ProgramError("RuntimeError", "cannot reuse already awaited coroutine");
      c->consumed = true;
      r = co_await std::move(c->coro);
    } else if (auto* t = target.get_if<TaskValue>()) {
      Task<Value> task(static_cast<loopscope::detail::CoroPromise<Value>*>(t->task.core()));
      r = co_await task;
    } else {
      throw ProgramError("TypeError", "object " + target.type_name() + " can't be used in 'await' expression");
    }
    assign(f, o->into, std::move(r));
    co_return Flow::next;
  }
  // ---- control flow ------------------------------------------------------------------------
  if (auto* o = std::get_if<RaiseOp>(&op.data)) {
    if (o->type.empty()) {
      if (f.handling.empty()) throw ProgramError("RuntimeError", "No active exception to reraise");
      std::rethrow_exception(f.handling.back());
    }
    const std::string message = render(o->message, f);
    if (o->type == "CancelledError") throw CancelledError(message);
    if (o->type == "TimeoutError") throw TimeoutError(message);
    if (o->type == "QueueEmpty") throw QueueEmpty(message);
    if (o->type == "QueueFull") throw QueueFull(message);
    if (o->type == "InvalidStateError") throw InvalidStateError(message);
    throw ProgramError(o->type, message);
  }
  if (auto* o = std::get_if<ReturnOp>(&op.data)) {
    f.ret = o->value ? eval(*o->value, f) : Value();
    co_return Flow::returned;
  }
  if (auto* o = std::get_if<SetOp>(&op.data)) {
    assign(f, o->var, eval(o->value, f));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<ForOp>(&op.data)) {
    if (o->in) {
      const Value seq = eval(*o->in, f);
      std::vector<Value> items;
      if (auto* l = seq.get_if<std::shared_ptr<ListValue>>()) items = (*l)->items;
      else if (auto* s = seq.get_if<std::string>()) for (char c : *s) items.emplace_back(std::string(1, c));
      else throw ProgramError("TypeError", "'" + seq.type_name() + "' object is not iterable");
      for (auto& item : items) {
        assign(f, o->var, std::move(item));
        if (co_await exec_block(o->body, f) == Flow::returned) co_return Flow::returned;
        m_loop.annotate(Annotation::location(op.lines.py, op.lines.cpp));
      }
      co_return Flow::next;
    }
    const Value start = o->start ? eval(*o->start, f) : Value(std::int64_t{0});
    const Value stop = eval(*o->stop, f);
    if (!start.is<std::int64_t>() || !stop.is<std::int64_t>())
      throw ProgramError("TypeError", "range() needs integers, got " + start.type_name() + " and " + stop.type_name());
    for (std::int64_t i = *start.get_if<std::int64_t>(); i < *stop.get_if<std::int64_t>(); ++i) {
      assign(f, o->var, Value(i));
      if (co_await exec_block(o->body, f) == Flow::returned) co_return Flow::returned;
      if (m_halted) throw Halt{};
      m_loop.annotate(Annotation::location(op.lines.py, op.lines.cpp));
    }
    co_return Flow::next;
  }
  if (auto* o = std::get_if<IfOp>(&op.data)) {
    if (eval(o->cond, f).truthy()) co_return co_await exec_block(o->then_body, f);
    if (!o->else_body.empty()) {
      m_loop.annotate(Annotation::location(o->else_lines.py, o->else_lines.cpp));
      co_return co_await exec_block(o->else_body, f);
    }
    co_return Flow::next;
  }
  // ---- to_thread ---------------------------------------------------------------------------
  if (auto* o = std::get_if<ToThreadOp>(&op.data)) {
    const double s = eval_seconds(o->seconds, f, "to_thread seconds");
    check_duration(*this, s, "to_thread work");
    if (m_loop.clock_kind() == ClockKind::virtual_time) {
      co_await to_thread([] { return 0; }, s);
    } else {
      co_await to_thread([s] {
        std::this_thread::sleep_for(std::chrono::duration<double>(s));
        return 0;
      });
    }
    assign(f, o->into, o->value ? eval(*o->value, f) : Value());
    co_return Flow::next;
  }
  throw ProgramError("RuntimeError", "operation '" + op.name + "' is not implemented");
}

}  // namespace loopscope::lesson
