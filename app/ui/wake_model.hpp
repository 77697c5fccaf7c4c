#pragma once
// wake_model.hpp — cause and effect: what put each task back in the ready queue.
//
// Every `task_scheduled` event of a run is one Wake. Its cause is read from the events just
// before it, the way the engine produces them:
//   - a timer that fired (timer_fired, then either the owner's task_scheduled or the timer's
//     callback, which schedules the sleeper when it runs): `timer`;
//   - an I/O wait that ended (io_wait_end of that task): `io`;
//   - task.cancel() (task_cancel_requested of that task, then maybe its timer cancelled):
//     `cancelled`, by the task running then;
//   - create_task (task_created of that task): `started`, by the task running then;
//   - a task that finished (task_done / failed / cancelled of another task, or a done callback
//     that its end scheduled, like gather's): `finished`, by it;
//   - otherwise, while another task runs (between its task_resumed and its suspension or end):
//     a `handoff` by that task: it set the event, released the lock, put into the queue… (what
//     the woken task was waiting on says which);
//   - a task that schedules itself while it runs (await asyncio.sleep(0)): `yielded`;
//   - otherwise, while a plain callback runs: `callback`, with its label.
// Invariants: wakes() is in trace order, one per task_scheduled event consumed; a model that is
// fed every event once, in order, gives the same wakes whatever the batch sizes. No ImGui here.
#include <loopscope/trace.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace loopscope::ui {

enum class WakeCause : std::uint8_t { started, timer, io, cancelled, finished, handoff, yielded, callback, loop };

struct Wake {
  std::size_t event = 0;        // index of the task_scheduled event
  double time = 0;
  TaskId task = 0;              // the task woken
  WakeCause cause = WakeCause::loop;
  TaskId by = 0;                // the task that caused it (0: the loop itself)
  AwaitKind waited = AwaitKind::none;  // what the woken task was waiting on
  std::string what;             // the awaited thing's label ("Event#1", "sleep(1)", "read fd 7"…)
};

// "its timer fired", "Task-1 set Event#1", "job finished"…: the cause in words. `name` gives
// a task's name.
template <class NameFn> std::string describe_wake(const Wake& w, NameFn&& name);

class WakeModel {
public:
  // Takes one event, `index` being its position in the trace (every event in order, once).
  void consume(const TraceEvent& e, std::size_t index, const TraceRecorder& trace);
  void reset() { *this = WakeModel(); }

  const std::vector<Wake>& wakes() const noexcept { return m_wakes; }
  // The wake that last put `task` in the ready queue among the first `cursor` events; null if none.
  const Wake* last_wake(TaskId task, std::size_t cursor) const;
  // The newest wake among the first `cursor` events; null if none.
  const Wake* newest(std::size_t cursor) const;
  // The wake recorded by the task_scheduled event at index `event`; null if that event is none.
  const Wake* at_event(std::size_t event) const;

private:
  struct Waiting {
    AwaitKind kind = AwaitKind::none;
    std::string label;
  };
  TraceEvent m_prev;            // the previous event that can explain a wake
  bool m_have_prev = false;
  TaskId m_running = 0;         // the task between its task_resumed and its suspension or end
  std::string m_callback;       // the plain callback running ("" when none)
  bool m_callback_is_timer = false;  // … and it is a timer's (a sleep's wake-up)
  std::unordered_set<HandleId> m_timer_handles;  // timer callbacks scheduled, not yet run
  std::unordered_map<HandleId, std::string> m_handle_labels;  // callbacks scheduled, not yet run
  std::unordered_map<HandleId, TaskId> m_handle_finisher;      // … that a task's end scheduled
  TaskId m_callback_finisher = 0;  // the running callback was scheduled by this task's end
  TaskId m_cancel_target = 0;   // cancel() was asked for it by the code running now
  std::unordered_map<TaskId, Waiting> m_waiting;
  std::unordered_map<TaskId, std::vector<std::size_t>> m_by_task;  // indexes into m_wakes
  std::vector<Wake> m_wakes;
};

// ---- describe_wake ---------------------------------------------------------------------------
template <class NameFn> std::string describe_wake(const Wake& w, NameFn&& name) {
  const std::string by = w.by ? std::string(name(w.by)) : std::string("the loop");
  switch (w.cause) {
    case WakeCause::started: return "created by " + by;
    case WakeCause::timer: return "its timer fired" + (w.what.empty() ? std::string() : " (" + w.what + ")");
    case WakeCause::io: return "its socket became ready" + (w.what.empty() ? std::string() : " (" + w.what + ")");
    case WakeCause::cancelled: return "cancelled by " + by;
    case WakeCause::finished: return by + " finished";
    case WakeCause::handoff:
      switch (w.waited) {
        case AwaitKind::event: return by + " set " + w.what;
        case AwaitKind::lock: return by + " released " + w.what;
        case AwaitKind::semaphore: return by + " released " + w.what;
        case AwaitKind::queue_get: return by + " put an item in " + w.what;
        case AwaitKind::queue_put: return by + " took an item from " + w.what;
        case AwaitKind::condition: return by + " notified " + w.what;
        case AwaitKind::future: return by + " set the result of " + w.what;
        default: return "woken by " + by;
      }
    case WakeCause::yielded: return "it gave the loop a turn and is next in line again";
    case WakeCause::callback: return "a callback (" + w.what + ")";
    case WakeCause::loop: break;
  }
  return "the loop";
}

}  // namespace loopscope::ui
