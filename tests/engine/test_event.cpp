// Tests for event.hpp.
#include "primitive_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::primitives;

TEST(Event, SetWakesWaitersInTheOrderTheyStartedWaiting) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  Event e;
  for (auto n : {"a", "b", "c"}) loop.create_task(event_waiter(e, n));
  loop.run_once();
  EXPECT_EQ(loop.snapshot().tasks[0].awaiting.kind, AwaitKind::event);
  EXPECT_EQ(loop.snapshot().tasks[0].awaiting.label, e.label());
  EXPECT_EQ(e.statistics().waiters, 3u);
  loop.call_later(1, [&] { e.set(); });
  check::run_checked(loop, rec);
  EXPECT_EQ(g_log, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(e.statistics().waits, 3u);
}
