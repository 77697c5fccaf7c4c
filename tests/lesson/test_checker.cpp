// The checker compares runs with `expect`, and every shipped lesson passes it.
#include "lesson/checker.hpp"
#include "lesson_fixture.hpp"

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

namespace {
std::vector<std::string> problems_of(const std::string& program, const std::string& expect) {
  LoadResult r = load_lesson_text(lesson_text(program, "[]", ", \"expect\": " + expect), "x.json");
  EXPECT_TRUE(r.lesson);
  std::vector<std::string> out;
  if (!r.lesson) return out;
  for (const auto& d : check_lesson(*r.lesson)) out.push_back(d.message + " (at " + d.pointer + ")");
  return out;
}
const std::string two_lines = main_only(R"json([{"op": "print", "text": "a"}, {"op": "sleep", "seconds": 2},
    {"op": "print", "text": "b"}])json");
}  // namespace

TEST(Checker, AMatchingRunHasNoProblems) {
  EXPECT_TRUE(problems_of(two_lines, R"json({"output": ["a", {"text": "b", "t": 2, "task": "main"}], "duration": 2})json").empty());
}

TEST(Checker, ReportsTheFirstDifferentLine) {
  EXPECT_EQ(problems_of(two_lines, R"json({"output": ["a", "c"]})json"),
            (Strings{"step 1: output line 2: expected \"c\", got \"b\" (at /steps/0/expect/output/1)"}));
}

TEST(Checker, ReportsMissingAndExtraLinesTimesTasksAndDuration) {
  EXPECT_EQ(problems_of(two_lines, R"json({"output": ["a"]})json"),
            (Strings{"step 1: expected 1 output lines, got 2 (first extra: \"b\") (at /steps/0/expect/output)"}));
  EXPECT_EQ(problems_of(two_lines, R"json({"output": ["a", {"text": "b", "t": 1}]})json"),
            (Strings{"step 1: output line 2 \"b\": expected at 1.0 s, printed at 2.0 s (at /steps/0/expect/output/1)"}));
  EXPECT_EQ(problems_of(two_lines, R"json({"output": [{"text": "a", "task": "job"}, "b"]})json"),
            (Strings{"step 1: output line 1 \"a\": expected from task \"job\", printed by \"main\" (at /steps/0/expect/output/0)"}));
  EXPECT_EQ(problems_of(two_lines, R"json({"duration": 6})json"),
            (Strings{"step 1: expected a duration of 6.0 s, the run took 2.0 s (at /steps/0/expect/duration)"}));
}

TEST(Checker, ChecksExpectedFailures) {
  const std::string failing = main_only(R"json([{"op": "raise", "type": "ValueError", "message": "no"}])json");
  EXPECT_TRUE(problems_of(failing, R"json({"error": "ValueError: no"})json").empty());
  EXPECT_EQ(problems_of(failing, R"json({})json"), (Strings{"step 1: the program failed: ValueError: no (at /steps/0/program/coroutines/main/body/0)"}));
  EXPECT_EQ(problems_of(two_lines, R"json({"error": "ValueError: no"})json"),
            (Strings{"step 1: expected the run to fail with \"ValueError: no\", but it succeeded (at /steps/0/expect/error)"}));
}

TEST(Checker, EveryShippedLessonPassesCheck) {
  const auto report = check_paths({std::filesystem::path(LOOPSCOPE_SOURCE_DIR) / "lessons"});
  std::string all;
  for (const auto& d : report.problems) all += d.to_string() + "\n";
  EXPECT_TRUE(report.problems.empty()) << all;
  EXPECT_GE(report.lessons, 1);
}
