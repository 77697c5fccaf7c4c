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

TEST(Gather, ALargeGatherIsLabelledWithEightNamesThenACount) {
  EventLoop loop;
  AwaitTarget seen;
  loop.run_until_complete([](EventLoop& l, AwaitTarget& out) -> Coro<void> {
    std::vector<Task<int>> ts;
    for (int i = 0; i < 20; ++i) ts.push_back(create_task(after(1, i)));
    auto await_it = [](Future<std::vector<int>> f) -> Coro<std::vector<int>> { co_return co_await f; };
    Task<std::vector<int>> g = create_task(await_it(gather(std::move(ts))));
    co_await sleep(0.5);
    for (const auto& t : l.snapshot().tasks)
      if (t.id == g.id()) out = t.awaiting;
    co_await g;
  }(loop, seen));
  EXPECT_EQ(seen.kind, AwaitKind::gather);
  EXPECT_EQ(seen.label, "gather(Task-2, Task-3, Task-4, Task-5, Task-6, Task-7, Task-8, Task-9, … 12 more)");
}

TEST(Gather, AChildThatFailsAfterTheGatherRaisedIsNotReportedAsUnretrieved) {
  // asyncio's gather marks the exceptions of late children retrieved in its done callback.
  EventLoop loop;
  int reports = 0;
  loop.set_exception_handler([&](const ExceptionContext&) { ++reports; });
  bool raised = false;
  loop.run_until_complete([](bool& raised_out) -> Coro<void> {
    std::vector<Task<int>> ts{create_task(fail_after(1)), create_task(fail_after(2))};
    try {
      co_await gather(std::move(ts));
    } catch (const std::runtime_error&) {
      raised_out = true;
    }
    co_await sleep(5);  // the second child fails while nobody awaits it
  }(raised));
  loop.close();
  EXPECT_TRUE(raised);
  EXPECT_EQ(reports, 0);
}

TEST(Gather, IsAFutureOfItsOwnThatCanBeNestedInAnotherGather) {
  EventLoop loop;
  auto main = []() -> Coro<std::tuple<std::vector<int>, int>> {
    std::vector<Task<int>> inner_tasks{create_task(after(0.2, 1)), create_task(after(0.1, 2))};
    Future<std::vector<int>> inner = gather(std::move(inner_tasks));
    co_return co_await gather(inner, create_task(after(0.15, 3)));
  };
  auto [ab, c] = loop.run_until_complete(main());
  EXPECT_EQ(ab, (std::vector<int>{1, 2}));
  EXPECT_EQ(c, 3);
}

TEST(Gather, CancellingItCancelsTheChildrenAndItRaisesCancelledErrorWithoutBeingCancelled) {
  // CPython's _GatheringFuture fails with CancelledError: cancelled() stays false, even when
  // the children absorbed the cancellation and returned normally.
  EventLoop loop;
  auto absorbing = []() -> Coro<int> {
    try {
      co_await sleep(10);
    } catch (const CancelledError&) {
    }
    co_return 1;
  };
  auto main = [&]() -> Coro<bool> {
    auto g = gather(absorbing(), absorbing());
    co_await sleep(1);
    EXPECT_TRUE(g.cancel());
    try {
      co_await g;
    } catch (const CancelledError&) {
      co_return !g.cancelled() && g.done();
    }
    co_return false;
  };
  EXPECT_TRUE(loop.run_until_complete(main()));
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
}

TEST(Gather, AnEmptyGatherIsDoneAtOnce) {
  EventLoop loop;
  auto main = []() -> Coro<std::size_t> {
    auto g = gather(std::vector<Task<int>>{});
    EXPECT_TRUE(g.done());
    co_return (co_await g).size();
  };
  EXPECT_EQ(loop.run_until_complete(main()), 0u);
}
