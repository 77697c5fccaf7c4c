#pragma once
// lesson_fixture.hpp — builds one-step lessons from a Python listing written inline, and runs them.
#include "lesson/checker.hpp"
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace loopscope::lesson::testing {

// The JSON array of the lines of `source` (Python text, lines separated by '\n').
inline std::string lines_json(const std::string& source) {
  nlohmann::json a = nlohmann::json::array();
  std::string cur;
  for (char c : source) {
    if (c == '\n') {
      a.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) a.push_back(cur);
  return a.dump();
}

// A lesson whose only step has `python` (the listing: Python source text) as an array of lines,
// `params`, and `extra` (more step members, written as `, "name": value`).
inline std::string lesson_text(const std::string& python, const std::string& params = "[]", const std::string& extra = "") {
  return R"json({"id": "t", "title": "T", "summary": "", "order": 0, "steps": [{"title": "s", "text": "t",
    "code": {"python": )json" + lines_json(python) + R"json(},
    "params": )json" + params + extra + "}]}";
}

inline Lesson make_lesson(const std::string& python, const std::string& params = "[]", const std::string& extra = "") {
  LoadResult r = load_lesson_text(lesson_text(python, params, extra), "test.json");
  std::string errors;
  for (const auto& d : r.errors) errors += d.to_string() + "\n";
  EXPECT_TRUE(r.lesson.has_value()) << errors;
  return r.lesson ? *r.lesson : Lesson{};
}

// Runs the listing to the end on the virtual clock and returns the result.
inline RunResult run_program(const std::string& python, const std::map<std::string, double>& set = {},
                             const std::string& params = "[]", const std::string& extra = "") {
  Lesson l = make_lesson(python, params, extra);
  if (l.steps.empty()) return RunResult{};
  StepRun run(l, 0, set);
  run.run_to_end();
  return run.result();
}

// `import asyncio`, `async def main():` with `body` (lines already indented by 4), then
// `asyncio.run(main())`; `before` goes between the import and main.
inline std::string main_only(const std::string& body, const std::string& before = "") {
  return "import asyncio\nimport time\n" + before + "\nasync def main():\n" + body + "\nasyncio.run(main())\n";
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

// What `check` says of the lesson JSON `text`, one "message (at pointer)" per problem; the
// lesson must load.
inline std::vector<std::string> problems_in(const std::string& text) {
  LoadResult r = load_lesson_text(text, "x.json");
  std::string errors;
  for (const auto& d : r.errors) errors += d.to_string() + "\n";
  EXPECT_TRUE(r.lesson) << errors;
  std::vector<std::string> out;
  if (!r.lesson) return out;
  for (const auto& d : check_lesson(*r.lesson)) out.push_back(d.message + " (at " + d.pointer + ")");
  return out;
}

}  // namespace loopscope::lesson::testing
