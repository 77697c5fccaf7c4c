// interp_tasks.cpp — operations over tasks, all on the engine's own combinators: gather, wait,
// wait_for, the timeout scope, cancel.
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

#include <loopscope/gather.hpp>
#include <loopscope/timeout.hpp>
#include <loopscope/wait.hpp>
#include <loopscope/wait_for.hpp>

namespace loopscope::lesson {

namespace {
Task<Value> typed(const AnyTask& t) { return Task<Value>(static_cast<loopscope::detail::CoroPromise<Value>*>(t.core())); }

Value task_list(const std::vector<Task<Value>>& tasks) {
  std::vector<Value> items;
  for (const auto& t : tasks) items.emplace_back(TaskValue{t});
  return Value::list(std::move(items));
}
}  // namespace

Coro<Flow> Interpreter::exec_tasks(const Op& op, Frame& f) {
  // Collects the tasks an op names: a list expression, item expressions, coroutine calls.
  auto collect = [&](const std::optional<Expr>& list, const std::vector<Expr>& items, const char* what) {
    std::vector<Task<Value>> tasks;
    if (list) {
      const Value v = eval(*list, f);
      auto* l = v.get_if<std::shared_ptr<ListValue>>();
      if (!l) throw ProgramError("TypeError", std::string(what) + " expects a list of tasks, got " + v.type_name());
      for (const auto& item : (*l)->items) tasks.push_back(typed(as_task(item, what)));
    }
    for (const auto& e : items) tasks.push_back(typed(as_task(eval(e, f), what)));
    return tasks;
  };

  if (auto* o = std::get_if<GatherOp>(&op.data)) {
    std::vector<Task<Value>> tasks = collect(o->list, o->items, "gather");
    for (const auto& c : o->calls) tasks.push_back(spawn(c, f, {}));
    std::vector<Value> results;
    if (o->return_exceptions == lesson::ReturnExceptions::yes) {
      auto outcomes = co_await gather(std::move(tasks), loopscope::ReturnExceptions::yes);
      for (auto& oc : outcomes) {
        if (oc.ok()) results.push_back(*oc.value);
        else results.emplace_back(describe_error(oc.error));
      }
    } else {
      results = co_await gather(std::move(tasks));
    }
    assign(f, o->into, Value::list(std::move(results)));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<WaitOp>(&op.data)) {
    std::vector<Task<Value>> tasks = collect(o->list, o->items, "wait");
    if (tasks.empty()) throw ProgramError("ValueError", "Set of Tasks/Futures is empty.");
    std::optional<double> timeout;
    if (o->timeout) timeout = eval_seconds(*o->timeout, f, "wait timeout");
    const ReturnWhen when = o->return_when == WaitWhen::first_completed   ? ReturnWhen::first_completed
                            : o->return_when == WaitWhen::first_exception ? ReturnWhen::first_exception
                                                                          : ReturnWhen::all_completed;
    auto r = co_await wait(std::move(tasks), when, timeout);
    assign(f, o->done, task_list(r.done));
    assign(f, o->pending, task_list(r.pending));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<WaitForOp>(&op.data)) {
    const double secs = eval_seconds(o->timeout, f, "wait_for timeout");
    Task<Value> t = o->call ? spawn(*o->call, f, {}) : typed(as_task(eval(*o->task, f), "wait_for"));
    Value r = co_await wait_for(std::move(t), secs);
    assign(f, o->into, std::move(r));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<TimeoutOp>(&op.data)) {
    const double secs = eval_seconds(o->seconds, f, "timeout seconds");
    const Flow flow = co_await timeout(secs, exec_block(o->body, f));
    co_return flow;
  }
  if (auto* o = std::get_if<CancelOp>(&op.data)) {
    const Value v = eval(o->task, f);
    auto* t = v.get_if<TaskValue>();
    if (!t) throw ProgramError("TypeError", "cancel expects a task, got " + v.type_name());
    const std::string msg = o->message ? render(*o->message, f) : std::string();
    AnyTask task = t->task;
    const bool ok = task.cancel(msg);
    assign(f, o->into, Value(ok));
    co_return Flow::next;
  }
  throw ProgramError("RuntimeError", "operation '" + op.name + "' is not implemented");
}

}  // namespace loopscope::lesson
