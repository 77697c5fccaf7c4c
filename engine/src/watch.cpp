// watch.cpp — Watch: waiting on a set of tasks (see detail/watch.hpp).
#include <loopscope/detail/watch.hpp>
#include <loopscope/event_loop.hpp>

namespace loopscope::detail {

Watch::Watch(AwaitKind kind, WatchMode mode, std::vector<TaskCore*> tasks, std::optional<double> timeout,
             const char* what)
    : m_kind(kind), m_mode(mode), m_tasks(std::move(tasks)), m_nodes(m_tasks.size()), m_timeout(timeout),
      m_what(what) {
  for (auto& n : m_nodes) n.owner = this;
  m_timer.owner = this;
  m_timer.m_run = &Watch::run_timer;
  m_timer.m_label = "timeout";
}

bool Watch::await_ready() const noexcept {
  if (m_mode == WatchMode::each) return has_unconsumed() || m_timed_out;
  return m_tasks.empty();
}

void Watch::await_suspend(std::coroutine_handle<> h) {
  TaskCore& t = current_task_core();
  EventLoop& loop = *t.m_loop;
  t.m_resume = h;
  m_waiter = &t;
  m_loop = &loop;
  m_suspended = true;
  if (!m_id) m_id = loop.next_primitive_id();
  if (!m_attached) {
    m_attached = true;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
      m_tasks[i]->add_waiter(m_nodes[i]);  // a finished task schedules the node at once
    if (m_timeout) {
      m_timer.m_owner = t.m_id;
      loop.arm_timer(m_timer, loop.time() + (*m_timeout > 0 ? *m_timeout : 0));
    }
  }
  loop.suspend_task(t, *this);
}

void Watch::await_resume() {
  const bool suspended = m_suspended;
  m_suspended = false;
  m_waiter = nullptr;
  if (m_mode != WatchMode::each || m_timed_out) detach();
  if (suspended) resume_point();
}

void Watch::run_child(ReadyNode* n) {
  auto* node = static_cast<Node*>(n);
  Watch* w = node->owner;
  w->child_done(static_cast<std::size_t>(node - w->m_nodes.data()), node->outcome);
}

const char* Watch::child_label() const noexcept { return "wait: child done"; }

const char* Watch::child_label_of(const ReadyNode& n) noexcept {
  return static_cast<const Node&>(n).owner->child_label();
}

void Watch::run_timer(ReadyNode* n) {
  Watch* w = static_cast<Timer*>(n)->owner;
  w->m_timed_out = true;
  w->wake();
}

void Watch::child_done(std::size_t i, TaskState s) {
  ++m_done;
  const bool all = m_done == m_tasks.size();
  // The common case: a child that succeeded, not the last one, of a watch that waits for all
  // of them or for a failure (wait ALL_COMPLETED / FIRST_EXCEPTION) only counts.
  if (s == TaskState::done && !all && (m_mode == WatchMode::all || m_mode == WatchMode::first_exception)) [[likely]]
    return;
  settle_child(i, s, all);
}

// A child whose outcome is remembered or may wake the waiter (out of line: keeps child_done's
// common case free of saving registers).
void Watch::settle_child(std::size_t i, TaskState s, bool all) {
  if (m_mode == WatchMode::each) m_order.push_back(i);  // only as_completed consumes the order
  if (m_satisfied && m_mode != WatchMode::each) return;
  bool wake_now = false;
  switch (m_mode) {
    case WatchMode::all: wake_now = all; break;
    case WatchMode::first_completed: wake_now = true; break;
    case WatchMode::first_exception: wake_now = all || s == TaskState::failed; break;
    case WatchMode::each: wake_now = true; break;
  }
  if (wake_now) {
    if (m_mode != WatchMode::each) m_satisfied = true;
    if (m_mode != WatchMode::each && m_timer.m_in_heap && m_waiter) m_waiter->m_loop->cancel_timer(m_timer);
    wake();
  }
}

void Watch::wake() {
  if (!m_waiter || m_waiter->state() != TaskState::suspended || m_waiter->m_awaiting != this) return;
  TaskCore* w = m_waiter;
  w->m_loop->schedule_task(*w);
}

void Watch::detach() noexcept {
  EventLoop* loop = m_loop;
  if (!loop) return;
  // A node that has not run yet is either in the ready queue or, while its task is not done,
  // in the task's done-callback list. Once every node has run there is nothing to unhook.
  if (m_attached && !m_unhooked && m_done < m_nodes.size()) {
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
      Node& n = m_nodes[i];
      if (n.m_queued) loop->unqueue_node(n);
      else if (!m_tasks[i]->done()) m_tasks[i]->remove_waiter(n);
    }
  }
  m_unhooked = m_attached;
  if (m_timer.m_in_heap) loop->cancel_timer(m_timer);
  if (m_timer.m_queued) loop->unqueue_node(m_timer);
}

AwaitTarget Watch::describe(const detail::TaskCore&) const {
  AwaitTarget a;
  a.kind = m_kind;
  a.target = m_kind == AwaitKind::wait_for && !m_tasks.empty() ? m_tasks[0]->m_id : m_id;
  a.deadline = m_timeout ? m_timer.m_deadline : -1;  // fixed once armed
  // The first names, then a count: a gather of 100k tasks gets a readable label, not 1 MB.
  constexpr std::size_t shown = 8;
  std::string label = m_what;
  label += '(';
  for (std::size_t i = 0; i < m_tasks.size() && i < shown; ++i) {
    if (i) label += ", ";
    label += m_tasks[i]->name();
  }
  if (m_tasks.size() > shown) label += ", … " + std::to_string(m_tasks.size() - shown) + " more";
  label += ')';
  a.label = std::move(label);
  return a;
}

CancelAction Watch::on_cancel(TaskCore&) {
  m_waiter = nullptr;
  detach();
  return CancelAction::detached;
}

}  // namespace loopscope::detail
