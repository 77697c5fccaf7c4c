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

std::vector<std::string> python_lines(const StepRef& s) {
  std::string cmd = "/usr/bin/python3 " + lesson_tests::quote((source_dir / "tests/lessons/run_listing.py").string()) +
                    " " + lesson_tests::quote(s.file.string()) + " " + std::to_string(s.number);
  lesson_tests::CommandResult r = lesson_tests::run_command(cmd);
  return lesson_tests::split_lines(r.out);
}

class PythonListing : public ::testing::TestWithParam<StepRef> {};

TEST_P(PythonListing, PrintsTheStepsExpectedOutput) {
  const StepRef& s = GetParam();
  std::vector<std::string> expected = lesson_tests::expected_texts(s.step);
  ASSERT_FALSE(expected.empty()) << "the step has no expect.output";
  EXPECT_EQ(python_lines(s), expected);
}

TEST_P(PythonListing, PrintsTheSameLinesAsTheEngine) {
  const StepRef& s = GetParam();
  std::string cmd = lesson_tests::quote(LOOPSCOPE_BINARY) + " run " + lesson_tests::quote(s.file.string()) +
                    " --step " + std::to_string(s.number) + " --json";
  lesson_tests::CommandResult engine = lesson_tests::run_command(cmd);
  ASSERT_EQ(engine.exit_code, 0) << cmd << "\n" << engine.out;
  nlohmann::json j = nlohmann::json::parse(engine.out, nullptr, false);
  ASSERT_TRUE(j.is_object() && j.contains("output")) << engine.out;
  std::vector<std::string> engine_lines;
  for (const auto& line : j["output"]) engine_lines.push_back(line.value("text", std::string()));
  ASSERT_FALSE(engine_lines.empty());
  EXPECT_EQ(python_lines(s), engine_lines);
}

INSTANTIATE_TEST_SUITE_P(Lessons, PythonListing,
                         ::testing::ValuesIn(lesson_tests::all_steps(source_dir / "lessons")),
                         [](const ::testing::TestParamInfo<StepRef>& info) { return lesson_tests::test_name(info.param); });

}  // namespace
