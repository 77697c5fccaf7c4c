// exercise.cpp — checking an exercise's goal against a run (see exercise.hpp).
#include "lesson/exercise.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <utility>

namespace loopscope::lesson {
namespace {

std::string secs(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g s", s);
  return buf;
}

bool ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// The program's names, dotted names joined ("asyncio.TaskGroup", "tg.create_task"), keywords
// included; comments and string literals skipped.
std::vector<std::string> dotted_names(const std::vector<std::string>& source) {
  std::vector<std::string> out;
  for (const std::string& line : source) {
    bool joining = false;  // the last name ended with a dot: the next one continues it
    for (std::size_t i = 0; i < line.size();) {
      const unsigned char c = static_cast<unsigned char>(line[i]);
      if (c == '#') break;
      if (c == '"' || c == '\'') {
        const char q = static_cast<char>(c);
        for (++i; i < line.size() && line[i] != q; ++i)
          if (line[i] == '\\') ++i;
        ++i;
        joining = false;
      } else if (ident_char(c)) {
        std::size_t j = i;
        while (j < line.size() && ident_char(static_cast<unsigned char>(line[j]))) ++j;
        if (joining && !out.empty()) out.back() += "." + line.substr(i, j - i);
        else out.push_back(line.substr(i, j - i));
        joining = false;
        i = j;
      } else {
        if (c != ' ' && c != '\t') joining = c == '.' && !out.empty();  // `a . b` is `a.b`
        ++i;
      }
    }
  }
  return out;
}

}  // namespace

bool GoalResult::met() const {
  for (const GoalPart& p : parts)
    if (!p.met) return false;
  return true;
}

bool source_uses(const std::vector<std::string>& source, const std::string& name) {
  const auto words = dotted_names(source);
  const auto dot = name.rfind('.');
  const std::string module = dot == std::string::npos ? "" : name.substr(0, dot);
  const std::string last = dot == std::string::npos ? name : name.substr(dot + 1);
  bool imported = false;  // `from <module> import ... <last>` seen
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == name || (w.size() > name.size() && w.compare(0, name.size() + 1, name + ".") == 0)) return true;
    if (w == "from" && i + 2 < words.size() && words[i + 1] == module && words[i + 2] == "import") {
      for (std::size_t j = i + 3; j < words.size() && words[j] != "from" && words[j] != "import"; ++j)
        if (words[j] == last) imported = true;
    } else if (imported && w == last && !(i > 0 && words[i - 1] == "import")) {
      return true;
    }
  }
  return false;
}

void add_trace_facts(const TraceRecorder& trace, RunFacts& facts) {
  int alive = 0;
  for (const TraceEvent& e : trace.events()) {
    switch (e.kind) {
      case TraceKind::task_created:
        facts.max_tasks_alive = std::max(facts.max_tasks_alive, ++alive);
        break;
      case TraceKind::task_done:
      case TraceKind::task_cancelled:
      case TraceKind::task_failed: --alive; break;
      case TraceKind::blocking_begin: ++facts.blocking_sections; break;
      default: break;
    }
  }
}

GoalResult check_goal(const ExerciseGoal& goal, const RunFacts& run, const std::vector<std::string>& source) {
  GoalResult r;
  if (run.error) r.parts.push_back({"runs without an error", false, *run.error});
  if (goal.output) {
    const std::size_t n = goal.output->size();
    GoalPart p{"prints the expected " + (n == 1 ? std::string("line") : std::to_string(n) + " lines in order"), true, {}};
    const auto& want = *goal.output;
    for (std::size_t i = 0; i < std::max(want.size(), run.output.size()); ++i) {
      const bool have_w = i < want.size(), have_r = i < run.output.size();
      if (have_w && have_r && want[i] == run.output[i]) continue;
      p.met = false;
      p.detail = "line " + std::to_string(i + 1) + ": expected " + (have_w ? "'" + want[i] + "'" : "no more lines") +
                 ", printed " + (have_r ? "'" + run.output[i] + "'" : "nothing");
      break;
    }
    r.parts.push_back(std::move(p));
  }
  if (goal.max_duration) {
    const bool met = run.duration <= *goal.max_duration + 1e-9;
    r.parts.push_back({"finishes within " + secs(*goal.max_duration), met, "took " + secs(run.duration)});
  }
  if (goal.max_tasks_alive) {
    const bool met = run.max_tasks_alive <= *goal.max_tasks_alive;
    r.parts.push_back({"keeps at most " + std::to_string(*goal.max_tasks_alive) + " task(s) alive at once", met,
                       std::to_string(run.max_tasks_alive) + " were alive at once"});
  }
  if (goal.no_blocking) {
    const bool met = run.blocking_sections == 0;
    r.parts.push_back({"never blocks the loop thread", met,
                       met ? "no blocking call" : std::to_string(run.blocking_sections) + " blocking call(s)"});
  }
  for (const std::string& name : goal.uses) {
    const bool met = source_uses(source, name);
    r.parts.push_back({"uses " + name, met, met ? "" : name + " does not appear in the program"});
  }
  return r;
}

}  // namespace loopscope::lesson
