#pragma once
// event_loop.hpp — EventLoop: a single-threaded loop with asyncio's semantics.
//
// The loop owns a ready queue (intrusive FIFO of handles: task steps and callbacks), a timer
// heap ordered by (deadline, insertion order) and an epoll selector. run_once() performs one
// iteration exactly as asyncio's BaseEventLoop._run_once:
//   1. poll the selector with timeout 0 if anything is ready (or stop() was called), else until
//      the soonest timer deadline, else forever (only if something can wake it: I/O waiters,
//      executor jobs);
//   2. move every timer that is due to the back of the ready queue, in deadline order;
//   3. run exactly the handles that were in the ready queue when step 2 ended — handles
//      scheduled while they run wait for the next iteration.
// On the virtual clock, "poll until the deadline" makes time jump to the deadline at once when
// nothing else can happen (no I/O reported, no executor job unfinished).
//
// Determinism note: where CPython is not deterministic, this loop is. Timers with exactly equal
// deadlines fire in insertion order (CPython's heapq does not promise that: three call_at at the
// same instant may fire 0, 2, 1); equal *delays* scheduled one after another agree with CPython.
//
// Sections: ExceptionContext · EventLoop (scheduling · running · introspection · program
// helpers · I/O · internals)
#include <loopscope/clock.hpp>
#include <loopscope/coro.hpp>
#include <loopscope/detail/io_wait.hpp>
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/selector.hpp>
#include <loopscope/detail/task_core.hpp>
#include <loopscope/detail/timer_heap.hpp>
#include <loopscope/future.hpp>
#include <loopscope/handle.hpp>
#include <loopscope/snapshot.hpp>
#include <loopscope/statistics.hpp>
#include <loopscope/task.hpp>
#include <loopscope/trace.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace loopscope {

class SleepAwaiter;
class TaskGroup;
class Timeout;
namespace detail {
class Executor;
struct ExecutorJobBase;
class ExecutorWaitBase;
class FutureAwaiter;
class FutureCore;
class GatherBase;
class Primitive;
class TaskWaitAwaiter;
class Watch;
void spawn(TaskCore& core, EventLoop* loop, std::string_view name);
}  // namespace detail

// ---- ExceptionContext ----------------------------------------------------------------------
// What the exception handler receives: an exception nobody retrieved, or one thrown by a callback.
struct ExceptionContext {
  std::string message;            // e.g. "Task exception was never retrieved"
  TaskId task = 0;
  std::string task_name;
  std::exception_ptr exception;
};

// A warning the loop reported (warnings.warn): its category, as Python names it, and its text.
struct Warning {
  std::string category;           // "RuntimeWarning", "ResourceWarning", …
  std::string message;            // "coroutine 'worker' was never awaited"
  double time = 0;                // loop time when it was reported
  TaskId task = 0;                // the task running then (0 = none)
  bool operator==(const Warning&) const = default;
};

// ---- Annotation ----------------------------------------------------------------------------
// Something a program adds to the trace (EventLoop::annotate): a line it printed, where it is in
// its listings (Python and C++ line), or a free-form note for the UI.
struct Annotation {
  enum class Kind : std::uint8_t { output, location, note, frames };
  Kind kind = Kind::note;
  std::string_view text;                  // output, note and frames
  std::int32_t line_a = 0, line_b = 0;    // location: Python listing line, C++ listing line
  static Annotation output(std::string_view text) noexcept { return {Kind::output, text, 0, 0}; }
  static Annotation location(std::int32_t a, std::int32_t b) noexcept { return {Kind::location, {}, a, b}; }
  static Annotation note(std::string_view text) noexcept { return {Kind::note, text, 0, 0}; }
  // The running task's frames (interpreter call chain and locals), in the program's own text
  // form; kept for the task's snapshot (TaskSnapshot::frames) until the next one or its end.
  static Annotation frames(std::string_view text) noexcept { return {Kind::frames, text, 0, 0}; }
};

// ---- EventLoop -----------------------------------------------------------------------------
class EventLoop {
public:
  explicit EventLoop(ClockKind clock = ClockKind::virtual_time);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // The current loop of this thread: the one running, else the first one built on this thread
  // and not yet destroyed; nullptr if none.
  static EventLoop* current() noexcept { return detail::tls.loop; }
  // Makes this loop the current one of this thread.
  void make_current() noexcept { detail::tls.loop = this; }

