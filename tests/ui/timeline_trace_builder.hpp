#pragma once
// timeline_trace_builder.hpp — fills a TraceRecorder by hand for the panel model tests, one
// event per call, so a test reads like the story the engine would record.
#include <loopscope/trace.hpp>

#include <string_view>

namespace loopscope::ui::testing {

class TraceBuilder {
public:
  explicit TraceBuilder(TraceRecorder& rec) : m_rec(rec) {}

  std::size_t created(double t, TaskId task, std::string_view name, TaskId parent = 0) {
    TraceEvent e = at(t, TraceKind::task_created, task);
    e.text = m_rec.intern(name);
    e.target = parent;
    return add(e);
  }
  std::size_t scheduled(double t, TaskId task, HandleId h = 0) {
    TraceEvent e = at(t, TraceKind::task_scheduled, task);
    e.handle = h;
    return add(e);
  }
  std::size_t resumed(double t, TaskId task) { return add(at(t, TraceKind::task_resumed, task)); }
  std::size_t sleeping(double t, TaskId task, double deadline, std::string_view label) {
    TraceEvent e = at(t, TraceKind::task_suspended, task);
    e.await_kind = AwaitKind::sleep;
    e.deadline = deadline;
    e.text = m_rec.intern(label);
    return add(e);
  }
  std::size_t awaiting(double t, TaskId task, AwaitKind kind, std::uint64_t target,
                       std::string_view label = {}) {
    TraceEvent e = at(t, TraceKind::task_suspended, task);
    e.await_kind = kind;
    e.target = target;
    if (!label.empty()) e.text = m_rec.intern(label);
    return add(e);
  }
  std::size_t io(double t, TaskId task, std::uint64_t fd, IoDirection dir) {
    TraceEvent e = at(t, TraceKind::task_suspended, task);
    e.await_kind = AwaitKind::io;
    e.target = fd;
    e.direction = dir;
    return add(e);
  }
  std::size_t done(double t, TaskId task) { return add(at(t, TraceKind::task_done, task)); }
  std::size_t cancelled(double t, TaskId task) {
    return add(at(t, TraceKind::task_cancelled, task));
  }
  std::size_t failed(double t, TaskId task, std::string_view why) {
    TraceEvent e = at(t, TraceKind::task_failed, task);
    e.text = m_rec.intern(why);
    return add(e);
  }
  std::size_t phase(double t, LoopPhase p, double value = 0) {
    TraceEvent e = at(t, TraceKind::loop_phase, 0);
    e.phase = p;
    e.value = value;
    return add(e);
  }
  std::size_t iteration(double t, std::uint64_t n) {
    TraceEvent e = at(t, TraceKind::loop_iteration, 0);
    e.value = static_cast<double>(n);
    return add(e);
  }
  std::size_t blocking_begin(double t, TaskId task, double secs, std::string_view label) {
    TraceEvent e = at(t, TraceKind::blocking_begin, task);
    e.value = secs;
    e.text = m_rec.intern(label);
    return add(e);
  }
  std::size_t blocking_end(double t, TaskId task) {
    return add(at(t, TraceKind::blocking_end, task));
  }
  std::size_t output(double t, TaskId task, std::string_view text) {
    TraceEvent e = at(t, TraceKind::output, task);
    e.text = m_rec.intern(text);
    return add(e);
  }
  std::size_t location(double t, TaskId task, int python_line, int cpp_line = 0) {
    TraceEvent e = at(t, TraceKind::location, task);
    e.line_a = python_line;
    e.line_b = cpp_line;
    return add(e);
  }

private:
  static TraceEvent at(double t, TraceKind kind, TaskId task) {
    TraceEvent e;
    e.time = t;
    e.kind = kind;
    e.task = task;
    return e;
  }
  std::size_t add(const TraceEvent& e) {
    m_rec.record(e);
    return m_rec.size() - 1;
  }
  TraceRecorder& m_rec;
};

}  // namespace loopscope::ui::testing
