#pragma once
// semaphore.hpp — asyncio.Semaphore: at most `value` tasks inside at once.
//
// acquire() decrements the counter or, when it is zero (or others are already queued), waits
// in FIFO order (AwaitKind::semaphore). release() increments it and wakes the first waiter,
// reserving the slot for it. BoundedSemaphore raises ValueError when released above its
// initial value.
#include <loopscope/detail/primitive.hpp>
#include <loopscope/errors.hpp>

namespace loopscope {

class Semaphore : public detail::Primitive {
public:
  explicit Semaphore(int value = 1) : Semaphore(value, "Semaphore") {}
  int value() const noexcept { return m_value; }
  bool locked() const noexcept { return m_value == 0 || !m_waiters.empty(); }
  void release() {
    ++m_value;
    ++m_stats.releases;
    wake_next();
  }

  class Acquire : public detail::PrimitiveWait {
  public:
    explicit Acquire(Semaphore& s) noexcept : PrimitiveWait(s, s.m_waiters, AwaitKind::semaphore), m_sem(s) {}
    bool await_ready() noexcept {
      if (m_sem.locked()) return false;
      --m_sem.m_value;
      ++m_sem.m_stats.acquisitions;
      return true;
    }
    void await_suspend(std::coroutine_handle<> h) { park(h); }
    void await_resume() {
      if (!m_suspended) return;
      leave();
      detail::TaskCore* t = detail::tls.task;
      if (t && t->m_must_cancel) {
        if (m_waiter.woken) {  // give back the slot reserved for us
          ++m_sem.m_value;
          m_sem.wake_next();
        }
        detail::resume_point();
      }
      ++m_sem.m_stats.acquisitions;
      if (m_sem.m_value > 0) m_sem.wake_next();
    }

  private:
    Semaphore& m_sem;
  };
  // co_await sem.acquire()
  Acquire acquire() noexcept { return Acquire(*this); }

protected:
  Semaphore(int value, const char* type_name) : Primitive(AwaitKind::semaphore, type_name), m_value(value) {
    if (value < 0) throw ValueError("Semaphore initial value must be >= 0");
  }

private:
  bool wake_next() {
    for (detail::Waiter* w = m_waiters.front(); w; w = w->next) {
      if (w->woken) continue;
      --m_value;
      wake(*w);
      return true;
    }
    return false;
  }
  int m_value;
  detail::WaitList m_waiters;
};

// asyncio.BoundedSemaphore: release() beyond the initial value is a ValueError.
class BoundedSemaphore : public Semaphore {
public:
  explicit BoundedSemaphore(int value = 1) : Semaphore(value, "BoundedSemaphore"), m_bound(value) {}
  void release() {
    if (value() >= m_bound) throw ValueError("BoundedSemaphore released too many times");
    Semaphore::release();
  }

private:
  int m_bound;
};

}  // namespace loopscope