  double time() const noexcept { return m_virtual ? m_vclock.now() : m_rclock.now(); }
  ClockKind clock_kind() const noexcept {
    return m_virtual ? ClockKind::virtual_time : ClockKind::real_time;
  }
  const Clock& clock() const noexcept;

  // ---- scheduling
  HandleRef call_soon(std::function<void()> fn, std::string label = {});
  // From any thread: the callback enters the ready queue at the loop's next poll (it wakes the
  // selector through an eventfd).
  void call_soon_threadsafe(std::function<void()> fn, std::string label = {});
  HandleRef call_later(double delay, std::function<void()> fn, std::string label = {});
  HandleRef call_at(double when, std::function<void()> fn, std::string label = {});
  // asyncio's loop.create_future(): a pending Future on this loop.
  template <class T = void> Future<T> create_future() { return loopscope::create_future<T>(*this); }
  template <class T> Task<T> create_task(Coro<T> coro, std::string_view name = {}) {
    return loopscope::create_task(std::move(coro), name, this);
  }

  // ---- running
  // One iteration; false (and nothing done) when there is nothing left to do: no ready handle,
  // no timer, no I/O waiter, no executor job, no thread-safe callback pending.
  bool run_once();
  // Runs until the task is done (asyncio: the loop stops one iteration after it finishes, when
  // the done callback that stops it runs) and returns its result or rethrows. Throws
  // DeadlockError if nothing is left to run while the task is not done, RuntimeError if stop()
  // ended the run first.
  template <class T> T run_until_complete(Task<T> task) {
    run_until_done(task);
    return task.result();
  }
  template <class T> T run_until_complete(Coro<T> coro) {
    return run_until_complete(create_task(std::move(coro)));
  }
  // Runs iterations until stop() or until there is nothing left to do.
  void run_forever();
  // The loop finishes its current iteration and run_forever/run_until_complete return.
  void stop() noexcept { m_stopping = true; }
  // Cancels every remaining task, lets them run their cleanup (bounded), then destroys whatever
  // is left (frames suspended anywhere are destroyed cleanly). The loop cannot run afterwards.
  void close();
  bool is_closed() const noexcept { return m_closed; }
  bool is_running() const noexcept { return m_running; }

  // ---- introspection
  std::size_t ready_count() const noexcept { return m_ready_count; }
  std::optional<double> next_deadline();
  bool has_pending_work() const noexcept;
  // Attach (or detach with nullptr) a recorder. While one is attached, finished tasks are kept
  // in snapshot().tasks, so that snapshot() equals replay() of the trace.
  // On the real clock the recorder is given an anchor here and at each iteration's start and
  // end; between anchors, events are stamped with the CPU's time-stamp counter.
  void set_trace(TraceRecorder* recorder) noexcept {
    m_trace = recorder;
    m_trace_time_reusable = false;
    if (m_trace && !m_virtual) m_trace->anchor(detail::read_ticks(), m_rclock.now());
  }
  TraceRecorder* trace() const noexcept { return m_trace; }
  LoopSnapshot snapshot() const;
  LoopStatistics statistics() const;
  std::uint64_t iteration() const noexcept { return m_iteration; }
  LoopPhase phase() const noexcept { return m_phase; }

  // ---- errors and warnings
  void set_exception_handler(std::function<void(const ExceptionContext&)> fn) { m_exception_handler = std::move(fn); }
  void call_exception_handler(const ExceptionContext& ctx);
  // The handler receives each warning's text (without a handler: stderr, "Category: text").
  void set_warning_handler(std::function<void(std::string_view)> fn) { m_warning_handler = std::move(fn); }
  // Reports a warning: kept in warnings() (a program can read them), traced as a note, handed
  // to the handler.
  void warn(std::string_view text, std::string_view category = "RuntimeWarning");
  const std::vector<Warning>& warnings() const noexcept { return m_warnings; }

  // ---- annotations: what a program adds to the story the trace tells
  // Records `a` for the running task (0 outside a task) as a trace event: an output line (also
  // kept in output()), a listing location or frames text (also kept for the task's snapshot) or
  // a note; then
  // hands it to the annotation handler with the loop time and the task.
  void annotate(const Annotation& a);
  void set_annotation_handler(std::function<void(double, TaskId, const Annotation&)> fn) {
    m_annotation_handler = std::move(fn);
  }
  // The loop thread blocks for `seconds` (time.sleep, CPU work): nothing else runs. The virtual
  // clock advances by `seconds`; the real one really sleeps.
  void blocking(double seconds, std::string_view label = "blocking");
  TaskId current_task_id() const noexcept;
  const std::vector<OutputLine>& output() const noexcept { return m_output; }

