#pragma once
// detail/thread_state.hpp — the per-thread "who is running" record.
//
// `loop` is the current loop of this thread (set by the first EventLoop built on it and while a
// loop runs); `task` is the task whose step is executing (nullptr between steps); `next` is the
// trampoline slot: a coroutine that wants to transfer control sets it and suspends, and the
// task's step loop resumes it. The trampoline keeps the machine stack flat whatever the depth
// of nested co_awaits, in every build type.
#include <coroutine>

namespace loopscope {
class EventLoop;
namespace detail {
class TaskCore;

struct ThreadState {
  EventLoop* loop = nullptr;
  TaskCore* task = nullptr;
  std::coroutine_handle<> next = nullptr;
  // The function of the coroutine frame created last (its promise sets it, its Coro takes it).
  const char* coro_function = nullptr;
};

inline constinit thread_local ThreadState tls{};

}  // namespace detail
}  // namespace loopscope
