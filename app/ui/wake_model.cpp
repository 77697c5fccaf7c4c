// wake_model.cpp — see wake_model.hpp for the rules.
#include "ui/wake_model.hpp"

#include <algorithm>

namespace loopscope::ui {

void WakeModel::consume(const TraceEvent& e, std::size_t index, const TraceRecorder& trace) {
  switch (e.kind) {
    case TraceKind::task_resumed:
      m_running = e.task;
      m_cancel_target = 0;
      break;
    case TraceKind::task_suspended:
      m_waiting[e.task] = {e.await_kind, std::string(trace.str(e.text))};
      if (m_running == e.task) m_running = 0;
      break;
    case TraceKind::handle_scheduled:
      // A timer's callback (a sleep's wake-up) is scheduled right after its timer fired.
      if (m_have_prev && m_prev.kind == TraceKind::timer_fired) m_timer_handles.insert(e.handle);
      m_handle_labels[e.handle] = std::string(trace.str(e.text));
      // A done callback (gather's, a future's) is scheduled right after the task ended.
      if (m_have_prev && (m_prev.kind == TraceKind::task_done || m_prev.kind == TraceKind::task_failed ||
                          m_prev.kind == TraceKind::task_cancelled))
        m_handle_finisher[e.handle] = m_prev.task;
      break;
    case TraceKind::handle_run:
      // The label travels on handle_scheduled; handle_run names only the handle.
      m_callback = m_handle_labels.count(e.handle) ? m_handle_labels[e.handle] : std::string("callback");
      m_handle_labels.erase(e.handle);
      m_callback_is_timer = m_timer_handles.erase(e.handle) > 0;
      if (auto f = m_handle_finisher.find(e.handle); f != m_handle_finisher.end()) {
        m_callback_finisher = f->second;
        m_handle_finisher.erase(f);
      } else {
        m_callback_finisher = 0;
      }
      break;
    case TraceKind::task_cancel_requested: m_cancel_target = e.task; break;
    case TraceKind::loop_iteration:
    case TraceKind::loop_phase:
      m_callback.clear();
      m_callback_is_timer = false;
      m_callback_finisher = 0;
      m_running = 0;
      break;
    case TraceKind::task_scheduled: {
      Wake w;
      w.event = index;
      w.time = e.time;
      w.task = e.task;
      if (auto it = m_waiting.find(e.task); it != m_waiting.end()) {
        w.waited = it->second.kind;
        w.what = it->second.label;
      }
      const TraceEvent& p = m_prev;
      if ((m_have_prev && p.kind == TraceKind::timer_fired) || (!m_callback.empty() && m_callback_is_timer)) {
        w.cause = WakeCause::timer;
      } else if (m_have_prev && p.kind == TraceKind::io_wait_end && p.task == e.task) {
        w.cause = WakeCause::io;
      } else if (m_cancel_target == e.task) {
        w.cause = WakeCause::cancelled;
        w.by = m_running;
        m_cancel_target = 0;
      } else if (m_have_prev && p.kind == TraceKind::task_created && p.task == e.task) {
        w.cause = WakeCause::started;
        w.by = m_running;
        w.what.clear();
      } else if (m_have_prev && p.task != e.task &&
                 (p.kind == TraceKind::task_done || p.kind == TraceKind::task_failed ||
                  p.kind == TraceKind::task_cancelled)) {
        w.cause = WakeCause::finished;
        w.by = p.task;
      } else if (!m_callback.empty() && m_callback_finisher != 0) {
        w.cause = WakeCause::finished;
        w.by = m_callback_finisher;
      } else if (m_running == e.task || (m_have_prev && p.kind == TraceKind::task_suspended && p.task == e.task)) {
        w.cause = WakeCause::yielded;
      } else if (m_running != 0 && m_running != e.task) {
        w.cause = WakeCause::handoff;
        w.by = m_running;
      } else if (!m_callback.empty()) {
        w.cause = WakeCause::callback;
        w.what = m_callback;
      }
      m_by_task[e.task].push_back(m_wakes.size());
      m_wakes.push_back(std::move(w));
      break;
    }
    case TraceKind::task_done:
    case TraceKind::task_failed:
    case TraceKind::task_cancelled:
      if (m_running == e.task) m_running = 0;
      m_waiting.erase(e.task);
      break;
    default: break;
  }
  // Annotations and counters say nothing about causes: they do not hide the event before them.
  switch (e.kind) {
    case TraceKind::output:
    case TraceKind::location:
    case TraceKind::note:
    case TraceKind::task_scheduled: break;
    default:
      m_prev = e;
      m_have_prev = true;
  }
}

const Wake* WakeModel::last_wake(TaskId task, std::size_t cursor) const {
  auto it = m_by_task.find(task);
  if (it == m_by_task.end()) return nullptr;
  const Wake* found = nullptr;
  for (std::size_t k : it->second) {
    if (m_wakes[k].event >= cursor) break;
    found = &m_wakes[k];
  }
  return found;
}

const Wake* WakeModel::newest(std::size_t cursor) const {
  auto it = std::partition_point(m_wakes.begin(), m_wakes.end(), [&](const Wake& w) { return w.event < cursor; });
  return it == m_wakes.begin() ? nullptr : &*(it - 1);
}

const Wake* WakeModel::at_event(std::size_t event) const {
  auto it = std::partition_point(m_wakes.begin(), m_wakes.end(), [&](const Wake& w) { return w.event < event; });
  return it != m_wakes.end() && it->event == event ? &*it : nullptr;
}

}  // namespace loopscope::ui
