// checker.cpp — validate + run + compare (see checker.hpp).
#include "lesson/checker.hpp"

#include "lesson/value.hpp"

#include <cmath>

namespace loopscope::lesson {

namespace {
std::string quoted(const std::string& s) { return json_quote(s); }

std::string secs(double d) { return float_repr(std::round(d * 1e6) / 1e6) + " s"; }
}  // namespace

std::vector<Diagnostic> compare_with_expect(const Lesson& lesson, std::size_t step_index, const RunResult& run) {
  std::vector<Diagnostic> out;
  const Step& step = lesson.steps[step_index];
  const Expect& ex = step.expect;
  const std::string prefix = "step " + std::to_string(step_index + 1) + ": ";
  auto problem = [&](SourcePos pos, const std::string& pointer, const std::string& msg) {
    out.push_back({lesson.path, pos.line, pos.col, pointer, prefix + msg});
  };
  const std::string ep = step.pointer + "/expect";

  if (run.error) {
    if (!ex.error) problem(run.error_pos, run.error_pointer, "the program failed: " + *run.error);
    else if (*ex.error != *run.error)
      problem(ex.pos, ep + "/error", "expected the run to fail with " + quoted(*ex.error) + ", but it failed with " + quoted(*run.error));
  } else if (ex.error) {
    problem(ex.pos, ep + "/error", "expected the run to fail with " + quoted(*ex.error) + ", but it succeeded");
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
      problem(ex.pos, ep + "/output", msg);
    }
  }
  if (ex.duration && std::fabs(*ex.duration - run.duration) > ex.tolerance)
    problem(ex.pos, ep + "/duration", "expected a duration of " + secs(*ex.duration) + ", the run took " + secs(run.duration));
  if (ex.warnings && *ex.warnings != run.warnings) {
    std::string got;
    for (const auto& w : run.warnings) got += (got.empty() ? "" : ", ") + quoted(w);
    problem(ex.pos, ep + "/warnings", "expected warnings do not match; the run warned: [" + got + "]");
  }
  return out;
}

std::vector<Diagnostic> check_lesson(const Lesson& lesson) {
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    StepRun run(lesson, i, {}, ClockKind::virtual_time);
    run.run_to_end();
    auto d = compare_with_expect(lesson, i, run.result());
    out.insert(out.end(), d.begin(), d.end());
  }
  return out;
}

CheckReport check_paths(const std::vector<std::filesystem::path>& paths) {
  CheckReport report;
  auto take = [&](LoadResult r) {
    ++report.lessons;
    report.problems.insert(report.problems.end(), r.errors.begin(), r.errors.end());
    if (!r.lesson) return;
    report.steps += static_cast<int>(r.lesson->steps.size());
    auto d = check_lesson(*r.lesson);
    report.problems.insert(report.problems.end(), d.begin(), d.end());
  };
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      for (auto& r : load_all_lessons(p)) take(std::move(r));
    } else {
      take(load_lesson_file(p));
    }
  }
  return report;
}

}  // namespace loopscope::lesson
