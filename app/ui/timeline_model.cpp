// timeline_model.cpp — building lanes and segments from the trace, and querying them.
//
// Sections: names · update · event handling · lane operations · queries · describe
#include "ui/timeline_model.hpp"

#include "ui/await_text.hpp"

#include <algorithm>
#include <cstdio>

namespace loopscope::ui {

// ---- names ---------------------------------------------------------------------------------
const char* segment_kind_name(SegmentKind k) noexcept {
  switch (k) {
    case SegmentKind::ready: return "ready";
    case SegmentKind::running: return "running";
    case SegmentKind::sleeping: return "sleeping";
    case SegmentKind::io: return "I/O wait";
    case SegmentKind::waiting: return "waiting";
    case SegmentKind::blocked: return "blocked";
    case SegmentKind::done: return "done";
    case SegmentKind::failed: return "failed";
    case SegmentKind::cancelled: return "cancelled";
    case SegmentKind::poll: return "poll";
    case SegmentKind::timers: return "timers";
    case SegmentKind::run_ready: return "run ready";
  }
  return "?";
}

bool is_terminal(SegmentKind k) noexcept {
  return k == SegmentKind::done || k == SegmentKind::failed || k == SegmentKind::cancelled;
}

namespace {

bool is_emphasis(SegmentKind k) {
  return k == SegmentKind::running || k == SegmentKind::run_ready || k == SegmentKind::blocked;
}

SegmentKind kind_for_await(AwaitKind a) {
  switch (a) {
    case AwaitKind::sleep: return SegmentKind::sleeping;
    case AwaitKind::io: return SegmentKind::io;
    default: return SegmentKind::waiting;
  }
}

bool same_event(const TraceEvent& a, const TraceEvent& b) {
  return a.time == b.time && a.kind == b.kind && a.task == b.task && a.handle == b.handle &&
         a.text == b.text;
}

std::string seconds(double t) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3f s", t);
  return buf;
}

}  // namespace

// ---- update --------------------------------------------------------------------------------
TimelineModel::TimelineModel() { reset(); }

void TimelineModel::reset() {
  m_trace = nullptr;
  m_consumed = 0;
  m_kinds = 0;
  m_lanes.clear();
  m_interrupted.clear();
  m_index.clear();
  m_running = 0;
  m_blocking_lane = npos;
  m_iteration = 0;
  Lane loop;
  loop.task = 0;
  loop.name = "event loop";
  m_lanes.push_back(std::move(loop));
  m_interrupted.emplace_back();
}

void TimelineModel::update(const TraceRecorder& trace) {
  const auto& events = trace.events();
  // A restart (trace cleared and refilled) or another recorder: start over. The last consumed
  // event is compared too, so a trace cleared and refilled past our position is noticed.
  if (m_trace != &trace || events.size() < m_consumed ||
      (m_consumed > 0 && !same_event(events[m_consumed - 1], m_last_event))) {
    reset();
    m_trace = &trace;
  }
  for (std::size_t i = m_consumed; i < events.size(); ++i)
    consume(events[i], i, trace);
  m_consumed = events.size();
  if (m_consumed > 0) m_last_event = events[m_consumed - 1];
}

