#pragma once
// condition.hpp — asyncio.Condition: wait until notified, holding a lock around the check.
//
// wait() requires the lock: it releases it, waits for notify() on a future of its own
// (AwaitKind::condition, target = the condition's id), then takes the lock again — even when
// cancelled meanwhile, as asyncio does — before returning or raising. notify(n) wakes the first
// n waiters that are not woken yet, notify_all() every one; both require the lock
// (RuntimeError). wait_for(pred) loops on wait() until pred() is true. The lock is the
// condition's own unless one is given (several conditions may share a lock).
#include <loopscope/coro.hpp>
#include <loopscope/detail/primitive.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/future.hpp>
#include <loopscope/lock.hpp>

#include <deque>
#include <functional>

namespace loopscope {

class Condition : public detail::Primitive {
public:
  Condition() : Condition(nullptr, "Condition") {}
  explicit Condition(Lock& lock) : Condition(&lock, "Condition") {}

  bool locked() const noexcept { return m_lock->locked(); }
  Lock::Acquire acquire() noexcept { return m_lock->acquire(); }
  void release() { m_lock->release(); }
  Lock& lock() noexcept { return *m_lock; }

  Coro<bool> wait();
  Coro<bool> wait_for(std::function<bool()> predicate);
  void notify(std::size_t n = 1);
  void notify_all() { notify(m_waiters.size()); }
  std::size_t waiting() const noexcept { return m_waiters.size(); }

protected:
  // `type_name` names the primitive in labels ("Barrier#4" for a barrier's condition).
  Condition(Lock* lock, const char* type_name);

private:
  Lock m_own_lock;
  Lock* m_lock;
  std::deque<Future<>> m_waiters;
};

}  // namespace loopscope
