#pragma once
// await_text.hpp — "what this task awaits", written once. The suspended list, the timeline's
// tooltip and any other view that names a wait use these two functions, so a wait reads the same
// everywhere ("sleep(2)", "task fetch", "read fd 7", "Lock#3", "a thread-pool job").
#include <loopscope/trace.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::ui {

struct AwaitFacts {
  AwaitKind kind = AwaitKind::none;
  std::uint64_t target = 0;       // task id, primitive id, fd, timer handle, job id
  double deadline = -1;           // -1 = none
  IoDirection direction = IoDirection::read;
  std::string_view label;         // the engine's label for the wait ("" = none)
};

// The awaited thing, without a verb: "sleep(2)", "task reader", "wait_for query", "read fd 7",
// "Lock#9", "a thread-pool job: compress". `task_name` names an awaited task.
std::string await_phrase(const AwaitFacts& a, const std::function<std::string(TaskId)>& task_name);

// What the deadline means at time `now`, or nothing when there is none or the phrase carries
// it (a sleep's deadline is its wake-up, shown as "… s left" by the views):
// "times out in 1.5 s" for waits with a timeout, "finishes in 1.1 s" for a thread-pool job.
std::optional<std::string> await_deadline_note(const AwaitFacts& a, double now);

}  // namespace loopscope::ui
