// event_loop.cpp — EventLoop: scheduling, the iteration, timers, the selector, introspection.
//
// Sections: construction · emit, inlined · scheduling · timers · the iteration · the selector ·
// thread-safe callbacks · running · close · introspection · program helpers · tracing
#include <loopscope/event_loop.hpp>
#include <loopscope/detail/watch.hpp>
#include <loopscope/executor.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <system_error>

namespace loopscope {

using detail::NodeKind;
using detail::ReadyNode;
using detail::TaskCore;
using detail::TimerNode;

TaskId current_task_id() noexcept {
  return detail::tls.task ? detail::tls.task->m_id : 0;
}

// ---- construction --------------------------------------------------------------------------
EventLoop::EventLoop(ClockKind clock) : m_virtual(clock == ClockKind::virtual_time) {
  if (!detail::tls.loop) detail::tls.loop = this;
}

EventLoop::~EventLoop() {
  if (!m_closed) close();
  m_executor.reset();  // workers stop before the selector (their wake-ups) goes
  if (detail::tls.loop == this) detail::tls.loop = nullptr;
}

const Clock& EventLoop::clock() const noexcept {
  if (m_virtual) return m_vclock;
  return m_rclock;
}

// ---- emit, inlined ------------------------------------------------------------------------
// emit(), inlined into the hottest trace sites so that the encoder sees which fields a site
// leaves at their defaults and drops those checks at compile time.
[[gnu::always_inline]] inline void EventLoop::emit_inline(TraceEvent& e) {
  if (m_trace_time_reusable) {
    m_trace_time_reusable = false;
    m_trace->record_same_time(e);
  } else if (m_virtual) {
    e.time = m_vclock.now();
    m_trace->record(e);
  } else {
    m_trace->record_ticks(e, detail::read_ticks());
  }
}

// ---- scheduling ----------------------------------------------------------------------------
void EventLoop::trace_task_scheduled(TaskCore& t) {
  TraceEvent e;
  e.kind = TraceKind::task_scheduled;
  e.task = t.m_id;
  e.handle = t.m_handle;
  emit_inline(e);
  // The running task yielding (sleep(0)): its step ends here, so the next task_resumed /
  // handle_run follows with nothing but the loop's own code in between.
  if (&t == detail::tls.task) reuse_trace_time();
}

void EventLoop::trace_node_scheduled(ReadyNode& n) {
  TraceEvent e;
  e.kind = TraceKind::handle_scheduled;
  e.handle = n.m_handle;
  e.text = intern_ready_label(n);
  emit_inline(e);
}

void EventLoop::unqueue_node(ReadyNode& n) {
  if (!n.m_queued) return;
  ReadyNode* prev = nullptr;
  std::size_t pos = 0;
  for (ReadyNode* p = m_ready_head; p; prev = p, p = p->m_next, ++pos) {
    if (p != &n) continue;
    if (prev) prev->m_next = n.m_next; else m_ready_head = n.m_next;
    if (m_ready_tail == &n) m_ready_tail = prev;
    --m_ready_count;
    if (pos < m_batch_remaining) --m_batch_remaining;
    n.m_next = nullptr;
    n.m_queued = false;
    if (m_trace) [[unlikely]] {
      TraceEvent e;
      e.kind = TraceKind::handle_cancelled;
      e.handle = n.m_handle;
      emit(e);
    }
    return;
  }
}

void EventLoop::suspend_task(TaskCore& t, detail::Suspension& s) {
  t.m_state = TaskState::suspended;
  t.m_awaiting = &s;
  if (m_trace) [[unlikely]] {
    AwaitTarget a = s.describe(t);
    TraceEvent e;
    e.kind = TraceKind::task_suspended;
    e.task = t.m_id;
    e.await_kind = a.kind;
    e.target = a.target;
    e.deadline = a.deadline;
    e.direction = a.direction;
    e.text = m_trace->intern_repeat(a.label);
    emit_inline(e);
    // Suspending is the last thing the running task's step does (see trace_task_scheduled).
    if (&t == detail::tls.task) reuse_trace_time();
  }
}

HandleRef EventLoop::call_soon(std::function<void()> fn, std::string label) {
  auto* h = new detail::Handle(this, std::move(fn), std::move(label));
  HandleRef ref(h);
  h->add_ref();  // the ready queue's reference
  schedule_node(*h);
  return ref;
}

HandleRef EventLoop::call_at(double when, std::function<void()> fn, std::string label) {
  auto* h = new detail::Handle(this, std::move(fn), std::move(label));
  h->m_timer = true;
  HandleRef ref(h);
  h->add_ref();  // the heap's (then the ready queue's) reference
  arm_timer(*h, when);
  return ref;
}

HandleRef EventLoop::call_later(double delay, std::function<void()> fn, std::string label) {
  return call_at(time() + delay, std::move(fn), std::move(label));
}

void detail::Handle::run_node(ReadyNode* n) {
  auto* h = static_cast<Handle*>(n);
  EventLoop* loop = h->m_loop;
  try {
    h->m_fn();
  } catch (...) {
    ExceptionContext ctx;
    ctx.message = "Exception in callback " + (h->m_label.empty() ? std::string("callback") : h->m_label);
    ctx.exception = std::current_exception();
    loop->call_exception_handler(ctx);
  }
  h->release();
}

void detail::Handle::cancel() noexcept {
  if (m_cancelled) return;
  m_cancelled = true;
  if (m_in_heap) {
    m_loop->cancel_timer(*this);
    release();  // the heap's reference
  } else if (m_queued && m_loop->tracing()) {
    TraceEvent e;
    e.kind = TraceKind::handle_cancelled;
    e.handle = m_handle;
    m_loop->emit(e);
  }
}

// ---- timers --------------------------------------------------------------------------------
bool EventLoop::heap_entry_live(const HeapEntry& e) const noexcept {
  return m_heap_cancelled.empty() || m_heap_cancelled.find(e.seq) == m_heap_cancelled.end();
}

void EventLoop::heap_clean_top() {
  while (!m_heap.empty() && !m_heap_cancelled.empty()) {
    auto it = m_heap_cancelled.find(m_heap.top().seq);
    if (it == m_heap_cancelled.end()) break;
    m_heap_cancelled.erase(it);
    m_heap.pop();
  }
}

void EventLoop::heap_rebuild() {
  m_heap.filter([this](const HeapEntry& e) { return heap_entry_live(e); });
  m_heap_cancelled.clear();
}

void EventLoop::arm_timer(TimerNode& n, double when) {
  n.m_deadline = when;
  n.m_handle = ++m_handle_counter;
  n.m_in_heap = true;
  m_heap.push(HeapEntry{when, n.m_handle, &n});
  ++m_stats.timers_armed;
  if (m_trace) [[unlikely]] {
    TraceEvent e;
    e.kind = TraceKind::timer_armed;
    e.handle = n.m_handle;
    e.deadline = when;
    e.task = timer_owner(n);
    emit_inline(e);
  }
}

void EventLoop::cancel_timer(TimerNode& n) noexcept {
  if (!n.m_in_heap) return;
  n.m_in_heap = false;
  ++m_stats.timers_cancelled;
  try {
    m_heap_cancelled.insert(n.m_handle);
    if (m_heap_cancelled.size() > 64 && m_heap_cancelled.size() * 2 > m_heap.size()) heap_rebuild();
  } catch (...) {
    std::terminate();
  }
  if (m_trace) [[unlikely]] {
    TraceEvent e;
    e.kind = TraceKind::timer_cancelled;
    e.handle = n.m_handle;
    emit_inline(e);
  }
}

void EventLoop::fire_due_timers() {
  const double now = time();
  const double end = m_virtual ? now : now + 1e-9;
  while (!m_heap.empty()) {
    const HeapEntry top = m_heap.top();
    if (!heap_entry_live(top)) {
      m_heap_cancelled.erase(top.seq);
      m_heap.pop();
      continue;
    }
    if (top.deadline > end) break;
    m_heap.pop();
    TimerNode* n = top.node;
    n->m_in_heap = false;
    ++m_stats.timers_fired;
    push_ready(*n);  // the same handle moves to the ready queue
    if (m_trace) [[unlikely]] {
      TraceEvent e;
      e.kind = TraceKind::timer_fired;
      e.handle = n->m_handle;
      e.deadline = n->m_deadline;
      e.task = timer_owner(*n);
      emit_inline(e);
      reuse_trace_time();  // the same instant: the timer moves to the ready queue
      e = TraceEvent{};
      e.kind = TraceKind::handle_scheduled;
      e.handle = n->m_handle;
      e.text = intern_ready_label(*n);
      emit_inline(e);
    }
  }
}

std::optional<double> EventLoop::next_deadline() {
  heap_clean_top();
  if (m_heap.empty()) return std::nullopt;
  return m_heap.top().deadline;
}

// ---- the iteration -------------------------------------------------------------------------
bool EventLoop::has_pending_work() const noexcept {
  return m_ready_count > 0 || m_heap.size() > m_heap_cancelled.size() || m_selector.waiters() > 0 ||
         m_jobs_in_flight > 0 || m_ts_pending.load(std::memory_order_acquire);
}

bool EventLoop::run_once() {
  if (m_closed) throw RuntimeError("Event loop is closed");
  EventLoop* prev = detail::tls.loop;
  detail::tls.loop = this;
  bool r = iterate();
  detail::tls.loop = prev ? prev : this;
  return r;
}

void EventLoop::trace_phase(LoopPhase p, double value) {
  m_phase = p;
  if (m_trace) [[unlikely]] {
    TraceEvent e;
    e.kind = TraceKind::loop_phase;
    e.phase = p;
    e.value = value;
    // Idle ends an iteration: anchored, so that every event of the iteration lies between two
    // anchors (its loop_iteration event is the other one).
    if (p == LoopPhase::idle) emit_anchored(e);
    else emit(e);
  }
}

bool EventLoop::iterate() {
  drain_threadsafe(m_virtual ? Drain::callbacks : Drain::everything);
  if (!has_pending_work()) return false;
  ++m_iteration;
  ++m_stats.iterations;
  if (m_trace) [[unlikely]] {
    TraceEvent e;
    e.kind = TraceKind::loop_iteration;
    e.value = static_cast<double>(m_iteration);
    emit_anchored(e);
    reuse_trace_time();  // the poll phase begins at once
  }
  double timeout = -1;
  if (m_ready_count > 0 || m_stopping) {
    timeout = 0;
  } else {
    heap_clean_top();
    if (!m_heap.empty()) timeout = std::max(0.0, m_heap.top().deadline - time());
  }
  poll(timeout);
  trace_phase(LoopPhase::timers);
  if (!m_heap.empty()) fire_due_timers();
  trace_phase(LoopPhase::run_ready);
  if (m_ready_count > m_stats.max_ready) m_stats.max_ready = m_ready_count;
  m_batch_remaining = m_ready_count;
  m_stats.handles_run += m_ready_count;
  while (m_batch_remaining > 0) {
    --m_batch_remaining;
    ReadyNode* n = pop_ready();
    if (n->m_cancelled) [[unlikely]] {
      --m_stats.handles_run;
      if (n->m_kind == NodeKind::callback) static_cast<detail::Handle*>(n)->release();
      continue;
    }
    if (m_trace) [[unlikely]] {
      TraceEvent e;
      if (n->m_kind == NodeKind::task) {
        e.kind = TraceKind::task_resumed;
        e.task = static_cast<TaskCore*>(n)->m_id;
      } else {
        e.kind = TraceKind::handle_run;
      }
      e.handle = n->m_handle;
      emit_inline(e);
    }
    if (n->m_kind == NodeKind::task) [[likely]] {
      ++m_stats.task_steps;
      static_cast<TaskCore*>(n)->step();
      continue;
    }
    switch (n->m_kind) {
      case NodeKind::task: break;
      case NodeKind::callback:
        ++m_stats.callbacks_run;
        detail::Handle::run_node(n);
        break;
      case NodeKind::sleep_timer: detail::wake_sleeper(*static_cast<TaskCore*>(n)); break;
      case NodeKind::internal: static_cast<detail::LabelledNode*>(n)->m_run(n); break;
      case NodeKind::internal_timer: static_cast<detail::LabelledTimer*>(n)->m_run(n); break;
      case NodeKind::watch_child:
        detail::Watch::run_child(n);
        // A wait/as_completed callback is the loop's own bookkeeping: whatever comes next follows it
        // at once (one clock read less per watched task).
        if (m_trace) reuse_trace_time();
        break;
    }
  }
  trace_phase(LoopPhase::idle);
  return true;
}

// ---- the selector --------------------------------------------------------------------------
void EventLoop::poll(double timeout) {
  m_poll_timeout = timeout;
  trace_phase(LoopPhase::poll, timeout);
  if (m_virtual) {
    poll_virtual(timeout);
    return;
  }
  const bool io = m_selector.waiters() > 0 || m_jobs_unfinished > 0 ||
                  m_ts_pending.load(std::memory_order_acquire);
  if (timeout == 0 && !io) return;
  const int wait_ms = timeout < 0 ? -1 : static_cast<int>(std::ceil(timeout * 1000.0));
  select_io(wait_ms);
}

// The virtual clock's poll: executor jobs are settled at fixed points, sockets are asked without
// waiting, and when nothing at all can happen before the next timer, time jumps to it.
void EventLoop::poll_virtual(double timeout) {
  settle_jobs();
  if (m_selector.waiters() > 0) select_io(0);
  if (timeout == 0 || m_ready_count > 0) return;  // something is ready: no jump
  if (timeout > 0) {
    advance_virtual(timeout);
    return;
  }
  // No timer: only a socket (or another thread) can wake the loop.
  if (m_selector.waiters() == 0) return;
  select_io(-1);
}

void EventLoop::settle_jobs() {
  if (m_plain_jobs_unfinished > 0) {
    std::unique_lock<std::mutex> lock(m_ts_mutex);
    m_ts_cv.wait(lock, [this] {
      std::size_t posted = 0;
      for (const auto* job : m_ts_completions)
        if (!job->m_has_deadline) ++posted;
      return posted >= m_plain_jobs_unfinished;
    });
  }
  drain_threadsafe(Drain::everything);
}

void EventLoop::wait_job(detail::ExecutorJobBase& job) {
  {
    std::unique_lock<std::mutex> lock(m_ts_mutex);
    auto posted = m_ts_completions.end();
    m_ts_cv.wait(lock, [&] {
      posted = std::find(m_ts_completions.begin(), m_ts_completions.end(), &job);
      return posted != m_ts_completions.end();
    });
    m_ts_completions.erase(posted);
  }
  --m_jobs_unfinished;
  job.m_finished = true;
}

void EventLoop::advance_virtual(double d) {
  m_stats.virtual_time_skipped += d;
  m_vclock.advance_to(m_vclock.now() + d);
}

void EventLoop::select_io(int timeout_ms) {
  m_io_ready.clear();
  m_selector.select(timeout_ms, m_io_ready);
  ++m_stats.polls;
  for (void* w : m_io_ready) wake_io(*static_cast<detail::IoWait*>(w));
  drain_threadsafe();
}

// Records the begin or end of a task's wait on an fd (the task, the fd and the direction).
void EventLoop::trace_io_wait(const detail::IoWait& w, TraceKind kind) {
  TraceEvent e;
  e.kind = kind;
  e.task = w.m_task->m_id;
  e.target = static_cast<std::uint64_t>(w.m_fd);
  e.direction = w.m_dir;
  emit(e);
}

// The selector has already unregistered w.
void EventLoop::wake_io(detail::IoWait& w) {
  if (m_trace) [[unlikely]] trace_io_wait(w, TraceKind::io_wait_end);
  schedule_task(*w.m_task);
}

void EventLoop::io_register(detail::IoWait& w) {
  const bool read = w.m_dir == IoDirection::read || w.m_dir == IoDirection::accept;
  m_selector.add(w.m_fd, read ? detail::Selector::Side::read : detail::Selector::Side::write, &w);
  ++m_stats.io_waits;
  if (m_trace) [[unlikely]] trace_io_wait(w, TraceKind::io_wait_begin);
}

void EventLoop::io_unregister(detail::IoWait& w) noexcept {
  if (!m_selector.remove(w.m_fd, &w)) return;
  if (m_trace) [[unlikely]] trace_io_wait(w, TraceKind::io_wait_end);
}

void EventLoop::forget_fd(int fd) {
  for (void* w : m_selector.forget(fd)) wake_io(*static_cast<detail::IoWait*>(w));
}

// ---- thread-safe callbacks -----------------------------------------------------------------
void EventLoop::call_soon_threadsafe(std::function<void()> fn, std::string label) {
  {
    std::lock_guard<std::mutex> lock(m_ts_mutex);
    m_ts_callbacks.emplace_back(std::move(fn), std::move(label));
    m_ts_pending.store(true, std::memory_order_release);
  }
  m_selector.wake();
}

void EventLoop::post_completion(detail::ExecutorJobBase* job) {
  {
    std::lock_guard<std::mutex> lock(m_ts_mutex);
    m_ts_completions.push_back(job);
    m_ts_pending.store(true, std::memory_order_release);
  }
  m_ts_cv.notify_all();
  m_selector.wake();
}

void EventLoop::drain_threadsafe(Drain what) {
  if (!m_ts_pending.load(std::memory_order_acquire)) return;
  std::vector<std::pair<std::function<void()>, std::string>> callbacks;
  std::vector<detail::ExecutorJobBase*> completions;
  {
    std::lock_guard<std::mutex> lock(m_ts_mutex);
    callbacks.swap(m_ts_callbacks);
    if (what == Drain::everything) completions.swap(m_ts_completions);
    m_ts_pending.store(!m_ts_completions.empty(), std::memory_order_release);
  }
  for (auto& [fn, label] : callbacks) call_soon(std::move(fn), std::move(label));
  // Virtual clock: completions taken together settle in submission order, whatever order the
  // workers really finished in (job ids grow with submission).
  if (m_virtual && completions.size() > 1)
    std::sort(completions.begin(), completions.end(),
              [](const auto* a, const auto* b) { return a->m_job_id < b->m_job_id; });
  for (auto* job : completions) job_completed(*job);
}

// ---- running -------------------------------------------------------------------------------
void EventLoop::run_forever() {
  if (m_closed) throw RuntimeError("Event loop is closed");
  if (m_running) throw RuntimeError("This event loop is already running");
  EventLoop* prev = detail::tls.loop;
  detail::tls.loop = this;
  m_running = true;
  m_last_run_stopped = false;
  try {
    while (iterate()) {
      if (m_stopping) { m_last_run_stopped = true; break; }
    }
  } catch (...) {
    m_running = false;
    m_stopping = false;
    detail::tls.loop = prev ? prev : this;
    throw;
  }
  m_running = false;
  m_stopping = false;
  detail::tls.loop = prev ? prev : this;
}

void EventLoop::run_until_done(AnyTask& task) {
  if (task.done()) return;
  auto* h = new detail::Handle(this, [this] { stop(); }, "run_until_complete: stop");
  h->add_ref();  // the waiter list's reference
  task.core()->add_waiter(*h);
  HandleRef guard(h);
  try {
    run_forever();
  } catch (...) {
    if (task.core()->remove_waiter(*h)) h->release();
    else guard.cancel();
    throw;
  }
  if (task.done()) return;
  if (task.core()->remove_waiter(*h)) h->release();
  if (m_last_run_stopped)
    throw RuntimeError("Event loop stopped before Future completed.");
  throw DeadlockError("run_until_complete: nothing left to run but task '" + task.name() +
                      "' is not done");
}

// ---- close ---------------------------------------------------------------------------------
void EventLoop::close() {
  if (m_closed) return;
  if (m_running) throw RuntimeError("Cannot close a running event loop");
  EventLoop* prev = detail::tls.loop;
  detail::tls.loop = this;
  // 1. Like asyncio.run(): cancel what is left and let it run its cleanup, within bounds.
  for (int round = 0; round < 3 && m_stats.tasks_alive > 0; ++round) {
    std::vector<AnyTask> alive;
    for (TaskCore* t = m_frames; t; t = t->m_next_frame)
      if (!t->done()) alive.emplace_back(t);
    for (auto& a : alive) a.cancel();
    try {
      for (int i = 0; i < 100000 && m_stats.tasks_alive > 0 && iterate(); ++i) {}
    } catch (...) {
    }
  }
  // 2. Stop the workers, then drop every queue.
  m_executor.reset();
  {
    std::lock_guard<std::mutex> lock(m_ts_mutex);
    for (auto* job : m_ts_completions) {
      job->m_finished = true;
      if (job->m_abandoned) delete job;
    }
    m_ts_completions.clear();
    m_ts_callbacks.clear();
    m_ts_pending.store(false);
  }
  while (m_ready_head) {
    ReadyNode* n = pop_ready();
    if (n->m_kind == NodeKind::callback) static_cast<detail::Handle*>(n)->release();
  }
  for (const auto& e : m_heap) {
    if (!heap_entry_live(e)) continue;
    e.node->m_in_heap = false;
    if (e.node->m_kind == NodeKind::callback) static_cast<detail::Handle*>(e.node)->release();
  }
  m_heap.clear();
  m_heap_cancelled.clear();
  m_selector.drop_waiters();
  m_jobs_in_flight = 0;
  m_jobs_unfinished = 0;
  m_plain_jobs_unfinished = 0;
  // 3. Destroy the frames that are left. Frames kept alive by Task handles stay until the last
  //    handle goes, detached from the loop.
  std::vector<TaskCore*> frames;
  for (TaskCore* t = m_frames; t; t = t->m_next_frame) frames.push_back(t);
  for (TaskCore* t : frames) {
    t->m_prev_frame = t->m_next_frame = nullptr;
    t->m_loop = nullptr;
  }
  m_frames = nullptr;
  m_closed = true;
  for (TaskCore* t : frames) {
    if (t->done()) continue;
    t->m_state = TaskState::cancelled;
    t->m_awaiting = nullptr;
    for (ReadyNode* w = t->m_waiters; w;) {
      ReadyNode* next = w->m_next;
      w->m_next = nullptr;
      if (w->m_kind == NodeKind::callback) static_cast<detail::Handle*>(w)->release();
      w = next;
    }
    t->m_waiters = nullptr;
    --m_stats.tasks_alive;
  }
  for (TaskCore* t : frames)
    if (t->m_state == TaskState::cancelled && !t->m_finished) { t->m_finished = true; t->release(); }
  detail::tls.loop = prev == this ? this : prev;
}

// ---- introspection -------------------------------------------------------------------------
namespace {
constexpr std::string_view sleep_wake_prefix = "sleep timer: wake ";  // + the task's name
}  // namespace

StringId EventLoop::intern_ready_label(const ReadyNode& n) {
  switch (n.m_kind) {
    case NodeKind::internal: return m_trace->intern_static(static_cast<const detail::LabelledNode&>(n).m_label);
    case NodeKind::internal_timer:
      return m_trace->intern_static(static_cast<const detail::LabelledTimer&>(n).m_label);
    case NodeKind::watch_child: return m_trace->intern_static(detail::Watch::child_label_of(n));
    case NodeKind::sleep_timer: {
      const TaskCore& t = static_cast<const TaskCore&>(n);
      if (t.has_default_name()) {  // as ready_label, without a temporary string
        char buf[64];
        std::memcpy(buf, sleep_wake_prefix.data(), sleep_wake_prefix.size());
        char* end = TaskCore::write_default_name(buf + sleep_wake_prefix.size(), t.m_name_number);
        return intern(std::string_view(buf, static_cast<std::size_t>(end - buf)));
      }
      return intern(ready_label(n));
    }
    default: return intern(ready_label(n));
  }
}

std::string EventLoop::ready_label(const ReadyNode& n) const {
  switch (n.m_kind) {
    case NodeKind::task: return {};
    case NodeKind::callback: {
      const auto& l = static_cast<const detail::Handle&>(n).m_label;
      return l.empty() ? std::string("callback") : l;
    }
    case NodeKind::sleep_timer:
      return std::string(sleep_wake_prefix) + static_cast<const TaskCore&>(n).name();
    case NodeKind::internal: return static_cast<const detail::LabelledNode&>(n).m_label;
    case NodeKind::internal_timer: return static_cast<const detail::LabelledTimer&>(n).m_label;
    case NodeKind::watch_child: return detail::Watch::child_label_of(n);
  }
  return {};
}

TaskId EventLoop::timer_owner(const TimerNode& n) noexcept {
  switch (n.m_kind) {
    case NodeKind::sleep_timer: return static_cast<const TaskCore&>(n).m_id;
    case NodeKind::internal_timer: return static_cast<const detail::LabelledTimer&>(n).m_owner;
    default: return 0;
  }
}

TaskSnapshot EventLoop::task_snapshot(const TaskCore& t) const {
  TaskSnapshot s;
  s.id = t.m_id;
  s.name = t.name();
  s.state = t.m_state;
  if (t.m_state == TaskState::suspended && t.m_awaiting) s.awaiting = t.m_awaiting->describe(t);
  if (const auto* x = t.extras_if()) {
    s.line_a = x->line_a;
    s.line_b = x->line_b;
    if (t.m_state != TaskState::done && t.m_state != TaskState::cancelled && t.m_state != TaskState::failed)
      s.frames = x->frames;
  }
  s.cancel_requested = t.m_cancels > 0;
  if (t.m_state == TaskState::failed) s.error = describe_exception(t.exception());
  return s;
}

LoopSnapshot EventLoop::snapshot() const {
  LoopSnapshot s;
  s.time = time();
  s.iteration = m_iteration;
  s.phase = m_phase;
  s.poll_timeout = m_poll_timeout;
  s.blocking = m_blocking;
  for (const ReadyNode* n = m_ready_head; n; n = n->m_next) {
    if (n->m_cancelled) continue;
    ReadyEntry r;
    r.handle = n->m_handle;
    if (n->m_kind == NodeKind::task) r.task = static_cast<const TaskCore*>(n)->m_id;
    else r.label = ready_label(*n);
    s.ready.push_back(std::move(r));
  }
  s.tasks.reserve(m_finished_records.size() + m_stats.tasks_alive);
  for (const FinishedTask& f : m_finished_records) {
    TaskSnapshot t;
    t.id = f.id;
    const FinishedTexts* x = f.texts ? &m_finished_texts[f.texts - 1] : nullptr;
    t.name = f.name_number ? TaskCore::default_name(f.name_number) : x ? x->name : std::string();
    t.state = f.state;
    t.line_a = f.line_a;
    t.line_b = f.line_b;
    t.cancel_requested = f.cancel_requested;
    if (x) t.error = x->error;
    s.tasks.push_back(std::move(t));
  }
  for (const TaskCore* t = m_frames; t; t = t->m_next_frame)
    if (!t->m_recorded) s.tasks.push_back(task_snapshot(*t));
  std::sort(s.tasks.begin(), s.tasks.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::vector<HeapEntry> live;
  for (const auto& e : m_heap)
    if (heap_entry_live(e)) live.push_back(e);
  std::sort(live.begin(), live.end());
  for (const auto& e : live) s.timers.push_back(TimerSnapshot{e.node->m_handle, e.deadline, timer_owner(*e.node)});
  s.output = m_output;
  return s;
}

LoopStatistics EventLoop::statistics() const {
  LoopStatistics s = m_stats;
  s.timers_pending = m_heap.size() - m_heap_cancelled.size();
  return s;
}

// ---- annotations and program helpers -----------------------------------------------------------------------
TaskId EventLoop::current_task_id() const noexcept { return loopscope::current_task_id(); }

void EventLoop::annotate(const Annotation& a) {
  TaskCore* t = detail::tls.task;
  const TaskId task = t ? t->m_id : 0;
  switch (a.kind) {
    case Annotation::Kind::output: m_output.push_back(OutputLine{time(), task, std::string(a.text)}); break;
    case Annotation::Kind::location:
      if (t) {
        auto& x = t->extras();
        x.line_a = a.line_a;
        x.line_b = a.line_b;
      }
      break;
    case Annotation::Kind::note: break;
    case Annotation::Kind::frames:
      if (t) t->extras().frames = std::string(a.text);
      break;
  }
  if (m_trace) [[unlikely]] {
    TraceEvent e;
    e.task = task;
    switch (a.kind) {
      case Annotation::Kind::output: e.kind = TraceKind::output; e.text = intern(a.text); break;
      case Annotation::Kind::location: e.kind = TraceKind::location; e.line_a = a.line_a; e.line_b = a.line_b; break;
      case Annotation::Kind::note: e.kind = TraceKind::note; e.text = intern(a.text); break;
      case Annotation::Kind::frames: e.kind = TraceKind::frames; e.text = intern(a.text); break;
    }
    emit(e);
  }
  if (m_annotation_handler) m_annotation_handler(time(), task, a);
}

void EventLoop::blocking(double seconds, std::string_view label) {
  m_blocking = true;
  if (m_trace) [[unlikely]] {
    TraceEvent e;
    e.kind = TraceKind::blocking_begin;
    e.task = loopscope::current_task_id();
    e.value = seconds;
    e.text = intern(label);
    emit(e);
  }
  if (seconds > 0) {
    if (m_virtual) m_vclock.advance(seconds);
    else m_rclock.sleep_until(m_rclock.now() + seconds);
  }
  m_blocking = false;
  if (m_trace) [[unlikely]] {
    TraceEvent e;
    e.kind = TraceKind::blocking_end;
    e.task = loopscope::current_task_id();
    e.value = seconds;
    emit(e);
  }
}

void EventLoop::call_exception_handler(const ExceptionContext& ctx) {
  ++m_stats.exceptions_reported;
  if (m_exception_handler) {
    try {
      m_exception_handler(ctx);
      return;
    } catch (...) {
    }
  }
  std::string text = ctx.message;
  if (ctx.task) text += "\n  task: " + ctx.task_name;
  if (ctx.exception) text += "\n  " + describe_exception(ctx.exception);
  std::cerr << text << '\n';
}

// A runaway program cannot grow the list without bound.
constexpr std::size_t max_kept_warnings = 10000;

void EventLoop::warn(std::string_view text, std::string_view category) {
  if (m_warnings.size() < max_kept_warnings)
    m_warnings.push_back(Warning{std::string(category), std::string(text), time(), current_task_id()});
  if (m_trace) [[unlikely]] {  // warnings are part of the story the trace tells
    TraceEvent e;
    e.kind = TraceKind::note;
    e.task = current_task_id();
    e.text = intern(text);
    emit(e);
  }
  if (m_warning_handler) m_warning_handler(text);
  else std::cerr << category << ": " << text << '\n';
}

// ---- tracing and task bookkeeping ----------------------------------------------------------
void EventLoop::emit(TraceEvent& e) { emit_inline(e); }

void EventLoop::emit_anchored(TraceEvent& e) {
  if (m_virtual) {
    emit(e);
    return;
  }
  m_trace_time_reusable = false;
  const std::uint64_t ticks = detail::read_ticks();
  m_trace->anchor(ticks, m_rclock.now());
  m_trace->record_ticks(e, ticks);
}

void EventLoop::trace_cancel_request(TaskCore& t, std::string_view msg) {
  TraceEvent e;
  e.kind = TraceKind::task_cancel_requested;
  e.task = t.m_id;
  if (!msg.empty()) e.text = intern(msg);
  emit(e);
}

void EventLoop::trace_uncancel(TaskCore& t) {
  TraceEvent e;
  e.kind = TraceKind::task_uncancelled;
  e.task = t.m_id;
  emit(e);
}

void EventLoop::name_task(TaskCore& t, std::string_view name) { t.extras().task_name = std::string(name); }

void EventLoop::trace_task_created(TaskCore& t) {
  TraceEvent e;
  e.kind = TraceKind::task_created;
  e.task = t.m_id;
  e.target = loopscope::current_task_id();
  e.text = intern_task_name(t);
  emit_inline(e);
  reuse_trace_time();  // spawn() schedules the new task at once
}

// The task's name; "Task-N" is not interned here but made when the trace is read.
StringId EventLoop::intern_task_name(const TaskCore& t) {
  if (t.has_default_name() && t.m_name_number < TraceRecorder::lazy_name_limit)
    return TraceRecorder::lazy_task_name(t.m_name_number);
  return intern(t.name());
}

void EventLoop::trace_task_finished(TaskCore& t) {
  const TraceKind k = t.m_state == TaskState::cancelled ? TraceKind::task_cancelled
                      : t.m_state == TaskState::failed  ? TraceKind::task_failed
                                                        : TraceKind::task_done;
  FinishedTask& f = m_finished_records.emplace_back();
  f.id = t.m_id;
  f.state = t.m_state;
  f.cancel_requested = t.m_cancels > 0;
  if (const auto* x = t.extras_if()) {
    f.line_a = x->line_a;
    f.line_b = x->line_b;
  }
  if (t.has_default_name()) f.name_number = t.m_name_number;
  TraceEvent e;
  e.kind = k;
  e.task = t.m_id;
  if (!f.name_number || k == TraceKind::task_failed) [[unlikely]] {
    FinishedTexts& x = m_finished_texts.emplace_back();
    f.texts = static_cast<std::uint32_t>(m_finished_texts.size());
    if (!f.name_number) x.name = t.name();
    if (k == TraceKind::task_failed) {
      x.error = describe_exception(t.exception());
      e.text = intern(x.error);
    }
  }
  emit_inline(e);
  t.m_recorded = true;
  reuse_trace_time();  // complete() wakes the waiters at once (see complete() for after that)
}

// ---- executor plumbing ---------------------------------------------------------------------
detail::Executor& EventLoop::executor() {
  if (!m_executor) {
    unsigned hc = std::thread::hardware_concurrency();
    std::size_t n = std::clamp<std::size_t>(hc, 2, 4);
    m_executor = std::make_unique<detail::Executor>(n);
  }
  return *m_executor;
}

void EventLoop::job_started(const detail::ExecutorJobBase& job) noexcept {
  ++m_jobs_in_flight;
  ++m_jobs_unfinished;
  if (!job.m_has_deadline) ++m_plain_jobs_unfinished;
  ++m_stats.executor_jobs;
}

void EventLoop::job_completed(detail::ExecutorJobBase& job) {
  --m_jobs_unfinished;
  if (!job.m_has_deadline) --m_plain_jobs_unfinished;
  job.m_finished = true;
  if (job.m_abandoned) {
    --m_jobs_in_flight;
    delete &job;
    return;
  }
  if (!job.m_has_deadline || job.m_deadline_reached) schedule_node(job);
}

}  // namespace loopscope
