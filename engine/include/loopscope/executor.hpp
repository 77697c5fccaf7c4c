#pragma once
// executor.hpp — to_thread / run_in_executor: run a blocking function on a small thread pool.
//
// `R r = co_await to_thread(fn);` runs fn() on a worker thread while the loop goes on; the
// result (or exception) comes back through the loop (the worker posts the completion, an
// eventfd wakes the selector, the completion enters the ready queue as a handle, which then
// schedules the task — asyncio's two hops). The task is suspended with AwaitKind::executor,
// target = the job id.
//
// Virtual clock: `to_thread(fn)` completes at the first poll after it was submitted (the loop
// waits there, in real time, for its worker), and `to_thread(fn, virtual_seconds)` completes
// exactly at submit time + virtual_seconds (a timer the loop can jump to; if the worker is still
// busy then, the loop waits for it). Completions are taken only in the poll phase, so the trace
// is the same however long fn really takes: runs stay deterministic.
// Cancelling the awaiting task abandons the job: the worker finishes it, the result is dropped.
// g++ 12 mishandles a capturing lambda written inside the co_await expression itself
// (`co_await to_thread([s] {…})` frees the captured string twice): name the lambda first,
// `auto fn = [s] {…}; co_await to_thread(fn);`.
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/task_core.hpp>
#include <loopscope/errors.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace loopscope {
class EventLoop;

namespace detail {

// One job: a timer node (for the virtual deadline) that is also the completion handle.
struct ExecutorJobBase : LabelledTimer {
  ExecutorJobBase() noexcept { m_run = &ExecutorJobBase::run_node; m_label = "to_thread result"; }
  virtual ~ExecutorJobBase() = default;
  virtual void execute() noexcept = 0;       // on a worker thread
  static void run_node(ReadyNode* n);

  EventLoop* m_loop = nullptr;
  TaskCore* m_waiter = nullptr;
  std::uint64_t m_job_id = 0;
  bool m_has_deadline = false;
  bool m_deadline_reached = false;
  bool m_finished = false;                   // the loop has seen the worker's completion
  bool m_abandoned = false;                  // the awaiting task was cancelled
  bool m_delivered = false;
};

template <class R> struct ExecutorJob final : ExecutorJobBase {
  explicit ExecutorJob(std::function<R()> fn) : m_fn(std::move(fn)) {}
  void execute() noexcept override {
    try {
      if constexpr (std::is_void_v<R>) m_fn();
      else m_value.emplace(m_fn());
    } catch (...) {
      m_error = std::current_exception();
    }
  }
  std::function<R()> m_fn;
  std::conditional_t<std::is_void_v<R>, bool, std::optional<R>> m_value{};
  std::exception_ptr m_error;
};

// A fixed pool of worker threads, started on first use.
class Executor {
public:
  explicit Executor(std::size_t threads);
  ~Executor();
  void submit(ExecutorJobBase* job);
  std::size_t threads() const noexcept { return m_threads.size(); }

private:
  void worker();
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<ExecutorJobBase*> m_queue;
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

class ExecutorWaitBase : public Suspension {
public:
  AwaitTarget describe(const detail::TaskCore& task) const override;
  CancelAction on_cancel(TaskCore& task) override;

protected:
  void submit(ExecutorJobBase* job, std::coroutine_handle<> h, std::optional<double> vsecs);
  ExecutorJobBase* m_job = nullptr;
};

template <class R> class ToThreadAwaiter final : public ExecutorWaitBase {
public:
  ToThreadAwaiter(std::function<R()> fn, std::optional<double> vsecs)
      : m_fn(std::move(fn)), m_vsecs(vsecs) {}
  ToThreadAwaiter(const ToThreadAwaiter&) = delete;
  ~ToThreadAwaiter() {
    // The job is ours unless cancellation abandoned it (then m_job is null and the loop frees
    // it when its worker finishes).
    delete m_job;
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    auto* job = new ExecutorJob<R>(std::move(m_fn));
    submit(job, h, m_vsecs);
  }
  R await_resume() {
    resume_point();
    auto* job = static_cast<ExecutorJob<R>*>(m_job);
    if (job->m_error) std::rethrow_exception(job->m_error);
    if constexpr (!std::is_void_v<R>) return std::move(*job->m_value);
  }

private:
  std::function<R()> m_fn;
  std::optional<double> m_vsecs;
};

}  // namespace detail

// Runs fn() on the loop's thread pool; co_await the result.
template <class F, class R = std::invoke_result_t<F&>>
detail::ToThreadAwaiter<R> to_thread(F fn) {
  return detail::ToThreadAwaiter<R>(std::function<R()>(std::move(fn)), std::nullopt);
}
// As above, but on the virtual clock the result arrives exactly `virtual_seconds` after submission.
template <class F, class R = std::invoke_result_t<F&>>
detail::ToThreadAwaiter<R> to_thread(F fn, double virtual_seconds) {
  return detail::ToThreadAwaiter<R>(std::function<R()>(std::move(fn)), virtual_seconds);
}
// asyncio's loop.run_in_executor(None, fn).
template <class F, class R = std::invoke_result_t<F&>>
detail::ToThreadAwaiter<R> run_in_executor(F fn) {
  return to_thread(std::move(fn));
}

}  // namespace loopscope
