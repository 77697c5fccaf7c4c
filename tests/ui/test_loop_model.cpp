// The loop panels' model: the ready queue in order and what suspended tasks await.
#include "ui/loop_model.hpp"

#include "snapshot_factory.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace loopscope;
using namespace loopscope::ui;

using loopscope::testing::awaits;
using loopscope::testing::task;

namespace {
LoopSnapshot sample() {
  LoopSnapshot s;
  s.tasks.push_back(task(1, "main", TaskState::suspended, awaits(AwaitKind::task, 3, -1, "")));
  s.tasks.push_back(task(2, "sleeper", TaskState::suspended, awaits(AwaitKind::sleep, 40, 2.0, "sleep(2)")));
  s.tasks.push_back(task(3, "reader", TaskState::suspended, awaits(AwaitKind::io, 7, -1, "")));
  s.tasks.push_back(task(4, "worker", TaskState::pending));
  s.tasks.push_back(task(5, "locker", TaskState::suspended, awaits(AwaitKind::lock, 9, -1, "Lock#9")));
  s.ready.push_back({11, 4, ""});
  s.ready.push_back({12, 0, "call_soon(print)"});
  return s;
}
}  // namespace

TEST(LoopModel, ReadyItemsKeepQueueOrderAndNameTasksAndCallbacks) {
  const auto items = ready_items(sample());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].label, "worker");
  EXPECT_EQ(items[0].task, 4u);
  EXPECT_TRUE(items[0].first_run);
  EXPECT_EQ(items[1].label, "call_soon(print)");
  EXPECT_EQ(items[1].task, 0u);
}

TEST(LoopModel, SuspendedItemsSayWhatEachTaskAwaits) {
  const auto items = suspended_items(sample(), 0.5);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].what, "task reader");
  EXPECT_EQ(items[0].awaits_task, 3u);
  EXPECT_EQ(items[1].what, "sleep(2)");
  ASSERT_TRUE(items[1].remaining.has_value());
  EXPECT_DOUBLE_EQ(*items[1].remaining, 1.5);
  EXPECT_EQ(items[2].what, "read fd 7");
  EXPECT_EQ(items[3].what, "Lock#9");
}

TEST(LoopModel, AWaitForSaysWhenItTimesOutNotTheTimeoutItWasGiven) {
  LoopSnapshot s;
  s.time = 0.5;
  s.tasks.push_back(task(1, "main", TaskState::suspended, awaits(AwaitKind::wait_for, 2, 2.0, "")));
  s.tasks.push_back(task(2, "query", TaskState::suspended, awaits(AwaitKind::sleep, 40, 2.5, "sleep(2.5)")));
  const auto items = suspended_items(s, 0.5);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].what, "wait_for query (times out in 1.5 s)");
  EXPECT_EQ(items[1].what, "sleep(2.5)");
}

TEST(LoopModel, PhaseExplanationNamesThePollTimeout) {
  LoopSnapshot s;
  s.phase = LoopPhase::poll;
  s.poll_timeout = 2.0;
  EXPECT_NE(phase_explanation(s).find("timeout=2.000 s"), std::string::npos);
  s.poll_timeout = 0;
  EXPECT_NE(phase_explanation(s).find("timeout=0"), std::string::npos);
  s.blocking = true;
  EXPECT_NE(phase_explanation(s).find("blocked"), std::string::npos);
}
