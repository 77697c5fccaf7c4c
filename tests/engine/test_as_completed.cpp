// Tests for as_completed.hpp.
#include "combinator_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::combinators;

TEST(AsCompleted, YieldsTasksInCompletionOrder) {
  EventLoop loop;
  auto main = []() -> Coro<std::vector<int>> {
    std::vector<Task<int>> ts{create_task(after(3, 3)), create_task(after(1, 1)), create_task(after(2, 2))};
    AsCompleted<int> ac(ts);
    std::vector<int> out;
    while (ac.has_next()) {
      Task<int> t = co_await ac.next();
      out.push_back(t.result());
    }
    co_return out;
  };
  EXPECT_EQ(loop.run_until_complete(main()), (std::vector<int>{1, 2, 3}));
}

TEST(AsCompleted, RaisesTimeoutErrorWhenTheDeadlinePasses) {
  EventLoop loop;
  auto main = []() -> Coro<std::string> {
    std::vector<Task<int>> ts{create_task(after(1, 1)), create_task(after(5, 2))};
    AsCompleted<int> ac(ts, 2.0);
    std::string s;
    try {
      while (ac.has_next()) s += std::to_string((co_await ac.next()).result());
    } catch (const TimeoutError&) {
      s += " timeout";
    }
    co_return s;
  };
  EXPECT_EQ(loop.run_until_complete(main()), "1 timeout");
}
