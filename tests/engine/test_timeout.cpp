// Tests for timeout.hpp.
#include "combinator_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::combinators;

TEST(Timeout, RaisesTimeoutErrorAfterTheBodysCleanup) {
  g_log.clear();
  EventLoop loop;
  auto main = []() -> Coro<std::string> {
    try {
      co_await timeout(0.5, slow_with_cleanup(3));
    } catch (const TimeoutError&) {
      co_return "timeout";
    }
    co_return "no";
  };
  EXPECT_EQ(loop.run_until_complete(main()), "timeout");
  EXPECT_EQ(g_log, (std::vector<std::string>{"cleanup"}));
  EXPECT_DOUBLE_EQ(loop.time(), 0.5);
}

TEST(Timeout, PassesTheValueThroughWhenInTime) {
  EventLoop loop;
  auto main = []() -> Coro<int> {
    int v = co_await timeout(5.0, after(1, 3));
    co_await sleep(10);  // the disarmed timer must not cancel us later
    co_return v;
  };
  EXPECT_EQ(loop.run_until_complete(main()), 3);
}
