// task_group.cpp — TaskGroup (CPython 3.11's taskgroups.py, deterministic cancel order).
#include <loopscope/event_loop.hpp>
#include <loopscope/task_group.hpp>

namespace loopscope {

class TaskGroup::JoinWait final : public detail::Suspension {
public:
  explicit JoinWait(TaskGroup& g) noexcept : m_group(g) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    detail::TaskCore& t = detail::current_task_core();
    t.m_resume = h;
    m_group.m_join_waiter = &t;
    t.m_loop->suspend_task(t, *this);
  }
  void await_resume() {
    m_group.m_join_waiter = nullptr;
    detail::resume_point();
  }
  AwaitTarget describe(const detail::TaskCore&) const override {
    AwaitTarget a;
    a.kind = AwaitKind::task_group;
    a.target = m_group.m_id;
    a.label = "TaskGroup#" + std::to_string(m_group.m_id);
    return a;
  }
  detail::CancelAction on_cancel(detail::TaskCore&) override {
    m_group.m_join_waiter = nullptr;
    return detail::CancelAction::detached;
  }

private:
  TaskGroup& m_group;
};

TaskGroup::TaskGroup() : m_parent(&detail::current_task_core()) {
  m_id = m_parent->m_loop->next_primitive_id();
}

TaskGroup::~TaskGroup() {
  EventLoop* loop = m_parent->m_loop;
  for (auto& c : m_children) {
    if (!c->attached) continue;
    c->attached = false;
    if (c->m_queued) {
      if (loop) loop->unqueue_node(*c);
    } else {
      c->task.core()->remove_waiter(*c);
    }
  }
}

void TaskGroup::check_open() const {
  if (m_finished) throw RuntimeError("TaskGroup is finished");
  if (m_aborting) throw RuntimeError("TaskGroup is shutting down");
}

void TaskGroup::adopt(const AnyTask& t) {
  auto c = std::make_unique<Child>();
  c->group = this;
  c->task = t;
  c->m_run = &TaskGroup::run_child;
  c->m_label = "TaskGroup: child done";
  c->attached = true;
  ++m_unfinished;
  Child& ref = *c;
  m_children.push_back(std::move(c));
  t.core()->add_waiter(ref);
}

void TaskGroup::run_child(detail::ReadyNode* n) {
  auto* c = static_cast<Child*>(n);
  c->attached = false;
  c->group->child_done(*c);
}

void TaskGroup::child_done(Child& c) {
  --m_unfinished;
  if (m_unfinished == 0 && m_join_waiter && m_join_waiter->state() == TaskState::suspended) {
    m_join_waiter->m_loop->schedule_task(*m_join_waiter);
  }
  detail::TaskCore* t = c.task.core();
  if (t->state() != TaskState::failed) return;
  m_errors.push_back(t->take_exception());
  if (m_parent->done()) return;
  if (!m_aborting && !m_parent_cancel_requested) {
    abort();
    m_parent_cancel_requested = true;
    m_parent->cancel();
  }
}

void TaskGroup::abort() {
  m_aborting = true;
  for (auto& c : m_children)  // creation order
    if (!c->task.done()) c->task.cancel();
}

Coro<> TaskGroup::join(std::exception_ptr body_error) {
  m_exiting = true;
  std::exception_ptr propagate_cancel;
  const bool body_cancelled = body_error && is_cancelled_error(body_error);
  if (body_error) {
    if (body_cancelled) {
      if (m_parent_cancel_requested && m_parent->uncancel() == 0) {
        m_parent_cancel_requested = false;  // the cancellation was ours: swallow it
      } else {
        propagate_cancel = body_error;
      }
    }
    if (!m_aborting) abort();
  }
  while (m_unfinished > 0) {
    try {
      co_await JoinWait(*this);
    } catch (const CancelledError&) {
      if (!m_aborting) {
        propagate_cancel = std::current_exception();
        abort();
      }
    }
  }
  m_finished = true;
  if (m_parent_cancel_requested) {
    m_parent_cancel_requested = false;
    if (m_parent->uncancel() == 0 && !body_cancelled) propagate_cancel = nullptr;
  }
  if (propagate_cancel && m_errors.empty()) std::rethrow_exception(propagate_cancel);
  if (body_error && !body_cancelled) m_errors.push_back(body_error);
  if (!m_errors.empty()) throw ExceptionGroup("unhandled errors in a TaskGroup", m_errors);
}

}  // namespace loopscope
