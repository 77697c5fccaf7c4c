// io_wait.cpp — IoWait: a task suspended on an fd.
#include <loopscope/event_loop.hpp>

namespace loopscope::detail {

void IoWait::await_suspend(std::coroutine_handle<> h) {
  TaskCore& t = current_task_core();
  m_task = &t;
  m_loop->io_register(*this);  // throws before suspending if the fd cannot be watched
  t.m_resume = h;
  m_loop->suspend_task(t, *this);
}

AwaitTarget IoWait::describe(const detail::TaskCore&) const {
  AwaitTarget a;
  a.kind = AwaitKind::io;
  a.target = static_cast<std::uint64_t>(m_fd);
  a.direction = m_dir;
  a.label = std::string(to_string(m_dir)) + " fd " + std::to_string(m_fd);
  return a;
}

CancelAction IoWait::on_cancel(TaskCore&) {
  m_loop->io_unregister(*this);
  return CancelAction::detached;
}

}  // namespace loopscope::detail
