// trace_model.cpp — the single pass over a run's trace that feeds the per-run views.
#include "ui/trace_model.hpp"

namespace loopscope::ui {
namespace {

bool same_event(const TraceEvent& a, const TraceEvent& b) {
  return a.time == b.time && a.kind == b.kind && a.task == b.task && a.handle == b.handle &&
         a.text == b.text;
}

}  // namespace

void TraceModel::reset() {
  m_trace = nullptr;
  m_consumed = 0;
  m_last_event = {};
  m_last_time = 0;
  m_finished_noted = false;
  m_timeline.reset();
  m_console.reset();
  m_iterations.reset();
  m_wakes.reset();
  m_labels.reset();
}

void TraceModel::update(const TraceRecorder& trace) {
  const auto& events = trace.events();
  if (m_trace != &trace || events.size() < m_consumed ||
      (m_consumed > 0 && !same_event(events[m_consumed - 1], m_last_event))) {
    reset();
    m_trace = &trace;
  }
  for (std::size_t i = m_consumed; i < events.size(); ++i) {
    const TraceEvent& e = events[i];
    m_timeline.consume(e, i, trace);
    m_console.consume(e, i, trace);
    m_iterations.consume(e, i);
    m_wakes.consume(e, i, trace);
    m_labels.consume(e, trace);
  }
  m_consumed = events.size();
  if (m_consumed > 0) {
    m_last_event = events[m_consumed - 1];
    m_last_time = m_last_event.time;
  }
}

void TraceModel::note_finished(const std::vector<std::string>& warnings, const std::string& traceback) {
  if (m_finished_noted) return;
  m_finished_noted = true;
  if (m_consumed > 0) m_console.add_run_warnings(warnings, m_consumed - 1, m_last_time);
  if (m_consumed > 0 && !traceback.empty()) m_console.add_traceback(traceback, m_consumed - 1, m_last_time);
}

}  // namespace loopscope::ui