  // ---- I/O (epoll)
  int epoll_fd() const noexcept { return m_selector.fd(); }
  // Awaitables: suspend the calling task until fd is readable / writable (or hung up / in
  // error). Cancellation removes the registration. One waiter per fd and direction.
  detail::IoWait wait_readable(int fd) noexcept { return detail::IoWait(*this, fd, IoDirection::read); }
  detail::IoWait wait_writable(int fd) noexcept { return detail::IoWait(*this, fd, IoDirection::write); }
  detail::IoWait wait_io(int fd, IoDirection dir) noexcept { return detail::IoWait(*this, fd, dir); }
  // Call before closing fd: removes it from epoll; waiting tasks are woken (they see the fd
  // closed on their next syscall).
  void forget_fd(int fd);

  bool tracing() const noexcept { return m_trace != nullptr; }

private:
  // ---- internals: reached only by the engine's own awaiters and primitives (the friends) ----
  friend class SleepAwaiter;
  friend class TaskGroup;
  friend class Timeout;
  friend class detail::ExecutorWaitBase;
  friend class detail::FutureAwaiter;
  friend class detail::FutureCore;
  friend class detail::GatherBase;
  friend class detail::Handle;
  friend class detail::IoWait;
  friend class detail::Primitive;
  friend class detail::TaskCore;
  friend class detail::TaskWaitAwaiter;
  friend class detail::Watch;
  friend void detail::spawn(detail::TaskCore& core, EventLoop* loop, std::string_view name);
  friend void detail::wake_sleeper(detail::TaskCore& t);

  void schedule_task(detail::TaskCore& t);
  inline void schedule_node(detail::ReadyNode& n);  // a non-task node enters the ready queue
  void unqueue_node(detail::ReadyNode& n);    // removes a node from the ready queue (O(n))
  void arm_timer(detail::TimerNode& n, double when);
  void cancel_timer(detail::TimerNode& n) noexcept;
  void suspend_task(detail::TaskCore& t, detail::Suspension& s);
  inline void register_task(detail::TaskCore& t, std::string_view name);
  inline void task_finished(detail::TaskCore& t);
  inline void frame_destroyed(detail::TaskCore& t) noexcept;
  // Records e at the loop time: the time of the previous event if only engine code ran since
  // (see reuse_trace_time), else the virtual clock's time, else a time-stamp-counter reading.
  void emit(TraceEvent& e);
  inline void emit_inline(TraceEvent& e);  // the same, inlined (event_loop.cpp's hot sites)
  // emit(), and on the real clock also an anchor: the clock is read for this event.
  void emit_anchored(TraceEvent& e);
  // The next event may take the time of the last one: the caller guarantees that only engine
  // bookkeeping (no user code, no wait) runs before it is emitted. Any emit consumes the promise.
  void reuse_trace_time() noexcept { m_trace_time_reusable = true; }
  void forget_trace_time() noexcept { m_trace_time_reusable = false; }
  StringId intern(std::string_view s) { return m_trace->intern(s); }
  StringId intern_task_name(const detail::TaskCore& t);
  void trace_cancel_request(detail::TaskCore& t, std::string_view msg);
  void trace_task_scheduled(detail::TaskCore& t);
  void trace_uncancel(detail::TaskCore& t);
  std::uint64_t next_primitive_id() noexcept { return ++m_primitive_counter; }
  std::uint64_t next_handle_id() noexcept { return ++m_handle_counter; }
  void io_register(detail::IoWait& w);
  void io_unregister(detail::IoWait& w) noexcept;
  detail::Executor& executor();
  // The job goes to a worker (its m_has_deadline is set).
  void job_started(const detail::ExecutorJobBase& job) noexcept;
  void job_finished() noexcept { --m_jobs_in_flight; }
  void post_completion(detail::ExecutorJobBase* job);   // from a worker thread
  std::string ready_label(const detail::ReadyNode& n) const;
  StringId intern_ready_label(const detail::ReadyNode& n);  // tracing only
  static TaskId timer_owner(const detail::TimerNode& n) noexcept;

