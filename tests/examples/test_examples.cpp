// Every step's C++ listing is a program in examples/, compiled with the project: running it
// must print exactly the step's expected output, line by line.
#include "lesson_steps.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

using lesson_tests::StepRef;

const std::filesystem::path source_dir = LOOPSCOPE_SOURCE_DIR;
const std::filesystem::path examples_dir = LOOPSCOPE_EXAMPLES_DIR;

class CppListing : public ::testing::TestWithParam<StepRef> {};

TEST_P(CppListing, ExampleProgramPrintsTheStepsExpectedOutput) {
  const StepRef& s = GetParam();
  if (s.step.contains("exercise") && !s.step["code"].contains("cpp"))
    GTEST_SKIP() << "an exercise step without a C++ listing";
  std::string file = s.step["code"]["cpp"].value("file", std::string());
  ASSERT_EQ(file.rfind("examples/", 0), 0u) << "the C++ listing must name a file in examples/";
  std::string name = std::filesystem::path(file).stem().string();
  std::filesystem::path exe = examples_dir / ("example_" + name);
  ASSERT_TRUE(std::filesystem::exists(exe)) << exe;
  lesson_tests::CommandResult r = lesson_tests::run_command(lesson_tests::quote(exe.string()));
  EXPECT_EQ(r.exit_code, 0);
  std::vector<std::string> expected = lesson_tests::expected_texts(s.step);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(lesson_tests::split_lines(r.out), expected);
}

INSTANTIATE_TEST_SUITE_P(Lessons, CppListing,
                         ::testing::ValuesIn(lesson_tests::all_steps(source_dir / "lessons")),
                         [](const ::testing::TestParamInfo<StepRef>& info) { return lesson_tests::test_name(info.param); });

}  // namespace
