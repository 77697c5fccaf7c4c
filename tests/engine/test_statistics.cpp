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

TEST(Statistics, CountTaskStepsAndCallbacksApartFromOtherHandles) {
  EventLoop loop;
  auto a = loop.create_task([]() -> Coro<> { co_await sleep(0); }());  // 2 steps
  auto b = loop.create_task([]() -> Coro<> { co_await sleep(0.5); }());  // 2 steps, 1 timer handle
  auto waiter = [](Task<void> x, Task<void> y) -> Coro<> {
    std::vector<Task<void>> both;
    both.push_back(x);
    both.push_back(y);
    co_await gather(std::move(both));  // 2 steps, 2 "gather: child done" handles
  };
  auto g = loop.create_task(waiter(a, b));
  loop.call_soon([] {});
  loop.call_later(0.25, [] {});
  loop.run_until_complete(g);
  auto s = loop.statistics();
  EXPECT_EQ(s.task_steps, 6u);
  // call_soon, call_later, and run_until_complete's done callback that stops the loop (asyncio's
  // _run_until_complete_cb).
  EXPECT_EQ(s.callbacks_run, 3u);
  // Every handle run is a step, a callback, b's sleep timer or a gather child callback.
  EXPECT_EQ(s.handles_run, 6u + 3u + 1u + 2u);
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
