#pragma once
// lock.hpp — asyncio.Lock: mutual exclusion between tasks, FIFO fair.
//
// acquire() takes the lock at once only if it is free and nobody is queued; otherwise the task
// joins the FIFO queue (AwaitKind::lock). release() hands the lock to the first waiter: a task
// that arrives after release() but before the woken waiter runs still queues behind it.
// A waiter cancelled after being woken passes the wake-up on.
#include <loopscope/detail/primitive.hpp>
#include <loopscope/errors.hpp>

namespace loopscope {

class Lock : public detail::Primitive {
public:
  Lock() : Primitive(AwaitKind::lock, "Lock") {}
  bool locked() const noexcept { return m_locked; }
  // Throws RuntimeError if the lock is not held.
  void release();

  class Acquire : public detail::PrimitiveWait {
  public:
    explicit Acquire(Lock& l) noexcept : PrimitiveWait(l, l.m_waiters, AwaitKind::lock), m_lock(l) {}
    bool await_ready() noexcept {
      if (m_lock.m_locked || !m_lock.m_waiters.empty()) return false;
      m_lock.m_locked = true;
      ++m_lock.m_stats.acquisitions;
      return true;
    }
    void await_suspend(std::coroutine_handle<> h) { park(h); }
    void await_resume() {
      if (!m_suspended) return;
      leave();
      detail::TaskCore* t = detail::tls.task;
      if (t && t->m_must_cancel) {
        if (!m_lock.m_locked) m_lock.wake_first();
        detail::resume_point();
      }
      m_lock.m_locked = true;
      ++m_lock.m_stats.acquisitions;
    }

  private:
    Lock& m_lock;
  };
  // co_await lock.acquire()
  Acquire acquire() noexcept { return Acquire(*this); }

private:
  void wake_first() {
    detail::Waiter* w = m_waiters.front();
    if (w && !w->woken) wake(*w);
  }
  bool m_locked = false;
  detail::WaitList m_waiters;
};

inline void Lock::release() {
  if (!m_locked) throw RuntimeError("Lock is not acquired.");
  m_locked = false;
  ++m_stats.releases;
  wake_first();
}

}  // namespace loopscope
