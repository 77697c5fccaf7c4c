// loop_model.cpp — sentences for the loop's state.
#include "ui/loop_model.hpp"

#include "ui/await_text.hpp"

#include <algorithm>
#include <cstdio>

namespace loopscope::ui {
namespace {

// Snapshot tasks are kept in id order, so a lookup is a binary search, not a scan per entry.
const TaskSnapshot* find_task(const LoopSnapshot& s, TaskId id) {
  auto it = std::lower_bound(s.tasks.begin(), s.tasks.end(), id,
                             [](const TaskSnapshot& t, TaskId v) { return t.id < v; });
  return it != s.tasks.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

std::vector<ReadyItem> ready_items(const LoopSnapshot& s) {
  std::vector<ReadyItem> out;
  out.reserve(s.ready.size());
  for (const ReadyEntry& e : s.ready) {
    ReadyItem item{e.handle, e.task, e.label, false};
    if (e.task != 0) {
      if (const TaskSnapshot* t = find_task(s, e.task)) {
        item.label = t->name;
        item.first_run = t->line_a == 0 && t->line_b == 0 && t->awaiting.kind == AwaitKind::none &&
                         t->state == TaskState::pending;
      }
    } else if (item.label.empty()) {
      item.label = "callback";
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<SuspendedItem> suspended_items(const LoopSnapshot& s, double now) {
  std::vector<SuspendedItem> out;
  const auto name_of = [&](TaskId id) {
    const TaskSnapshot* other = find_task(s, id);
    return other ? other->name : "#" + std::to_string(id);
  };
  for (const TaskSnapshot& t : s.tasks) {
    if (t.state != TaskState::suspended) continue;
    SuspendedItem item;
    item.task = t.id;
    item.name = t.name;
    item.kind = t.awaiting.kind;
    const AwaitTarget& a = t.awaiting;
    if (a.deadline >= 0) item.remaining = std::max(0.0, a.deadline - now);
    if (a.kind == AwaitKind::task || a.kind == AwaitKind::wait_for) item.awaits_task = a.target;
    const AwaitFacts facts{a.kind, a.target, a.deadline, a.direction, a.label};
    item.what = await_phrase(facts, name_of);
    if (const auto note = await_deadline_note(facts, now)) item.what.append(" (").append(*note).append(")");
    out.push_back(std::move(item));
  }
  return out;
}

AwaitChain await_chain(const LoopSnapshot& s, TaskId task, double now) {
  AwaitChain chain;
  const auto name_of = [&](TaskId id) {
    const TaskSnapshot* other = find_task(s, id);
    return other ? other->name : "#" + std::to_string(id);
  };
  for (const TaskSnapshot* t = find_task(s, task); t != nullptr;) {
    const bool seen = std::any_of(chain.links.begin(), chain.links.end(),
                                  [&](const ChainLink& l) { return l.task == t->id; });
    if (seen) {
      chain.cycle = true;
      break;
    }
    ChainLink link{t->id, t->name, t->state, {}};
    const AwaitTarget& a = t->awaiting;
    if (t->state == TaskState::suspended) {
      const AwaitFacts facts{a.kind, a.target, a.deadline, a.direction, a.label};
      link.what = await_phrase(facts, name_of);
      if (const auto note = await_deadline_note(facts, now)) link.what.append(" (").append(*note).append(")");
    }
    chain.links.push_back(std::move(link));
    const bool awaits_task = t->state == TaskState::suspended &&
                             (a.kind == AwaitKind::task || a.kind == AwaitKind::wait_for);
    t = awaits_task ? find_task(s, a.target) : nullptr;
  }
  return chain;
}

const char* phase_title(LoopPhase p) {
  switch (p) {
    case LoopPhase::poll: return "Poll the selector";
    case LoopPhase::timers: return "Move due timers";
    case LoopPhase::run_ready: return "Run ready handles";
    case LoopPhase::idle: return "Idle";
  }
  return "";
}

std::string phase_explanation(const LoopSnapshot& s) {
  char buf[256];
  if (s.blocking)
    return "The loop thread is blocked: nothing else can run, no timer can fire, until the "
           "blocking call returns.";
  switch (s.phase) {
    case LoopPhase::poll:
      if (s.poll_timeout < 0)
        return "select(timeout=None): nothing is ready and no timer is pending, so the loop waits "
               "for I/O.";
      if (s.poll_timeout == 0)
        return "select(timeout=0): handles are ready, so the loop only checks for I/O without "
               "waiting.";
      std::snprintf(buf, sizeof buf,
                    "select(timeout=%.3f s): nothing is ready, so the loop sleeps until the next "
                    "timer is due.",
                    s.poll_timeout);
      return buf;
    case LoopPhase::timers:
      return "Timers whose deadline has passed move from the timer heap to the ready queue.";
    case LoopPhase::run_ready:
      std::snprintf(buf, sizeof buf,
                    "The handles that were ready when this iteration began run, in order (%zu "
                    "still queued).",
                    s.ready.size());
      return buf;
    case LoopPhase::idle:
      return s.iteration == 0 ? "The loop has not started yet." : "The loop is between iterations.";
  }
  return {};
}

}  // namespace loopscope::ui