  using HeapEntry = detail::TimerEntry;

  void run_until_done(AnyTask& task);
  bool iterate();
  void poll(double timeout);
  void poll_virtual(double timeout);
  // What drain_threadsafe takes: on the virtual clock, executor completions are taken only in the
  // poll phase, so that where they enter the ready queue does not depend on worker timing.
  enum class Drain : std::uint8_t { callbacks, everything };
  void drain_threadsafe(Drain what = Drain::everything);
  // Virtual clock: waits (in real time) until every job without virtual seconds has finished on
  // its worker, then takes the completions. Such a job completes at the first poll after it
  // was submitted, however long its worker really takes.
  void settle_jobs();
  // Virtual clock: the job's virtual deadline has come but its worker is still busy: wait for it.
  void wait_job(detail::ExecutorJobBase& job);
  // Asks the selector (timeout in ms, -1 = forever) and wakes the tasks whose fd is ready.
  void select_io(int timeout_ms);
  void wake_io(detail::IoWait& w);
  void trace_io_wait(const detail::IoWait& w, TraceKind kind);
  void advance_virtual(double d);
  void job_completed(detail::ExecutorJobBase& job);
  void fire_due_timers();
  void heap_clean_top();
  void heap_rebuild();
  bool heap_entry_live(const HeapEntry& e) const noexcept;
  void push_ready(detail::ReadyNode& n) noexcept {
    n.m_next = nullptr;
    n.m_queued = true;
    if (m_ready_tail) m_ready_tail->m_next = &n; else m_ready_head = &n;
    m_ready_tail = &n;
    ++m_ready_count;
  }
  detail::ReadyNode* pop_ready() noexcept {
    detail::ReadyNode* n = m_ready_head;
    m_ready_head = n->m_next;
    if (!m_ready_head) m_ready_tail = nullptr;
    --m_ready_count;
    n->m_queued = false;
    n->m_next = nullptr;
    return n;
  }
  TaskSnapshot task_snapshot(const detail::TaskCore& t) const;
  void trace_node_scheduled(detail::ReadyNode& n);
  // The out-of-line parts of register_task / task_finished.
  void name_task(detail::TaskCore& t, std::string_view name);
  void trace_task_created(detail::TaskCore& t);
  void trace_task_finished(detail::TaskCore& t);
  void trace_phase(LoopPhase p, double value = 0);

  friend class detail::Executor;

  // clock
  bool m_virtual;
  VirtualClock m_vclock;
  RealClock m_rclock;
  // ready queue
  detail::ReadyNode* m_ready_head = nullptr;
  detail::ReadyNode* m_ready_tail = nullptr;
  std::size_t m_ready_count = 0;
  std::size_t m_batch_remaining = 0;
  // timers (lazy deletion: a cancelled timer's seq is remembered until its entry is popped)
  detail::TimerHeap m_heap;
  std::unordered_set<std::uint64_t> m_heap_cancelled;
  // tasks
  detail::TaskCore* m_frames = nullptr;   // every live task frame
  TaskId m_task_counter = 0;
  std::uint32_t m_name_counter = 0;
  // What snapshot() shows of a finished task once its frame may be gone (tracing only). Kept
  // small and cheap to fill: names and snapshots are built only when snapshot() asks.
  struct FinishedTask {
    TaskId id = 0;
    std::uint32_t name_number = 0;     // "Task-N" when no explicit name
    std::uint32_t texts = 0;           // 1 + index in m_finished_texts (explicit name / error)
    std::int32_t line_a = 0, line_b = 0;
    TaskState state = TaskState::done;
    bool cancel_requested = false;
  };
  struct FinishedTexts {
    std::string name;                  // the explicit name, if any
    std::string error;                 // failed tasks: "Type: message"
  };
  std::vector<FinishedTask> m_finished_records;  // 32 bytes a task
  std::vector<FinishedTexts> m_finished_texts;   // only for named or failed tasks
  // ids
  HandleId m_handle_counter = 0;
  std::uint64_t m_primitive_counter = 0;
  // state
  bool m_stopping = false;
  bool m_running = false;
  bool m_closed = false;
  bool m_last_run_stopped = false;
  bool m_blocking = false;
  std::uint64_t m_iteration = 0;
  LoopPhase m_phase = LoopPhase::idle;
  double m_poll_timeout = 0;
  LoopStatistics m_stats;
  TraceRecorder* m_trace = nullptr;
  bool m_trace_time_reusable = false;    // see reuse_trace_time()
  std::vector<OutputLine> m_output;
  // handlers
  std::function<void(const ExceptionContext&)> m_exception_handler;
  std::function<void(std::string_view)> m_warning_handler;
  std::vector<Warning> m_warnings;
  std::function<void(double, TaskId, const Annotation&)> m_annotation_handler;
  // selector
  detail::Selector m_selector;
  std::vector<void*> m_io_ready;           // select_io's scratch list (kept: no allocation a poll)
  // thread-safe callbacks and executor completions
  std::mutex m_ts_mutex;
  std::vector<std::pair<std::function<void()>, std::string>> m_ts_callbacks;
  std::vector<detail::ExecutorJobBase*> m_ts_completions;
  std::atomic<bool> m_ts_pending{false};
  std::condition_variable m_ts_cv;         // notified when a worker posts a completion
  std::size_t m_jobs_in_flight = 0;        // submitted, result not yet delivered
  std::size_t m_jobs_unfinished = 0;       // still running on a worker (no completion seen)
  std::size_t m_plain_jobs_unfinished = 0; // of those, the jobs without virtual seconds
  std::unique_ptr<detail::Executor> m_executor;
  friend struct detail::ExecutorJobBase;
};

