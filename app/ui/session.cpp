// session.cpp — the playhead: lazy engine driving, pacing, seeking with checkpoints.
//
// Sections: construction · engine driving · applying events · playback · seeking · view
#include "ui/session.hpp"

#include <algorithm>
#include <cmath>
#include <poll.h>

namespace loopscope::ui {
namespace {
constexpr double k_eps = 1e-9;
}

// ---- construction ------------------------------------------------------------------------
Session::Session(std::shared_ptr<const lesson::Lesson> lesson, std::size_t step_index,
                 std::map<std::string, double> params)
    : m_lesson(std::move(lesson)),
      m_step(std::min(step_index, m_lesson->steps.empty() ? 0 : m_lesson->steps.size() - 1)),
      m_params(std::move(params)),
      m_run(std::make_unique<lesson::StepRun>(*m_lesson, m_step, m_params)),
      m_builder(m_run->trace()) {
  m_checkpoints.emplace_back(0, m_builder);
}

void Session::restart() {
  const Playback was = m_playback;
  m_run = std::make_unique<lesson::StepRun>(*m_lesson, m_step, m_params);
  m_builder = SnapshotBuilder(m_run->trace());
  m_checkpoints.clear();
  m_checkpoints.emplace_back(0, m_builder);
  m_cursor = 0;
  m_time = 0;
  m_dwell_credit = 0;
  m_playback = was;
}

// ---- engine driving ----------------------------------------------------------------------
bool Session::real_clock() const { return step().clock == ClockKind::real_time; }

bool Session::work_due() {
  EventLoop& loop = m_run->loop();
  if (loop.ready_count() > 0) return true;
  if (auto d = loop.next_deadline(); d && *d <= loop.time()) return true;
  pollfd p{loop.epoll_fd(), POLLIN, 0};  // an epoll fd is readable when it has events
  return ::poll(&p, 1, 0) > 0;
}

// Runs the engine until event `index` has been recorded, then brings the decoded list up to
// date (trace().events()), so that references to it taken earlier see the new events too.
bool Session::ensure_event(std::size_t index) {
  const TraceRecorder& trace = m_run->trace();
  while (trace.size() <= index) {
    if (m_run->finished()) break;
    if (real_clock() && !work_due()) break;  // never wait in the selector on a frame
    if (!m_run->run_once()) break;
  }
  return trace.events().size() > index;
}

void Session::tick_real(double real_dt) {
  (void)real_dt;
  // Run what is due now (bounded, so a busy program cannot hold the frame), then show it.
  for (int i = 0; i < 256 && !m_run->finished() && work_due(); ++i) m_run->run_once();
  if (m_playback != Playback::playing) return;
  apply_until(m_run->trace().size());
  m_time = m_run->finished() ? end_time() : std::max(m_time, m_run->loop().time());
  if (m_run->finished()) m_playback = Playback::paused;
}

bool Session::finished() const { return m_run->finished(); }
bool Session::at_end() const { return m_run->finished() && m_cursor >= m_run->trace().size(); }

double Session::end_time() const {
  const auto& ev = m_run->trace().events();
  return ev.empty() ? 0.0 : ev.back().time;
}

// ---- applying events ---------------------------------------------------------------------
void Session::take_checkpoint() {
  if (m_cursor % checkpoint_interval != 0) return;
  if (m_checkpoints.back().first < m_cursor) m_checkpoints.emplace_back(m_cursor, m_builder);
}

void Session::apply_until(std::size_t k) {
  const auto& ev = m_run->trace().events();
  k = std::min(k, ev.size());
  if (k < m_cursor) {
    // Back to the last checkpoint at or before k, then forward.
    auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), k,
                               [](std::size_t v, const auto& c) { return v < c.first; });
    --it;  // the first checkpoint is at 0, so there is always one
    m_builder = it->second;
    m_cursor = it->first;
  }
  while (m_cursor < k) {
    m_builder.apply(ev[m_cursor]);
    ++m_cursor;
    take_checkpoint();
  }
}

// ---- playback ----------------------------------------------------------------------------
void Session::play() {
  if (at_end()) seek_cursor(0);
  m_playback = Playback::playing;
}
void Session::pause() { m_playback = Playback::paused; }
void Session::toggle_play() { m_playback == Playback::playing ? pause() : play(); }
void Session::set_speed(double speed) { m_speed = std::clamp(speed, 0.1, 10.0); }