// ---- event handling ------------------------------------------------------------------------
void TimelineModel::consume(const TraceEvent& e, std::size_t event_index,
                            const TraceRecorder& trace) {
  const auto index = static_cast<std::uint32_t>(event_index);
  m_trace = &trace;
  m_consumed = event_index + 1;
  m_last_event = e;
  switch (e.kind) {
    case TraceKind::task_created: {
      const std::size_t lane = lane_for(e.task, e.time, index);
      Lane& l = m_lanes[lane];
      const std::string_view name = trace.str(e.text);
      if (!name.empty()) l.name = std::string(name);
      l.parent = e.target;
      break;
    }
    case TraceKind::task_scheduled: {
      SegmentDetail d;
      d.target = e.handle;
      open_segment(lane_for(e.task, e.time, index), SegmentKind::ready, e.time, index, d);
      break;
    }
    case TraceKind::task_resumed:
      open_segment(lane_for(e.task, e.time, index), SegmentKind::running, e.time, index, {});
      m_running = e.task;
      break;
    case TraceKind::task_suspended: {
      SegmentDetail d;
      d.await_kind = e.await_kind;
      d.direction = e.direction;
      d.target = e.target;
      d.deadline = e.deadline;
      d.label = e.text;
      open_segment(lane_for(e.task, e.time, index), kind_for_await(e.await_kind), e.time, index,
                   d);
      if (m_running == e.task) m_running = 0;
      break;
    }
    case TraceKind::task_done:
    case TraceKind::task_cancelled:
    case TraceKind::task_failed: {
      const std::size_t lane = lane_for(e.task, e.time, index);
      if (m_blocking_lane == lane) m_blocking_lane = npos;
      m_interrupted[lane] = {};
      close_segment(lane, e.time, index);
      Segment s;
      s.t0 = s.t1 = e.time;
      s.kind = e.kind == TraceKind::task_done        ? SegmentKind::done
               : e.kind == TraceKind::task_cancelled ? SegmentKind::cancelled
                                                     : SegmentKind::failed;
      s.ev_begin = s.ev_end = index;
      s.detail.label = e.text;
      push_segment(lane, s);
      m_lanes[lane].finished_event = index;
      if (m_running == e.task) m_running = 0;
      break;
    }
    case TraceKind::io_wait_begin: {
      // The suspension (task_suspended with await_kind io) opened the segment; fill in the fd
      // and direction if it did not carry them.
      Lane& l = m_lanes[lane_for(e.task, e.time, index)];
      if (!l.segments.empty() && l.segments.back().open() &&
          l.segments.back().kind == SegmentKind::io && l.segments.back().detail.target == 0) {
        l.segments.back().detail.target = e.target;
        l.segments.back().detail.direction = e.direction;
      }
      break;
    }
    case TraceKind::loop_iteration:
      m_iteration = static_cast<std::uint64_t>(e.value);
      break;
    case TraceKind::loop_phase: {
      Interrupted& in = m_interrupted[0];
      SegmentDetail d;
      d.target = m_iteration;
      d.value = e.value;
      const SegmentKind kind = e.phase == LoopPhase::poll     ? SegmentKind::poll
                               : e.phase == LoopPhase::timers ? SegmentKind::timers
                                                              : SegmentKind::run_ready;
      if (in.active) {
        // A phase change inside a blocking section: resume into it when blocking ends.
        in.had_open = e.phase != LoopPhase::idle;
        in.kind = kind;
        in.detail = d;
      } else if (e.phase == LoopPhase::idle) {
        close_segment(0, e.time, index);
      } else {
        open_segment(0, kind, e.time, index, d);
      }
      break;
    }
    case TraceKind::blocking_begin: {
      begin_blocking(0, e, index);
      const TaskId who = e.task != 0 ? e.task : m_running;
      if (who != 0) {
        m_blocking_lane = lane_for(who, e.time, index);
        begin_blocking(m_blocking_lane, e, index);
      }
      break;
    }
    case TraceKind::blocking_end:
      end_blocking(0, e.time, index);
      if (m_blocking_lane != npos) end_blocking(m_blocking_lane, e.time, index);
      m_blocking_lane = npos;
      break;
    default:
      break;  // handles, timers, output, locations and notes do not change the lanes
  }
}

// ---- lane operations -----------------------------------------------------------------------
std::size_t TimelineModel::lane_for(TaskId task, double time, std::uint32_t index) {
  if (task == 0) return 0;
  auto it = m_index.find(task);
  if (it != m_index.end()) return it->second;
  // First sight of the task (normally its task_created event).
  Lane l;
  l.task = task;
  l.name = "Task-" + std::to_string(task);
  l.created_event = index;
  l.created_time = time;
  m_lanes.push_back(std::move(l));
  m_interrupted.emplace_back();
  m_index.emplace(task, m_lanes.size() - 1);
  return m_lanes.size() - 1;
}

void TimelineModel::push_segment(std::size_t lane, const Segment& s) {
  Lane& l = m_lanes[lane];
  l.segments.push_back(s);
  m_kinds |= 1u << static_cast<unsigned>(s.kind);
  l.emphasis_before.push_back(l.emphasis_before.back() + (is_emphasis(s.kind) ? 1u : 0u));
  l.blocked_before.push_back(l.blocked_before.back() + (s.kind == SegmentKind::blocked ? 1u : 0u));
}

