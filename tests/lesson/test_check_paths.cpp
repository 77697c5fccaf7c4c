// `check` over files and folders: prerequisites resolved across the folder stack, every step
// run whatever else is wrong, problems at the member at fault, one error for one missing file.
#include "folder_fixture.hpp"
#include "lesson/checker.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;
namespace fs = std::filesystem;

namespace {
const fs::path shipped = fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons";

// How many lessons ship (every *.json of lessons/ but the schema).
int shipped_lessons() {
  int n = 0;
  for (const auto& e : fs::directory_iterator(shipped))
    if (e.path().extension() == ".json" && e.path().filename() != "lesson.schema.json") ++n;
  return n;
}
const std::vector<LessonFolder> stack = {{shipped, Origin::shipped}};

std::vector<std::string> lines(const CheckReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.problems) out.push_back(d.to_string());
  return out;
}
}  // namespace

TEST(CheckPaths, AFolderOutsideTheStackCanNameAShippedLessonAsAPrerequisite) {
  const fs::path mine = scratch("check-folder");
  save(mine / "a.json", small_lesson("a", "\"tasks\""));
  save(mine / "b.json", small_lesson("b", "\"a\", \"coroutines\""));
  const CheckReport r = check_paths({mine}, stack);
  EXPECT_TRUE(r.problems.empty()) << lines(r).front();
  EXPECT_EQ(r.lessons, 2);
  EXPECT_EQ(r.steps, 2);
}

TEST(CheckPaths, AFileCheckedAloneHasItsPrerequisitesChecked) {
  const fs::path mine = scratch("check-file");
  save(mine / "a.json", small_lesson("a", "\"tasks\", \"nope\""));
  const CheckReport r = check_paths({mine / "a.json"}, stack);
  EXPECT_EQ(lines(r), std::vector<std::string>{(mine / "a.json").string() +
                                               ":6:30: unknown prerequisite 'nope' (no lesson folder defines it) (at /prerequisites/1)"});
}

TEST(CheckPaths, AnUnknownPrerequisiteDoesNotStopTheStepsFromRunning) {
  const fs::path mine = scratch("check-runs");
  save(mine / "a.json", small_lesson("a", "\"nope\"", R"({"output": ["hi"], "duration": 5})"));
  const CheckReport r = check_paths({mine}, stack);
  EXPECT_EQ(r.steps, 1);
  ASSERT_EQ(r.problems.size(), 2u) << lines(r).front();
  EXPECT_NE(r.problems[1].message.find("expected a duration of 5.0 s, the run took 1.0 s"), std::string::npos);
}

TEST(CheckPaths, AWrongDurationIsReportedAtTheDurationMember) {
  const fs::path mine = scratch("check-duration");
  save(mine / "a.json", small_lesson("a", "", "{\n      \"output\": [\"hi\"],\n      \"duration\": 3\n    }"));
  const CheckReport r = check_paths({mine / "a.json"}, stack);
  EXPECT_EQ(lines(r), std::vector<std::string>{(mine / "a.json").string() +
                                               ":17:7: step 1: expected a duration of 3.0 s, the run took 1.0 s (at /steps/0/expect/duration)"});
}

TEST(CheckPaths, MissingAndExtraOutputLinesAreReportedAtTheOutputMember) {
  const fs::path mine = scratch("check-output");
  save(mine / "a.json", small_lesson("a", "", "{\n      \"output\": [\"hi\", \"more\"]\n    }"));
  const CheckReport r = check_paths({mine / "a.json"}, stack);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 16);
  EXPECT_EQ(r.problems[0].col, 7);
  EXPECT_EQ(r.problems[0].pointer, "/steps/0/expect/output");
}

TEST(CheckPaths, AMissingCppFileIsOneError) {
  const fs::path mine = scratch("check-cpp");
  save(mine / "a.json", small_lesson("a", "", R"({"output": ["hi"]})", R"({"file": "examples/not-there.cpp"})"));
  const CheckReport r = check_paths({mine / "a.json"}, stack);
  EXPECT_EQ(lines(r), std::vector<std::string>{(mine / "a.json").string() +
                                               ":14:47: C++ listing file 'examples/not-there.cpp' not found (at /steps/0/code/cpp/file)"});
}

