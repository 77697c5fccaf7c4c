// run.cpp — `loopscope run LESSON [--step N] [--set NAME=VALUE]... [--clock virtual|real]
//                              [--json] [--trace FILE]`
//
// Runs one step's program headless on the engine and prints its output: one line per print,
// `[  2.000s] job-1  done` (virtual time, task name, text), or with --json
// {"output":[{"t","task","text"}...],"duration","tasks","warnings","error"}.
// Exit codes: 0 the program ran; 1 invalid lesson / program failed / file errors; 2 usage.
#include "cli/commands.hpp"
#include "cli/run_python.hpp"

#include "lesson/chrome_trace.hpp"
#include "lesson/library.hpp"
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>

namespace loopscope::cli {

namespace {

struct RunOptions {
  std::string lesson;
  int step = 1;
  std::map<std::string, double> params;
  std::optional<ClockKind> clock;
  bool json = false;
  std::string trace_file;
  bool big_limits = false;
};

bool parse_double(const std::string& s, double& out) {
  const char* b = s.data();
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e && std::isfinite(out);
}

// Returns an error message, or "" when the arguments are fine.
std::string parse(Args args, RunOptions& o) {
  bool have_step = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      (void)flag;
      return args[++i];
    };
    if (a == "--step") {
      auto v = value("--step");
      if (!v) return "--step needs a step number";
      int n = 0;
      auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
      if (ec != std::errc() || p != v->data() + v->size() || n < 1) return "--step needs a step number (from 1), got '" + *v + "'";
      o.step = n;
      have_step = true;
    } else if (a == "--set") {
      auto v = value("--set");
      if (!v) return "--set needs NAME=VALUE";
      const auto eq = v->find('=');
      double d = 0;
      if (eq == std::string::npos || eq == 0 || !parse_double(v->substr(eq + 1), d))
        return "--set needs NAME=VALUE with a number, got '" + *v + "'";
      o.params[v->substr(0, eq)] = d;
    } else if (a == "--clock") {
      auto v = value("--clock");
      if (v && *v == "virtual") o.clock = ClockKind::virtual_time;
      else if (v && *v == "real") o.clock = ClockKind::real_time;
      else return "--clock must be 'virtual' or 'real'";
    } else if (a == "--limits") {
      auto v = value("--limits");
      if (!v || *v != "large") return "--limits takes 'large'";
      o.big_limits = true;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--trace") {
      auto v = value("--trace");
      if (!v || v->empty()) return "--trace needs a file name";
      o.trace_file = *v;
    } else if (!a.empty() && a[0] == '-') {
      return "run: unknown option '" + a + "'";
    } else if (o.lesson.empty()) {
      o.lesson = a;
    } else {
      return "run: unexpected argument '" + a + "' (one LESSON only)";
    }
  }
  (void)have_step;
  if (o.lesson.empty()) return "run: missing LESSON (a lesson id or a path to a lesson JSON file)";
  return {};
}

std::string text_line(const lesson::RunResult& r, const OutputLine& l, std::size_t width) {
  char head[64];
  std::snprintf(head, sizeof head, "[%7.3fs] ", l.time);
  std::string name = r.task_name(l.task);
  name.resize(std::max(name.size(), width), ' ');
  return head + name + "  " + l.text;
}

nlohmann::json to_json(const lesson::RunResult& r) {
  nlohmann::json j;
  j["output"] = nlohmann::json::array();
  for (const auto& l : r.output) j["output"].push_back({{"t", l.time}, {"task", r.task_name(l.task)}, {"text", l.text}});
  j["duration"] = r.duration;
  j["tasks"] = nlohmann::json::array();
  for (const auto& t : r.tasks) {
    nlohmann::json tj = {{"id", t.id}, {"name", t.name}, {"state", to_string(t.state)}};
    tj["error"] = t.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.error);
    j["tasks"].push_back(std::move(tj));
  }
  j["warnings"] = r.warnings;
  j["error"] = r.error ? nlohmann::json(*r.error) : nlohmann::json(nullptr);
  return j;
}

}  // namespace

int run(Args args) {
  RunOptions o;
  if (std::string err = parse(args, o); !err.empty()) return usage_error(err);

  if (is_python_path(o.lesson)) {
    if (!o.params.empty()) return usage_error("--set is for lesson params; a .py program has none");
    return run_python_file({o.lesson, o.clock, o.json, o.trace_file, o.big_limits});
  }
  const auto found = lesson::resolve_lesson_argument(o.lesson, lesson::lesson_folders());
  if (!found) {
    std::fprintf(stderr, "loopscope: no lesson '%s' (not an id in the lesson folders, not a file)\n", o.lesson.c_str());
    return 1;
  }
  const lesson::LoadResult& loaded = found->result;
  if (!loaded.lesson) {
    for (const auto& d : loaded.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 1;
  }
  const lesson::Lesson& l = *loaded.lesson;
  if (o.step > static_cast<int>(l.steps.size()))
    return usage_error("--step " + std::to_string(o.step) + ": lesson '" + l.id + "' has " + std::to_string(l.steps.size()) +
                       " step(s)");
  const std::size_t index = static_cast<std::size_t>(o.step - 1);
  if (auto problems = lesson::check_param_overrides(l.steps[index], o.params); !problems.empty()) {
    std::fprintf(stderr, "loopscope: --set: %s\n", problems.front().c_str());
    return 2;
  }

  lesson::StepRun run(l, index, o.params, o.clock);
  run.run_to_end();
  const lesson::RunResult r = run.result();

  if (o.json) {
    std::printf("%s\n", to_json(r).dump(2).c_str());
  } else {
    std::size_t width = 0;
    for (const auto& line : r.output) width = std::max(width, r.task_name(line.task).size());
    for (const auto& line : r.output) std::printf("%s\n", text_line(r, line, width).c_str());
    for (const auto& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  }
  std::fflush(stdout);

  int code = 0;
  if (!o.trace_file.empty()) {
    std::ofstream out(o.trace_file, std::ios::binary);
    out << lesson::chrome_trace_json(run.trace(), l.id + " step " + std::to_string(o.step));
    if (!out) {
      std::fprintf(stderr, "loopscope: cannot write the trace to '%s'\n", o.trace_file.c_str());
      code = 1;
    }
  }
  if (r.error) {
    // The traceback names the listing ("listing.py", line N); the last line says where that
    // line is in the lesson file.
    if (!r.traceback.empty()) std::fputs(r.traceback.c_str(), stderr);
    const std::string where = r.listing_line ? "listing line " + std::to_string(r.listing_line) + ": " : "";
    std::fprintf(stderr, "%s:%d:%d: step %d: %s%s (at %s)\n", l.path.c_str(), r.error_pos.line, r.error_pos.col, o.step,
                 where.c_str(), r.error->c_str(), r.error_pointer.c_str());
    code = 1;
  }
  return code;
}

}  // namespace loopscope::cli
