#pragma once
// timeline_model.hpp — the timeline's view-model: one lane per task plus one for the loop, each a
// sorted list of segments built incrementally from the trace. No ImGui here.
//
// Lanes: lanes()[0] is the loop (its phases poll / timers / run_ready, and blocking sections);
// then one lane per task, in creation order. A task lane is a sequence of segments:
//   ready (in the ready queue) -> running -> sleeping | io | waiting -> ready -> ... -> terminal,
// with `blocked` cut out of a running segment while the loop thread is blocked in it.
//
// Invariants of every lane's segment list (the visible-range queries rely on them):
//   - segments do not overlap and are in trace order: t0, t1 and ev_begin never decrease;
//   - at most the last segment is open (ev_end == open_event, t1 == +infinity);
//   - a closed segment's ev_end is the index of the event that closed it, and the next segment
//     (if any) begins at that event or later.
// The model holds the whole trace; drawing a moment uses a cursor (events [0, cursor) are in the
// past) and the time shown: a segment begun at or after the cursor is not shown, and one still
// open at the cursor ends at the time shown (end_at()).
//
// Sections: SegmentKind · Segment · Lane · TimelineModel
#include <loopscope/trace.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace loopscope::ui {

// ---- SegmentKind ---------------------------------------------------------------------------
enum class SegmentKind : std::uint8_t {
  // task lanes
  ready,      // in the ready queue, waiting for its turn
  running,    // its coroutine is executing (often zero virtual time)
  sleeping,   // suspended on a timer (sleep)
  io,         // suspended on a socket
  waiting,    // suspended on a task / gather / wait / primitive / queue / executor
  blocked,    // the loop thread is blocked (time.sleep, CPU work); also on the loop lane
  done,       // terminal markers: zero-length, the lane's last segment
  failed,
  cancelled,
  // the loop lane
  poll,       // selector.select(timeout): the loop waits for I/O or the next deadline
  timers,     // due timers move to the ready queue
  run_ready,  // the handles that were ready are run
};

const char* segment_kind_name(SegmentKind k) noexcept;  // "running", "I/O wait", "poll"…
bool is_terminal(SegmentKind k) noexcept;

// ---- Segment -------------------------------------------------------------------------------
inline constexpr std::uint32_t open_event = std::numeric_limits<std::uint32_t>::max();

// What a segment was waiting on, copied from the event that opened it (fields a kind does not
// use stay at their defaults).
struct SegmentDetail {
  AwaitKind await_kind = AwaitKind::none;
  IoDirection direction = IoDirection::read;
  std::uint64_t target = 0;   // awaited task / primitive / fd / timer handle; loop: iteration
  double deadline = -1;       // sleep deadline (or a wait's timeout), -1 = none
  double value = 0;           // poll timeout (-1 = infinite) or blocking duration
  StringId label = no_string; // suspension label, blocking label, error message
};

struct Segment {
  double t0 = 0;
  double t1 = std::numeric_limits<double>::infinity();  // +inf while open
  SegmentKind kind = SegmentKind::ready;
  std::uint32_t ev_begin = 0;          // index of the event that opened it
  std::uint32_t ev_end = open_event;   // index of the event that closed it
  SegmentDetail detail;
  bool open() const noexcept { return ev_end == open_event; }
};

// [begin, end) indices into a lane's segments.
struct SegmentRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin == end; }
  bool operator==(const SegmentRange&) const = default;
};

// ---- Lane ----------------------------------------------------------------------------------
struct Lane {
  TaskId task = 0;                     // 0 = the loop lane
  std::string name;                    // the task's name ("event loop" for lane 0)
  TaskId parent = 0;
  std::size_t created_event = 0;       // index of task_created (0 for the loop lane)
  double created_time = 0;
  std::size_t finished_event = std::numeric_limits<std::size_t>::max();  // terminal event
  std::vector<Segment> segments;
  // emphasis_before[i] = number of segments in [0, i) drawn with emphasis (running, run_ready,
  // blocked); blocked_before[i] likewise for blocked. Size = segments.size() + 1. They let the
  // drawing merge thousands of sub-pixel segments into one pixel without scanning them.
  std::vector<std::uint32_t> emphasis_before{0};
  std::vector<std::uint32_t> blocked_before{0};
};

// ---- TimelineModel -------------------------------------------------------------------------
class TimelineModel {
public:
  static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

