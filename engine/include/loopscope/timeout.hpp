#pragma once
// timeout.hpp — asyncio.timeout: run a coroutine inline under a deadline.
//
// `co_await timeout(2.0, body())` runs body inline in the current task. If the deadline passes
// first, the current task is cancelled (CancelledError at the body's await point, its cleanup
// runs) and TimeoutError comes out of the scope instead. The timer is a handle on the loop's
// timer heap (visible in snapshots, owned by the task).
#include <loopscope/coro.hpp>
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/task_core.hpp>
#include <loopscope/errors.hpp>

#include <optional>

namespace loopscope {

// The scope object: arms its timer on construction, disarms in the destructor.
class TimeoutScope {
public:
  // `delay` seconds from now; nullopt = no deadline.
  explicit TimeoutScope(std::optional<double> delay);
  ~TimeoutScope() { disarm(); }
  TimeoutScope(const TimeoutScope&) = delete;
  TimeoutScope& operator=(const TimeoutScope&) = delete;
  // Moves the deadline (relative to now); nullopt removes it.
  void reschedule(std::optional<double> delay);
  bool expired() const noexcept { return m_expired; }
  void disarm() noexcept;
  // Call with the CancelledError that left the body: true when it came from this scope's
  // deadline (the caller should raise TimeoutError instead).
  bool converts_cancellation() noexcept;

private:
  struct Timer : detail::LabelledTimer {
    TimeoutScope* owner = nullptr;
  };
  static void run_timer(detail::ReadyNode* n);
  Timer m_timer;
  detail::TaskCore* m_task;
  int m_cancelling_at_entry;
  bool m_expired = false;
};

template <class T> Coro<T> timeout(std::optional<double> delay, Coro<T> body) {
  TimeoutScope scope(delay);
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(body);
      scope.disarm();
      co_return;
    } else {
      T v = co_await std::move(body);
      scope.disarm();
      co_return v;
    }
  } catch (const CancelledError&) {
    if (scope.converts_cancellation()) throw TimeoutError();
    throw;
  }
}

}  // namespace loopscope
