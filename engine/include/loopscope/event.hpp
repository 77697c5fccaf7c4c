#pragma once
// event.hpp — asyncio.Event: a flag tasks can wait for.
//
// wait() returns at once if the flag is set; otherwise the task suspends (AwaitKind::event,
// target = the event's id). set() wakes every waiter, in the order they started waiting.
#include <loopscope/detail/primitive.hpp>

namespace loopscope {

class Event : public detail::Primitive {
public:
  Event() : Primitive(AwaitKind::event, "Event") {}
  bool is_set() const noexcept { return m_set; }
  void set();
  void clear() noexcept { m_set = false; }

  class Wait : public detail::PrimitiveWait {
  public:
    explicit Wait(Event& e) noexcept : PrimitiveWait(e, e.m_waiters, AwaitKind::event), m_event(e) {}
    bool await_ready() noexcept {
      if (!m_event.m_set) return false;
      ++m_event.m_stats.acquisitions;
      return true;
    }
    void await_suspend(std::coroutine_handle<> h) { park(h); }
    bool await_resume() {
      if (m_suspended) {
        leave();
        detail::resume_point();
        ++m_event.m_stats.acquisitions;
      }
      return true;
    }

  private:
    Event& m_event;
  };
  // co_await event.wait()
  Wait wait() noexcept { return Wait(*this); }

private:
  bool m_set = false;
  detail::WaitList m_waiters;
};

inline void Event::set() {
  if (m_set) return;
  m_set = true;
  ++m_stats.releases;
  for (detail::Waiter* w = m_waiters.front(); w; w = w->next)
    if (!w->woken) wake(*w);
}

}  // namespace loopscope
