// The course's shape: five lessons, each with at least four steps that have narration, a Python
// listing (the program: no hand-written `program` tree and no line tags), a C++ listing and an
// expect block; a quiz with an explanation in every lesson; params in at least three lessons; and
// `loopscope check` passes on all of them.
#include "lesson_steps.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

const std::filesystem::path source_dir = LOOPSCOPE_SOURCE_DIR;

TEST(LessonContent, EveryLessonHasAtLeastFourCompleteSteps) {
  for (const std::string& id : lesson_tests::lesson_ids()) {
    SCOPED_TRACE(id);
    nlohmann::json lesson = lesson_tests::read_lesson(source_dir / "lessons" / (id + ".json"));
    ASSERT_TRUE(lesson.is_object()) << "missing or malformed";
    EXPECT_EQ(lesson.value("id", std::string()), id);
    ASSERT_GE(lesson["steps"].size(), 4u);
    int n = 0;
    for (const auto& step : lesson["steps"]) {
      SCOPED_TRACE("step " + std::to_string(++n));
      EXPECT_FALSE(step["text"].empty());
      EXPECT_TRUE(step["code"].contains("python"));
      // An exercise's C++ tab would show the engine version of the starting code only; the
      // learner works in Python there, so exercise steps may go without one.
      if (!step.contains("exercise") || step["code"].contains("cpp")) {
        ASSERT_TRUE(step["code"].contains("cpp"));
        std::string file = step["code"]["cpp"].value("file", std::string());
        EXPECT_TRUE(std::filesystem::exists(source_dir / file)) << file;
      }
      EXPECT_FALSE(step.contains("program")) << "the Python listing is the program";
      EXPECT_FALSE(lesson_tests::expected_texts(step).empty());
      EXPECT_TRUE(step["expect"].contains("duration"));
    }
  }
}

TEST(LessonContent, EveryLessonHasAQuizWithAnExplanation) {
  for (const std::string& id : lesson_tests::lesson_ids()) {
    nlohmann::json lesson = lesson_tests::read_lesson(source_dir / "lessons" / (id + ".json"));
    bool found = false;
    for (const auto& step : lesson["steps"]) {
      if (step.contains("quiz") && !step["quiz"].value("explanation", std::string()).empty()) found = true;
    }
    EXPECT_TRUE(found) << id;
  }
}

TEST(LessonContent, AtLeastThreeLessonsHaveParams) {
  int with_params = 0;
  for (const std::string& id : lesson_tests::lesson_ids()) {
    nlohmann::json lesson = lesson_tests::read_lesson(source_dir / "lessons" / (id + ".json"));
    for (const auto& step : lesson["steps"]) {
      if (step.contains("params") && !step["params"].empty()) {
        ++with_params;
        break;
      }
    }
  }
  EXPECT_GE(with_params, 3);
}

TEST(LessonCheck, LoopscopeCheckPassesForEveryLesson) {
  std::string cmd = lesson_tests::quote(LOOPSCOPE_BINARY) + " check";
  for (const std::string& id : lesson_tests::lesson_ids()) {
    cmd += " " + lesson_tests::quote((source_dir / "lessons" / (id + ".json")).string());
  }
  lesson_tests::CommandResult r = lesson_tests::run_command(cmd + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

}  // namespace
