// timeout.cpp — TimeoutScope.
#include <loopscope/event_loop.hpp>
#include <loopscope/timeout.hpp>

namespace loopscope {

TimeoutScope::TimeoutScope(std::optional<double> delay)
    : m_task(&detail::current_task_core()), m_cancelling_at_entry(m_task->cancelling()) {
  m_timer.owner = this;
  m_timer.m_run = &TimeoutScope::run_timer;
  m_timer.m_label = "timeout: cancel task";
  m_timer.m_owner = m_task->m_id;
  reschedule(delay);
}

void TimeoutScope::reschedule(std::optional<double> delay) {
  disarm();
  if (!delay) return;
  EventLoop& loop = *m_task->m_loop;
  loop.arm_timer(m_timer, loop.time() + (*delay > 0 ? *delay : 0));
}

void TimeoutScope::disarm() noexcept {
  EventLoop* loop = m_task->m_loop;
  if (!loop) return;
  if (m_timer.m_in_heap) loop->cancel_timer(m_timer);
  if (m_timer.m_queued) loop->unqueue_node(m_timer);
}

void TimeoutScope::run_timer(detail::ReadyNode* n) {
  TimeoutScope* s = static_cast<Timer*>(n)->owner;
  s->m_expired = true;
  s->m_task->cancel();
}

bool TimeoutScope::converts_cancellation() noexcept {
  disarm();
  if (!m_expired) return false;
  return m_task->uncancel() <= m_cancelling_at_entry;
}

}  // namespace loopscope
