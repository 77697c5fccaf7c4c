#pragma once
// future.hpp — Future<T>, asyncio.Future: a result that someone sets later.
//
// `auto f = loop.create_future<int>();` (or create_future<int>()) makes a pending future.
// set_result / set_exception / cancel complete it once (a second time is InvalidStateError).
// `co_await f` in a task suspends until it is done (AwaitKind::future, target = the future's
// id) and returns the result, rethrows the exception, or raises CancelledError. Cancelling a
// task that awaits a future cancels the future. add_done_callback(fn) runs fn(future) through
// the ready queue once the future is done (at the next iteration if it is done already).
// A Future is a shared, copyable handle, like Task. An exception nobody retrieved is reported
// through the loop's exception handler ("Future exception was never retrieved").
#include <loopscope/detail/future_core.hpp>
#include <loopscope/errors.hpp>

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace loopscope {

template <class T> class Future;

namespace detail {
template <class T> struct FutureValue {
  std::optional<T> m_value;
};
template <> struct FutureValue<void> {};

template <class T> class FutureState : public FutureCore, public FutureValue<T> {
public:
  using FutureCore::FutureCore;
};

// Registers fn as a done callback of `core` (a refcounted Handle in the waiter list).
void add_future_callback(FutureCore& core, std::function<void()> fn);
EventLoop& current_loop_or_throw();
}  // namespace detail

template <class T = void> class Future {
public:
  Future() noexcept = default;
  explicit Future(detail::FutureState<T>* s) noexcept : m_s(s) { if (m_s) m_s->add_ref(); }
  Future(const Future& o) noexcept : Future(o.m_s) {}
  Future(Future&& o) noexcept : m_s(std::exchange(o.m_s, nullptr)) {}
  Future& operator=(Future o) noexcept { std::swap(m_s, o.m_s); return *this; }
  ~Future() { if (m_s) m_s->release(); }

  explicit operator bool() const noexcept { return m_s != nullptr; }
  std::uint64_t id() const noexcept { return m_s->id(); }
  bool done() const noexcept { return m_s->done(); }
  bool cancelled() const noexcept { return m_s->cancelled(); }
  bool cancel(std::string_view msg = {}) { return m_s->cancel(msg); }

  template <class U = T> requires(!std::is_void_v<U>) void set_result(U v) {
    m_s->check_pending();
    m_s->m_value.emplace(std::move(v));
    m_s->finish_with_result();
  }
  template <class U = T> requires std::is_void_v<U> void set_result() { m_s->finish_with_result(); }
  void set_exception(std::exception_ptr e) { m_s->finish_with_exception(std::move(e)); }
  template <class E> void set_exception(E e) { set_exception(std::make_exception_ptr(std::move(e))); }

  // The result (a copy); rethrows the exception; CancelledError if cancelled;
  // InvalidStateError("Result is not set.") if pending.
  T result() const {
    m_s->rethrow_outcome();
    if constexpr (!std::is_void_v<T>) return *m_s->m_value;
  }
  // The exception (null if none); CancelledError if cancelled; InvalidStateError if pending.
  std::exception_ptr exception() const {
    if (!m_s->done()) throw InvalidStateError("Exception is not set.");
    if (m_s->cancelled()) m_s->rethrow_outcome();
    m_s->m_retrieved = true;
    return m_s->exception();
  }
  void add_done_callback(std::function<void(Future)> fn) const {
    detail::add_future_callback(*m_s, [fn = std::move(fn), self = *this] { fn(self); });
  }
  detail::FutureState<T>* core() const noexcept { return m_s; }
  friend bool operator==(const Future& a, const Future& b) noexcept { return a.m_s == b.m_s; }

  struct Awaiter : detail::FutureAwaiter {
    using FutureAwaiter::FutureAwaiter;
    T await_resume() {
      finish_resume();
      if constexpr (!std::is_void_v<T>) return *static_cast<detail::FutureState<T>*>(m_future)->m_value;
    }
  };
  Awaiter operator co_await() const noexcept { return Awaiter{m_s}; }

private:
  detail::FutureState<T>* m_s = nullptr;
};

// A pending future on `loop`.
template <class T = void> Future<T> create_future(EventLoop& loop) {
  return Future<T>(new detail::FutureState<T>(loop));
}
// A pending future on the current loop.
template <class T = void> Future<T> create_future() { return create_future<T>(detail::current_loop_or_throw()); }

}  // namespace loopscope
