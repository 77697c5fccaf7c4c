// Tests for event_loop.hpp: scheduling order, timers, the iteration, run_until_complete.
#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace loopscope;

TEST(EventLoop, RunsCallSoonCallbacksInFifoOrder) {
  EventLoop loop;
  std::vector<int> order;
  for (int i = 0; i < 5; ++i) loop.call_soon([&order, i] { order.push_back(i); });
  EXPECT_EQ(loop.ready_count(), 5u);
  EXPECT_TRUE(loop.run_once());
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_FALSE(loop.run_once());
}

TEST(EventLoop, RunsOnlyHandlesThatWereReadyWhenTheIterationBegan) {
  EventLoop loop;
  std::vector<std::string> order;
  loop.call_soon([&] {
    order.push_back("a");
    loop.call_soon([&] { order.push_back("c"); });
  });
  loop.call_soon([&] { order.push_back("b"); });
  loop.run_once();
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b"}));
  loop.run_once();
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(EventLoop, RunsDueTimersInDeadlineOrderAndBreaksTiesByInsertion) {
  EventLoop loop;
  std::vector<int> order;
  loop.call_later(0.3, [&] { order.push_back(3); });
  loop.call_at(0.1, [&] { order.push_back(10); });
  loop.call_at(0.1, [&] { order.push_back(11); });
  loop.call_at(0.1, [&] { order.push_back(12); });
  loop.call_later(0.2, [&] { order.push_back(2); });
  while (loop.run_once()) {}
  EXPECT_EQ(order, (std::vector<int>{10, 11, 12, 2, 3}));
  EXPECT_DOUBLE_EQ(loop.time(), 0.3);
}

TEST(EventLoop, VirtualClockJumpsToTheNextDeadlineWhenIdle) {
  EventLoop loop;
  double fired_at = -1;
  loop.call_later(5.0, [&] { fired_at = loop.time(); });
  EXPECT_EQ(loop.next_deadline(), std::optional<double>(5.0));
  EXPECT_TRUE(loop.run_once());
  EXPECT_DOUBLE_EQ(fired_at, 5.0);
  EXPECT_EQ(loop.snapshot().poll_timeout, 5.0);
}

TEST(EventLoop, CancelledHandlesAreSkipped) {
  EventLoop loop;
  int runs = 0;
  auto h = loop.call_soon([&] { ++runs; });
  auto t = loop.call_later(1.0, [&] { ++runs; });
  h.cancel();
  t.cancel();
  EXPECT_TRUE(h.cancelled());
  EXPECT_FALSE(loop.has_pending_work() && loop.snapshot().ready.size() > 0);
  while (loop.run_once()) {}
  EXPECT_EQ(runs, 0);
  EXPECT_EQ(loop.statistics().timers_cancelled, 1u);
}

TEST(EventLoop, AnExceptionInACallbackIsReportedAndDoesNotKillTheLoop) {
  EventLoop loop;
  std::vector<std::string> reports;
  loop.set_exception_handler([&](const ExceptionContext& c) {
    reports.push_back(c.message + " | " + describe_exception(c.exception));
  });
  bool after = false;
  loop.call_soon([] { throw std::runtime_error("boom"); }, "bad");
  loop.call_soon([&] { after = true; });
  while (loop.run_once()) {}
  EXPECT_TRUE(after);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0], "Exception in callback bad | runtime_error: boom");
}

TEST(EventLoop, CallSoonThreadsafeWakesTheSelectorFromAnotherThread) {
  EventLoop loop(ClockKind::real_time);
  bool ran = false;
  std::thread th([&] { loop.call_soon_threadsafe([&] { ran = true; }); });
  th.join();
  EXPECT_TRUE(loop.has_pending_work());
  while (loop.run_once()) {}
  EXPECT_TRUE(ran);
}

Coro<int> answer() { co_return 42; }

TEST(EventLoop, RunUntilCompleteReturnsTheTaskResult) {
  EventLoop loop;
  EXPECT_EQ(loop.run_until_complete(answer()), 42);
}

Coro<> waits_forever(Task<> other) { co_await other; }
Coro<> never_finishes_helper() { co_await sleep(1); }

TEST(EventLoop, StopEndsRunForeverAfterTheCurrentIteration) {
  EventLoop loop;
  int runs = 0;
  loop.call_soon([&] { ++runs; loop.stop(); });
  loop.call_soon([&] { ++runs; });
  loop.call_later(1.0, [&] { ++runs; });
  loop.run_forever();
  EXPECT_EQ(runs, 2);
  EXPECT_TRUE(loop.has_pending_work());
}

TEST(EventLoop, BlockingAdvancesVirtualTimeAndIsTraced) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  loop.blocking(2.0, "time.sleep(2)");
  EXPECT_DOUBLE_EQ(loop.time(), 2.0);
  ASSERT_EQ(rec.size(), 2u);
  EXPECT_EQ(rec.events()[0].kind, TraceKind::blocking_begin);
  EXPECT_EQ(rec.str(rec.events()[0].text), "time.sleep(2)");
  EXPECT_DOUBLE_EQ(rec.events()[1].time, 2.0);
}
