// Tests for gather.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

namespace {
Coro<int> after(double s, int v) {
  co_await sleep(s);
  co_return v;
}
Coro<int> fail_after(double s) {
  co_await sleep(s);
  throw std::runtime_error("bad");
}
int g_cancelled = 0;
Coro<int> long_job() {
  try {
    co_await sleep(100);
  } catch (const CancelledError&) {
    ++g_cancelled;
    throw;
  }
  co_return 0;
}
}  // namespace

TEST(Gather, ReturnsResultsInArgumentOrderNotCompletionOrder) {
  EventLoop loop;
  auto r = loop.run_until_complete([]() -> Coro<std::vector<int>> {
    std::vector<Task<int>> ts{create_task(after(3, 1)), create_task(after(1, 2)), create_task(after(2, 3))};
    co_return co_await gather(ts);
  }());
  EXPECT_EQ(r, (std::vector<int>{1, 2, 3}));
  EXPECT_DOUBLE_EQ(loop.time(), 3.0);
}

TEST(Gather, RaisesTheFirstFailureAndLeavesTheOthersRunning) {
  EventLoop loop;
  Task<int> slow;
  auto main = [&]() -> Coro<std::string> {
    slow = create_task(after(5, 1));
    try {
      std::vector<Task<int>> ts{slow, create_task(fail_after(1))};
      co_await gather(ts);
    } catch (const std::runtime_error& e) {
      co_return std::string(e.what()) + (slow.done() ? " slow done" : " slow running");
    }
    co_return "no";
  };
  EXPECT_EQ(loop.run_until_complete(main()), "bad slow running");
}

TEST(Gather, ReturnExceptionsGivesEveryOutcome) {
  EventLoop loop;
  auto r = loop.run_until_complete([]() -> Coro<std::vector<Outcome<int>>> {
    std::vector<Task<int>> ts{create_task(after(1, 1)), create_task(fail_after(1))};
    co_return co_await gather(ts, ReturnExceptions::yes);
  }());
  ASSERT_EQ(r.size(), 2u);
  EXPECT_TRUE(r[0].ok());
  EXPECT_EQ(r[0].get(), 1);
  EXPECT_FALSE(r[1].ok());
  EXPECT_EQ(describe_exception(r[1].error), "runtime_error: bad");
}

TEST(Gather, CancellingTheAwaitingTaskCancelsTheChildren) {
  g_cancelled = 0;
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto outer = loop.create_task([]() -> Coro<> {
    std::vector<Task<int>> ts{create_task(long_job()), create_task(long_job())};
    co_await gather(ts);
  }());
  loop.call_later(1, [&] { outer.cancel(); });
  check::run_checked(loop, rec);
  EXPECT_TRUE(outer.cancelled());
  EXPECT_EQ(g_cancelled, 2);
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
}

TEST(Gather, VariadicFormReturnsATuple) {
  EventLoop loop;
  auto r = loop.run_until_complete([]() -> Coro<std::tuple<int, int>> {
    co_return co_await gather(create_task(after(1, 4)), create_task(after(2, 5)));
  }());
  EXPECT_EQ(r, std::make_tuple(4, 5));
}
