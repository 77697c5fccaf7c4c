// Conformance with CPython: every scenario prints the same lines, in the same order, as the
// same program run by /usr/bin/python3's asyncio (label: python).
#include "conformance_run.hpp"

#include <gtest/gtest.h>

namespace {
class Conformance : public ::testing::TestWithParam<std::string> {};
}  // namespace

TEST_P(Conformance, PrintsTheSameLinesAsCPythonAsyncio) {
  const auto expected = conformance::run_python(GetParam());
  ASSERT_FALSE(expected.empty());
  const auto actual = conformance::run_engine(GetParam());
  EXPECT_EQ(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Conformance, ::testing::ValuesIn(conformance::scenario_names()),
                         [](const auto& info) { return info.param; });
