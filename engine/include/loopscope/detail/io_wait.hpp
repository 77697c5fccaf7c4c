#pragma once
// detail/io_wait.hpp — the awaiter behind EventLoop::wait_readable / wait_writable.
//
// While suspended, the task is registered on the loop's epoll selector for one fd and one
// direction (one waiter per fd and direction). Readiness, cancellation or forget_fd() end the
// wait; in every case the registration is removed before the task runs again.
#include <loopscope/detail/task_core.hpp>

namespace loopscope::detail {

class IoWait final : public Suspension {
public:
  IoWait(EventLoop& loop, int fd, IoDirection dir) noexcept : m_loop(&loop), m_fd(fd), m_dir(dir) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h);
  // Throws CancelledError when cancelled; otherwise the fd is (probably) ready.
  void await_resume() { resume_point(); }
  AwaitTarget describe(const detail::TaskCore& task) const override;
  CancelAction on_cancel(TaskCore& task) override;

  EventLoop* m_loop;
  int m_fd;
  IoDirection m_dir;
  TaskCore* m_task = nullptr;
};

}  // namespace loopscope::detail
