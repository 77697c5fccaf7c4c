// Tests for wait.hpp.
#include "combinator_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::combinators;

TEST(Wait, FirstCompletedSplitsDoneAndPendingInArgumentOrder) {
  EventLoop loop;
  auto main = []() -> Coro<std::pair<std::size_t, std::size_t>> {
    std::vector<Task<int>> ts{create_task(after(3, 1)), create_task(after(1, 2)), create_task(after(2, 3))};
    auto r = co_await wait(ts, ReturnWhen::first_completed);
    EXPECT_EQ(r.done[0].result(), 2);
    EXPECT_EQ(r.pending[0].id(), ts[0].id());
    for (auto& t : r.pending) t.cancel();
    co_return std::make_pair(r.done.size(), r.pending.size());
  };
  EXPECT_EQ(loop.run_until_complete(main()), std::make_pair(std::size_t(1), std::size_t(2)));
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
}

TEST(Wait, FirstExceptionReturnsWhenATaskFails) {
  EventLoop loop;
  auto main = []() -> Coro<double> {
    std::vector<Task<int>> ts{create_task(after(5, 1)), create_task(fail_after(2))};
    auto r = co_await wait(ts, ReturnWhen::first_exception);
    EXPECT_EQ(r.done.size(), 1u);
    EXPECT_TRUE(r.done[0].exception());
    ts[0].cancel();
    co_return EventLoop::current()->time();
  };
  EXPECT_DOUBLE_EQ(loop.run_until_complete(main()), 2.0);
}

TEST(Wait, TimeoutReturnsWithoutCancellingTheTasks) {
  EventLoop loop;
  auto main = []() -> Coro<int> {
    std::vector<Task<int>> ts{create_task(after(5, 1))};
    auto r = co_await wait(ts, ReturnWhen::all_completed, 1.0);
    EXPECT_EQ(r.pending.size(), 1u);
    EXPECT_FALSE(r.pending[0].cancelled());
    co_return co_await r.pending[0];
  };
  EXPECT_EQ(loop.run_until_complete(main()), 1);
  EXPECT_DOUBLE_EQ(loop.time(), 5.0);
}
