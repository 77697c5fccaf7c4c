// replay.cpp — rebuilding the loop's visible state from a trace (snapshot.hpp).
//
// The rules mirror what the live loop does when it emits each event; see trace.hpp for the
// meaning of every kind. Unknown task ids are ignored, so a truncated or partial trace still
// gives a usable picture.
#include <loopscope/snapshot.hpp>

#include <algorithm>

namespace loopscope {

namespace {
TaskSnapshot* find_task(LoopSnapshot& s, TaskId id) {
  auto it = std::lower_bound(s.tasks.begin(), s.tasks.end(), id,
                             [](const TaskSnapshot& t, TaskId v) { return t.id < v; });
  return it != s.tasks.end() && it->id == id ? &*it : nullptr;
}
void remove_ready(LoopSnapshot& s, HandleId h) {
  auto it = std::find_if(s.ready.begin(), s.ready.end(), [h](const ReadyEntry& r) { return r.handle == h; });
  if (it != s.ready.end()) s.ready.erase(it);
}
void remove_timer(LoopSnapshot& s, HandleId h) {
  auto it = std::find_if(s.timers.begin(), s.timers.end(), [h](const TimerSnapshot& t) { return t.handle == h; });
  if (it != s.timers.end()) s.timers.erase(it);
}
}  // namespace

void SnapshotBuilder::apply(const TraceEvent& e) {
  LoopSnapshot& s = m_state;
  s.time = e.time;
  const auto text = [&] { return std::string(m_trace->str(e.text)); };
  switch (e.kind) {
    case TraceKind::task_created: {
      TaskSnapshot t;
      t.id = e.task;
      t.name = text();
      auto it = std::lower_bound(s.tasks.begin(), s.tasks.end(), e.task,
                                 [](const TaskSnapshot& x, TaskId v) { return x.id < v; });
      s.tasks.insert(it, std::move(t));
      break;
    }
    case TraceKind::task_scheduled:
      s.ready.push_back(ReadyEntry{e.handle, e.task, {}});
      if (auto* t = find_task(s, e.task)) {
        t->state = TaskState::pending;
        t->awaiting = AwaitTarget{};
      }
      break;
    case TraceKind::task_resumed:
      remove_ready(s, e.handle);
      if (auto* t = find_task(s, e.task)) {
        t->state = TaskState::running;
        t->awaiting = AwaitTarget{};
      }
      break;
    case TraceKind::task_suspended:
      if (auto* t = find_task(s, e.task)) {
        t->state = TaskState::suspended;
        t->awaiting = AwaitTarget{e.await_kind, e.target, e.deadline, e.direction, text()};
      }
      break;
    case TraceKind::task_done:
    case TraceKind::task_cancelled:
    case TraceKind::task_failed:
      if (auto* t = find_task(s, e.task)) {
        t->state = e.kind == TraceKind::task_done        ? TaskState::done
                   : e.kind == TraceKind::task_cancelled ? TaskState::cancelled
                                                         : TaskState::failed;
        t->awaiting = AwaitTarget{};
        t->frames.clear();
        if (e.kind == TraceKind::task_failed) t->error = text();
      }
      break;
    case TraceKind::task_cancel_requested:
      if (auto* t = find_task(s, e.task)) {
        ++m_cancels[e.task];
        t->cancel_requested = true;
      }
      break;
    case TraceKind::task_uncancelled:
      if (auto* t = find_task(s, e.task)) {
        int& n = m_cancels[e.task];
        if (n > 0) --n;
        t->cancel_requested = n > 0;
      }
      break;
    case TraceKind::handle_scheduled:
      s.ready.push_back(ReadyEntry{e.handle, 0, text()});
      break;
    case TraceKind::handle_cancelled:
    case TraceKind::handle_run:
      remove_ready(s, e.handle);
      break;
    case TraceKind::timer_armed: {
      TimerSnapshot t{e.handle, e.deadline, e.task};
      auto it = std::upper_bound(s.timers.begin(), s.timers.end(), e.deadline,
                                 [](double d, const TimerSnapshot& x) { return d < x.deadline; });
      s.timers.insert(it, t);
      break;
    }
    case TraceKind::timer_fired:
    case TraceKind::timer_cancelled:
      remove_timer(s, e.handle);
      break;
    case TraceKind::io_wait_begin:
    case TraceKind::io_wait_end:
      break;
    case TraceKind::loop_iteration:
      s.iteration = static_cast<std::uint64_t>(e.value);
      break;
    case TraceKind::loop_phase:
      s.phase = e.phase;
      if (e.phase == LoopPhase::poll) s.poll_timeout = e.value;
      break;
    case TraceKind::blocking_begin:
      s.blocking = true;
      break;
    case TraceKind::blocking_end:
      s.blocking = false;
      break;
    case TraceKind::output:
      s.output.push_back(OutputLine{e.time, e.task, text()});
      break;
    case TraceKind::location:
      if (auto* t = find_task(s, e.task)) {
        t->line_a = e.line_a;
        t->line_b = e.line_b;
      }
      break;
    case TraceKind::note:
      break;
    case TraceKind::frames:
      if (auto* t = find_task(s, e.task)) t->frames = text();
      break;
  }
}

LoopSnapshot replay(const TraceRecorder& trace, std::size_t k) {
  SnapshotBuilder b(trace);
  const auto& ev = trace.events();
  k = std::min(k, ev.size());
  for (std::size_t i = 0; i < k; ++i) b.apply(ev[i]);
  return b.state();
}

}  // namespace loopscope
