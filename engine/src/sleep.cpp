// sleep.cpp — SleepAwaiter.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

namespace loopscope {

namespace {
void run_sleep_timer(detail::ReadyNode* n) {
  auto* t = static_cast<detail::SleepTimer*>(n)->m_task;
  t->m_loop->schedule_task(*t);
}
}  // namespace

void SleepAwaiter::await_suspend(std::coroutine_handle<> h) {
  detail::TaskCore& t = detail::current_task_core();
  t.m_resume = h;
  EventLoop& loop = *t.m_loop;
  if (m_delay <= 0) {  // bare yield
    loop.schedule_task(t);
    return;
  }
  m_timer.m_kind = detail::NodeKind::sleep_timer;
  m_timer.m_run = &run_sleep_timer;
  m_timer.m_task = &t;
  m_timer.m_owner = t.m_id;
  loop.arm_timer(m_timer, loop.time() + m_delay);
  loop.suspend_task(t, *this);
}

AwaitTarget SleepAwaiter::describe() const {
  AwaitTarget a;
  a.kind = AwaitKind::sleep;
  a.target = m_timer.m_handle;
  a.deadline = m_timer.m_deadline;
  char buf[64];
  std::snprintf(buf, sizeof buf, "sleep(%g)", m_delay);
  a.label = buf;
  return a;
}

detail::CancelAction SleepAwaiter::on_cancel(detail::TaskCore& task) {
  EventLoop& loop = *task.m_loop;
  if (m_timer.m_in_heap) loop.cancel_timer(m_timer);
  else if (m_timer.m_queued) loop.unqueue_node(m_timer);
  return detail::CancelAction::detached;
}

}  // namespace loopscope
