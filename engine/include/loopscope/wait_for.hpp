#pragma once
// wait_for.hpp — asyncio.wait_for: await a task with a timeout.
//
// On timeout the inner task is cancelled and wait_for waits until it has finished — so its
// cleanup (catch blocks, destructors) has run — before TimeoutError reaches the caller. If the
// inner task swallows the cancellation and returns a value, that value is returned. Cancelling
// the caller cancels the inner task too (and waits for it) before CancelledError propagates.
// This follows CPython 3.11's implementation, hop for hop.
#include <loopscope/coro.hpp>
#include <loopscope/detail/watch.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/task.hpp>

#include <optional>

namespace loopscope {

namespace detail {
// Cancels `t` and waits until it is done (asyncio's _cancel_and_wait).
inline Coro<> cancel_and_wait(AnyTask t) {
  Watch w(AwaitKind::wait_for, WatchMode::first_completed, {t.core()}, std::nullopt, "wait_for");
  t.cancel();
  co_await w;
}
}  // namespace detail

template <class T> Coro<T> wait_for(Task<T> task, double timeout) {
  if (timeout <= 0) {
    if (!task.done()) {
      co_await detail::cancel_and_wait(task);
      try {
        co_return task.result();
      } catch (const CancelledError&) {
        throw TimeoutError();
      }
    }
    co_return task.result();
  }
  std::exception_ptr outer_cancel;
  {
    detail::Watch w(AwaitKind::wait_for, detail::WatchMode::first_completed, {task.core()}, timeout, "wait_for");
    try {
      co_await w;
    } catch (const CancelledError&) {
      outer_cancel = std::current_exception();
    }
  }
  if (outer_cancel) {
    if (task.done()) co_return task.result();
    co_await detail::cancel_and_wait(task);
    std::rethrow_exception(outer_cancel);
  }
  if (task.done()) co_return task.result();
  co_await detail::cancel_and_wait(task);
  try {
    co_return task.result();
  } catch (const CancelledError&) {
    throw TimeoutError();
  }
}

// A coroutine is wrapped in a task when wait_for starts running, as asyncio's ensure_future
// does (the task gets the next "Task-N" name then, not when wait_for is called).
template <class T> Coro<T> wait_for(Coro<T> coro, double timeout) {
  if constexpr (std::is_void_v<T>) co_await wait_for(create_task(std::move(coro)), timeout);
  else co_return co_await wait_for(create_task(std::move(coro)), timeout);
}

}  // namespace loopscope
