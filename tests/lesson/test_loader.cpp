// The loader: every malformed lesson in bad/ gives exactly the diagnostics in its .expected
// file; good lessons load; lookup and directory loading.
#include "lesson/loader.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace loopscope::lesson;
namespace fs = std::filesystem;

namespace {
const fs::path test_dir = LESSON_TEST_DIR;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string diagnostics_text(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.errors) out += d.to_string() + "\n";
  return out;
}
}  // namespace

TEST(LessonLoader, EveryMalformedLessonGivesExactlyItsExpectedDiagnostics) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(test_dir / "bad")) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    const fs::path expected = fs::path(entry.path()).replace_extension(".expected");
    const LoadResult r = load_lesson_text(read(entry.path()), entry.path().filename().string());
    // LOOPSCOPE_REGENERATE_EXPECTED=1: rewrite the .expected files (then review their diff).
    if (std::getenv("LOOPSCOPE_REGENERATE_EXPECTED")) std::ofstream(expected, std::ios::binary) << diagnostics_text(r);
    ASSERT_TRUE(fs::exists(expected)) << "missing " << expected;
    EXPECT_FALSE(r.lesson.has_value()) << entry.path();
    EXPECT_EQ(diagnostics_text(r), read(expected)) << "for " << entry.path().filename();
  }
  EXPECT_GE(count, 40);
}

TEST(LessonLoader, AStepsServerLoadsItsRoutes) {
  const std::string text = R"json({"id": "x", "title": "X", "summary": "", "order": 0, "steps": [
    {"title": "s", "text": "t", "code": {"python": ["pass"]},
     "server": {"routes": [{"path": "/a", "latency": 0.5, "body": "A"}, {"path": "/b", "latency": "slow", "status": 404}]},
     "params": [{"name": "slow", "min": 0, "max": 3, "default": 1}]}]})json";
  const LoadResult r = load_lesson_text(text, "x.json");
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  const auto& server = r.lesson->steps[0].server;
  ASSERT_TRUE(server);
  ASSERT_EQ(server->routes.size(), 2u);
  EXPECT_EQ(server->routes[0].path, "/a");
  EXPECT_EQ(server->routes[0].latency, 0.5);
  EXPECT_EQ(server->routes[0].status, 200);
  EXPECT_EQ(server->routes[0].body, "A");
  EXPECT_EQ(server->routes[1].latency_param, "slow");
  EXPECT_EQ(server->routes[1].status, 404);
  EXPECT_EQ(server->routes[1].body, "");
}

TEST(LessonLoader, APythonFileLoadsAsAOneStepLesson) {
  const LoadResult r = load_python_program("import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n", "dir/My_Prog.py");
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  const Lesson& l = *r.lesson;
  EXPECT_EQ(l.id, "my-prog");
  EXPECT_EQ(l.title, "My_Prog.py");
  EXPECT_EQ(l.path, "dir/My_Prog.py");
  ASSERT_EQ(l.steps.size(), 1u);
  EXPECT_EQ(l.steps[0].python.lines.size(), 6u);
  EXPECT_EQ(l.steps[0].python.lines[3], "    print('hi')");
  EXPECT_FALSE(l.steps[0].expect.output);
  EXPECT_FALSE(l.steps[0].expect.duration);
}

TEST(LessonLoader, APythonFilesDocstringIsItsNarrationCleanedAsInspectCleandocDoes) {
  const LoadResult r = load_python_program(
      "\"\"\"  Two **waits** at once.\n\n    Look at: the timeline.\n      indented more\n\"\"\"\nimport asyncio\n", "p.py");
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  EXPECT_EQ(r.lesson->steps[0].text, "Two **waits** at once.\n\nLook at: the timeline.\n  indented more");
  const LoadResult plain = load_python_program("import asyncio\n", "plain.py");
  ASSERT_TRUE(plain.lesson);
  EXPECT_NE(plain.lesson->steps[0].text.find("`plain.py`"), std::string::npos);
  EXPECT_NE(plain.lesson->steps[0].text.find("Save"), std::string::npos);
}

TEST(LessonLoader, APythonFileWithASyntaxErrorIsALoadErrorAtItsLineAndColumn) {
  const LoadResult r = load_python_program("import asyncio\n\nasync def main(:\n    pass\n", "p.py");
  EXPECT_FALSE(r.lesson);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "p.py");
  EXPECT_EQ(r.errors[0].line, 3);
  EXPECT_GE(r.errors[0].col, 15);
  EXPECT_NE(r.errors[0].message.find("SyntaxError"), std::string::npos) << r.errors[0].message;
}

TEST(LessonLoader, LoadLessonFileReadsAPyPathAsAProgram) {
  const fs::path dir = fs::temp_directory_path() / "loopscope-test-py-lesson";
  fs::create_directories(dir);
  std::ofstream(dir / "hello.py") << "print('hello')\n";
  const LoadResult r = load_lesson_file(dir / "hello.py");
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  EXPECT_EQ(r.lesson->id, "hello");
  EXPECT_EQ(r.lesson->steps[0].python.lines, std::vector<std::string>{"print('hello')"});
  fs::remove_all(dir);
}

