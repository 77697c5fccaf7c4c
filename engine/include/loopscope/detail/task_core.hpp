#pragma once
// detail/task_core.hpp — the type-erased heart of a coroutine frame and of a Task.
//
// Every Coro promise derives from TaskCore, so a coroutine frame can become a task without a
// second allocation: create_task() just switches the core on. For a frame awaited inline only
// the result/exception parts are used.
//
// Invariants of a task core (m_is_task):
//   - m_refs counts Task handles plus one held by the loop until the task finishes; the frame
//     is destroyed when it drops to zero (after reporting an exception nobody retrieved);
//   - m_resume is the innermost suspended frame of the task (where it resumes);
//   - m_awaiting is non-null exactly while m_state == suspended: what the task waits on;
//   - a task's node is in at most one of: the ready queue, one waiter list, the timer heap
//     (as its sleep timer), none (running/done);
//   - m_waiters is used only by task roots, m_continuation only by frames awaited inline.
//
// Sections: Suspension · TaskExtras · TaskCore · sleep timers
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/thread_state.hpp>
#include <loopscope/snapshot.hpp>
#include <loopscope/trace.hpp>

#include <coroutine>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>

namespace loopscope {
class EventLoop;
namespace detail {

class TaskCore;
extern const std::exception_ptr no_exception;  // null

// ---- Suspension ----------------------------------------------------------------------------
// What a suspended task waits on; implemented by the engine's awaiters.
enum class CancelAction : std::uint8_t {
  forwarded,  // the request was passed on (to an awaited task…); the task keeps waiting
  detached,   // the awaiter unhooked the task: wake it now, CancelledError at its await
  refused,    // nothing to cancel here: the task keeps waiting, CancelledError when it wakes
};

class Suspension {
public:
  // What `task` (the task suspended here) waits on.
  virtual AwaitTarget describe(const TaskCore& task) const = 0;
  virtual CancelAction on_cancel(TaskCore& task) = 0;

protected:
  ~Suspension() = default;
};

// ---- TaskExtras ----------------------------------------------------------------------------
// Rarely-needed per-frame data, allocated on first use so that frames stay small.
struct TaskExtras {
  std::string task_name;       // explicit task name ("" = default "Task-N")
  std::string coro_name;       // the coroutine's name, for "never awaited" warnings
  std::string cancel_message;
  std::exception_ptr exception;  // how the frame finished, when it failed or was cancelled
  std::int32_t line_a = 0, line_b = 0;
  std::string frames;          // the last Annotation::frames text (interpreter frames, locals)
};

// ---- TaskCore ------------------------------------------------------------------------------
class TaskCore : public TimerNode {
public:
  TaskCore() noexcept { m_kind = NodeKind::task; }
  TaskCore(const TaskCore&) = delete;
  TaskCore& operator=(const TaskCore&) = delete;

  // ---- identity and state
  TaskId id() const noexcept { return m_id; }
  std::string name() const;
  // True when the task goes by its default name "Task-N" (no explicit name was given).
  bool has_default_name() const noexcept {
    return m_name_number && (!m_extras || m_extras->task_name.empty());
  }
  // Writes the default name "Task-N" of task number n at out (room for 32 bytes); returns the end.
  static char* write_default_name(char* out, std::uint32_t n) noexcept;
  static std::string default_name(std::uint32_t n);
  TaskState state() const noexcept { return m_state; }
  bool done() const noexcept { return m_state >= TaskState::done; }
  bool is_task() const noexcept { return m_is_task; }
  EventLoop* loop() const noexcept { return m_loop; }
  // The exception the frame finished with (null if none). It lives in the extras: most frames
  // never fail, and the frame is smaller without it.
  const std::exception_ptr& exception() const noexcept {
    return m_extras ? m_extras->exception : no_exception;
  }
  void set_exception(std::exception_ptr e) { extras().exception = std::move(e); }
  // Rethrows the exception the frame finished with, if any.
  void rethrow_if_exception() const {
    if (m_extras && m_extras->exception) std::rethrow_exception(m_extras->exception);
  }
  TaskExtras& extras();
  const TaskExtras* extras_if() const noexcept { return m_extras.get(); }

