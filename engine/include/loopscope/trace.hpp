#pragma once
// trace.hpp — what the engine records as it runs.
//
// The loop and its tasks emit TraceEvents into a TraceRecorder when one is attached
// (EventLoop::set_trace). When none is attached, emitting costs one predictable branch.
// The trace is the only thing the app reads: every panel is rebuilt from a prefix of it
// (see snapshot.hpp, replay()). Invariants:
//   - events are appended in the order things happen; `time` never decreases;
//   - every task that appears in an event was announced first by task_created;
//   - a handle enters the ready queue by task_scheduled / handle_scheduled and leaves it by
//     task_resumed / handle_run (it ran) or handle_cancelled (it will be skipped);
//   - a task_suspended is always followed, for that task, by task_scheduled or a terminal event.
//
// Sections: ids and enums · TraceEvent · TraceRecorder
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope {

// ---- ids and enums -------------------------------------------------------------------------
using TaskId = std::uint64_t;    // 1, 2, 3… in creation order; 0 means "no task" (the loop)
using HandleId = std::uint64_t;  // every Handle/TimerHandle gets one, in creation order; 0 = none
using StringId = std::uint32_t;  // index into TraceRecorder::strings
inline constexpr StringId no_string = std::numeric_limits<StringId>::max();

// A task's life: pending (in the ready queue, waiting to start or to resume) -> running ->
// suspended (parked on something) -> pending -> running ... -> done | cancelled | failed.
enum class TaskState : std::uint8_t { pending, running, suspended, done, cancelled, failed };

// What a suspended task is waiting for.
enum class AwaitKind : std::uint8_t {
  none,
  sleep,        // a timer; `deadline` is when it fires, `target` the TimerHandle's id
  task,         // another task; `target` is its TaskId
  gather,       // a gather; `target` is the gather's id, `label` lists the children
  wait,         // asyncio.wait / as_completed; `target` the wait's id
  wait_for,     // wait_for / timeout scope around a task; `target` the inner task
  event,        // Event.wait(); `target` the primitive's id
  lock,         // Lock.acquire()
  semaphore,    // Semaphore.acquire()
  queue_get,    // Queue.get() on an empty queue
  queue_put,    // Queue.put() on a full queue
  io,           // a socket; `target` the fd, `direction` read/write/connect/accept
  executor,     // to_thread / run_in_executor; `target` the job id
  task_group,   // TaskGroup.__aexit__ waiting for its children
};

enum class IoDirection : std::uint8_t { read, write, connect, accept };

// The phases of one loop iteration, as asyncio's _run_once does them.
enum class LoopPhase : std::uint8_t {
  idle,       // between iterations / not running
  poll,       // selector.select(timeout): `value` is the timeout in seconds (-1 = infinite)
  timers,     // due timers move from the timer heap to the ready queue
  run_ready,  // the handles that were ready when the iteration began are run, in order
};

enum class TraceKind : std::uint8_t {
  // tasks
  task_created,      // task, text = name, target = parent task (0 = none)
  task_scheduled,    // task enters the ready queue as handle `handle`
  task_resumed,      // task's handle `handle` popped from the ready queue; the task runs
  task_suspended,    // task parks: await_kind, target, deadline, direction, text = label
  task_done,         // finished with a result
  task_cancelled,    // finished by CancelledError
  task_failed,       // finished by another exception; text = "Type: message"
  task_cancel_requested,  // task.cancel() was called; text = message (may be none)
  // plain callbacks (call_soon / call_later callbacks that are not task steps)
  handle_scheduled,  // handle enters the ready queue; text = label (e.g. "call_soon(print)")
  handle_cancelled,  // handle.cancel(): it stays out of the visible ready queue and is skipped
  handle_run,        // handle popped from the ready queue and its callback called
  // timers
  timer_armed,       // handle pushed on the timer heap; deadline; task = owner (sleep) or 0
  timer_fired,       // timer moved from the heap to the ready queue (a handle_scheduled or
                     // task_scheduled event for it follows)
  timer_cancelled,   // timer removed before firing
  // I/O
  io_wait_begin,     // task waits on fd `target` in `direction`
  io_wait_end,       // that wait ended (readiness, cancellation or close)
  // the loop
  loop_iteration,    // a new run_once begins; value = iteration number
  loop_phase,        // phase changes; value = poll timeout for LoopPhase::poll
  // the program
  blocking_begin,    // the loop thread blocks (time.sleep, CPU work); text = label, value = secs
  blocking_end,
  output,            // the program printed text (task = who)
  location,          // task is now at listing lines (line_a = Python, line_b = C++); 0 = unknown
  note,              // free-form annotation for the UI; text
  // added by the engine issue (appended: earlier values keep their meaning)
  task_uncancelled,  // task.uncancel(): one cancel request withdrawn (timeout scopes, TaskGroup)
};

// ---- TraceEvent ----------------------------------------------------------------------------
// One flat record. Fields that a kind does not use are left at their defaults.
// Laid out widest first so that the record is 64 bytes with no padding (one cache line).
struct TraceEvent {
  double time = 0;              // loop time in seconds (virtual or real clock)
  TaskId task = 0;
  HandleId handle = 0;
  std::uint64_t target = 0;     // awaited task / primitive id / fd / parent task
  double deadline = -1;         // timer deadline; -1 when none
  double value = 0;             // poll timeout, iteration number, blocking duration…
  std::int32_t line_a = 0;      // location: Python listing line
  std::int32_t line_b = 0;      // location: C++ listing line
  StringId text = no_string;    // name / label / output text / error message
  TraceKind kind{};
  AwaitKind await_kind = AwaitKind::none;
  IoDirection direction = IoDirection::read;
  LoopPhase phase = LoopPhase::idle;
};
static_assert(sizeof(TraceEvent) == 64, "TraceEvent is meant to fill one cache line");

// ---- TraceRecorder -------------------------------------------------------------------------
// Keeps every event and the strings they refer to. Attach with EventLoop::set_trace(&rec).
class TraceRecorder {
public:
  void record(const TraceEvent& e) { m_events.push_back(e); }
  StringId intern(std::string_view s) {
    m_strings.emplace_back(s);
    return static_cast<StringId>(m_strings.size() - 1);
  }
  // Interns s, or returns the id of the previous intern_repeat if that had the same text (a
  // run of tasks suspending on the same label shares one string).
  StringId intern_repeat(std::string_view s) {
    if (m_repeat_id != no_string && m_strings[m_repeat_id] == s) return m_repeat_id;
    m_repeat_id = intern(s);
    return m_repeat_id;
  }
  // Interns a string with static storage duration (a label literal): the same pointer gives the
  // same id again without copying, as long as the recorder is not cleared.
  StringId intern_static(const char* s) {
    StaticSlot& slot = m_static[(reinterpret_cast<std::uintptr_t>(s) >> 3) % static_slots];
    if (slot.text != s) slot = StaticSlot{s, intern(s)};
    return slot.id;
  }
  const std::vector<TraceEvent>& events() const noexcept { return m_events; }
  std::string_view str(StringId id) const noexcept {
    return id == no_string || id >= m_strings.size() ? std::string_view{} : m_strings[id];
  }
  std::size_t size() const noexcept { return m_events.size(); }
  void clear() {
    m_events.clear();
    m_strings.clear();
    for (auto& slot : m_static) slot = StaticSlot{};
    m_repeat_id = no_string;
  }
  // Makes room for n more events and touches that memory once, so that recording into it later
  // costs no page faults (value-initialised events are written and dropped again).
  void reserve(std::size_t n) {
    const std::size_t old = m_events.size();
    m_events.resize(old + n);
    m_events.resize(old);
  }

private:
  std::vector<TraceEvent> m_events;
  std::vector<std::string> m_strings;
  // A small direct-mapped cache of intern_static: literal pointer -> its id.
  struct StaticSlot {
    const char* text = nullptr;
    StringId id = no_string;
  };
  static constexpr std::size_t static_slots = 16;
  StaticSlot m_static[static_slots];
  StringId m_repeat_id = no_string;  // the last id intern_repeat returned
};

const char* to_string(TaskState s) noexcept;
const char* to_string(AwaitKind k) noexcept;
const char* to_string(IoDirection d) noexcept;
const char* to_string(LoopPhase p) noexcept;
const char* to_string(TraceKind k) noexcept;

}  // namespace loopscope
