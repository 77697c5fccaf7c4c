#pragma once
// loop_model.hpp — the loop's visible state turned into what the learner reads, without
// ImGui: the ready queue as labelled items in order, the suspended coroutines with a sentence
// for what each awaits, and the phase of the current iteration.
#include <loopscope/snapshot.hpp>

#include <optional>
#include <string>
#include <vector>

namespace loopscope::ui {

struct ReadyItem {
  HandleId handle = 0;
  TaskId task = 0;          // 0 = a plain callback
  std::string label;        // the task's name, or the callback's label
  bool first_run = false;   // the task has never run yet (created, waiting to start)
  bool operator==(const ReadyItem&) const = default;
};

// The ready queue, front first.
std::vector<ReadyItem> ready_items(const LoopSnapshot& s);

struct SuspendedItem {
  TaskId task = 0;
  std::string name;
  AwaitKind kind = AwaitKind::none;
  std::string what;                   // "sleep(2.0)", "task job-2", "read fd 7", "Lock#3"…
  std::optional<double> remaining;    // seconds until the deadline, when there is one
  std::optional<double> total;        // the whole wait, when known (for a progress bar)
  TaskId awaits_task = 0;             // for kind task / wait_for: the awaited task
  bool operator==(const SuspendedItem&) const = default;
};

// The suspended tasks in id order, with what each awaits at virtual time `now`.
// `since` gives when each task suspended (from the trace), for the progress of a sleep.
std::vector<SuspendedItem> suspended_items(const LoopSnapshot& s, double now);

// A short phrase for a phase: "poll the selector", "move due timers", "run ready handles".
// The await chain of `task` across tasks at this moment: the task, then each task it awaits
// (await / wait_for), down to what the last one is parked on, e.g. main → A → "sleep(0)".
// Each link is a task and what it awaits; a cycle (a deadlock) stops at the first repeat and is
// marked. Empty when the task is unknown. (The chain of coroutine frames *inside* a task, with
// locals, is ui/frame_source.hpp's.)
struct ChainLink {
  TaskId task = 0;
  std::string name;
  TaskState state = TaskState::pending;
  std::string what;      // what it awaits (await_text), "" when it is not suspended
};
struct AwaitChain {
  std::vector<ChainLink> links;
  bool cycle = false;    // the last link awaits a task already in the chain
};
AwaitChain await_chain(const LoopSnapshot& s, TaskId task, double now);

const char* phase_title(LoopPhase p);
// A sentence explaining the phase at this moment, e.g. "select(timeout=2.000 s): nothing is
// ready, so the loop sleeps until the next timer is due."
std::string phase_explanation(const LoopSnapshot& s);

}  // namespace loopscope::ui
