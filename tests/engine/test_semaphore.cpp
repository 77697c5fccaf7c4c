// Tests for semaphore.hpp.
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

TEST(Semaphore, LimitsConcurrency) {
  g_inside = g_max_inside = 0;
  EventLoop loop;
  Semaphore s(2);
  for (int i = 0; i < 6; ++i) loop.create_task(sem_user(s));
  while (loop.run_once()) {}
  EXPECT_EQ(g_max_inside, 2);
  EXPECT_DOUBLE_EQ(loop.time(), 3.0);
  EXPECT_EQ(s.value(), 2);
}
