#pragma once
// trace.hpp — what the engine records as it runs.
//
// The loop and its tasks emit TraceEvents into a TraceRecorder when one is attached
// (EventLoop::set_trace). When none is attached, emitting costs one predictable branch; when
// one is, a few bytes per event (see TraceRecorder).
// The trace is the only thing the app reads: every panel is rebuilt from a prefix of it
// (see snapshot.hpp, replay()). Invariants:
//   - events are appended in the order things happen; `time` never decreases;
//   - every task that appears in an event was announced first by task_created;
//   - a handle enters the ready queue by task_scheduled / handle_scheduled and leaves it by
//     task_resumed / handle_run (it ran) or handle_cancelled (it will be skipped);
//   - a task_suspended is always followed, for that task, by task_scheduled or a terminal event.
//
// Sections: ids and enums · TraceEvent · TraceRecorder
#include <loopscope/detail/trace_codec.hpp>

#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
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
  future,       // a Future (create_future, shield, gather's own future); `target` its id
  condition,    // Condition.wait() / Barrier.wait(); `target` the primitive's id
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
  // (appended last: recorded traces keep the numeric meaning of every earlier kind)
  task_uncancelled,  // task.uncancel(): one cancel request withdrawn (timeout scopes, TaskGroup)
  frames,            // the running task's chain of interpreter frames and their locals, as text
                     // (format is the program's; the Python runtime writes python/frames_text)
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
static_assert(static_cast<unsigned>(TraceKind::frames) < 32 &&
                  static_cast<unsigned>(AwaitKind::condition) < 16,
              "the compact trace form keeps a kind in 5 bits and an await kind in 4");

// ---- TraceRecorder -------------------------------------------------------------------------
// Keeps every event and the strings they refer to. Attach with EventLoop::set_trace(&rec).
//
// Capture is separate from reading: recording appends a few bytes per event to a chain of
// chunks (detail/trace_codec.hpp); events() decodes what is new into TraceEvents the first time
// they are asked for and keeps them. Invariants:
//   - events() is the list of every event recorded since the last clear(), in recording order;
//   - size() counts events recorded, decoded or not;
//   - a ticks stamp decodes to seconds by interpolating between the anchors around it (and past
//     the last one, at the rate measured since the first), and never before the previous event;
//   - strings keep their addresses until clear() (str() views stay valid); events() is always
//     the same vector, whose elements move like any vector's when decoding makes it grow.
// Record and read on one thread (the loop's).
class TraceRecorder {
public:
  // A text id that stands for the default task name "Task-n"; the string is made when the event
  // is decoded, so recording a task costs no string. Only valid in record*() arguments.
  static constexpr StringId lazy_name_bit = 0x8000'0000u;
  // n < lazy_name_limit (larger numbers are interned as strings).
  static constexpr std::uint32_t lazy_name_limit = lazy_name_bit - 1;
  static constexpr StringId lazy_task_name(std::uint32_t n) noexcept { return lazy_name_bit | n; }

  TraceRecorder() = default;
  // A moved-from recorder is empty and can record again.
  TraceRecorder(TraceRecorder&& o) noexcept { swap(o); }
  TraceRecorder& operator=(TraceRecorder&& o) noexcept {
    if (this != &o) {
      swap(o);
      o.clear();
    }
    return *this;
  }
  void swap(TraceRecorder& o) noexcept;
  TraceRecorder(const TraceRecorder&) = delete;
  TraceRecorder& operator=(const TraceRecorder&) = delete;

  // ---- recording
  // Records e at e.time.
  [[gnu::always_inline]] void record(const TraceEvent& e) {
    const std::uint64_t bits = detail::bits_of(e.time);
    if (bits == m_last_seconds_bits) {
      encode(e, detail::stamp_same, 0);
    } else {
      m_last_seconds_bits = bits;
      encode(e, detail::stamp_seconds, bits);
    }
  }
  // Records e at the time of the event recorded before it (e.time is ignored).
  [[gnu::always_inline]] void record_same_time(const TraceEvent& e) { encode(e, detail::stamp_same, 0); }
  // Records e at time-stamp-counter reading `ticks` (detail::read_ticks; e.time is ignored).
  [[gnu::always_inline]] void record_ticks(const TraceEvent& e, std::uint64_t ticks) {
    m_last_seconds_bits = no_seconds;
    encode(e, detail::stamp_ticks, ticks);
  }
  // Counter reading `ticks` was loop time `seconds`. Anchors come in increasing order of both.
  void anchor(std::uint64_t ticks, double seconds);

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

  // ---- reading
  const std::vector<TraceEvent>& events() const {
    if (m_decoded.size() < m_count) decode_new();
    return m_decoded;
  }
  std::string_view str(StringId id) const noexcept {
    return id == no_string || id >= m_strings.size() ? std::string_view{} : m_strings[id];
  }
  std::size_t size() const noexcept { return m_count; }
  // Bytes the recorded events take in their compact form.
  std::size_t encoded_bytes() const noexcept;

