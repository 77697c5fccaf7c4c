// console_model.cpp — output and failure lines from the trace.
#include "ui/console_model.hpp"

#include "platform/fonts.hpp"

#include <algorithm>
#include <cstdlib>

namespace loopscope::ui {
namespace {

bool same_event(const TraceEvent& a, const TraceEvent& b) {
  return a.time == b.time && a.kind == b.kind && a.task == b.task && a.text == b.text;
}

}  // namespace

void ConsoleModel::reset() {
  m_trace = nullptr;
  m_consumed = 0;
  m_last_event = {};
  m_lines.clear();
  m_names.clear();
  m_noted.clear();
}

void ConsoleModel::update(const TraceRecorder& trace) {
  const auto& events = trace.events();
  if (m_trace != &trace || events.size() < m_consumed ||
      (m_consumed > 0 && !same_event(events[m_consumed - 1], m_last_event))) {
    reset();
    m_trace = &trace;
  }
  for (std::size_t i = m_consumed; i < events.size(); ++i) consume(events[i], i, trace);
  m_consumed = events.size();
  if (m_consumed > 0) m_last_event = events[m_consumed - 1];
}

void ConsoleModel::consume(const TraceEvent& e, std::size_t i, const TraceRecorder& trace) {
  m_trace = &trace;
  m_consumed = i + 1;
  m_last_event = e;
  switch (e.kind) {
    case TraceKind::task_created: {
      const std::string_view name = trace.str(e.text);
      if (!name.empty()) m_names[e.task] = std::string(name);
      break;
    }
    case TraceKind::output:
      add_lines(e, i, trace.str(e.text), ConsoleLineKind::output);
      break;
    case TraceKind::task_failed: {
      std::string msg = "Task '" + task_name(e.task) + "' failed";
      const std::string_view why = trace.str(e.text);
      if (!why.empty()) msg += ": " + std::string(why);
      add_lines(e, i, msg, ConsoleLineKind::error);
      break;
    }
    case TraceKind::note:
      ++m_noted[std::string(trace.str(e.text))];
      add_lines(e, i, trace.str(e.text), ConsoleLineKind::warning);
      break;
    default: break;
  }
}

void ConsoleModel::add_run_warnings(const std::vector<std::string>& warnings, std::size_t event,
                                    double time) {
  TraceEvent at;
  at.time = time;
  for (const std::string& w : warnings) {
    if (auto seen = m_noted.find(w); seen != m_noted.end() && seen->second > 0) {
      --seen->second;  // shown when it happened
      continue;
    }
    add_lines(at, event, w, ConsoleLineKind::warning);
  }
}

void ConsoleModel::add_traceback(const std::string& traceback, std::size_t event, double time) {
  TraceEvent at;
  at.time = time;
  const std::size_t first = m_lines.size();
  add_lines(at, event, traceback, ConsoleLineKind::error);
  int current = 0;
  for (std::size_t i = first; i < m_lines.size(); ++i) {
    const std::string& t = m_lines[i].text;
    const std::size_t at_line = t.find("\", line ");
    if (t.rfind("  File \"", 0) == 0 && at_line != std::string::npos) {
      current = std::atoi(t.c_str() + at_line + 8);
      m_lines[i].source_line = current;
    } else if (current > 0 && t.rfind("    ", 0) == 0) {
      m_lines[i].source_line = current;  // the source line CPython prints under its File line
      current = 0;
    } else {
      current = 0;
    }
  }
}

void ConsoleModel::add_lines(const TraceEvent& e, std::size_t index, std::string_view text,
                             ConsoleLineKind kind) {
  // print("a\nb") shows as two lines with the same timestamp; one trailing newline is dropped.
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  platform::fonts_request(text);  // characters the font atlas lacks (CJK, symbols) join it
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    ConsoleLine line;
    line.time = e.time;
    line.task = e.task;
    line.event = index;
    line.kind = kind;
    line.text = std::string(text.substr(start, nl == std::string_view::npos ? nl : nl - start));
    m_lines.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

std::size_t ConsoleModel::visible_count(std::size_t cursor) const {
  auto it = std::partition_point(m_lines.begin(), m_lines.end(),
                                 [&](const ConsoleLine& l) { return l.event < cursor; });
  return static_cast<std::size_t>(it - m_lines.begin());
}

std::string ConsoleModel::task_name(TaskId task) const {
  if (task == 0) return "loop";
  auto it = m_names.find(task);
  return it != m_names.end() ? it->second : "Task-" + std::to_string(task);
}

}  // namespace loopscope::ui