void TimelineModel::close_segment(std::size_t lane, double t, std::uint32_t index) {
  Lane& l = m_lanes[lane];
  if (l.segments.empty() || !l.segments.back().open()) return;
  Segment& s = l.segments.back();
  s.t1 = std::max(t, s.t0);
  s.ev_end = index;
}

void TimelineModel::open_segment(std::size_t lane, SegmentKind kind, double t, std::uint32_t index,
                                 const SegmentDetail& detail) {
  Interrupted& in = m_interrupted[lane];
  if (in.active) {
    // The lane is blocked: what it does next starts when blocking ends.
    in.had_open = true;
    in.kind = kind;
    in.detail = detail;
    return;
  }
  close_segment(lane, t, index);
  Segment s;
  s.t0 = t;
  s.kind = kind;
  s.ev_begin = index;
  s.detail = detail;
  push_segment(lane, s);
}

void TimelineModel::begin_blocking(std::size_t lane, const TraceEvent& e, std::uint32_t index) {
  Interrupted& in = m_interrupted[lane];
  if (in.active) return;  // nested blocking: the outer section covers it
  Lane& l = m_lanes[lane];
  in = {};
  if (!l.segments.empty() && l.segments.back().open()) {
    in.had_open = true;
    in.kind = l.segments.back().kind;
    in.detail = l.segments.back().detail;
  }
  SegmentDetail d;
  d.value = e.value;
  d.label = e.text;
  open_segment(lane, SegmentKind::blocked, e.time, index, d);
  m_interrupted[lane].active = true;  // after open_segment, which defers while active
}

void TimelineModel::end_blocking(std::size_t lane, double t, std::uint32_t index) {
  Interrupted in = m_interrupted[lane];
  if (!in.active) return;
  m_interrupted[lane] = {};
  close_segment(lane, t, index);
  if (in.had_open) open_segment(lane, in.kind, t, index, in.detail);
}

// ---- queries -------------------------------------------------------------------------------
std::size_t TimelineModel::lanes_at(std::size_t cursor) const {
  // Task lanes are in creation order, so created_event increases along the vector.
  auto it = std::partition_point(m_lanes.begin() + 1, m_lanes.end(),
                                 [&](const Lane& l) { return l.created_event < cursor; });
  return static_cast<std::size_t>(it - m_lanes.begin());
}

std::size_t TimelineModel::lane_index(TaskId task) const {
  if (task == 0) return 0;
  auto it = m_index.find(task);
  return it == m_index.end() ? npos : it->second;
}

double TimelineModel::end_at(const Segment& s, std::size_t cursor, double now) noexcept {
  if (!s.open() && s.ev_end < cursor) return s.t1;
  return std::clamp(now, s.t0, std::max(s.t0, s.t1));
}

SegmentRange TimelineModel::visible(std::size_t lane, double t_from, double t_to,
                                    std::size_t cursor, double now) const {
  if (lane >= m_lanes.size() || t_to < t_from) return {};
  const auto& segs = m_lanes[lane].segments;
  auto first = segs.begin();
  // Begun before the cursor (ev_begin increases along the lane).
  auto last = std::partition_point(first, segs.end(),
                                   [&](const Segment& s) { return s.ev_begin < cursor; });
  // Begun no later than t_to (t0 increases along the lane).
  last = std::partition_point(first, last, [&](const Segment& s) { return s.t0 <= t_to; });
  // Ended before t_from (t1 increases along the lane; the open one is last with +inf).
  first = std::partition_point(first, last, [&](const Segment& s) { return s.t1 < t_from; });
  SegmentRange r{static_cast<std::size_t>(first - segs.begin()),
                 static_cast<std::size_t>(last - segs.begin())};
  // Only the last segment can still be open at the cursor; once clipped it may end too early.
  if (!r.empty() && end_at(segs[r.end - 1], cursor, now) < t_from) --r.end;
  return r;
}

