// Tests for handle.hpp: HandleRef from call_soon / call_later / call_at.
#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

TEST(Handle, TimerHandlesKnowTheirDeadlineAndIdsGrowInCreationOrder) {
  EventLoop loop;
  auto a = loop.call_soon([] {});
  auto b = loop.call_later(2.0, [] {});
  auto c = loop.call_at(5.0, [] {}, "five");
  EXPECT_LT(a.id(), b.id());
  EXPECT_LT(b.id(), c.id());
  EXPECT_EQ(a.when(), -1);
  EXPECT_EQ(b.when(), 2.0);
  EXPECT_EQ(c.label(), "five");
  EXPECT_EQ(loop.next_deadline(), std::optional<double>(2.0));
  b.cancel();
  EXPECT_EQ(loop.next_deadline(), std::optional<double>(5.0));
}

TEST(Handle, CancellingAfterTheTimerFiredButBeforeItRanSkipsIt) {
  EventLoop loop;
  int runs = 0;
  HandleRef later;
  loop.call_at(1.0, [&] { later.cancel(); });
  later = loop.call_at(1.0, [&] { ++runs; });
  while (loop.run_once()) {}
  EXPECT_EQ(runs, 0);
  EXPECT_TRUE(later.cancelled());
}

TEST(Handle, ManyCancelledTimersDoNotAccumulate) {
  EventLoop loop;
  std::vector<HandleRef> hs;
  for (int i = 0; i < 1000; ++i) hs.push_back(loop.call_later(1.0 + i, [] {}));
  for (int i = 0; i < 990; ++i) hs[i].cancel();
  EXPECT_EQ(loop.statistics().timers_pending, 10u);
  EXPECT_EQ(loop.snapshot().timers.size(), 10u);
  EXPECT_EQ(loop.next_deadline(), std::optional<double>(991.0));
}
