// checker.cpp — validate + run + compare (see checker.hpp).
#include "lesson/checker.hpp"

#include "lesson/library.hpp"
#include "lesson/look_at.hpp"
#include "python/runtime/ops.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <cmath>
#include <fstream>
#include <sstream>

namespace loopscope::lesson {

namespace {
std::string quoted(const std::string& s) { return json_quote(s); }

std::string secs(double d) { return python::float_repr(std::round(d * 1e6) / 1e6) + " s"; }

// The step's number in its file (from 1), from its pointer "/steps/N": a lesson holding only
// some steps (LoadResult::clean_steps) still names them as the file does.
std::size_t step_number(const Step& step, std::size_t index) {
  constexpr std::string_view head = "/steps/";
  std::size_t n = 0;
  if (step.pointer.starts_with(head) && step.pointer.size() > head.size()) {
    for (char c : step.pointer.substr(head.size())) {
      if (c < '0' || c > '9') return index + 1;
      n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n + 1;
  }
  return index + 1;
}
}  // namespace

std::vector<Diagnostic> compare_with_expect(const Lesson& lesson, std::size_t step_index, const RunResult& run) {
  std::vector<Diagnostic> out;
  const Step& step = lesson.steps[step_index];
  const Expect& ex = step.expect;
  const std::string prefix = "step " + std::to_string(step_number(step, step_index)) + ": ";
  auto problem = [&](SourcePos pos, const std::string& pointer, const std::string& msg) {
    if (pos.line == 0) pos = ex.pos.line ? ex.pos : step.pos;
    out.push_back({lesson.path, pos.line, pos.col, pointer, prefix + msg});
  };
  const std::string ep = step.pointer + "/expect";

  if (run.error) {
    if (!ex.error) problem(run.error_pos, run.error_pointer, "the program failed: " + *run.error);
    else if (*ex.error != *run.error)
      problem(ex.error_pos, ep + "/error", "expected the run to fail with " + quoted(*ex.error) + ", but it failed with " + quoted(*run.error));
  } else if (ex.error) {
    problem(ex.error_pos, ep + "/error", "expected the run to fail with " + quoted(*ex.error) + ", but it succeeded");
  }

  if (ex.output) {
    const auto& want = *ex.output;
    const auto& got = run.output;
    const std::size_t n = std::min(want.size(), got.size());
    bool reported = false;
    for (std::size_t i = 0; i < n && !reported; ++i) {
      const std::string lp = ep + "/output/" + std::to_string(i);
      const std::string task = run.task_name(got[i].task);
      if (want[i].text != got[i].text) {
        problem(want[i].pos, lp, "output line " + std::to_string(i + 1) + ": expected " + quoted(want[i].text) + ", got " +
                                     quoted(got[i].text));
        reported = true;
      } else if (want[i].time && std::fabs(*want[i].time - got[i].time) > ex.tolerance) {
        problem(want[i].pos, lp, "output line " + std::to_string(i + 1) + " " + quoted(want[i].text) + ": expected at " +
                                     secs(*want[i].time) + ", printed at " + secs(got[i].time));
        reported = true;
      } else if (want[i].task && *want[i].task != task) {
        problem(want[i].pos, lp, "output line " + std::to_string(i + 1) + " " + quoted(want[i].text) + ": expected from task " +
                                     quoted(*want[i].task) + ", printed by " + quoted(task));
        reported = true;
      }
    }
    if (!reported && want.size() != got.size()) {
      std::string msg = "expected " + std::to_string(want.size()) + " output lines, got " + std::to_string(got.size());
      if (got.size() > want.size()) msg += " (first extra: " + quoted(got[want.size()].text) + ")";
      else msg += " (first missing: " + quoted(want[got.size()].text) + ")";
      problem(ex.output_pos, ep + "/output", msg);
    }
  }
  if (ex.duration && std::fabs(*ex.duration - run.duration) > ex.tolerance)
    problem(ex.duration_pos, ep + "/duration", "expected a duration of " + secs(*ex.duration) + ", the run took " + secs(run.duration));
  if (ex.warnings && *ex.warnings != run.warnings) {
    std::string got;
    for (const auto& w : run.warnings) got += (got.empty() ? "" : ", ") + quoted(w);
    problem(ex.warnings_pos, ep + "/warnings", "expected warnings do not match; the run warned: [" + got + "]");
  }
  return out;
}

namespace {
// The lesson file's JSON, for positions the Lesson does not keep (a step's text lines); nullopt
// when the lesson was not read from a file on disk (a bundle's, a text's) or it no longer parses.
std::optional<JsonValue> lesson_json(const Lesson& lesson) {
  std::error_code ec;
  if (lesson.path.empty() || !std::filesystem::is_regular_file(lesson.path, ec)) return std::nullopt;
  std::ifstream in(lesson.path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  auto parsed = parse_json(ss.str());
  if (auto* v = std::get_if<JsonValue>(&parsed)) return std::move(*v);
  return std::nullopt;
}

std::vector<Diagnostic> check_step_with(const Lesson& lesson, std::size_t step_index, const std::optional<JsonValue>& root) {
  StepRun run(lesson, step_index, {}, ClockKind::virtual_time);
  run.run_to_end();
  const RunResult result = run.result();
  auto out = compare_with_expect(lesson, step_index, result);
  auto look = check_look_at(lesson, step_index, result, run.trace(), root ? &*root : nullptr);
  out.insert(out.end(), look.begin(), look.end());
  auto ex = check_exercise(lesson, step_index);
  out.insert(out.end(), ex.begin(), ex.end());
  return out;
}
}  // namespace

std::vector<Diagnostic> check_step(const Lesson& lesson, std::size_t step_index) {
  return check_step_with(lesson, step_index, lesson_json(lesson));
}

namespace {
// Runs `source` in place of the step's listing (default params, virtual clock) and judges it.
GoalResult judge(const Step& step, const std::vector<std::string>& source) {
  StepRun run(step, source, {}, ClockKind::virtual_time);
  run.run_to_end();
  const RunResult r = run.result();
  RunFacts facts;
  for (const auto& line : r.output) facts.output.push_back(line.text);
  facts.duration = r.duration;
  facts.error = r.error;
  add_trace_facts(run.trace(), facts);
  return check_goal(step.exercise->check, facts, source);
}
}  // namespace

std::vector<Diagnostic> check_exercise(const Lesson& lesson, std::size_t step_index) {
  std::vector<Diagnostic> out;
  const Step& step = lesson.steps[step_index];
  if (!step.exercise) return out;
  const Exercise& x = *step.exercise;
  const std::string prefix = "step " + std::to_string(step_number(step, step_index)) + ": exercise: ";
  auto problem = [&](SourcePos pos, const std::string& pointer, const std::string& msg) {
    if (pos.line == 0) pos = x.pos.line ? x.pos : step.pos;
    out.push_back({lesson.path, pos.line, pos.col, pointer, prefix + msg});
  };
  const std::string xp = step.pointer + "/exercise";
  const GoalResult solved = judge(step, x.solution);
  for (const auto& part : solved.parts)
    if (!part.met)
      problem(x.solution_pos, xp + "/solution",
              "the solution does not meet the goal: " + part.what + (part.detail.empty() ? "" : " (" + part.detail + ")"));
  const GoalResult start = judge(step, step.python.lines);
  if (start.met()) problem(x.pos, xp, "the starting code already meets the goal (the learner has nothing to do)");
  return out;
}

std::vector<Diagnostic> check_lesson(const Lesson& lesson) {
  std::vector<Diagnostic> out;
  const std::optional<JsonValue> root = lesson_json(lesson);
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    auto d = check_step_with(lesson, i, root);
    out.insert(out.end(), d.begin(), d.end());
  }
  return out;
}

namespace {
namespace fs = std::filesystem;

// Equal for two spellings of the same file (a bundle's lessons: the bundle's identity + name).
std::string identity_of(const std::string& file) {
  std::error_code ec;
  fs::path p(file);
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? fs::absolute(p, ec).lexically_normal().string() : c.string();
}
}  // namespace

CheckReport check_paths(const std::vector<fs::path>& paths, const std::vector<LessonFolder>& stack) {
  CheckReport report;
  const Library library = load_library(stack);
  std::map<std::string, const LibraryEntry*> in_library;
  for (const auto& e : library.entries) in_library[identity_of(e.file)] = &e;

  // The lessons to check, in the order given.
  std::vector<LibraryEntry> checked;
  auto add_input = [&](const fs::path& p) {
    if (std::find(report.inputs.begin(), report.inputs.end(), p) == report.inputs.end()) report.inputs.push_back(p);
  };
  std::vector<LessonFolder> targets;
  if (paths.empty()) targets = stack;
  for (const auto& p : paths) targets.push_back({p, Origin::added});
  for (const auto& t : targets) {
    std::error_code ec;
    add_input(t.path);
    if (fs::is_directory(t.path, ec) || is_bundle_path(t.path)) {
      std::optional<Diagnostic> problem;
      auto entries = load_folder(t, problem);
      if (problem) report.problems.push_back(*problem);
      sort_lesson_order(entries);
      for (auto& e : entries) checked.push_back(std::move(e));
    } else {
      checked.push_back({t.path.string(), {t.path, Origin::file}, load_lesson_file(t.path), {}, {}});
    }
  }

  // Cross-lesson problems: the library's own for lessons in it; else against the library and
  // the lessons checked before.
  std::set<std::string> known = library.ids();
  for (const auto& e : checked)
    if (e.result.lesson) known.insert(e.result.lesson->id);
  std::map<std::string, std::string> first_outside;  // id -> file, for lessons not in the library
  std::set<std::string> seen_files;
  for (auto& e : checked) {
    const std::string id_of_file = identity_of(e.file);
    if (!seen_files.insert(id_of_file).second) continue;  // the same file named twice: once
    ++report.lessons;
    add_input(e.file);
    report.problems.insert(report.problems.end(), e.result.errors.begin(), e.result.errors.end());
    if (!e.result.lesson) {
      // The steps without errors still run: a problem in one step hides nothing in another.
      if (const auto& clean = e.result.clean_steps) {
        report.steps += static_cast<int>(clean->steps.size());
        auto d = check_lesson(*clean);
        report.problems.insert(report.problems.end(), d.begin(), d.end());
      }
      continue;
    }
    const Lesson& lesson = *e.result.lesson;
    std::vector<Diagnostic> cross;
    if (auto it = in_library.find(id_of_file); it != in_library.end()) {
      cross = it->second->problems;
    } else {
      if (const LibraryEntry* first = library.find(lesson.id)) cross.push_back(duplicate_id(lesson, first->file));
      else if (auto [f, inserted] = first_outside.emplace(lesson.id, e.file); !inserted) cross.push_back(duplicate_id(lesson, f->second));
      auto missing = unknown_prerequisites(lesson, known);
      cross.insert(cross.end(), missing.begin(), missing.end());
    }
    report.problems.insert(report.problems.end(), cross.begin(), cross.end());
    for (const Step& step : lesson.steps)
      if (!step.cpp.file.empty() && !is_bundle_path(e.folder.path))
        if (auto p = resolve_lesson_file(e.file, step.cpp.file)) add_input(*p);
    report.steps += static_cast<int>(lesson.steps.size());
    auto d = check_lesson(lesson);
    report.problems.insert(report.problems.end(), d.begin(), d.end());
  }
  return report;
}

CheckReport check_paths(const std::vector<fs::path>& paths) { return check_paths(paths, lesson_folders()); }

}  // namespace loopscope::lesson
