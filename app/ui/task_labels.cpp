// task_labels.cpp — see task_labels.hpp.
#include "ui/task_labels.hpp"

#include <cctype>

namespace loopscope::ui {
namespace {

// Columns of leading whitespace (a tab counts to the next multiple of 8, as Python does), or -1
// for a blank or comment-only line (it says nothing about blocks).
int indentation(std::string_view s) {
  int col = 0;
  for (char c : s) {
    if (c == ' ') ++col;
    else if (c == '\t') col = (col / 8 + 1) * 8;
    else if (c == '\r' || c == '\n' || c == '\f') continue;
    else return c == '#' ? -1 : col;
  }
  return -1;
}

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The function a `def` / `async def` line defines, or "" if the line is not one.
std::string def_name(std::string_view s) {
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  auto keyword = [&](std::string_view k) {
    if (s.substr(i, k.size()) != k) return false;
    if (i + k.size() >= s.size() || (s[i + k.size()] != ' ' && s[i + k.size()] != '\t')) return false;
    i += k.size();
    skip_space();
    return true;
  };
  skip_space();
  keyword("async");
  if (!keyword("def")) return {};
  const std::size_t b = i;
  while (i < s.size() && (is_ident(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80)) ++i;
  return std::string(s.substr(b, i - b));
}

}  // namespace

bool is_automatic_task_name(std::string_view name) noexcept {
  constexpr std::string_view prefix = "Task-";
  if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) return false;
  for (char c : name.substr(prefix.size()))
    if (c < '0' || c > '9') return false;
  return true;
}

std::string enclosing_function(const std::vector<std::string>& lines, int line) {
  if (line < 1 || static_cast<std::size_t>(line) > lines.size()) return {};
  const std::string& here = lines[static_cast<std::size_t>(line - 1)];
  if (std::string name = def_name(here); !name.empty()) return name;
  int limit = indentation(here);  // the block we are in starts on a line indented less than this
  if (limit == 0) return {};      // module level
  if (limit < 0) limit = 1 << 30; // a blank line: anything above encloses it
  for (int k = line - 1; k >= 1; --k) {
    const std::string& s = lines[static_cast<std::size_t>(k - 1)];
    const int ind = indentation(s);
    if (ind < 0 || ind >= limit) continue;
    if (std::string name = def_name(s); !name.empty()) return name;
    if (ind == 0) return {};      // a module-level block (class, if, with…) that is no function
    limit = ind;                  // an inner block: look for what encloses it
  }
  return {};
}

void TaskLabels::derive(Entry& e) {
  if (!e.function.empty()) --m_with_function;
  e.function.clear();
  if (e.first_line <= 0 || !is_automatic_task_name(e.name)) return;
  std::string fn = enclosing_function(m_listing, e.first_line);
  if (fn.empty()) return;
  e.function = fn + "()";
  ++m_with_function;
}

void TaskLabels::set_listing(const std::vector<std::string>& lines) {
  if (lines == m_listing) return;
  m_listing = lines;
  for (auto& [id, e] : m_tasks) derive(e);
}

void TaskLabels::reset() {
  m_tasks.clear();
  m_with_function = 0;
}

void TaskLabels::consume(const TraceEvent& e, const TraceRecorder& trace) {
  if (e.kind == TraceKind::task_created) {
    Entry& t = m_tasks[e.task];
    t.name = std::string(trace.str(e.text));
    derive(t);
  } else if (e.kind == TraceKind::location && e.task != 0 && e.line_a > 0) {
    auto it = m_tasks.find(e.task);
    if (it == m_tasks.end() || it->second.first_line != 0) return;
    it->second.first_line = e.line_a;
    derive(it->second);
  }
}

std::string_view TaskLabels::function(TaskId task) const {
  auto it = m_tasks.find(task);
  return it == m_tasks.end() ? std::string_view() : std::string_view(it->second.function);
}

std::string_view TaskLabels::name(TaskId task) const {
  auto it = m_tasks.find(task);
  return it == m_tasks.end() ? std::string_view() : std::string_view(it->second.name);
}

std::string TaskLabels::text(TaskId task, std::string_view name) const {
  const std::string_view fn = function(task);
  std::string out(name);
  if (!fn.empty()) {
    out += ' ';
    out += fn;
  }
  return out;
}

std::string TaskLabels::text(TaskId task) const { return text(task, name(task)); }

}  // namespace loopscope::ui
