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
  t.m_kind = detail::NodeKind::sleep_timer;  // the task's node serves as the timer
  loop.arm_timer(t, loop.time() + m_delay);
  if (loop.tracing()) loop.reuse_trace_time();  // armed and suspended at the same instant
  loop.suspend_task(t, *this);
}

AwaitTarget SleepAwaiter::describe(const detail::TaskCore& task) const {
  AwaitTarget a;
  a.kind = AwaitKind::sleep;
  a.target = task.m_handle;  // the task's node is the timer
  a.deadline = task.m_deadline;
  // "sleep(%g)", without printf's cost (to_chars with a precision formats exactly as %.6g).
  char buf[64] = "sleep(";
  char* end = std::to_chars(buf + 6, buf + sizeof buf - 1, m_delay, std::chars_format::general, 6).ptr;
  *end++ = ')';
  a.label.assign(buf, end);
  return a;
}

detail::CancelAction SleepAwaiter::on_cancel(detail::TaskCore& task) {
  EventLoop& loop = *task.m_loop;
  if (task.m_in_heap) loop.cancel_timer(task);
  else if (task.m_queued) loop.unqueue_node(task);
  task.m_kind = detail::NodeKind::task;  // the node is the task's own again
  return detail::CancelAction::detached;
}

}  // namespace loopscope
