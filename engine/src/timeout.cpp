// timeout.cpp — Timeout (CPython 3.11's asyncio/timeouts.py).
#include <loopscope/event_loop.hpp>
#include <loopscope/timeout.hpp>

namespace loopscope {

Timeout timeout(std::optional<double> delay) {
  EventLoop* loop = EventLoop::current();
  if (!loop) throw RuntimeError("no current event loop");
  return Timeout(delay ? std::optional<double>(loop->time() + *delay) : std::nullopt);
}

void Timeout::enter() {
  if (m_state != State::created) throw RuntimeError("Timeout has already been entered");
  m_task = &detail::current_task_core();
  m_state = State::entered;
  m_timer.owner = this;
  m_timer.m_run = &Timeout::on_timeout;
  m_timer.m_label = "timeout: cancel task";
  m_timer.m_owner = m_task->m_id;
  reschedule(m_when);
}

void Timeout::reschedule(std::optional<double> when) {
  if (m_state != State::entered)
    throw RuntimeError(m_state == State::created ? "Timeout has not been entered"
                                                 : "Cannot change state of an expired or exited Timeout");
  m_when = when;
  disarm();
  if (!when) return;
  EventLoop& loop = *m_task->m_loop;
  if (*when <= loop.time()) loop.schedule_node(m_timer);
  else loop.arm_timer(m_timer, *when);
}

void Timeout::disarm() noexcept {
  if (!m_task) return;
  EventLoop* loop = m_task->m_loop;
  if (!loop) return;
  if (m_timer.m_in_heap) loop->cancel_timer(m_timer);
  if (m_timer.m_queued) loop->unqueue_node(m_timer);
}

void Timeout::on_timeout(detail::ReadyNode* n) {
  Timeout* t = static_cast<Timer*>(n)->owner;
  t->m_task->cancel();
  t->m_state = State::expiring;
}

void Timeout::exit(std::exception_ptr error) {
  disarm();
  if (m_state == State::expiring) {
    m_state = State::expired;
    if (m_task->uncancel() == 0 && error && is_cancelled_error(error)) throw TimeoutError();
  } else if (m_state == State::entered) {
    m_state = State::exited;
  }
}

}  // namespace loopscope
