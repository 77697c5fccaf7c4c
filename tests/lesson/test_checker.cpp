// The checker compares runs with `expect`, proves exercises (the solution meets the goal, the
// starting code does not), and every shipped lesson passes it.
#include "lesson/checker.hpp"
#include "lesson_fixture.hpp"

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

namespace {
std::vector<std::string> problems_of(const std::string& python, const std::string& expect) {
  return problems_in(lesson_text(python, "[]", ", \"expect\": " + expect));
}
const std::string two_lines = main_only("    print('a')\n    await asyncio.sleep(2)\n    print('b')");

// A step whose listing runs three 1-second jobs one after another, with an exercise.
std::string exercise_lesson(const std::string& check, const std::string& solution) {
  const std::string start = main_only("    for i in range(3):\n        await asyncio.sleep(1)\n    print('done')");
  return lesson_text(start, "[]", R"json(, "expect": {"output": ["done"], "duration": 3},
      "exercise": {"goal": "Make it quick.", "check": )json" + check + R"json(, "solution": )json" + lines_json(solution) + "}");
}
const std::string concurrent =
    main_only("    await asyncio.gather(*(asyncio.sleep(1) for i in range(3)))\n    print('done')");
}  // namespace

TEST(Checker, AMatchingRunHasNoProblems) {
  EXPECT_TRUE(problems_of(two_lines, R"json({"output": ["a", {"text": "b", "t": 2, "task": "Task-1"}], "duration": 2})json").empty());
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
            (Strings{"step 1: output line 1 \"a\": expected from task \"job\", printed by \"Task-1\" (at /steps/0/expect/output/0)"}));
  EXPECT_EQ(problems_of(two_lines, R"json({"duration": 6})json"),
            (Strings{"step 1: expected a duration of 6.0 s, the run took 2.0 s (at /steps/0/expect/duration)"}));
}

TEST(Checker, ChecksExpectedFailuresAndPointsAtTheListingLine) {
  const std::string failing = main_only("    raise ValueError('no')");
  EXPECT_TRUE(problems_of(failing, R"json({"error": "ValueError: no"})json").empty());
  EXPECT_EQ(problems_of(failing, R"json({})json"), (Strings{"step 1: the program failed: ValueError: no (at /steps/0/code/python/4)"}));
  EXPECT_EQ(problems_of(two_lines, R"json({"error": "ValueError: no"})json"),
            (Strings{"step 1: expected the run to fail with \"ValueError: no\", but it succeeded (at /steps/0/expect/error)"}));
}

TEST(Checker, AnExerciseWhoseSolutionMeetsTheGoalAndWhoseStartDoesNotPasses) {
  EXPECT_TRUE(problems_in(exercise_lesson(R"json({"max_duration": 1.5, "output": ["done"], "uses": ["asyncio.gather"]})json", concurrent))
                  .empty());
}

TEST(Checker, ASolutionThatMissesTheGoalIsReportedAtTheSolution) {
  const std::string slow = main_only("    await asyncio.sleep(2)\n    print('done')");
  EXPECT_EQ(problems_in(exercise_lesson(R"json({"max_duration": 1.5, "output": ["done"]})json", slow)),
            (Strings{"step 1: exercise: the solution does not meet the goal: finishes within 1.5 s (took 2 s) (at /steps/0/exercise/solution)"}));
  const std::string failing = main_only("    raise ValueError('oops')");
  const auto p = problems_in(exercise_lesson(R"json({"max_duration": 1.5})json", failing));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("the solution does not meet the goal"), std::string::npos) << p[0];
  EXPECT_NE(p[0].find("(at /steps/0/exercise/solution)"), std::string::npos) << p[0];
}

TEST(Checker, AStartingListingThatAlreadyMeetsTheGoalIsReportedAtTheExercise) {
  EXPECT_EQ(problems_in(exercise_lesson(R"json({"output": ["done"]})json", concurrent)),
            (Strings{"step 1: exercise: the starting code already meets the goal (the learner has nothing to do) (at /steps/0/exercise)"}));
}

TEST(Checker, ExerciseProblemsAreAtTheExercisesPositionInTheFile) {
  LoadResult r = load_lesson_text(exercise_lesson(R"json({"output": ["done"]})json", concurrent), "x.json");
  ASSERT_TRUE(r.lesson);
  const auto d = check_lesson(*r.lesson);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].file, "x.json");
  EXPECT_EQ(d[0].line, r.lesson->steps[0].exercise->pos.line);
  EXPECT_EQ(d[0].col, r.lesson->steps[0].exercise->pos.col);
  EXPECT_GT(d[0].line, 0);
}

TEST(Checker, EveryShippedLessonPassesCheck) {
  const auto report = check_paths({std::filesystem::path(LOOPSCOPE_SOURCE_DIR) / "lessons"});
  std::string all;
  for (const auto& d : report.problems) all += d.to_string() + "\n";
  EXPECT_TRUE(report.problems.empty()) << all;
  EXPECT_GE(report.lessons, 1);
}
