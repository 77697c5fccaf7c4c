#pragma once
// lesson_fixture.hpp — builds one-step lessons from a program written inline, and runs them.
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace loopscope::lesson::testing {

// A lesson whose only step has `program` (JSON text of the program object), a 60-line Python
// listing and a 60-line C++ listing (so any line tag up to 60 is valid), and `params`.
inline std::string lesson_text(const std::string& program, const std::string& params = "[]",
                               const std::string& extra = "") {
  std::string lines = "[";
  for (int i = 1; i <= 60; ++i) lines += (i > 1 ? ", \"" : "\"") + std::string("line ") + std::to_string(i) + "\"";
  lines += "]";
  return R"json({"id": "t", "title": "T", "summary": "", "order": 0, "steps": [{"title": "s", "text": "t",
    "code": {"python": )json" + lines + R"json(, "cpp": )json" + lines + R"json(},
    "params": )json" + params + extra + R"json(, "program": )json" + program + "}]}";
}

inline Lesson make_lesson(const std::string& program, const std::string& params = "[]", const std::string& extra = "") {
  LoadResult r = load_lesson_text(lesson_text(program, params, extra), "test.json");
  std::string errors;
  for (const auto& d : r.errors) errors += d.to_string() + "\n";
  EXPECT_TRUE(r.lesson.has_value()) << errors;
  return r.lesson ? *r.lesson : Lesson{};
}

// Runs the program to the end on the virtual clock and returns the result.
inline RunResult run_program(const std::string& program, const std::map<std::string, double>& set = {},
                             const std::string& params = "[]") {
  Lesson l = make_lesson(program, params);
  if (l.steps.empty()) return RunResult{};
  StepRun run(l, 0, set);
  run.run_to_end();
  return run.result();
}

// A program with only `main`, whose body is `body` (a JSON array), plus extra coroutines.
inline std::string main_only(const std::string& body, const std::string& more = "", const std::string& program_extra = "") {
  return R"json({)json" + program_extra + R"json("coroutines": {"main": {"body": )json" + body + "}" + more + "}}";
}

inline std::vector<std::string> texts(const RunResult& r) {
  std::vector<std::string> out;
  for (const auto& l : r.output) out.push_back(l.text);
  return out;
}

// "t task text" for each line, e.g. "2 job-1 done".
inline std::vector<std::string> timeline(const RunResult& r) {
  std::vector<std::string> out;
  for (const auto& l : r.output) {
    char t[32];
    std::snprintf(t, sizeof t, "%g", l.time);
    out.push_back(std::string(t) + " " + r.task_name(l.task) + " " + l.text);
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace loopscope::lesson::testing
