// await_text.cpp — the one place a wait is put into words.
#include "ui/await_text.hpp"

#include <algorithm>
#include <cstdio>

namespace loopscope::ui {
namespace {

std::string seconds(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g s", v);
  return buf;
}

// The call a task is parked in, when the engine gave no label.
const char* call_of(AwaitKind k) {
  switch (k) {
    case AwaitKind::gather: return "gather";
    case AwaitKind::wait: return "asyncio.wait";
    case AwaitKind::event: return "Event.wait()";
    case AwaitKind::lock: return "Lock.acquire()";
    case AwaitKind::semaphore: return "Semaphore.acquire()";
    case AwaitKind::queue_get: return "Queue.get() on an empty queue";
    case AwaitKind::queue_put: return "Queue.put() on a full queue";
    case AwaitKind::task_group: return "TaskGroup children";
    default: return to_string(k);
  }
}

}  // namespace

std::string await_phrase(const AwaitFacts& a, const std::function<std::string(TaskId)>& task_name) {
  switch (a.kind) {
    case AwaitKind::sleep: return a.label.empty() ? "a timer" : std::string(a.label);
    case AwaitKind::task: return "task " + task_name(a.target);
    case AwaitKind::wait_for: return "wait_for " + task_name(a.target);
    case AwaitKind::io:
      return std::string(to_string(a.direction)) + " fd " + std::to_string(a.target);
    case AwaitKind::executor:
      return a.label.empty() ? "a thread-pool job" : "a thread-pool job: " + std::string(a.label);
    default: return a.label.empty() ? call_of(a.kind) : std::string(a.label);
  }
}

std::optional<std::string> await_deadline_note(const AwaitFacts& a, double now) {
  if (a.deadline < 0 || a.kind == AwaitKind::sleep) return std::nullopt;
  const std::string left = seconds(std::max(0.0, a.deadline - now));
  // A thread-pool job has no timeout: its deadline is when the job's work is done.
  if (a.kind == AwaitKind::executor) return "finishes in " + left;
  if (a.label.find("timeout") != std::string_view::npos) return std::nullopt;
  // The time left, not the timeout given: "(timeout 1.5 s)" would read as the argument.
  return "times out in " + left;
}

}  // namespace loopscope::ui