  void clear();
  // Makes room for about n more events and touches that memory once, so that recording into it
  // later costs no page faults.
  void reserve(std::size_t n);

private:
  static constexpr std::uint64_t no_seconds = 0x7ff8'dead'beef'0001ull;  // a NaN: equals no time
  static constexpr std::size_t chunk_bytes = std::size_t{1} << 20;
  struct Chunk {
    std::unique_ptr<std::uint8_t[]> bytes;
    std::size_t used = 0;  // set when the writer moves on to the next chunk
  };
  struct Anchor {
    std::uint64_t ticks;
    double seconds;
  };

  [[gnu::always_inline]] void encode(const TraceEvent& e, std::uint8_t stamp,
                                     std::uint64_t stamp_value) {
    using namespace detail;
    if (static_cast<std::size_t>(m_end - m_cur) < max_encoded_event) [[unlikely]] next_chunk();
    std::uint8_t* p = m_cur;
    std::uint8_t* const head = p++;
    if (stamp == stamp_seconds) {
      std::memcpy(p, &stamp_value, 8);
      p += 8;
    } else if (stamp == stamp_ticks) {
      p = put_varint(p, zigzag(static_cast<std::int64_t>(stamp_value - m_last_ticks)));
      m_last_ticks = stamp_value;
    }
    std::uint8_t* const mask_at = p++;
    std::uint8_t mask = 0;
    if (e.task) {
      mask |= field_task;
      p = put_varint(p, zigzag(static_cast<std::int64_t>(e.task - m_last_task)));
      m_last_task = e.task;
    }
    if (e.handle) {
      mask |= field_handle;
      HandleId& last = schedules_a_handle(e.kind) ? m_last_new_handle : m_last_handle;
      p = put_varint(p, zigzag(static_cast<std::int64_t>(e.handle - last)));
      last = e.handle;
    }
    if (e.target) {
      mask |= field_target;
      p = put_varint(p, e.target);
    }
    if (bits_of(e.deadline) != bits_of(-1.0)) {
      mask |= field_deadline;
      p = put_double(p, e.deadline);
    }
    if (bits_of(e.value) != 0) {
      mask |= field_value;
      p = put_double(p, e.value);
    }
    if (e.line_a | e.line_b) {
      mask |= field_lines;
      p = put_varint(p, zigzag(e.line_a));
      p = put_varint(p, zigzag(e.line_b));
    }
    if (e.text != no_string) {
      mask |= field_text;
      const std::uint64_t t = e.text & lazy_name_bit
                                  ? (std::uint64_t{e.text & ~lazy_name_bit} << 1) | 1u
                                  : std::uint64_t{e.text} << 1;
      p = put_varint(p, t);
    }
    const std::uint8_t enums = static_cast<std::uint8_t>(
        static_cast<unsigned>(e.await_kind) | static_cast<unsigned>(e.direction) << 4 |
        static_cast<unsigned>(e.phase) << 6);
    if (enums) {
      mask |= field_enums;
      *p++ = enums;
    }
    if (mask) *mask_at = mask;
    else p = mask_at;
    *head = static_cast<std::uint8_t>(static_cast<unsigned>(e.kind) | unsigned{stamp} << 5 |
                                      (mask ? 0x80u : 0u));
    m_cur = p;
    ++m_count;
  }
  // Handle ids are deltas to the last one of their class: the kinds that schedule a handle
  // (ids mostly count up by one from one such event to the next) and the rest (they mostly
  // follow the ready queue's order, also counting up by one). One shared base would swing
  // by the ready queue's length every other event, and take 2-3 bytes a handle.
  static constexpr bool schedules_a_handle(TraceKind k) noexcept {
    return k == TraceKind::task_scheduled || k == TraceKind::handle_scheduled ||
           k == TraceKind::timer_armed;
  }
  [[gnu::cold, gnu::noinline]] void next_chunk();
  [[gnu::noinline]] void decode_new() const;
  double seconds_of(std::uint64_t ticks) const;
  double ticks_per_second() const;

  // writing
  std::vector<Chunk> m_chunks;
  std::size_t m_chunk = 0;           // the chunk being written (when m_cur is set)
  std::uint8_t* m_cur = nullptr;
  std::uint8_t* m_end = nullptr;
  std::size_t m_count = 0;
  std::uint64_t m_last_seconds_bits = no_seconds;
  std::uint64_t m_last_ticks = 0;
  TaskId m_last_task = 0;
  HandleId m_last_handle = 0;         // see schedules_a_handle
  HandleId m_last_new_handle = 0;
  std::vector<Anchor> m_anchors;
  std::uint64_t m_calibration_ticks = 0;  // the counter and the steady clock (ns) at the first
  std::int64_t m_calibration_ns = 0;      // anchor, to measure the counter's rate
  // reading (decoding is lazy, so its state is mutable)
  mutable std::vector<TraceEvent> m_decoded;
  mutable std::size_t m_read_chunk = 0;
  mutable std::size_t m_read_offset = 0;
  mutable double m_read_time = 0;
  mutable std::uint64_t m_read_ticks = 0;
  mutable TaskId m_read_task = 0;
  mutable HandleId m_read_handle = 0;
  mutable HandleId m_read_new_handle = 0;
  mutable std::size_t m_read_anchor = 0;
  // strings (a deque: interning never moves a string, so views stay valid)
  mutable std::deque<std::string> m_strings;
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
