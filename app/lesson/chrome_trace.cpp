// chrome_trace.cpp — TraceRecorder -> Chrome trace-event JSON (see chrome_trace.hpp).
//
// One pass over the events with a little state per task: when its running slice began, the
// open suspended span, and the flow that will end at its next resume.
#include "lesson/chrome_trace.hpp"

#include "lesson/json.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

namespace loopscope::lesson {

namespace {

struct TaskState {
  std::string name;
  double running_since = -1;      // -1: not running
  std::uint64_t open_span = 0;    // async id of the open suspended span, 0 = none
  std::string span_name;
  std::uint64_t pending_flow = 0; // flow id to finish at the next resume, 0 = none
  double blocking_since = -1;
  std::string blocking_label;
};

class Writer {
public:
  std::string out;
  bool first = true;

  void begin_event() {
    out += first ? "\n  {" : ",\n  {";
    first = false;
  }
  static std::string us(double t) {
    char b[48];
    std::snprintf(b, sizeof b, "%.3f", std::isfinite(t) ? t * 1e6 : 0.0);
    return b;
  }
  void complete(std::uint64_t tid, const std::string& name, const char* cat, double ts, double end) {
    begin_event();
    out += "\"ph\":\"X\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"name\":" + json_quote(name) +
           ",\"cat\":\"" + cat + "\",\"ts\":" + us(ts) + ",\"dur\":" + us(std::max(0.0, end - ts)) + "}";
  }
  void async(char ph, std::uint64_t tid, std::uint64_t id, const std::string& name, double ts) {
    begin_event();
    out += std::string("\"ph\":\"") + ph + "\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"cat\":\"suspended\",\"id\":" +
           std::to_string(id) + ",\"name\":" + json_quote(name) + ",\"ts\":" + us(ts) + "}";
  }
  void flow(char ph, std::uint64_t tid, std::uint64_t id, double ts) {
    begin_event();
    out += std::string("\"ph\":\"") + ph + "\",\"pid\":1,\"tid\":" + std::to_string(tid) +
           ",\"cat\":\"wakeup\",\"name\":\"wake-up\",\"id\":" + std::to_string(id) + ",\"ts\":" + us(ts) +
           (ph == 'f' ? ",\"bp\":\"e\"}" : "}");
  }
  void instant(std::uint64_t tid, const std::string& name, double ts) {
    begin_event();
    out += "\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"cat\":\"output\",\"name\":" +
           json_quote(name) + ",\"ts\":" + us(ts) + "}";
  }
  void counter(std::size_t value, double ts) {
    begin_event();
    out += "\"ph\":\"C\",\"pid\":1,\"tid\":1,\"name\":\"ready queue\",\"ts\":" + us(ts) + ",\"args\":{\"length\":" +
           std::to_string(value) + "}";
    out += "}";
  }
  void thread_name(std::uint64_t tid, const std::string& name) {
    begin_event();
    out += "\"ph\":\"M\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"name\":\"thread_name\",\"args\":{\"name\":" +
           json_quote(name) + "}}";
    begin_event();
    out += "\"ph\":\"M\",\"pid\":1,\"tid\":" + std::to_string(tid) +
           ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":" + std::to_string(tid) + "}}";
  }
};

const char* phase_name(LoopPhase p) {
  switch (p) {
    case LoopPhase::poll: return "poll";
    case LoopPhase::timers: return "timers";
    case LoopPhase::run_ready: return "run ready";
    case LoopPhase::idle: return "idle";
  }
  return "?";
}

}  // namespace

std::string chrome_trace_json(const TraceRecorder& trace, const std::string& title) {
  Writer w;
  w.out = "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"title\":" + json_quote(title) + "},\"traceEvents\":[";
  w.begin_event();
  w.out += "\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{\"name\":" + json_quote(title) + "}}";
  w.thread_name(1, "event loop");

  std::map<TaskId, TaskState> tasks;
  std::uint64_t next_id = 1;
  std::size_t ready = 0;
  TaskId running = 0;                 // the task whose slice is open (0: the loop itself)
  double iteration_since = -1;
  std::uint64_t iteration = 0;
  double phase_since = -1;
  LoopPhase phase = LoopPhase::idle;
  double last_time = 0;
  const auto tid_of = [](TaskId t) { return static_cast<std::uint64_t>(t) + 1; };

  const auto close_running = [&](TaskId t, double now) {
    auto& st = tasks[t];
    if (st.running_since >= 0) w.complete(tid_of(t), st.name, "running", st.running_since, now);
    st.running_since = -1;
    if (running == t) running = 0;
  };
  const auto close_span = [&](TaskId t, double now) {
    auto& st = tasks[t];
    if (st.open_span) w.async('e', tid_of(t), st.open_span, st.span_name, now);
    st.open_span = 0;
  };

  for (const TraceEvent& e : trace.events()) {
    const double now = e.time;
    last_time = now;
    switch (e.kind) {
      case TraceKind::task_created: {
        auto& st = tasks[e.task];
        st.name = std::string(trace.str(e.text));
        if (st.name.empty()) st.name = "Task-" + std::to_string(e.task);
        w.thread_name(tid_of(e.task), st.name);
        break;
      }
      case TraceKind::task_scheduled: {
        ++ready;
        w.counter(ready, now);
        auto& st = tasks[e.task];
        close_span(e.task, now);
        // The wake-up comes from whoever is running now (a task, or the loop firing a timer).
        const std::uint64_t id = next_id++;
        w.flow('s', running ? tid_of(running) : 1, id, now);
        st.pending_flow = id;
        break;
      }
      case TraceKind::handle_scheduled:
        ++ready;
        w.counter(ready, now);
        break;
      case TraceKind::task_resumed: {
        if (ready) --ready;
        w.counter(ready, now);
        auto& st = tasks[e.task];
        st.running_since = now;
        running = e.task;
        if (st.pending_flow) {
          w.flow('f', tid_of(e.task), st.pending_flow, now);
          st.pending_flow = 0;
        }
        break;
      }
      case TraceKind::handle_run:
      case TraceKind::handle_cancelled:
        if (ready) --ready;
        w.counter(ready, now);
        break;
      case TraceKind::task_suspended: {
        close_running(e.task, now);
        auto& st = tasks[e.task];
        close_span(e.task, now);
        st.open_span = next_id++;
        st.span_name = std::string(trace.str(e.text));
        if (st.span_name.empty()) st.span_name = to_string(e.await_kind);
        w.async('b', tid_of(e.task), st.open_span, st.span_name, now);
        break;
      }
      case TraceKind::task_done:
      case TraceKind::task_cancelled:
      case TraceKind::task_failed:
        close_running(e.task, now);
        close_span(e.task, now);
        break;
      case TraceKind::blocking_begin: {
        auto& st = tasks[e.task];
        st.blocking_since = now;
        st.blocking_label = std::string(trace.str(e.text));
        break;
      }
      case TraceKind::blocking_end: {
        auto& st = tasks[e.task];
        if (st.blocking_since >= 0)
          w.complete(tid_of(e.task), st.blocking_label.empty() ? "blocking" : st.blocking_label, "blocking", st.blocking_since, now);
        st.blocking_since = -1;
        break;
      }
      case TraceKind::output:
        w.instant(tid_of(e.task), std::string(trace.str(e.text)), now);
        break;
      case TraceKind::loop_iteration:
        if (phase_since >= 0 && phase != LoopPhase::idle) w.complete(1, phase_name(phase), "phase", phase_since, now);
        phase_since = -1;
        if (iteration_since >= 0) w.complete(1, "iteration " + std::to_string(iteration), "loop", iteration_since, now);
        iteration_since = now;
        iteration = static_cast<std::uint64_t>(e.value);
        break;
      case TraceKind::loop_phase:
        if (phase_since >= 0 && phase != LoopPhase::idle) w.complete(1, phase_name(phase), "phase", phase_since, now);
        phase = e.phase;
        phase_since = now;
        break;
      default:
        break;
    }
  }
  // Close whatever is still open at the end of the trace.
  if (phase_since >= 0 && phase != LoopPhase::idle) w.complete(1, phase_name(phase), "phase", phase_since, last_time);
  if (iteration_since >= 0) w.complete(1, "iteration " + std::to_string(iteration), "loop", iteration_since, last_time);
  for (auto& [id, st] : tasks) {
    if (st.running_since >= 0) w.complete(tid_of(id), st.name, "running", st.running_since, last_time);
    if (st.open_span) w.async('e', tid_of(id), st.open_span, st.span_name, last_time);
  }
  w.out += "\n]}\n";
  return w.out;
}

}  // namespace loopscope::lesson
