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
    ASSERT_TRUE(fs::exists(expected)) << "missing " << expected;
    const LoadResult r = load_lesson_text(read(entry.path()), entry.path().filename().string());
    EXPECT_FALSE(r.lesson.has_value()) << entry.path();
    EXPECT_EQ(diagnostics_text(r), read(expected)) << "for " << entry.path().filename();
  }
  EXPECT_GE(count, 40);
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
  EXPECT_EQ(s.python.lines.size(), 12u);
  EXPECT_EQ(s.cpp.lines.size(), 5u);
  ASSERT_EQ(s.params.size(), 1u);
  EXPECT_EQ(s.params[0].name, "jobs");
  EXPECT_EQ(s.params[0].value, 3);
  ASSERT_EQ(s.program.coroutines.size(), 2u);
  const Coroutine* job = s.program.find("job");
  ASSERT_TRUE(job);
  EXPECT_EQ(job->params, std::vector<std::string>{"n"});
  ASSERT_EQ(job->body.size(), 3u);
  EXPECT_EQ(job->body[1].name, "sleep");
  EXPECT_EQ(job->body[1].lines.py, 5);
  EXPECT_EQ(job->body[1].lines.cpp, 3);
  ASSERT_TRUE(s.expect.output);
  EXPECT_EQ(s.expect.output->size(), 6u);
  EXPECT_EQ(*s.expect.duration, 2);
  ASSERT_TRUE(s.quiz);
  EXPECT_EQ(s.quiz->answer, std::vector<int>{0});
  EXPECT_EQ(l.path, (test_dir / "good" / "three-jobs.json").string());
}

TEST(LessonLoader, ACppListingCanNameAnExampleFile) {
  const std::string text = R"json({"id": "x", "title": "X", "summary": "", "order": 0, "steps": [
    {"title": "s", "text": "t", "code": {"python": ["a"], "cpp": {"file": "tests/lesson/good/listing.cpp"}},
     "program": {"coroutines": {"main": {"body": [{"op": "print", "text": "hi", "cpp": 3}]}}}}]})json";
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
           R"json(, "prerequisites": [)json" + pre + R"json(], "steps": [{"title": "s", "text": "t", "code": {"python": "x"},
           "program": {"coroutines": {"main": {"body": []}}}}]})json";
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
