// task_core.cpp — TaskCore: a task's step, completion, cancellation and lifetime; AnyTask.
//
// Sections: names · cancellation · waiters · step and completion · lifetime · awaiting a task ·
// AnyTask · spawning
#include <loopscope/detail/watch.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/task.hpp>

#include <charconv>
#include <cstring>

namespace loopscope::detail {

// ---- names ---------------------------------------------------------------------------------
char* TaskCore::write_default_name(char* out, std::uint32_t n) noexcept {
  std::memcpy(out, "Task-", 5);
  return std::to_chars(out + 5, out + 32, n).ptr;
}

std::string TaskCore::default_name(std::uint32_t n) {
  char buf[32];
  return std::string(buf, write_default_name(buf, n));
}

std::string TaskCore::name() const {
  if (m_extras && !m_extras->task_name.empty()) return m_extras->task_name;
  if (m_name_number) return default_name(m_name_number);
  if (m_extras && !m_extras->coro_name.empty()) return m_extras->coro_name;
  return "coroutine";
}

TaskExtras& TaskCore::extras() {
  if (!m_extras) m_extras = std::make_unique<TaskExtras>();
  return *m_extras;
}

// ---- cancellation --------------------------------------------------------------------------
bool TaskCore::cancel(std::string_view msg) {
  if (done()) return false;
  if (m_cancels < 255) ++m_cancels;
  if (!msg.empty()) extras().cancel_message = std::string(msg);
  EventLoop* loop = m_loop;
  if (loop && loop->tracing()) loop->trace_cancel_request(*this, msg);
  if (m_state == TaskState::suspended && m_awaiting) {
    switch (m_awaiting->on_cancel(*this)) {
      case CancelAction::forwarded:
        return true;
      case CancelAction::detached:
        m_must_cancel = true;
        loop->schedule_task(*this);
        return true;
      case CancelAction::refused:
        break;
    }
  }
  m_must_cancel = true;
  return true;
}

int TaskCore::uncancel() noexcept {
  if (m_cancels > 0) {
    --m_cancels;
    if (m_loop && m_loop->tracing()) m_loop->trace_uncancel(*this);
  }
  return m_cancels;
}

void throw_cancelled(TaskCore& t) {
  t.m_must_cancel = false;
  throw CancelledError(t.m_extras ? t.m_extras->cancel_message : std::string());
}

const std::exception_ptr no_exception;

TaskCore& current_task_core() {
  if (!tls.task) throw RuntimeError("engine awaitables must be awaited inside a running task");
  return *tls.task;
}

std::exception_ptr TaskCore::take_exception() noexcept {
  m_retrieved = true;
  return exception();
}

// ---- waiters -------------------------------------------------------------------------------
// A waiter of this finished task enters the ready queue: a task directly, any other node as a
// handle (a gather/wait node first learns the outcome).
void TaskCore::wake_waiter(ReadyNode& node) {
  if (node.m_kind == NodeKind::task) {
    m_loop->schedule_task(static_cast<TaskCore&>(node));
    return;
  }
  if (node.m_kind == NodeKind::watch_child) Watch::note_outcome(node, *this);
  m_loop->schedule_node(node);
}

void TaskCore::add_waiter(ReadyNode& node) {
  if (done()) {
    wake_waiter(node);
    return;
  }
  node.m_next = m_waiters;
  m_waiters = &node;
}

bool TaskCore::remove_waiter(ReadyNode& node) noexcept {
  ReadyNode* prev = nullptr;
  for (ReadyNode* p = m_waiters; p; prev = p, p = p->m_next) {
    if (p != &node) continue;
    if (prev) prev->m_next = p->m_next; else m_waiters = p->m_next;
    p->m_next = nullptr;
    return true;
  }
  return false;
}

// ---- step and completion -------------------------------------------------------------------
void TaskCore::step() {
  m_state = TaskState::running;
  if (!m_started) [[unlikely]] {
    m_started = true;
    if (m_must_cancel) {
      finish_cancelled_before_start();
      return;
    }
  }
  TaskCore* prev = tls.task;
  tls.task = this;
  std::coroutine_handle<> h = m_resume;
  do {
    tls.next = nullptr;
    h.resume();
    h = tls.next;
  } while (h);
  tls.task = prev;
  if (m_finished) {
    complete();
    return;
  }
  if (m_must_cancel) [[unlikely]] apply_cancel_after_step();
}

// Cancelled before it ever ran: the body never starts (asyncio throws into a fresh coroutine).
void TaskCore::finish_cancelled_before_start() {
  m_must_cancel = false;
  set_exception(std::make_exception_ptr(CancelledError(m_extras ? m_extras->cancel_message : std::string())));
  complete();
}

// cancel() was called while the task ran: apply it to what it now waits on.
void TaskCore::apply_cancel_after_step() {
  if (m_state != TaskState::suspended || !m_awaiting) return;
  switch (m_awaiting->on_cancel(*this)) {
    case CancelAction::forwarded: m_must_cancel = false; break;
    case CancelAction::detached: m_loop->schedule_task(*this); break;
    case CancelAction::refused: break;
  }
}

void TaskCore::complete() {
  EventLoop* loop = m_loop;
  m_finished = true;
  if (!exception()) m_state = TaskState::done;
  else if (is_cancelled_error(exception())) m_state = TaskState::cancelled;
  else m_state = TaskState::failed;
  m_awaiting = nullptr;
  loop->task_finished(*this);
  // Wake the waiters in registration order (the list is LIFO; most tasks have one waiter).
  ReadyNode* list = m_waiters;
  m_waiters = nullptr;
  if (list && list->m_next) [[unlikely]] {
    ReadyNode* reversed = nullptr;
    while (list) {
      ReadyNode* next = list->m_next;
      list->m_next = reversed;
      reversed = list;
      list = next;
    }
    list = reversed;
  }
  while (list) {
    ReadyNode* next = list->m_next;
    wake_waiter(*list);
    list = next;
  }
  // Only the loop's own code runs until the next event, unless releasing the loop's reference
  // destroys the frame (destructors, the exception handler: user code).
  if (m_refs > 1) loop->reuse_trace_time();
  else loop->forget_trace_time();
  release();  // the loop's reference
}

// ---- lifetime ------------------------------------------------------------------------------
void TaskCore::last_release() noexcept {
  if (m_is_task && m_state == TaskState::failed && !m_retrieved && m_loop) [[unlikely]] report_unretrieved();
  destroy_frame();
}

void TaskCore::report_unretrieved() noexcept {
  ExceptionContext ctx;
  ctx.message = "Task exception was never retrieved";
  ctx.task = m_id;
  try {
    ctx.task_name = name();
    ctx.exception = exception();
    m_loop->call_exception_handler(ctx);
  } catch (...) {
  }
}

void TaskCore::destroy_frame() noexcept {
  if (m_loop && m_is_task) m_loop->frame_destroyed(*this);
  std::coroutine_handle<>::from_address(reinterpret_cast<char*>(this) - m_frame_offset).destroy();
}

void TaskCore::warn_never_awaited(const char* function) noexcept {
  EventLoop* loop = tls.loop;
  if (!loop) return;
  try {
    std::string name = m_extras && !m_extras->coro_name.empty() ? m_extras->coro_name
                       : function                               ? short_function_name(function)
                                                                : std::string("coroutine");
    loop->warn("coroutine '" + name + "' was never awaited", "RuntimeWarning");
  } catch (...) {
  }
}

std::string TaskCore::short_function_name(std::string_view sig) {
  if (sig.empty() || sig.back() != ')') return std::string(sig);
  // Drop the parameter list: from the '(' that matches the final ')'.
  int depth = 0;
  std::size_t i = sig.size();
  while (i > 0) {
    const char c = sig[--i];
    if (c == ')') ++depth;
    else if (c == '(' && --depth == 0) break;
  }
  std::string_view head = sig.substr(0, i);
  // The last component of the qualified name: after the last "::" or space outside <...>.
  depth = 0;
  std::size_t start = 0;
  for (std::size_t k = 0; k < head.size(); ++k) {
    const char c = head[k];
    if (c == '<') ++depth;
    else if (c == '>') --depth;
    else if (depth == 0 && c == ' ') start = k + 1;
    else if (depth == 0 && c == ':' && k + 1 < head.size() && head[k + 1] == ':') start = k + 2;
  }
  std::string_view name = head.substr(start);
  return name.empty() ? std::string(sig) : std::string(name);
}

// ---- awaiting a task -----------------------------------------------------------------------
void TaskWaitAwaiter::await_suspend(std::coroutine_handle<> h) {
  TaskCore& t = current_task_core();
  if (&t == m_target) throw RuntimeError("a task cannot await itself");
  t.m_resume = h;
  m_target->add_waiter(t);
  m_suspended = true;
  t.m_loop->suspend_task(t, *this);
}

void TaskWaitAwaiter::finish_resume() {
  if (m_suspended) resume_point();
  m_target->m_retrieved = true;
}

AwaitTarget TaskWaitAwaiter::describe(const detail::TaskCore&) const {
  AwaitTarget a;
  a.kind = AwaitKind::task;
  a.target = m_target->m_id;
  a.label = m_target->name();
  return a;
}

CancelAction TaskWaitAwaiter::on_cancel(TaskCore& task) {
  const std::string msg = task.m_extras ? task.m_extras->cancel_message : std::string();
  if (m_target->cancel(msg)) return CancelAction::forwarded;
  m_target->remove_waiter(task);
  return CancelAction::detached;
}

// ---- spawning ------------------------------------------------------------------------------
namespace {
// The errors of spawn(), out of line so that the hot path builds no exception objects.
[[gnu::cold, gnu::noinline]] void spawn_error(const EventLoop* l) {
  if (!l) throw RuntimeError("no current event loop");
  if (l->is_closed()) throw RuntimeError("Event loop is closed");
  throw InvalidStateError("coroutine already started");
}
}  // namespace

void spawn(TaskCore& core, EventLoop* loop, std::string_view name) {
  EventLoop* l = loop ? loop : tls.loop;
  if (!l || l->is_closed() || core.m_is_task || core.m_started) [[unlikely]] spawn_error(l);
  core.m_is_task = true;
  core.m_loop = l;
  core.add_ref();  // the loop's reference, dropped when the task finishes
  l->register_task(core, name);
  l->schedule_task(core);
}

void add_done_callback(TaskCore& core, std::function<void(AnyTask)> fn) {
  AnyTask self(&core);
  auto* h = new Handle(core.m_loop, [fn = std::move(fn), self]() { fn(self); }, "done callback");
  h->add_ref();  // the waiter list's reference, then the ready queue's
  core.add_waiter(*h);
}

}  // namespace loopscope::detail

namespace loopscope {

// ---- AnyTask -------------------------------------------------------------------------------
AnyTask current_task() noexcept { return AnyTask(detail::tls.task); }

std::exception_ptr AnyTask::exception() const {
  if (!m_core->done()) throw InvalidStateError("Exception is not set.");
  if (m_core->state() == TaskState::cancelled) std::rethrow_exception(m_core->exception());
  return m_core->take_exception();
}

void AnyTask::get() const {
  if (!m_core->done()) throw InvalidStateError("Result is not set.");
  m_core->m_retrieved = true;
  m_core->rethrow_if_exception();
}

}  // namespace loopscope