TEST(LessonLoader, AFileWithSeveralProblemsReportsAllOfThem) {
  const LoadResult r = load_lesson_file(test_dir / "bad" / "many-problems.json");
  EXPECT_EQ(r.errors.size(), 4u);
}

TEST(LessonLoader, LoadsAGoodLessonIntoTheModel) {
  const LoadResult r = load_lesson_file(test_dir / "good" / "three-jobs.json");
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  const Lesson& l = *r.lesson;
  EXPECT_EQ(l.id, "three-jobs");
  EXPECT_EQ(l.order, 1);
  ASSERT_EQ(l.steps.size(), 1u);
  const Step& s = l.steps[0];
  EXPECT_EQ(s.text, "Three jobs, **concurrently**.\n\nThey finish together.");
  EXPECT_EQ(s.python.lines.size(), 14u);
  ASSERT_EQ(s.python.line_pos.size(), 14u);
  EXPECT_TRUE(s.python.exact_pos);
  EXPECT_EQ(s.python.line_pos[0].line, 14);  // "import asyncio", just past its opening quote
  EXPECT_EQ(s.python.line_pos[0].col, 12);
  EXPECT_EQ(s.cpp.lines.size(), 5u);
  ASSERT_EQ(s.params.size(), 1u);
  EXPECT_EQ(s.params[0].name, "jobs");
  EXPECT_EQ(s.params[0].value, 3);
  EXPECT_FALSE(s.server);
  ASSERT_TRUE(s.expect.output);
  EXPECT_EQ(s.expect.output->size(), 6u);
  EXPECT_EQ(*s.expect.duration, 2);
  ASSERT_TRUE(s.quiz);
  EXPECT_EQ(s.quiz->answer, std::vector<int>{0});
  EXPECT_EQ(l.path, (test_dir / "good" / "three-jobs.json").string());
}

TEST(LessonLoader, ACppListingCanNameAnExampleFile) {
  const std::string text = R"json({"id": "x", "title": "X", "summary": "", "order": 0, "steps": [
    {"title": "s", "text": "t", "code": {"python": ["a"], "cpp": {"file": "tests/lesson/good/listing.cpp"}}}]})json";
  const LoadResult r = load_lesson_text(text, (fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons" / "x.json").string());
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  EXPECT_EQ(r.lesson->steps[0].cpp.file, "tests/lesson/good/listing.cpp");
  EXPECT_EQ(r.lesson->steps[0].cpp.lines.size(), 4u);
  EXPECT_EQ(r.lesson->steps[0].cpp.lines[0], "// A listing file for the loader test.");
}

TEST(LessonLoader, SuggestsTheClosestNameOnlyWhenItIsClose) {
  EXPECT_EQ(closest_match("slep", {"sleep", "print"}), "sleep");
  EXPECT_EQ(closest_match("jbos", {"jobs", "abs"}), "jobs");
  EXPECT_EQ(closest_match("xyz", {"sleep", "print"}), std::nullopt);
  EXPECT_EQ(closest_match("sleep", {"sleep"}), std::nullopt);  // identical: nothing to suggest
}

TEST(LessonLoader, FindsALessonByIdInTheLessonsDirectoryFromTheEnvironment) {
  ::setenv("LOOPSCOPE_LESSONS_DIR", (test_dir / "good").c_str(), 1);
  auto p = find_lesson("three-jobs");
  ::unsetenv("LOOPSCOPE_LESSONS_DIR");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->filename(), "three-jobs.json");
  EXPECT_FALSE(find_lesson("no-such-lesson-anywhere"));
  auto by_path = find_lesson((test_dir / "good" / "three-jobs.json").string());
  ASSERT_TRUE(by_path);
}

TEST(LessonLoader, LoadsADirectorySortedByOrderWithBrokenLessonsLast) {
  const fs::path dir = fs::temp_directory_path() / "loopscope-test-load-all";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto lesson = [](const std::string& id, int order, const std::string& pre) {
    return R"json({"id": ")json" + id + R"json(", "title": "T", "summary": "", "order": )json" + std::to_string(order) +
           R"json(, "prerequisites": [)json" + pre + R"json(], "steps": [{"title": "s", "text": "t", "code": {"python": "x"}}]})json";
  };
  std::ofstream(dir / "b.json") << lesson("b", 1, "");
  std::ofstream(dir / "a.json") << lesson("a", 2, "\"b\"");
  std::ofstream(dir / "c.json") << lesson("c", 0, "\"bb\"");
  std::ofstream(dir / "broken.json") << "{";
  std::ofstream(dir / "lesson.schema.json") << "{}";
  auto all = load_all_lessons(dir);
  ASSERT_EQ(all.size(), 4u);
  ASSERT_TRUE(all[0].lesson);
  EXPECT_EQ(all[0].lesson->id, "b");
  ASSERT_TRUE(all[1].lesson);
  EXPECT_EQ(all[1].lesson->id, "a");
  EXPECT_FALSE(all[2].lesson);
  EXPECT_FALSE(all[3].lesson);
  std::string errors;
  for (const auto& r : all) errors += diagnostics_text(r);
  EXPECT_NE(errors.find("unknown prerequisite 'bb' (did you mean 'b'?) (at /prerequisites/0)"), std::string::npos) << errors;
  EXPECT_NE(errors.find("broken.json:1:2: unexpected end of file"), std::string::npos) << errors;
  fs::remove_all(dir);
}

