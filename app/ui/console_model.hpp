#pragma once
// console_model.hpp — the console's view-model: what the program printed, with virtual
// timestamps, built incrementally from the trace. No ImGui here.
//
// A line comes from an `output` event (one line per '\n'-separated part of its text) or from a
// `task_failed` event (an error line: "Task 'name' failed: Type: message"). Lines are kept in
// trace order, so `event` never decreases and the lines shown at a cursor are a prefix.
#include <loopscope/trace.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopscope::ui {

// output: printed by the program; error: a task failed; warning: the engine warned (a coroutine
// never awaited, an exception never retrieved…), recorded as a `note` trace event.
enum class ConsoleLineKind : std::uint8_t { output, error, warning };

struct ConsoleLine {
  double time = 0;
  TaskId task = 0;              // who printed it (0 = the loop / no task)
  std::size_t event = 0;        // index of the trace event that produced it
  ConsoleLineKind kind = ConsoleLineKind::output;
  std::string text;
  int source_line = 0;          // a traceback line: the program line it names (0 = none)
};

class ConsoleModel {
public:
  // Consumes the events recorded since the last call (never re-scans the trace). A different
  // recorder, a trace that shrank, or one whose last consumed event changed starts the model
  // over; a session that clears and refills its recorder should still call reset() itself (a
  // refill can repeat the old events exactly).
  void update(const TraceRecorder& trace);
  void reset();
  // Takes one event, `index` being its position in the trace (every event in order, once).
  void consume(const TraceEvent& e, std::size_t index, const TraceRecorder& trace);
  // The run's warnings (an exception never retrieved, a coroutine never awaited), as the run
  // lists them when it ends: warning lines at `time`, shown once `event` is in the past (the last
  // event of the finished run). A warning the trace already showed as a note, when it happened,
  // is not shown again.
  void add_run_warnings(const std::vector<std::string>& warnings, std::size_t event, double time);
  // A failed run's traceback (CPython's text), as error lines at the end of the run. Each
  // `File "…", line N, in f` line and the source line under it carry N, so that a click can
  // show that line of the program.
  void add_traceback(const std::string& traceback, std::size_t event, double time);

  const std::vector<ConsoleLine>& lines() const noexcept { return m_lines; }
  // How many lines are printed when `cursor` events are in the past. O(log n).
  std::size_t visible_count(std::size_t cursor) const;
  // The task's name as created ("Task-7" if it never announced one; "loop" for 0).
  std::string task_name(TaskId task) const;
  // The cursor that shows line i as the newest line printed (its event is in the past).
  std::size_t seek_cursor_for(std::size_t line) const { return m_lines.at(line).event + 1; }

private:
  void add_lines(const TraceEvent& e, std::size_t index, std::string_view text,
                 ConsoleLineKind kind);

  const TraceRecorder* m_trace = nullptr;
  std::size_t m_consumed = 0;
  TraceEvent m_last_event;
  std::vector<ConsoleLine> m_lines;
  std::unordered_map<TaskId, std::string> m_names;
  // Warnings already shown from the trace's notes, by text, with how many times: the run's own
  // list at its end repeats them, and each is shown once.
  std::unordered_map<std::string, int> m_noted;
};

}  // namespace loopscope::ui