void Session::tick(double real_dt) {
  if (real_clock()) return tick_real(real_dt);
  if (m_playback != Playback::playing) return;
  double budget = std::max(0.0, real_dt) * m_speed;
  const auto& ev = m_run->trace().events();
  while (budget > 0) {
    if (!ensure_event(m_cursor)) {  // nothing more will happen
      m_playback = Playback::paused;
      return;
    }
    const double next = ev[m_cursor].time;
    if (next > m_time + k_eps) {  // virtual time flows towards the next event
      const double needed = next - m_time;
      if (budget < needed) {
        m_time += budget;
        return;
      }
      m_time = next;
      budget -= needed;
      m_dwell_credit = iteration_dwell;  // arriving at a new moment shows it at once
      continue;
    }
    if (m_dwell_credit < iteration_dwell) {  // let the learner see this iteration
      const double needed = iteration_dwell - m_dwell_credit;
      if (budget < needed) {
        m_dwell_credit += budget;
        return;
      }
      budget -= needed;
      m_dwell_credit = iteration_dwell;
    }
    // Reveal one chunk: events at this moment up to the next loop iteration.
    std::size_t k = m_cursor;
    bool first = true;
    while (ensure_event(k) && ev[k].time <= m_time + k_eps) {
      if (!first && ev[k].kind == TraceKind::loop_iteration) break;
      first = false;
      ++k;
    }
    apply_until(k);
    m_dwell_credit = 0;
  }
}

// ---- seeking -----------------------------------------------------------------------------
void Session::step_iteration() {
  pause();
  const auto& ev = m_run->trace().events();
  std::size_t k = m_cursor;
  bool seen_iteration = false;
  while (ensure_event(k)) {
    if (ev[k].kind == TraceKind::loop_iteration) {
      if (seen_iteration) break;
      seen_iteration = true;
    }
    ++k;
  }
  apply_until(k);
  if (m_cursor > 0) m_time = std::max(m_time, ev[m_cursor - 1].time);
  if (ensure_event(m_cursor) && ev[m_cursor].kind == TraceKind::loop_iteration)
    m_time = std::max(m_time, ev[m_cursor].time);
}

void Session::step_back_iteration() {
  pause();
  const auto& ev = m_run->trace().events();
  if (m_cursor == 0) return;
  // The shown state ends some iteration; it began at the last loop_iteration event before the
  // cursor. Showing the state just before that event is the end of the previous iteration.
  std::size_t start = m_cursor - 1;
  while (start > 0 && ev[start].kind != TraceKind::loop_iteration) --start;
  seek_cursor(start);
}

void Session::step_resume() {
  pause();
  const auto& ev = m_run->trace().events();
  std::size_t k = m_cursor;
  bool found = false;
  while (ensure_event(k)) {
    if (found && (ev[k].kind == TraceKind::task_suspended || ev[k].kind == TraceKind::task_done ||
                  ev[k].kind == TraceKind::task_failed || ev[k].kind == TraceKind::task_cancelled ||
                  ev[k].kind == TraceKind::task_resumed || ev[k].kind == TraceKind::loop_iteration)) {
      if (ev[k].kind != TraceKind::task_resumed && ev[k].kind != TraceKind::loop_iteration) ++k;
      break;
    }
    if (ev[k].kind == TraceKind::task_resumed) found = true;
    ++k;
  }
  apply_until(k);
  if (m_cursor > 0) m_time = std::max(m_time, ev[m_cursor - 1].time);
}

void Session::run_to_end() {
  if (real_clock()) {  // real time cannot be skipped: play to the end instead
    m_playback = Playback::playing;
    return;
  }
  pause();
  while (!m_run->finished()) {
    if (!m_run->run_once()) break;
  }
  apply_until(m_run->trace().size());
  m_time = end_time();
}

void Session::seek_time(double t) {
  t = std::max(0.0, t);
  const auto& ev = m_run->trace().events();
  // Make sure the engine has run past t (or to its end); real time only as far as it has come.
  while (!m_run->finished() && (ev.empty() || ev.back().time <= t) && (!real_clock() || work_due())) {
    if (!m_run->run_once()) break;
    m_run->trace().events();  // decode what the iteration recorded (ev sees it)
  }
  const auto it = std::upper_bound(ev.begin(), ev.end(), t + k_eps,
                                   [](double v, const TraceEvent& e) { return v < e.time; });
  apply_until(static_cast<std::size_t>(it - ev.begin()));
  m_time = m_run->finished() ? std::min(t, end_time()) : t;
  if (m_cursor > 0) m_time = std::max(m_time, ev[m_cursor - 1].time);
  m_dwell_credit = 0;
}

void Session::seek_cursor(std::size_t k) {
  ensure_event(k > 0 ? k - 1 : 0);
  const auto& ev = m_run->trace().events();
  apply_until(k);
  m_time = m_cursor > 0 ? ev[m_cursor - 1].time : 0.0;
  m_dwell_credit = 0;
}

// ---- view --------------------------------------------------------------------------------
ViewState Session::view() const {
  ViewState v;
  v.trace = &m_run->trace();
  v.cursor = m_cursor;
  v.time = m_time;
  v.snapshot = &m_builder.state();
  v.end_time = end_time();
  v.finished = m_run->finished();
  v.selected_task = selected_task;
  return v;
}

}  // namespace loopscope::ui