// The hot path of every wake-up: the task goes to the back of the ready queue.
inline void EventLoop::schedule_task(detail::TaskCore& t) {
  t.m_state = TaskState::pending;
  t.m_awaiting = nullptr;
  t.m_handle = ++m_handle_counter;
  push_ready(t);
  if (m_trace) [[unlikely]] trace_task_scheduled(t);
}

inline void EventLoop::schedule_node(detail::ReadyNode& n) {
  n.m_handle = ++m_handle_counter;
  push_ready(n);
  if (m_trace) [[unlikely]] trace_node_scheduled(n);
}

// A new task gets its id, its default name number and a place in the list of live frames.
inline void EventLoop::register_task(detail::TaskCore& t, std::string_view name) {
  t.m_id = ++m_task_counter;
  if (name.empty()) t.m_name_number = ++m_name_counter;
  else name_task(t, name);
  t.m_next_frame = m_frames;
  if (m_frames) m_frames->m_prev_frame = &t;
  m_frames = &t;
  ++m_stats.tasks_created;
  ++m_stats.tasks_alive;
  if (m_trace) [[unlikely]] trace_task_created(t);
}

// Called by TaskCore::complete once the task's final state is set.
inline void EventLoop::task_finished(detail::TaskCore& t) {
  --m_stats.tasks_alive;
  if (t.m_state == TaskState::done) [[likely]] ++m_stats.tasks_done;
  else if (t.m_state == TaskState::cancelled) ++m_stats.tasks_cancelled;
  else ++m_stats.tasks_failed;
  if (m_trace) [[unlikely]] trace_task_finished(t);
}

// A task frame leaves the list of live frames.
inline void EventLoop::frame_destroyed(detail::TaskCore& t) noexcept {
  if (t.m_prev_frame) t.m_prev_frame->m_next_frame = t.m_next_frame;
  else if (m_frames == &t) m_frames = t.m_next_frame;
  if (t.m_next_frame) t.m_next_frame->m_prev_frame = t.m_prev_frame;
  t.m_prev_frame = t.m_next_frame = nullptr;
}

namespace detail {
inline void wake_sleeper(TaskCore& t) {
  t.m_kind = NodeKind::task;  // the node is the task's own again
  t.m_loop->schedule_task(t);
}
}  // namespace detail

// asyncio.run(): a fresh loop runs the coroutine as its main task, then is closed.
template <class T> T run(Coro<T> main, ClockKind clock = ClockKind::virtual_time) {
  EventLoop loop(clock);
  loop.make_current();
  if constexpr (std::is_void_v<T>) {
    loop.run_until_complete(std::move(main));
    loop.close();
  } else {
    T v = loop.run_until_complete(std::move(main));
    loop.close();
    return v;
  }
}

// The id of the running task (0 outside a task).
TaskId current_task_id() noexcept;

}  // namespace loopscope
