// Tests for statistics.hpp: the loop's and the primitives' counters.
#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

TEST(Statistics, CountIterationsHandlesTasksAndTimers) {
  EventLoop loop;
  loop.create_task([]() -> Coro<> { co_await sleep(1); }());
  loop.create_task([]() -> Coro<> {
    co_await sleep(0);
    throw std::runtime_error("x");
  }());
  loop.set_exception_handler([](const ExceptionContext&) {});
  while (loop.run_once()) {}
  auto s = loop.statistics();
  EXPECT_EQ(s.tasks_created, 2u);
  EXPECT_EQ(s.tasks_alive, 0u);
  EXPECT_EQ(s.tasks_done, 1u);
  EXPECT_EQ(s.tasks_failed, 1u);
  EXPECT_EQ(s.timers_armed, 1u);
  EXPECT_EQ(s.timers_fired, 1u);
  EXPECT_EQ(s.max_ready, 2u);
  EXPECT_EQ(s.exceptions_reported, 1u);
  EXPECT_GE(s.iterations, 3u);
  EXPECT_DOUBLE_EQ(s.virtual_time_skipped, 1.0);
}

TEST(Statistics, PrimitivesCountWaitsAndWaiters) {
  EventLoop loop;
  Lock lock;
  auto user = [](Lock& l) -> Coro<> {
    co_await l.acquire();
    co_await sleep(1);
    l.release();
  };
  for (int i = 0; i < 3; ++i) loop.create_task(user(lock));
  loop.run_once();
  EXPECT_EQ(lock.statistics().waiters, 2u);
  while (loop.run_once()) {}
  auto s = lock.statistics();
  EXPECT_EQ(s.acquisitions, 3u);
  EXPECT_EQ(s.releases, 3u);
  EXPECT_EQ(s.waits, 2u);
  EXPECT_EQ(s.max_waiters, 2u);
  EXPECT_EQ(s.waiters, 0u);
  EXPECT_EQ(lock.label(), "Lock#" + std::to_string(lock.id()));
}
