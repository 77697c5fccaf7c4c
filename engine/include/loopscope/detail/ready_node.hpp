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
  sleep_timer,  // the timer of a sleep(): running it wakes the sleeping task
  internal,        // engine bookkeeping node: a LabelledNode (gather/wait/group callbacks)
  internal_timer,  // engine bookkeeping timer: a LabelledTimer (timeouts, executor jobs)
};

struct ReadyNode {
  ReadyNode* m_next = nullptr;
  void (*m_run)(ReadyNode*) = nullptr;   // what happens when the loop pops the node
  HandleId m_handle = 0;                 // trace id of the current scheduling
  NodeKind m_kind = NodeKind::internal;   // see NodeKind; fixes the label's source
  bool m_cancelled = false;              // skipped when popped (refcounted Handles only)
  bool m_queued = false;                 // currently in the ready queue
  bool m_in_heap = false;                // currently on the timer heap (TimerNode only)
  std::uint32_t m_spare = 0;             // free bits for the embedding class
};

// A node that can also sit on the timer heap.
struct TimerNode : ReadyNode {
  double m_deadline = 0;
  std::uint64_t m_seq = 0;               // insertion order: ties on deadline fire in this order
  TaskId m_owner = 0;                    // the task the timer belongs to (trace), 0 = none
};

// An internal node with a fixed label for the ready queue view.
struct LabelledNode : ReadyNode {
  LabelledNode() noexcept { m_kind = NodeKind::internal; }
  const char* m_label = "";
};

struct LabelledTimer : TimerNode {
  LabelledTimer() noexcept { m_kind = NodeKind::internal_timer; }
  const char* m_label = "";
};

}  // namespace loopscope::detail
