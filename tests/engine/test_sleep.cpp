// Tests for sleep.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

TEST(Sleep, ZeroIsABareYieldWithoutATimer) {
  EventLoop loop;
  auto t = loop.create_task([]() -> Coro<> { co_await sleep(0); }());
  loop.run_once();
  EXPECT_EQ(t.state(), TaskState::pending);
  EXPECT_EQ(loop.statistics().timers_armed, 0u);
  EXPECT_EQ(loop.ready_count(), 1u);
  loop.run_once();
  EXPECT_TRUE(t.done());
}

TEST(Sleep, ATimerFiresAsAHandleThenWakesTheTaskOneIterationLater) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto t = loop.create_task([]() -> Coro<> { co_await sleep(1.5); }());
  loop.run_once();  // starts, arms the timer
  auto s = loop.snapshot();
  ASSERT_EQ(s.timers.size(), 1u);
  EXPECT_DOUBLE_EQ(s.timers[0].deadline, 1.5);
  EXPECT_EQ(s.tasks[0].awaiting.kind, AwaitKind::sleep);
  loop.run_once();  // time jumps, the timer handle runs and schedules the task
  EXPECT_DOUBLE_EQ(loop.time(), 1.5);
  EXPECT_EQ(t.state(), TaskState::pending);
  loop.run_once();
  EXPECT_TRUE(t.done());
  EXPECT_EQ(loop.statistics().timers_fired, 1u);
  EXPECT_EQ(replay(rec, rec.size()), loop.snapshot());
}

TEST(Sleep, NegativeDelaysYieldLikeZero) {
  EventLoop loop;
  loop.run_until_complete([]() -> Coro<> { co_await sleep(-1.0); }());
  EXPECT_EQ(loop.time(), 0.0);
  EXPECT_EQ(loop.statistics().timers_armed, 0u);
}

TEST(Sleep, OnTheRealClockItReallyWaits) {
  EventLoop loop(ClockKind::real_time);
  loop.run_until_complete([]() -> Coro<> { co_await sleep(0.02); }());
  EXPECT_GE(loop.time(), 0.02);
}
