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

TEST(Timeout, TheScopeObjectReportsWhenReschedulesToAnAbsoluteTimeAndSaysWhetherItExpired) {
  EventLoop loop;
  auto body = [](Timeout& cm) -> Coro<> {
    EXPECT_FALSE(cm.when());
    cm.reschedule(2.0);  // absolute loop time, as in asyncio
    co_await sleep(5);
  };
  auto main = [&]() -> Coro<bool> {
    auto cm = timeout(std::nullopt);
    try {
      co_await cm.run(body(cm));
    } catch (const TimeoutError&) {
      EXPECT_DOUBLE_EQ(*cm.when(), 2.0);
      co_return cm.expired();
    }
    co_return false;
  };
  EXPECT_TRUE(loop.run_until_complete(main()));
  EXPECT_DOUBLE_EQ(loop.time(), 2.0);
}

TEST(Timeout, TimeoutAtUsesAnAbsoluteDeadlineAndRescheduleOutsideTheScopeIsARuntimeError) {
  EventLoop loop;
  auto main = []() -> Coro<bool> {
    co_await sleep(1);
    auto cm = timeout_at(1.5);
    EXPECT_THROW(cm.reschedule(3.0), RuntimeError);
    try {
      co_await cm.run(after(10, 0));
    } catch (const TimeoutError&) {
      co_return EventLoop::current()->time() == 1.5;
    }
    co_return false;
  };
  EXPECT_TRUE(loop.run_until_complete(main()));
}
