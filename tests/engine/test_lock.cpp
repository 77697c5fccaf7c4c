// Tests for lock.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

namespace {
[[maybe_unused]] std::vector<std::string> g_log;
[[maybe_unused]] Coro<> event_waiter(Event& e, std::string name) {
  co_await e.wait();
  g_log.push_back(name);
}
[[maybe_unused]] Coro<> lock_user(Lock& l, std::string name, double hold) {
  co_await l.acquire();
  g_log.push_back(name + " in");
  co_await sleep(hold);
  g_log.push_back(name + " out");
  l.release();
}
[[maybe_unused]] int g_inside = 0, g_max_inside = 0;
[[maybe_unused]] Coro<> sem_user(Semaphore& s) {
  co_await s.acquire();
  g_max_inside = std::max(g_max_inside, ++g_inside);
  co_await sleep(1);
  --g_inside;
  s.release();
}
}  // namespace

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
