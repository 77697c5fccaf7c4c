#pragma once
// shield.hpp — asyncio.shield: protect a task from the cancellation of its awaiter.
//
// `co_await shield(task)` waits for `task` through a new outer future. Cancelling the awaiting
// task cancels only the outer future: the inner task runs on, and its outcome is marked
// retrieved. As in asyncio the result travels two hops (the inner task's done callback, then
// the outer future's wake-up). A task that is already done is not wrapped: the outer future is
// complete at once, so awaiting it does not suspend.
#include <loopscope/future.hpp>
#include <loopscope/task.hpp>

#include <string>

namespace loopscope {

template <class T> Future<T> shield(Task<T> inner) {
  detail::TaskCore& c = *inner.core();
  Future<T> outer = create_future<T>(*c.loop());
  outer.core()->set_label("shield(" + c.name() + ")");
  auto settle = [](Future<T>& outer, const Task<T>& inner) {
    if (outer.cancelled()) {  // nobody wants the outcome any more
      inner.core()->m_retrieved = true;
      return;
    }
    if (inner.cancelled()) {
      const auto* x = inner.core()->extras_if();
      outer.cancel(x ? x->cancel_message : std::string());
    } else if (auto e = inner.core()->take_exception()) {
      outer.set_exception(e);
    } else if constexpr (std::is_void_v<T>) {
      outer.set_result();
    } else {
      outer.set_result(inner.result());
    }
  };
  if (inner.done()) {
    settle(outer, inner);
    return outer;
  }
  inner.add_done_callback([outer, inner, settle](AnyTask) mutable { settle(outer, inner); });
  return outer;
}

// A coroutine is wrapped in a task first (asyncio's ensure_future).
template <class T> Future<T> shield(Coro<T> coro) { return shield(create_task(std::move(coro))); }

}  // namespace loopscope