  TimelineModel();

  // Consumes the events recorded since the last call (never re-scans the trace). A different
  // recorder, a trace that shrank, or one whose last consumed event changed starts the model
  // over; a session that clears and refills its recorder should still call reset() itself (a
  // refill can repeat the old events exactly).
  void update(const TraceRecorder& trace);
  void reset();
  std::size_t consumed() const noexcept { return m_consumed; }
  // Whether any lane has a segment (or end marker) of kind `k` so far: the legend names what is
  // drawn. O(1).
  bool has_kind(SegmentKind k) const noexcept { return (m_kinds >> static_cast<unsigned>(k)) & 1u; }
  // Takes one event, `index` being its position in the trace (the caller feeds every event in
  // order, once: ui/trace_model.hpp does, for the app).
  void consume(const TraceEvent& e, std::size_t index, const TraceRecorder& trace);

  // lanes()[0] is the loop; then tasks in creation order.
  const std::vector<Lane>& lanes() const noexcept { return m_lanes; }
  // Lanes that exist when `cursor` events are in the past (the loop lane always does).
  std::size_t lanes_at(std::size_t cursor) const;
  // Lane index of a task, or npos.
  std::size_t lane_index(TaskId task) const;

  // Where a segment ends when `cursor` events are in the past and the time shown is `now`:
  // its own t1 if it closed before the cursor, else `now` clamped to [t0, t1].
  static double end_at(const Segment& s, std::size_t cursor, double now) noexcept;

  // Segments of `lane` begun before the cursor that intersect [t_from, t_to] once clipped to the
  // cursor. Two binary searches: O(log n).
  SegmentRange visible(std::size_t lane, double t_from, double t_to, std::size_t cursor,
                       double now) const;

  // The kind to draw for a run of segments merged into one pixel: blocked if any is blocked,
  // else running (run_ready on the loop lane) if any ran, else the last one's kind. O(1).
  SegmentKind dominant(std::size_t lane, SegmentRange r) const;

  // First segment of `lane`, at or after `from`, that begins at or after time `t`. O(log n).
  std::size_t first_starting_at(std::size_t lane, std::size_t from, double t) const;

  // The same two queries by event index instead of time (for the iteration axis): segments begun
  // before the cursor that are open at some event in [k_from, k_to]; the first segment at or
  // after `from` begun at event k or later.
  SegmentRange visible_events(std::size_t lane, std::size_t k_from, std::size_t k_to,
                              std::size_t cursor) const;
  std::size_t first_starting_at_event(std::size_t lane, std::size_t from, std::size_t k) const;

  // One line saying what the segment was about, e.g. "sleep(2.0) until 2.000 s",
  // "awaiting fetch (task 3)", "read on fd 7", "poll, timeout 1.500 s", "time.sleep(1)".
  std::string describe(const Segment& s, const TraceRecorder& trace) const;

private:
  std::size_t lane_for(TaskId task, double time, std::uint32_t index);
  void open_segment(std::size_t lane, SegmentKind kind, double t, std::uint32_t index,
                    const SegmentDetail& detail);
  void close_segment(std::size_t lane, double t, std::uint32_t index);
  void push_segment(std::size_t lane, const Segment& s);
  void begin_blocking(std::size_t lane, const TraceEvent& e, std::uint32_t index);
  void end_blocking(std::size_t lane, double t, std::uint32_t index);

  // What a lane was doing when blocking began, to resume it when blocking ends.
  struct Interrupted {
    bool active = false;   // a blocking section is open on this lane
    bool had_open = false; // the lane had an open segment when it began
    SegmentKind kind = SegmentKind::running;
    SegmentDetail detail;
  };

  const TraceRecorder* m_trace = nullptr;
  std::size_t m_consumed = 0;
  std::uint32_t m_kinds = 0;  // bit k: a segment of SegmentKind k was pushed
  TraceEvent m_last_event;                          // events()[m_consumed - 1], to spot restarts
  std::vector<Lane> m_lanes;
  std::vector<Interrupted> m_interrupted;           // parallel to m_lanes
  std::unordered_map<TaskId, std::size_t> m_index;  // task id -> lane
  TaskId m_running = 0;                             // the task whose step is executing
  std::size_t m_blocking_lane = npos;               // task lane blocked with the loop, if any
  std::uint64_t m_iteration = 0;
};

}  // namespace loopscope::ui
