#pragma once
// module_asyncio.hpp — what the files of the `asyncio` module share:
//   module_asyncio.cpp         run, sleep, tasks, gather / wait / wait_for / as_completed,
//                              timeout, TaskGroup, the loop object and its handles
//   module_asyncio_sync.cpp    Lock, Event, Semaphore, BoundedSemaphore, Condition, Barrier
//   module_asyncio_queues.cpp  Queue, PriorityQueue, LifoQueue
//   module_asyncio_future.cpp  Future, shield, what gather accepts (tasks and futures), and
//                              wait_for / wait / as_completed of futures
#include "python/runtime/args.hpp"
#include "python/runtime/runtime.hpp"
#include "python/runtime/thread_work.hpp"  // native_coro

#include <loopscope/future.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/task.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::python {

// The process-wide type object `asyncio.NAME` (never freed, like the built-in types).
TypeObject* native_type(const char* name);
// Registers `asyncio.NAME` as a type whose call is `construct`.
void def_type(ModuleObject& mod, const char* name, NativeFn construct);
// None → nullopt, else a number of seconds.
std::optional<double> opt_seconds(const std::optional<Value>& v, const char* what);
// A callback for the ready queue that calls fn(*args); an exception is reported like asyncio's
// "Exception in callback" (a loop warning), never raised into the loop.
std::function<void()> callback(Runtime& rt, Value fn, std::vector<Value> args);
// The object asyncio.get_running_loop() returns.
Value loop_value();

// Removes every callback equal to fn that was not removed yet; returns how many.
std::int64_t remove_done_callbacks(std::vector<DoneCallback>& callbacks, const Value& fn);

// A task or a future: what gather accepts besides coroutines (exactly one is set).
struct Awaitable {
  Task<Value> task;
  Future<Value> future;
  Value result() const { return task ? task.result() : future.result(); }
  bool done() const { return task ? task.done() : future.done(); }
  bool failed() const;  // done with an exception (not cancelled)
  // fn() through the ready queue once done (at once if done already), like add_done_callback.
  void on_done(std::function<void()> fn) const;
};
// A task or a future for v: a Task, a Future, or a coroutine (wrapped in a new task).
Awaitable as_awaitable(Runtime& rt, const Value& v, const char* what);
// The Future object of v, or null.
struct FutureObject;
FutureObject* as_future(const Value& v);
// asyncio.wait / as_completed when a Future is among the arguments (the engine's wait and
// AsCompleted take tasks): CPython 3.11's _wait and as_completed on done callbacks. `when` is
// "ALL_COMPLETED", "FIRST_COMPLETED" or "FIRST_EXCEPTION".
Coro<Value> wait_with_futures(Runtime& rt, std::vector<Value> items, std::string when, std::optional<double> timeout);
Value as_completed_with_futures(Runtime& rt, std::vector<Value> items, std::optional<double> timeout);

// The engine future of a Future object (as_future(v) must be true).
Future<Value> future_of(const Value& v);
// asyncio.wait_for(future, timeout) as CPython 3.11 does it (the engine's wait_for takes tasks).
Coro<Value> wait_for_future(Runtime& rt, Future<Value> fut, double timeout);

void install_asyncio_sync(ModuleObject& mod);
void install_asyncio_queues(ModuleObject& mod);
void install_asyncio_futures(ModuleObject& mod);
// loop.create_future()
Value new_future_value(Runtime& rt);
// A Future object for an engine future (gather's own future, for one).
Value future_value(Runtime& rt, Future<Value> f);

}  // namespace loopscope::python

namespace loopscope::detail {
template <> struct GatherTraits<python::Awaitable> {
  using value_type = python::Value;
  static GatherChild child(const python::Awaitable& a) {
    return a.task ? GatherChild{a.task.core(), nullptr} : GatherChild{nullptr, a.future.core()};
  }
};
}  // namespace loopscope::detail
