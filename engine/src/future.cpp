// future.cpp — FutureCore and FutureAwaiter (see detail/future_core.hpp, future.hpp).
#include <loopscope/event_loop.hpp>
#include <loopscope/future.hpp>

namespace loopscope::detail {

EventLoop& current_loop_or_throw() {
  EventLoop* loop = EventLoop::current();
  if (!loop) throw RuntimeError("no current event loop");
  return *loop;
}

FutureCore::FutureCore(EventLoop& loop) : m_loop(&loop), m_id(loop.next_primitive_id()) {}

FutureCore::~FutureCore() {
  // Callbacks of a future that never completed are dropped with it.
  for (ReadyNode* n = m_head; n;) {
    ReadyNode* next = n->m_next;
    n->m_next = nullptr;
    if (n->m_kind == NodeKind::callback) static_cast<Handle*>(n)->release();
    n = next;
  }
}

void FutureCore::last_release() noexcept {
  if (m_state == TaskState::failed && !m_retrieved) {
    ExceptionContext ctx;
    ctx.message = "Future exception was never retrieved";
    try {
      ctx.exception = m_exception;
      m_loop->call_exception_handler(ctx);
    } catch (...) {
    }
  }
  delete this;
}

void FutureCore::check_pending() const {
  if (done()) throw InvalidStateError("invalid state");
}

bool FutureCore::cancel(std::string_view msg) {
  if (done()) return false;
  m_cancel_message = std::string(msg);
  m_exception = std::make_exception_ptr(CancelledError(m_cancel_message));
  mark_finished(TaskState::cancelled);
  return true;
}

void FutureCore::finish_with_result() {
  check_pending();
  mark_finished(TaskState::done);
}

void FutureCore::finish_with_exception(std::exception_ptr e) {
  check_pending();
  if (!e) throw InvalidStateError("set_exception: null exception");
  m_exception = std::move(e);
  mark_finished(TaskState::failed);
}

void FutureCore::rethrow_outcome() {
  if (!done()) throw InvalidStateError("Result is not set.");
  if (m_state == TaskState::cancelled) throw CancelledError(m_cancel_message);
  m_retrieved = true;
  if (m_exception) std::rethrow_exception(m_exception);
}

// Schedules every waiter in registration order: tasks directly, handles through the ready queue.
void FutureCore::mark_finished(TaskState s) {
  m_state = s;
  ReadyNode* n = m_head;
  m_head = m_tail = nullptr;
  while (n) {
    ReadyNode* next = n->m_next;
    n->m_next = nullptr;
    if (n->m_kind == NodeKind::task) m_loop->schedule_task(static_cast<TaskCore&>(*n));
    else m_loop->schedule_node(*n);
    n = next;
  }
}

void FutureCore::add_waiter(ReadyNode& node) {
  if (done()) {
    if (node.m_kind == NodeKind::task) m_loop->schedule_task(static_cast<TaskCore&>(node));
    else m_loop->schedule_node(node);
    return;
  }
  node.m_next = nullptr;
  if (m_tail) m_tail->m_next = &node; else m_head = &node;
  m_tail = &node;
}

bool FutureCore::remove_waiter(ReadyNode& node) noexcept {
  ReadyNode* prev = nullptr;
  for (ReadyNode* p = m_head; p; prev = p, p = p->m_next) {
    if (p != &node) continue;
    if (prev) prev->m_next = p->m_next; else m_head = p->m_next;
    if (m_tail == p) m_tail = prev;
    p->m_next = nullptr;
    return true;
  }
  return false;
}

AwaitTarget FutureCore::describe() const {
  AwaitTarget a;
  a.kind = m_kind;
  a.target = m_target ? m_target : m_id;
  a.label = m_label.empty() ? "Future#" + std::to_string(m_id) : m_label;
  return a;
}

void add_future_callback(FutureCore& core, std::function<void()> fn) {
  auto* h = new Handle(&core.loop(), std::move(fn), "done callback");
  h->add_ref();  // the waiter list's reference, then the ready queue's
  core.add_waiter(*h);
}

// ---- FutureAwaiter -------------------------------------------------------------------------
FutureAwaiter::~FutureAwaiter() {
  // A frame destroyed while suspended here leaves the waiter list.
  if (m_task && !m_future->done()) m_future->remove_waiter(*m_task);
  m_future->release();
}

void FutureAwaiter::await_suspend(std::coroutine_handle<> h) {
  TaskCore& t = current_task_core();
  t.m_resume = h;
  m_task = &t;
  m_future->add_waiter(t);
  t.m_loop->suspend_task(t, *this);
}

void FutureAwaiter::finish_resume() {
  if (m_task) {
    m_task = nullptr;
    resume_point();
  }
  m_future->rethrow_outcome();
}

AwaitTarget FutureAwaiter::describe(const TaskCore&) const { return m_future->describe(); }

CancelAction FutureAwaiter::on_cancel(TaskCore& task) {
  const std::string msg = task.m_extras ? task.m_extras->cancel_message : std::string();
  return m_future->cancel(msg) ? CancelAction::forwarded : CancelAction::refused;
}

}  // namespace loopscope::detail
