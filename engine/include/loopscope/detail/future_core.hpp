#pragma once
// detail/future_core.hpp — the type-erased state of a Future (future.hpp), shared by shield,
// gather and the primitives that wait on a future of their own (Condition).
//
// Invariants:
//   - m_refs counts Future handles, awaiters and engine owners; the state is deleted at zero
//     (after reporting an exception nobody retrieved);
//   - m_state is pending until set_result / set_exception / cancel, then never changes;
//   - the waiter list holds, in registration order, the nodes to schedule when the future is
//     done: a task awaiting it (a TaskCore, woken directly: one hop, like asyncio's
//     Task.__wakeup) or a callback handle (add_done_callback, run through the ready queue);
//   - once the future is done the list is empty: a node added afterwards is scheduled at once.
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/task_core.hpp>
#include <loopscope/snapshot.hpp>

#include <coroutine>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

namespace loopscope {
class EventLoop;
namespace detail {

class FutureCore {
public:
  explicit FutureCore(EventLoop& loop);
  FutureCore(const FutureCore&) = delete;
  FutureCore& operator=(const FutureCore&) = delete;

  EventLoop& loop() const noexcept { return *m_loop; }
  std::uint64_t id() const noexcept { return m_id; }
  TaskState state() const noexcept { return m_state; }
  bool done() const noexcept { return m_state >= TaskState::done; }
  bool cancelled() const noexcept { return m_state == TaskState::cancelled; }
  const std::exception_ptr& exception() const noexcept { return m_exception; }
  const std::string& cancel_message() const noexcept { return m_cancel_message; }

  // asyncio's Future.cancel(): false when already done. A gathering future overrides it.
  virtual bool cancel(std::string_view msg);
  // Completes the future (InvalidStateError when it is done already): a value was stored by the
  // typed layer, or an exception.
  void finish_with_result();
  void finish_with_exception(std::exception_ptr e);
  // Throws InvalidStateError("invalid state") when done: set_result/set_exception's check.
  void check_pending() const;
  // Rethrows what result() would: CancelledError if cancelled, the exception if failed,
  // InvalidStateError if pending. Marks the exception retrieved.
  void rethrow_outcome();

  void add_waiter(ReadyNode& node);
  bool remove_waiter(ReadyNode& node) noexcept;
  // What a task awaiting this future waits on (introspection and trace).
  virtual AwaitTarget describe() const;
  void set_label(std::string label) { m_label = std::move(label); }
  void set_await_kind(AwaitKind k, std::uint64_t target) noexcept { m_kind = k; m_target = target; }

  void add_ref() noexcept { ++m_refs; }
  void release() noexcept {
    if (--m_refs == 0) last_release();
  }
  bool m_retrieved = false;

protected:
  virtual ~FutureCore();
  void mark_finished(TaskState s);

private:
  void last_release() noexcept;
  EventLoop* m_loop;
  ReadyNode* m_head = nullptr;
  ReadyNode* m_tail = nullptr;
  std::exception_ptr m_exception;
  std::string m_cancel_message;
  std::string m_label;              // "" = "Future#<id>"
  std::uint64_t m_id;
  std::uint64_t m_target = 0;       // describe(): the awaited object's id (0 = this future's)
  std::uint32_t m_refs = 0;
  AwaitKind m_kind = AwaitKind::future;
  TaskState m_state = TaskState::pending;
};

// `co_await future` inside a task: suspends until the future is done (AwaitKind::future).
// Cancelling the task cancels the future (forwarded); if the future is already done the task
// gets CancelledError when it resumes.
class FutureAwaiter : public Suspension {
public:
  explicit FutureAwaiter(FutureCore* f) noexcept : m_future(f) { m_future->add_ref(); }
  FutureAwaiter(const FutureAwaiter&) = delete;
  ~FutureAwaiter();
  bool await_ready() const noexcept { return m_future->done(); }
  void await_suspend(std::coroutine_handle<> h);
  AwaitTarget describe(const TaskCore& task) const override;
  CancelAction on_cancel(TaskCore& task) override;

protected:
  // After a suspension, delivers a pending cancellation; then rethrows the future's failure.
  void finish_resume();
  FutureCore* m_future;
  TaskCore* m_task = nullptr;       // set while suspended
};

}  // namespace detail
}  // namespace loopscope
