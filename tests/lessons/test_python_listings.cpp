// Every step's Python listing is real asyncio code: run_listing.py runs it under Debian's
// /usr/bin/python3 in virtual time, and it must print the same lines, in the same order, as
// Loopscope's engine prints for that step (`loopscope run LESSON --step N --json`), which in
// turn must be the step's expected output.
#include "lesson_steps.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

using lesson_tests::StepRef;

const std::filesystem::path source_dir = LOOPSCOPE_SOURCE_DIR;

// What the listing prints under CPython (params: extra `--set NAME=VALUE` arguments).
std::vector<std::string> python_lines(const StepRef& s, const std::string& params = {}) {
  std::string cmd = "/usr/bin/python3 " + lesson_tests::quote((source_dir / "tests/lessons/run_listing.py").string()) +
                    " " + lesson_tests::quote(s.file.string()) + " " + std::to_string(s.number) + params;
  lesson_tests::CommandResult r = lesson_tests::run_command(cmd);
  return lesson_tests::split_lines(r.out);
}

// What `loopscope run --json` prints for the step; fails the test if the run fails.
void engine_lines(const StepRef& s, const std::string& params, std::vector<std::string>& out) {
  std::string cmd = lesson_tests::quote(LOOPSCOPE_BINARY) + " run " + lesson_tests::quote(s.file.string()) +
                    " --step " + std::to_string(s.number) + " --json" + params;
  lesson_tests::CommandResult engine = lesson_tests::run_command(cmd);
  ASSERT_EQ(engine.exit_code, 0) << cmd << "\n" << engine.out;
  nlohmann::json j = nlohmann::json::parse(engine.out, nullptr, false);
  ASSERT_TRUE(j.is_object() && j.contains("output")) << engine.out;
  for (const auto& line : j["output"]) out.push_back(line.value("text", std::string()));
  ASSERT_FALSE(out.empty()) << cmd;
}

class PythonListing : public ::testing::TestWithParam<StepRef> {};

// One CPython run per step, compared with both (CPython's start-up is most of the test's time).
TEST_P(PythonListing, PrintsTheSameLinesAsTheEngineAndTheStepsExpectedOutput) {
  const StepRef& s = GetParam();
  std::vector<std::string> expected = lesson_tests::expected_texts(s.step);
  ASSERT_FALSE(expected.empty()) << "the step has no expect.output";
  std::vector<std::string> engine;
  ASSERT_NO_FATAL_FAILURE(engine_lines(s, "", engine));
  std::vector<std::string> python = python_lines(s);
  EXPECT_EQ(python, engine) << "CPython vs loopscope run";
  EXPECT_EQ(python, expected) << "CPython vs the step's expect.output";
}

// The sliders change the Python listing's constants and the engine's params alike.
TEST_P(PythonListing, PrintsTheSameLinesAsTheEngineWithItsParamsChanged) {
  const StepRef& s = GetParam();
  std::string params = lesson_tests::changed_params(s.step);
  if (params.empty()) GTEST_SKIP() << "the step has no params";
  std::vector<std::string> engine;
  ASSERT_NO_FATAL_FAILURE(engine_lines(s, params, engine));
  std::vector<std::string> python = python_lines(s, params);
  EXPECT_EQ(python, engine) << "with" << params;
  EXPECT_NE(python, lesson_tests::expected_texts(s.step)) << "changing" << params << " should change the output";
}

INSTANTIATE_TEST_SUITE_P(Lessons, PythonListing,
                         ::testing::ValuesIn(lesson_tests::all_steps(source_dir / "lessons")),
                         [](const ::testing::TestParamInfo<StepRef>& info) { return lesson_tests::test_name(info.param); });

}  // namespace