TEST(LessonLoader, EveryShippedLessonLoadsWithoutErrors) {
  for (const auto& r : load_all_lessons(fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons"))
    EXPECT_TRUE(r.lesson.has_value()) << diagnostics_text(r);
}

// ---- ghost ----------------------------------------------------------------------------------
namespace {
// A two-step lesson whose second step has `"ghost": <ghost>`, the member on line 4 at column 5
// (its value at column 14).
std::string two_steps_with_ghost(const std::string& ghost) {
  return "{\"id\": \"g\", \"title\": \"G\", \"summary\": \"\", \"order\": 0, \"steps\": [\n"
         "  {\"title\": \"a\", \"text\": \"t\", \"code\": {\"python\": [\"pass\"]}},\n"
         "  {\"title\": \"b\", \"text\": \"t\", \"code\": {\"python\": [\"pass\"]},\n"
         "    \"ghost\": " + ghost + "}]}\n";
}
}  // namespace

TEST(LessonLoader, AGhostNamesAnotherStep) {
  const LoadResult r = load_lesson_text(two_steps_with_ghost("1"), "g.json");
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  EXPECT_EQ(r.lesson->steps[0].ghost, 0);
  EXPECT_EQ(r.lesson->steps[1].ghost, 1);
}

TEST(LessonLoader, AGhostThatIsTheStepItselfIsAnErrorAtItsValue) {
  const LoadResult r = load_lesson_text(two_steps_with_ghost("2"), "g.json");
  EXPECT_FALSE(r.lesson);
  EXPECT_EQ(diagnostics_text(r),
            "g.json:4:14: 'ghost' must name another step, not the step itself (step 2) (at /steps/1/ghost)\n");
}

TEST(LessonLoader, AGhostOutOfRangeIsAnErrorAtItsValue) {
  LoadResult r = load_lesson_text(two_steps_with_ghost("3"), "g.json");
  EXPECT_FALSE(r.lesson);
  EXPECT_EQ(diagnostics_text(r),
            "g.json:4:14: 'ghost' must name another step of the lesson (1 to 2), found 3 (at /steps/1/ghost)\n");
  r = load_lesson_text(two_steps_with_ghost("0"), "g.json");
  EXPECT_EQ(diagnostics_text(r), "g.json:4:14: 'ghost' must be at least 1, found 0 (at /steps/1/ghost)\n");
}

TEST(LessonLoader, AGhostThatIsNotAnIntegerIsAnErrorAtItsValue) {
  LoadResult r = load_lesson_text(two_steps_with_ghost("\"1\""), "g.json");
  EXPECT_FALSE(r.lesson);
  EXPECT_EQ(diagnostics_text(r), "g.json:4:14: 'ghost' must be an integer, found a string (at /steps/1/ghost)\n");
  r = load_lesson_text(two_steps_with_ghost("1.5"), "g.json");
  EXPECT_EQ(diagnostics_text(r), "g.json:4:14: 'ghost' must be an integer, found the number 1.5 (at /steps/1/ghost)\n");
}

TEST(LessonLoader, TheCleanStepsOfABrokenLessonKeepTheirGhostRenumberedOrDropIt) {
  // Step 1 is broken (an unknown member): step 3's ghost, step 2, is now the first clean step;
  // step 4's ghost, step 1, is gone.
  const std::string text = R"json({"id": "g", "title": "G", "summary": "", "order": 0, "steps": [
    {"title": "a", "text": "t", "code": {"python": ["pass"]}, "bogus": 1},
    {"title": "b", "text": "t", "code": {"python": ["pass"]}},
    {"title": "c", "text": "t", "code": {"python": ["pass"]}, "ghost": 2},
    {"title": "d", "text": "t", "code": {"python": ["pass"]}, "ghost": 1}]})json";
  const LoadResult r = load_lesson_text(text, "g.json");
  ASSERT_TRUE(r.clean_steps);
  ASSERT_EQ(r.clean_steps->steps.size(), 3u);
  EXPECT_EQ(r.clean_steps->steps[1].ghost, 1);
  EXPECT_EQ(r.clean_steps->steps[2].ghost, 0);
}

TEST(LessonLoader, SyncVsAsyncsConcurrentStepHasTheSequentialRunAsItsGhost) {
  const LoadResult r = load_lesson_file(fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons/sync-vs-async.json");
  ASSERT_TRUE(r.lesson) << diagnostics_text(r);
  EXPECT_EQ(r.lesson->steps[2].ghost, 1);
}
