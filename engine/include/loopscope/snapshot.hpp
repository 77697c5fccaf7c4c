#pragma once
// snapshot.hpp — the loop's visible state at one moment, and how to rebuild it from a trace.
//
// LoopSnapshot is what the app draws: the ready queue in order, every task with its state and
// what it awaits, the pending timers, the current phase and time, and the output so far.
// Two sources produce it and they must agree exactly (a test checks this after every loop
// iteration of every conformance scenario):
//   - EventLoop::snapshot()   the live engine's own introspection;
//   - replay(trace, k)        a pure function of the first k trace events.
//
// Sections: AwaitTarget · TaskSnapshot · ReadyEntry · TimerSnapshot · LoopSnapshot · replay
#include <loopscope/trace.hpp>

#include <compare>
#include <map>
#include <cstddef>
#include <string>
#include <vector>

namespace loopscope {

// What a suspended task waits on. kind == none for a task that is not suspended.
struct AwaitTarget {
  AwaitKind kind = AwaitKind::none;
  std::uint64_t target = 0;           // task id, primitive id, fd, timer handle id, job id
  double deadline = -1;               // for sleep (and wait/wait_for with a timeout)
  IoDirection direction = IoDirection::read;
  std::string label;                  // e.g. "sleep(2)", "Lock#3", "read fd 7"
  bool operator==(const AwaitTarget&) const = default;
};

struct TaskSnapshot {
  TaskId id = 0;
  std::string name;
  TaskState state = TaskState::pending;
  AwaitTarget awaiting;
  std::int32_t line_a = 0;            // last `location` (Python listing line), 0 = unknown
  std::int32_t line_b = 0;            // last `location` (C++ listing line)
  std::string frames;                 // last `frames` text while the task lives ("" when done)
  bool cancel_requested = false;
  std::string error;                  // for failed tasks: "Type: message"
  bool operator==(const TaskSnapshot&) const = default;
};

// One entry of the ready queue, front first.
struct ReadyEntry {
  HandleId handle = 0;
  TaskId task = 0;                    // 0 for a plain callback
  std::string label;                  // the callback's label when task == 0
  bool operator==(const ReadyEntry&) const = default;
};

struct TimerSnapshot {
  HandleId handle = 0;
  double deadline = 0;
  TaskId task = 0;                    // the sleeping task, 0 for a call_later callback
  bool operator==(const TimerSnapshot&) const = default;
};

struct OutputLine {
  double time = 0;
  TaskId task = 0;
  std::string text;
  bool operator==(const OutputLine&) const = default;
};

struct LoopSnapshot {
  double time = 0;
  std::uint64_t iteration = 0;
  LoopPhase phase = LoopPhase::idle;
  double poll_timeout = 0;                 // the last poll's timeout (-1 = infinite)
  bool blocking = false;                   // inside a blocking section
  std::vector<ReadyEntry> ready;           // in queue order, front first; cancelled excluded
  std::vector<TaskSnapshot> tasks;         // every task ever created, by id
  std::vector<TimerSnapshot> timers;       // pending timers, soonest first (ties: insertion)
  std::vector<OutputLine> output;          // everything printed so far
  bool operator==(const LoopSnapshot&) const = default;
};

// Rebuilds the visible state after the first k events of `trace` (k = trace.size() for "now").
// Pure: depends only on the trace. O(k).
LoopSnapshot replay(const TraceRecorder& trace, std::size_t k);

// Incremental form for the app's scrubber: apply events one at a time.
class SnapshotBuilder {
public:
  explicit SnapshotBuilder(const TraceRecorder& trace) : m_trace(&trace) {}
  void apply(const TraceEvent& e);
  const LoopSnapshot& state() const noexcept { return m_state; }

private:
  const TraceRecorder* m_trace;
  LoopSnapshot m_state;
  std::map<TaskId, int> m_cancels;  // outstanding cancel requests per task (cancelling())
};

}  // namespace loopscope