  // ---- task operations (see task.hpp for the public meaning)
  bool cancel(std::string_view msg = {});
  int uncancel() noexcept;
  int cancelling() const noexcept { return m_cancels; }
  // Marks the exception as retrieved and returns it (null if none / not failed).
  std::exception_ptr take_exception() noexcept;
  void add_ref() noexcept { ++m_refs; }
  // Drops one reference; the last one reports an unretrieved exception and destroys the frame.
  void release() noexcept {
    if (--m_refs == 0) last_release();
  }

  // Done callbacks: `node` goes to the back of the ready queue when the task finishes (at once
  // if it already has). Tasks are woken directly (task_scheduled), other nodes as handles.
  void add_waiter(ReadyNode& node);
  // Removes a waiter that has not fired yet; false if not found.
  bool remove_waiter(ReadyNode& node) noexcept;
  void wake_waiter(ReadyNode& node);

  // ---- called by the loop and the awaiters
  void step();
  void complete();
  [[gnu::cold, gnu::noinline]] void finish_cancelled_before_start();
  [[gnu::cold, gnu::noinline]] void apply_cancel_after_step();
  [[gnu::cold, gnu::noinline]] void report_unretrieved() noexcept;
  void last_release() noexcept;
  void destroy_frame() noexcept;
  // A fresh frame that was never run: the never-awaited RuntimeWarning, naming the coroutine by
  // set_name() or else by `function` (a compiler-provided function signature, may be null).
  void warn_never_awaited(const char* function) noexcept;
  // "worker" from "loopscope::Coro<int> ns::worker(int)"; the whole text when not of that form.
  static std::string short_function_name(std::string_view signature);

  // Frame data (public for the engine's awaiters; not an API).
  TaskId m_id = 0;
  EventLoop* m_loop = nullptr;
  TaskCore* m_prev_frame = nullptr;       // the loop's list of live task frames
  TaskCore* m_next_frame = nullptr;
  std::coroutine_handle<> m_resume;
  Suspension* m_awaiting = nullptr;
  // A frame is either a task's root (m_is_task: others may wait for it to finish) or a coroutine
  // awaited inline (it goes back to the frame that awaited it). Never both, so the two share.
  union {
    ReadyNode* m_waiters = nullptr;       // task root: LIFO; reversed when the task finishes
    void* m_continuation;                 // inline frame: the awaiting frame's address
  };
  std::unique_ptr<TaskExtras> m_extras;
  std::uint32_t m_name_number = 0;        // N of the default name "Task-N"; 0 = named
  TaskState m_state = TaskState::pending;
  std::uint8_t m_cancels = 0;             // asyncio's cancelling() counter (saturating)
  std::uint8_t m_frame_offset = 0;        // this - the coroutine frame's address (destroy_frame)
  // (m_refs lives in ReadyNode's spare word; flags are bits to keep frames small)
  bool m_is_task : 1 = false;
  bool m_started : 1 = false;             // the frame has run at least once
  bool m_must_cancel : 1 = false;         // throw CancelledError at the next resume point
  bool m_finished : 1 = false;            // the root frame reached final_suspend
  bool m_retrieved : 1 = false;           // someone looked at the exception
  bool m_recorded : 1 = false;            // kept in the loop's finished-task records
};

// Called first thing in every engine awaiter's await_resume after a real suspension: delivers
// a pending cancellation as CancelledError at this suspension point.
void throw_cancelled(TaskCore& t);
inline void resume_point() {
  TaskCore* t = tls.task;
  if (t && t->m_must_cancel) [[unlikely]] throw_cancelled(*t);
}

// The running task, or throw a clear error when an engine awaitable is used outside one.
TaskCore& current_task_core();

// ---- sleep timers --------------------------------------------------------------------------
// A sleeping task's own node is its sleep() timer (NodeKind::sleep_timer while it serves as
// one): it is free then, since a suspended task is in neither the ready queue nor a waiter list.
// When the timer fires the node enters the ready queue as a handle, and running that handle
// schedules the task (two hops, exactly as asyncio's call_later + future callback).
inline void wake_sleeper(TaskCore& t);

}  // namespace detail
}  // namespace loopscope
