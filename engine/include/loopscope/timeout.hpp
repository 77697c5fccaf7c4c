#pragma once
// timeout.hpp — asyncio.timeout / timeout_at: a deadline over a block of code, as an object.
//
//   auto cm = timeout(2.0);                 // asyncio.timeout(2.0): when() = now + 2
//   co_await cm.run(body(cm));              // async with cm: body runs inline in this task
//   cm.expired();                           // did the deadline pass while inside?
// While inside, cm.reschedule(when) moves the deadline to the absolute loop time `when`
// (nullopt: no deadline); timeout(std::nullopt) starts without one. When the deadline passes
// the current task is cancelled (CancelledError at the body's await point, its cleanup runs);
// on the way out the scope withdraws that request (uncancel) and, if no other cancellation is
// outstanding, raises TimeoutError instead (CPython 3.11's rule: uncancel() == 0). A deadline
// that is already due when set is handled through the ready queue (call_soon), a later one by
// a timer on the loop's heap owned by the task (both visible in snapshots).
// `co_await timeout(delay, body())` is the one-line form.
#include <loopscope/coro.hpp>
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/task_core.hpp>
#include <loopscope/errors.hpp>

#include <exception>
#include <optional>

namespace loopscope {

class Timeout {
public:
  // A scope with the absolute deadline `when` (nullopt = none), not yet entered.
  explicit Timeout(std::optional<double> when) noexcept : m_when(when) {}
  ~Timeout() { disarm(); }
  Timeout(const Timeout&) = delete;
  Timeout& operator=(const Timeout&) = delete;

  std::optional<double> when() const noexcept { return m_when; }
  // Moves the deadline to the absolute time `when` (nullopt removes it). RuntimeError unless
  // the scope is entered and has not expired.
  void reschedule(std::optional<double> when);
  bool expired() const noexcept { return m_state == State::expiring || m_state == State::expired; }

  // async with: enters in the current task, runs body inline, exits.
  template <class T> Coro<T> run(Coro<T> body) {
    enter();
    std::exception_ptr error;
    try {
      if constexpr (std::is_void_v<T>) {
        co_await std::move(body);
        exit(nullptr);
        co_return;
      } else {
        T v = co_await std::move(body);
        exit(nullptr);
        co_return v;
      }
    } catch (...) {
      error = std::current_exception();
    }
    exit(error);  // TimeoutError instead of this scope's CancelledError
    std::rethrow_exception(error);
  }
  // The two halves of run(), for code that cannot hand over a coroutine. exit() throws
  // TimeoutError when `error` is the CancelledError this scope caused (and none other is
  // outstanding); otherwise it returns and the caller goes on with `error` itself.
  void enter();
  void exit(std::exception_ptr error);

private:
  enum class State : std::uint8_t { created, entered, expiring, expired, exited };
  struct Timer : detail::LabelledTimer {
    Timeout* owner = nullptr;
  };
  static void on_timeout(detail::ReadyNode* n);
  void disarm() noexcept;
  Timer m_timer;
  std::optional<double> m_when;
  detail::TaskCore* m_task = nullptr;
  State m_state = State::created;
};

// asyncio.timeout(delay): a scope whose deadline is `delay` seconds from now (nullopt: none).
Timeout timeout(std::optional<double> delay);
// asyncio.timeout_at(when): a scope with the absolute deadline `when`.
inline Timeout timeout_at(std::optional<double> when) { return Timeout(when); }

// `co_await timeout(2.0, body())`: body under a deadline `delay` seconds from now.
template <class T> Coro<T> timeout(std::optional<double> delay, Coro<T> body) {
  Timeout cm = timeout(delay);
  co_return co_await cm.run(std::move(body));
}

}  // namespace loopscope
