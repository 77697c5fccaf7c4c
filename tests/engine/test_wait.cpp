// Tests for wait.hpp, wait_for.hpp, timeout.hpp and as_completed.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

namespace {
std::vector<std::string> g_log;
Coro<int> after(double s, int v) {
  co_await sleep(s);
  co_return v;
}
Coro<int> fail_after(double s) {
  co_await sleep(s);
  throw std::runtime_error("bad");
}
Coro<int> slow_with_cleanup(double s) {
  try {
    co_await sleep(s);
  } catch (const CancelledError&) {
    g_log.push_back("cleanup");
    throw;
  }
  co_return 1;
}
}  // namespace

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

TEST(WaitFor, OnTimeoutCancelsTheInnerTaskAndItsCleanupRunsBeforeTimeoutError) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto main = loop.create_task([]() -> Coro<> {
    try {
      co_await wait_for(slow_with_cleanup(10), 1.0);
    } catch (const TimeoutError&) {
      g_log.push_back("timeout");
    }
  }());
  check::run_checked(loop, rec);
  EXPECT_TRUE(main.done());
  EXPECT_EQ(g_log, (std::vector<std::string>{"cleanup", "timeout"}));
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
}

TEST(WaitFor, ReturnsTheResultWhenInTime) {
  EventLoop loop;
  EXPECT_EQ(loop.run_until_complete(wait_for(after(1, 9), 2.0)), 9);
}

TEST(Timeout, RaisesTimeoutErrorAfterTheBodysCleanup) {
  g_log.clear();
  EventLoop loop;
  auto main = []() -> Coro<std::string> {
    try {
      co_await timeout(0.5, slow_with_cleanup(3));
    } catch (const TimeoutError&) {
      co_return "timeout";
    }
    co_return "no";
  };
  EXPECT_EQ(loop.run_until_complete(main()), "timeout");
  EXPECT_EQ(g_log, (std::vector<std::string>{"cleanup"}));
  EXPECT_DOUBLE_EQ(loop.time(), 0.5);
}

TEST(Timeout, PassesTheValueThroughWhenInTime) {
  EventLoop loop;
  auto main = []() -> Coro<int> {
    int v = co_await timeout(5.0, after(1, 3));
    co_await sleep(10);  // the disarmed timer must not cancel us later
    co_return v;
  };
  EXPECT_EQ(loop.run_until_complete(main()), 3);
}

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
