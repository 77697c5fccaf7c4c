#pragma once
// detail/ready_node.hpp — an element of the loop's intrusive ready queue, and of the timer heap.
//
// A ReadyNode is in at most one intrusive list at a time (the ready queue or one waiter list),
// linked through m_next. Nodes are owned by whoever embeds them (a task frame, an awaiter, a
// refcounted Handle); the loop never allocates per scheduling.
#include <loopscope/trace.hpp>

#include <cstdint>

namespace loopscope::detail {

enum class NodeKind : std::uint8_t {
  task,         // a TaskCore: running it resumes the task (trace: task_scheduled/task_resumed)
  callback,     // a Handle from call_soon/call_later/add_done_callback
  sleep_timer,  // a sleeping task's own node, serving as its sleep() timer: running it wakes
                // the task (the node is a TaskCore; it is `task` again once scheduled)
  internal,        // engine bookkeeping node: a LabelledNode (gather/group callbacks)
  internal_timer,  // engine bookkeeping timer: a LabelledTimer (timeouts, executor jobs)
  watch_child,     // a Watch's node for one watched task: "wait: child done"
};

// What the loop does when it pops a node is decided by m_kind (a switch, no pointer per node):
// task -> TaskCore::step, callback -> Handle::run_node, sleep_timer -> wake_sleeper,
// internal / internal_timer -> the node's own m_run, watch_child -> Watch::run_child.
struct ReadyNode {
  ReadyNode* m_next = nullptr;
  HandleId m_handle = 0;                 // trace id of the current scheduling
  NodeKind m_kind = NodeKind::internal;   // see NodeKind; fixes the label's source
  bool m_cancelled = false;              // skipped when popped (refcounted Handles only)
  bool m_queued = false;                 // currently in the ready queue
  bool m_in_heap = false;                // currently on the timer heap (TimerNode only)
  std::uint32_t m_refs = 0;              // reference count of refcounted nodes (tasks, Handles)
};

// A node that can also sit on the timer heap.
struct TimerNode : ReadyNode {
  double m_deadline = 0;                 // ties on deadline fire in arming order (= m_handle order)
};

// An internal node with a fixed label for the ready queue view.
struct LabelledNode : ReadyNode {
  LabelledNode() noexcept { m_kind = NodeKind::internal; }
  void (*m_run)(ReadyNode*) = nullptr;
  const char* m_label = "";              // a string literal (interned once per trace)
};

struct LabelledTimer : TimerNode {
  LabelledTimer() noexcept { m_kind = NodeKind::internal_timer; }
  void (*m_run)(ReadyNode*) = nullptr;
  const char* m_label = "";              // a string literal (interned once per trace)
  TaskId m_owner = 0;                    // the task the timer belongs to (trace), 0 = none
};

}  // namespace loopscope::detail
