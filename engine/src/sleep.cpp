// sleep.cpp — SleepAwaiter.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <charconv>

namespace loopscope {

void SleepAwaiter::suspend_on_timer(std::coroutine_handle<> h) {
  detail::TaskCore& t = detail::current_task_core();
  t.m_resume = h;
  EventLoop& loop = *t.m_loop;
  if (m_delay <= 0) {  // bare yield
    loop.schedule_task(t);
    return;
  }
  auto* timer = ::new (static_cast<void*>(m_storage)) detail::SleepTimer();
  timer->m_kind = detail::NodeKind::sleep_timer;
  timer->m_task = &t;
  loop.arm_timer(*timer, loop.time() + m_delay);
  if (loop.tracing()) loop.reuse_trace_time();  // armed and suspended at the same instant
  loop.suspend_task(t, *this);
}

AwaitTarget SleepAwaiter::describe() const {
  AwaitTarget a;
  a.kind = AwaitKind::sleep;
  a.target = timer().m_handle;
  a.deadline = timer().m_deadline;
  // "sleep(%g)", without printf's cost (to_chars with a precision formats exactly as %.6g).
  char buf[64] = "sleep(";
  char* end = std::to_chars(buf + 6, buf + sizeof buf - 1, m_delay, std::chars_format::general, 6).ptr;
  *end++ = ')';
  a.label.assign(buf, end);
  return a;
}

detail::CancelAction SleepAwaiter::on_cancel(detail::TaskCore& task) {
  EventLoop& loop = *task.m_loop;
  detail::SleepTimer& t = timer();
  if (t.m_in_heap) loop.cancel_timer(t);
  else if (t.m_queued) loop.unqueue_node(t);
  return detail::CancelAction::detached;
}

}  // namespace loopscope
