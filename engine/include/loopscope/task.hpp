#pragma once
// task.hpp — Task<T>, a coroutine scheduled on the loop, and create_task().
//
// A Task is a shared, copyable handle (like an asyncio.Task object). create_task() schedules
// the coroutine: it starts at the loop's next iteration, never inside create_task. A task has an
// id (1, 2, 3… per loop), a name ("Task-N" by default, numbered like asyncio: only unnamed
// tasks consume a number), a state (pending → running → suspended → … → done | cancelled |
// failed) and, once finished, a result or an exception. `co_await task` suspends until it is
// done and returns its result or rethrows (which marks the exception retrieved). An exception
// that nobody retrieves is reported through the loop's exception handler when the last handle
// goes away.
//
// Cancellation: cancel() is a request. CancelledError is raised inside the task at its current
// suspension point (or at its next one, if it is already scheduled); try/catch and destructors
// run; a task awaiting another task passes the request on to it; a task may catch the error and
// carry on.
//
// Sections: AnyTask · Task<T> · create_task
#include <loopscope/coro.hpp>
#include <loopscope/detail/task_core.hpp>
#include <loopscope/errors.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace loopscope {

class AnyTask;

namespace detail {
// Turns a fresh frame into a task on `loop` (nullptr: the current loop) and schedules it.
void spawn(TaskCore& core, EventLoop* loop, std::string_view name);
// Registers a callback handle run (through the ready queue) when `core` finishes.
void add_done_callback(TaskCore& core, std::function<void(AnyTask)> fn);

// `co_await task`: suspends until the task finishes.
class TaskWaitAwaiter : public Suspension {
public:
  explicit TaskWaitAwaiter(TaskCore* target) noexcept : m_target(target) {}
  bool await_ready() const noexcept { return m_target->done(); }
  void await_suspend(std::coroutine_handle<> h);
  // After a suspension, delivers a pending cancellation; marks the exception retrieved.
  void finish_resume();
  AwaitTarget describe(const detail::TaskCore& task) const override;
  CancelAction on_cancel(TaskCore& task) override;

protected:
  TaskCore* m_target;
  bool m_suspended = false;
};
}  // namespace detail

// ---- AnyTask -------------------------------------------------------------------------------
// A type-erased task handle (for containers of mixed tasks). Empty when default-constructed.
class AnyTask {
public:
  AnyTask() noexcept = default;
  explicit AnyTask(detail::TaskCore* core) noexcept : m_core(core) { if (m_core) m_core->add_ref(); }
  AnyTask(const AnyTask& o) noexcept : AnyTask(o.m_core) {}
  AnyTask(AnyTask&& o) noexcept : m_core(std::exchange(o.m_core, nullptr)) {}
  AnyTask& operator=(AnyTask o) noexcept { std::swap(m_core, o.m_core); return *this; }
  ~AnyTask() { if (m_core) m_core->release(); }

  explicit operator bool() const noexcept { return m_core != nullptr; }
  TaskId id() const noexcept { return m_core->id(); }
  std::string name() const { return m_core->name(); }
  TaskState state() const noexcept { return m_core->state(); }
  bool done() const noexcept { return m_core->done(); }
  bool cancelled() const noexcept { return m_core->state() == TaskState::cancelled; }
  // Requests cancellation; false if the task is already finished.
  bool cancel(std::string msg = {}) { return m_core->cancel(msg); }
  // asyncio's cancelling() / uncancel().
  int cancelling() const noexcept { return m_core->cancelling(); }
  int uncancel() noexcept { return m_core->uncancel(); }
  // The exception of a failed task (null if it succeeded); marks it retrieved. Throws
  // CancelledError if the task was cancelled, InvalidStateError if it is not done.
  std::exception_ptr exception() const;
  // Rethrows the task's exception, if any (InvalidStateError if not done).
  void get() const;
  // fn(task) runs through the ready queue after the task finishes (at once if it has).
  void add_done_callback(std::function<void(AnyTask)> fn) const {
    detail::add_done_callback(*m_core, std::move(fn));
  }
  detail::TaskCore* core() const noexcept { return m_core; }
  friend bool operator==(const AnyTask& a, const AnyTask& b) noexcept { return a.m_core == b.m_core; }

  struct Awaiter : detail::TaskWaitAwaiter {
    using TaskWaitAwaiter::TaskWaitAwaiter;
    void await_resume() {
      finish_resume();
      m_target->rethrow_if_exception();
    }
  };
  Awaiter operator co_await() const noexcept { return Awaiter{m_core}; }

protected:
  detail::TaskCore* m_core = nullptr;
};

namespace detail {
template <class T> struct ResultCopy {
  static T get(CoroPromise<T>& p) {
    p.rethrow_if_exception();
    return p.peek();
  }
};
template <> struct ResultCopy<void> {
  static void get(CoroPromise<void>& p) {
    p.rethrow_if_exception();
  }
};
}  // namespace detail

// ---- Task<T> -------------------------------------------------------------------------------
template <class T> class Task : public AnyTask {
public:
  Task() noexcept = default;
  explicit Task(detail::CoroPromise<T>* p) noexcept : AnyTask(p) {}

  // The result (a copy), or rethrow; InvalidStateError if not done. Marks the exception retrieved.
  T result() const {
    check_done();
    m_core->m_retrieved = true;
    return detail::ResultCopy<T>::get(promise());
  }

  struct Awaiter : detail::TaskWaitAwaiter {
    using TaskWaitAwaiter::TaskWaitAwaiter;
    T await_resume() {
      finish_resume();
      auto& p = static_cast<detail::CoroPromise<T>&>(*m_target);
      p.rethrow_if_exception();
      if constexpr (!std::is_void_v<T>) return p.peek();
    }
  };
  Awaiter operator co_await() const noexcept { return Awaiter{m_core}; }

private:
  detail::CoroPromise<T>& promise() const noexcept {
    return static_cast<detail::CoroPromise<T>&>(*m_core);
  }
  void check_done() const {
    if (!m_core->done()) throw InvalidStateError("Result is not set.");
  }
};

// The task running now (asyncio.current_task()); an empty AnyTask outside a task.
AnyTask current_task() noexcept;

// ---- create_task ---------------------------------------------------------------------------
// Schedules `coro` on `loop` (the current loop when null). The task starts at the next iteration.
template <class T>
Task<T> create_task(Coro<T> coro, std::string_view name = {}, EventLoop* loop = nullptr) {
  auto h = coro.release();
  if (!h) throw InvalidStateError("create_task: empty coroutine");
  detail::CoroPromise<T>& p = h.promise();
  Task<T> t(&p);
  detail::spawn(p, loop, name);
  return t;
}

}  // namespace loopscope
