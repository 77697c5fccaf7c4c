// Tests for lock.hpp.
#include "primitive_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::primitives;

TEST(Lock, IsFifoFair) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  Lock l;
  for (auto n : {"a", "b", "c"}) loop.create_task(lock_user(l, n, 1));
  check::run_checked(loop, rec);
  EXPECT_EQ(g_log, (std::vector<std::string>{"a in", "a out", "b in", "b out", "c in", "c out"}));
  EXPECT_THROW(l.release(), RuntimeError);
}

TEST(Lock, ACancelledWaiterLeavesTheQueue) {
  g_log.clear();
  EventLoop loop;
  Lock l;
  loop.create_task(lock_user(l, "a", 1));
  auto b = loop.create_task(lock_user(l, "b", 1));
  loop.create_task(lock_user(l, "c", 1));
  loop.run_once();
  b.cancel();
  while (loop.run_once()) {}
  EXPECT_EQ(g_log, (std::vector<std::string>{"a in", "a out", "c in", "c out"}));
  EXPECT_EQ(l.statistics().cancelled_waits, 1u);
}

TEST(Lock, ANamedLockIsLabelledByItsNameAndAnUnnamedOneByItsNumber) {
  loopscope::Lock a;
  loopscope::Lock b;
  b.set_name("lock");
  EXPECT_EQ(a.label(), "Lock#" + std::to_string(a.id()));
  EXPECT_EQ(b.label(), "lock");
  b.set_name("");
  EXPECT_EQ(b.label(), "Lock#" + std::to_string(b.id()));
}