TEST(CheckPaths, ACppFileIsFoundNextToTheLessonOrInItsParentFolder) {
  const fs::path mine = scratch("check-cpp-found");
  save(mine / "examples" / "a.cpp", "int main() {\n  return 0;\n}\n");
  save(mine / "lessons" / "a.json", small_lesson("a", "", R"({"output": ["hi"]})", R"({"file": "examples/a.cpp"})"));
  save(mine / "b.json", small_lesson("b", "", R"({"output": ["hi"]})", R"({"file": "examples/a.cpp"})"));
  const CheckReport r = check_paths({mine / "lessons", mine / "b.json"}, stack);
  EXPECT_TRUE(r.problems.empty()) << lines(r).front();
  EXPECT_NE(std::find(r.inputs.begin(), r.inputs.end(), mine / "examples" / "a.cpp"), r.inputs.end());
}

TEST(CheckPaths, ALessonOutsideTheStackWithAShippedIdIsADuplicate) {
  const fs::path mine = scratch("check-dup");
  save(mine / "tasks.json", small_lesson("tasks"));
  const CheckReport r = check_paths({mine}, stack);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].pointer, "/id");
  EXPECT_EQ(r.problems[0].line, 2);
  EXPECT_NE(r.problems[0].message.find("duplicate lesson id 'tasks'"), std::string::npos);
}

TEST(CheckPaths, CheckingAFolderOfTheStackDoesNotReportItsLessonsAsDuplicatesOfThemselves) {
  const CheckReport r = check_paths({shipped, shipped / "tasks.json"}, stack);
  EXPECT_TRUE(r.problems.empty()) << lines(r).front();
  EXPECT_EQ(r.lessons, shipped_lessons());
}

TEST(CheckPaths, NoPathsChecksEveryFolderOfTheStack) {
  const fs::path mine = scratch("check-stack");
  save(mine / "a.json", small_lesson("a", "\"tasks\""));
  const CheckReport r = check_paths({}, {{shipped, Origin::shipped}, {mine, Origin::added}});
  EXPECT_TRUE(r.problems.empty()) << lines(r).front();
  EXPECT_EQ(r.lessons, shipped_lessons() + 1);
}

TEST(CheckPaths, AStepWithLoadErrorsDoesNotStopTheOtherStepsFromRunning) {
  const fs::path mine = scratch("check-other-steps");
  std::string text = small_lesson("a", "", R"({"output": ["hi"], "duration": 7})");
  // A second step whose listing does not parse, after the first.
  const std::string second = R"(, {"title": "Two", "text": "t", "code": {"python": ["x = ("]}}])";
  text.replace(text.rfind("]"), 1, second);
  save(mine / "a.json", text);
  const CheckReport r = check_paths({mine / "a.json"}, stack);
  EXPECT_EQ(r.steps, 1);
  ASSERT_EQ(r.problems.size(), 2u) << lines(r).front();
  EXPECT_NE(r.problems[0].message.find("Python listing line 1: SyntaxError"), std::string::npos) << lines(r)[0];
  EXPECT_EQ(r.problems[1].message, "step 1: expected a duration of 7.0 s, the run took 1.0 s");
}

TEST(CheckPaths, AStepIsNamedByItsPlaceInTheFileWhenAnEarlierStepHasErrors) {
  const fs::path mine = scratch("check-step-number");
  std::string text = small_lesson("a", "", R"({"output": ["hi"], "duration": 7})");
  const std::string first = R"("steps": [{"title": "Zero", "text": "t", "code": {"python": ["x = ("]}}, )";
  text.replace(text.find("\"steps\": ["), 10, first);
  save(mine / "a.json", text);
  const CheckReport r = check_paths({mine / "a.json"}, stack);
  ASSERT_EQ(r.problems.size(), 2u) << lines(r).front();
  EXPECT_EQ(r.problems[1].message, "step 2: expected a duration of 7.0 s, the run took 1.0 s");
  EXPECT_EQ(r.problems[1].pointer, "/steps/1/expect/duration");
}
