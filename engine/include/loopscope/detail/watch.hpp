#pragma once
// detail/watch.hpp — a suspension that watches a set of tasks (wait, wait_for, as_completed).
//
// Each watched task gets a callback node in its done-callback list. When the task finishes the
// node enters the ready queue (first hop); running it records the completion and, when the
// watch's condition holds, schedules the waiting task (second hop) — the same two hops as
// asyncio's done callbacks + future wake-up. An optional timeout timer wakes the waiter too.
// Invariant: after detach() (called on resume and in the destructor) no node of the watch is
// linked anywhere, so the watch may be destroyed.
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/task_core.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace loopscope { class EventLoop; }

namespace loopscope::detail {

enum class WatchMode : std::uint8_t {
  all,              // every task done
  first_completed,  // any task done
  first_exception,  // every task done, or one failed (not cancelled)
  each,             // every completion wakes the waiter (as_completed)
};

class Watch final : public Suspension {
public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  Watch(AwaitKind kind, WatchMode mode, std::vector<TaskCore*> tasks, std::optional<double> timeout,
        const char* what);
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;
  ~Watch() { detach(); }

  // Awaitable: suspends until the condition holds (mode each: until a completion is unconsumed).
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h);
  void await_resume();

  // co_await on a Watch lvalue goes through this reference (never a copy).
  struct Ref {
    Watch& w;
    bool await_ready() const noexcept { return w.await_ready(); }
    void await_suspend(std::coroutine_handle<> h) { w.await_suspend(h); }
    void await_resume() { w.await_resume(); }
  };
  Ref operator co_await() & noexcept { return Ref{*this}; }

  bool timed_out() const noexcept { return m_timed_out; }
  std::size_t done_count() const noexcept { return m_done; }
  // Mode each: completions in the order their callbacks ran; next_completed() consumes them.
  std::size_t next_completed() noexcept { return m_consumed < m_order.size() ? m_order[m_consumed++] : npos; }
  bool has_unconsumed() const noexcept { return m_consumed < m_order.size(); }
  std::size_t size() const noexcept { return m_tasks.size(); }
  // Unhooks every node and the timer.
  void detach() noexcept;

  AwaitTarget describe(const detail::TaskCore& task) const override;
  CancelAction on_cancel(TaskCore& task) override;

  // The loop runs a watch_child node through this.
  static void run_child(ReadyNode* n);
  // Called by a finishing task for each of its watch_child waiters, before the node is
  // scheduled: the node keeps the outcome, so running it need not touch the task's frame again.
  static inline void note_outcome(ReadyNode& n, TaskCore& task) noexcept;
  // The ready-queue label of this watch's child nodes (a string literal).
  const char* child_label() const noexcept;
  static const char* child_label_of(const ReadyNode& n) noexcept;

private:
  // One per watched task, in its done-callback list until the task finishes, then in the ready
  // queue until it runs. Its index is its position in m_nodes (the vector never grows).
  struct Node : ReadyNode {
    Node() noexcept { m_kind = NodeKind::watch_child; }
    Watch* owner = nullptr;
    TaskState outcome = TaskState::pending;  // the task's final state, once it finished
  };
  struct Timer : LabelledTimer {
    Watch* owner = nullptr;
  };
  static void run_timer(ReadyNode* n);
  void child_done(std::size_t i, TaskState s);
  [[gnu::noinline]] void settle_child(std::size_t i, TaskState s, bool all);
  void wake();

  AwaitKind m_kind;
  WatchMode m_mode;
  std::vector<TaskCore*> m_tasks;
  std::vector<Node> m_nodes;
  std::vector<std::size_t> m_order;
  std::optional<double> m_timeout;
  Timer m_timer;
  const char* m_what;
  std::uint64_t m_id = 0;
  TaskCore* m_waiter = nullptr;
  EventLoop* m_loop = nullptr;
  std::size_t m_done = 0;
  std::size_t m_consumed = 0;
  bool m_satisfied = false;
  bool m_timed_out = false;
  bool m_attached = false;   // the nodes were hooked to their tasks (once, at the first suspend)
  bool m_unhooked = false;   // detach() unhooked the nodes that had not run
  bool m_suspended = false;
};

inline void Watch::note_outcome(ReadyNode& n, TaskCore& task) noexcept {
  auto& node = static_cast<Node&>(n);
  node.outcome = task.state();
}

}  // namespace loopscope::detail