SegmentKind TimelineModel::dominant(std::size_t lane, SegmentRange r) const {
  const Lane& l = m_lanes[lane];
  if (r.empty()) return SegmentKind::ready;
  if (l.blocked_before[r.end] - l.blocked_before[r.begin] > 0) return SegmentKind::blocked;
  if (l.emphasis_before[r.end] - l.emphasis_before[r.begin] > 0)
    return lane == 0 ? SegmentKind::run_ready : SegmentKind::running;
  return l.segments[r.end - 1].kind;
}

std::size_t TimelineModel::first_starting_at(std::size_t lane, std::size_t from, double t) const {
  const auto& segs = m_lanes[lane].segments;
  from = std::min(from, segs.size());
  auto it = std::partition_point(segs.begin() + static_cast<std::ptrdiff_t>(from), segs.end(),
                                 [&](const Segment& s) { return s.t0 < t; });
  return static_cast<std::size_t>(it - segs.begin());
}

SegmentRange TimelineModel::visible_events(std::size_t lane, std::size_t k_from, std::size_t k_to,
                                           std::size_t cursor) const {
  if (lane >= m_lanes.size() || k_to < k_from) return {};
  const auto& segs = m_lanes[lane].segments;
  const std::size_t last_event = std::min(k_to, cursor == 0 ? 0 : cursor - 1);
  auto last = std::partition_point(segs.begin(), segs.end(),
                                   [&](const Segment& s) { return s.ev_begin < cursor && s.ev_begin <= last_event; });
  // ev_end increases along the lane (the open one is last, with open_event).
  auto first = std::partition_point(segs.begin(), last,
                                    [&](const Segment& s) { return s.ev_end < k_from; });
  return {static_cast<std::size_t>(first - segs.begin()), static_cast<std::size_t>(last - segs.begin())};
}

std::size_t TimelineModel::first_starting_at_event(std::size_t lane, std::size_t from, std::size_t k) const {
  const auto& segs = m_lanes[lane].segments;
  from = std::min(from, segs.size());
  auto it = std::partition_point(segs.begin() + static_cast<std::ptrdiff_t>(from), segs.end(),
                                 [&](const Segment& s) { return s.ev_begin < k; });
  return static_cast<std::size_t>(it - segs.begin());
}

// ---- describe ------------------------------------------------------------------------------
std::string TimelineModel::describe(const Segment& s, const TraceRecorder& trace) const {
  const std::string label(trace.str(s.detail.label));
  const SegmentDetail& d = s.detail;
  const AwaitFacts facts{d.await_kind, d.target, d.deadline, d.direction, label};
  const auto name_of = [&](TaskId id) {
    const std::size_t lane = lane_index(id);
    return lane == npos ? "Task-" + std::to_string(id) : m_lanes[lane].name;
  };
  switch (s.kind) {
    case SegmentKind::ready: return "in the ready queue";
    case SegmentKind::running: return "running its coroutine";
    case SegmentKind::sleeping: {
      std::string out = await_phrase(facts, name_of);
      if (d.deadline >= 0) out += " until " + seconds(d.deadline);
      return out;
    }
    case SegmentKind::io:
    case SegmentKind::waiting: {
      std::string out = "awaits " + await_phrase(facts, name_of);
      if (d.deadline >= 0)
        out += (d.await_kind == AwaitKind::executor ? ", finishes at " : ", times out at ") +
               seconds(d.deadline);
      return out;
    }
    case SegmentKind::blocked: {
      std::string out = "loop thread blocked";
      if (!label.empty()) out += " in " + label;
      return out;
    }
    case SegmentKind::done: return "finished";
    case SegmentKind::cancelled: return label.empty() ? "cancelled" : "cancelled: " + label;
    case SegmentKind::failed: return label.empty() ? "failed" : "failed: " + label;
    case SegmentKind::poll: {
      std::string out = "iteration " + std::to_string(d.target) + ": poll, timeout ";
      out += d.value < 0 ? std::string("infinite") : seconds(d.value);
      return out;
    }
    case SegmentKind::timers:
      return "iteration " + std::to_string(d.target) + ": due timers to the ready queue";
    case SegmentKind::run_ready:
      return "iteration " + std::to_string(d.target) + ": running the ready handles";
  }
  return {};
}

}  // namespace loopscope::ui
