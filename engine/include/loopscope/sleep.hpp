#pragma once
// sleep.hpp — `co_await sleep(seconds)`.
//
// sleep(d) with d > 0 arms a timer at now + d and suspends the task on it (AwaitKind::sleep).
// When the timer fires it enters the ready queue as a handle; running that handle schedules the
// task (two hops, like asyncio's call_later + future callback). sleep(0) (or any d <= 0) is a
// bare yield: no timer; the task goes straight to the back of the ready queue.
// Cancellation removes the timer and raises CancelledError at the co_await. The timer is the
// task's own node (see detail/task_core.hpp), so a sleep costs the frame 16 bytes.
#include <loopscope/detail/task_core.hpp>
#include <loopscope/event_loop.hpp>

namespace loopscope {

class SleepAwaiter final : public detail::Suspension {
public:
  explicit SleepAwaiter(double seconds) noexcept : m_delay(seconds) {}
  SleepAwaiter(const SleepAwaiter&) = delete;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    detail::TaskCore* t = detail::tls.task;
    if (m_delay <= 0 && t) [[likely]] {  // bare yield: back of the ready queue, no timer
      t->m_resume = h;
      t->m_loop->schedule_task(*t);
      return;
    }
    suspend_on_timer(h);
  }
  void await_resume() { detail::resume_point(); }
  AwaitTarget describe(const detail::TaskCore& task) const override;
  detail::CancelAction on_cancel(detail::TaskCore& task) override;
  double delay() const noexcept { return m_delay; }

private:
  void suspend_on_timer(std::coroutine_handle<> h);
  double m_delay;
};

// Suspends the current task for `seconds` of loop time (a bare yield when seconds <= 0).
inline SleepAwaiter sleep(double seconds) noexcept { return SleepAwaiter(seconds); }
// An exact match for integer literals, so that `sleep(1)` never picks POSIX ::sleep(unsigned).
inline SleepAwaiter sleep(int seconds) noexcept { return SleepAwaiter(seconds); }

}  // namespace loopscope
