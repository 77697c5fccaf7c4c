// Tests for wait_for.hpp.
#include "combinator_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::combinators;

TEST(WaitFor, OnTimeoutCancelsTheInnerTaskAndItsCleanupRunsBeforeTimeoutError) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto main = loop.create_task([]() -> Coro<> {
    try {
      co_await wait_for(slow_with_cleanup(10), 1.0);
    } catch (const TimeoutError&) {
      g_log.push_back("timeout");
    }
  }());
  check::run_checked(loop, rec);
  EXPECT_TRUE(main.done());
  EXPECT_EQ(g_log, (std::vector<std::string>{"cleanup", "timeout"}));
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
}

TEST(WaitFor, ReturnsTheResultWhenInTime) {
  EventLoop loop;
  EXPECT_EQ(loop.run_until_complete(wait_for(after(1, 9), 2.0)), 9);
}
