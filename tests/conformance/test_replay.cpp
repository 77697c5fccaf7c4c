// Every conformance scenario, run on the engine alone: replay(trace, k) equals the live snapshot
// after every loop iteration (checked inside run_engine), and the trace is well formed.
#include "conformance_run.hpp"

#include <gtest/gtest.h>

namespace {
class ScenarioReplay : public ::testing::TestWithParam<std::string> {};
}  // namespace

TEST_P(ScenarioReplay, ReplayEqualsTheLiveSnapshotAfterEveryIteration) {
  std::size_t iterations = 0;
  const auto lines = conformance::run_engine(GetParam(), &iterations);
  EXPECT_GT(iterations, 1u);
  EXPECT_FALSE(lines.empty());
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioReplay, ::testing::ValuesIn(conformance::scenario_names()),
                         [](const auto& info) { return info.param; });
