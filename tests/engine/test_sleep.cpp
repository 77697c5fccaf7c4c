// Tests for sleep.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace loopscope;

TEST(Sleep, ZeroIsABareYieldWithoutATimer) {
  EventLoop loop;
  auto t = loop.create_task([]() -> Coro<> { co_await sleep(0); }());
  loop.run_once();
  EXPECT_EQ(t.state(), TaskState::pending);
  EXPECT_EQ(loop.statistics().timers_armed, 0u);
  EXPECT_EQ(loop.ready_count(), 1u);
  loop.run_once();
  EXPECT_TRUE(t.done());
}

TEST(Sleep, ATimerFiresAsAHandleThenWakesTheTaskOneIterationLater) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto t = loop.create_task([]() -> Coro<> { co_await sleep(1.5); }());
  loop.run_once();  // starts, arms the timer
  auto s = loop.snapshot();
  ASSERT_EQ(s.timers.size(), 1u);
  EXPECT_DOUBLE_EQ(s.timers[0].deadline, 1.5);
  EXPECT_EQ(s.tasks[0].awaiting.kind, AwaitKind::sleep);
  loop.run_once();  // time jumps, the timer handle runs and schedules the task
  EXPECT_DOUBLE_EQ(loop.time(), 1.5);
  EXPECT_EQ(t.state(), TaskState::pending);
  loop.run_once();
  EXPECT_TRUE(t.done());
  EXPECT_EQ(loop.statistics().timers_fired, 1u);
  EXPECT_EQ(replay(rec, rec.size()), loop.snapshot());
}

TEST(Sleep, NegativeDelaysYieldLikeZero) {
  EventLoop loop;
  loop.run_until_complete([]() -> Coro<> { co_await sleep(-1.0); }());
  EXPECT_EQ(loop.time(), 0.0);
  EXPECT_EQ(loop.statistics().timers_armed, 0u);
}

TEST(Sleep, OnTheRealClockItReallyWaits) {
  EventLoop loop(ClockKind::real_time);
  loop.run_until_complete([]() -> Coro<> { co_await sleep(0.02); }());
  EXPECT_GE(loop.time(), 0.02);
}

// A sleeping task's own node is its timer. Cancelling the task after the timer has fired but
// before its handle ran takes the handle out of the ready queue and schedules the task instead:
// it wakes once, with CancelledError, and replay agrees with the loop after every iteration.
TEST(Sleep, CancellingAfterTheTimerFiredButBeforeItsHandleRanWakesTheTaskOnceCancelled) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  std::vector<std::string> log;
  AnyTask sleeper;
  // Armed first, so at t = 1 it runs just before the sleeper's timer handle.
  loop.call_at(1.0, [&] { log.push_back(sleeper.cancel() ? "cancel requested" : "too late"); },
               "canceller");
  sleeper = loop.create_task([](std::vector<std::string>& out) -> Coro<> {
    try {
      co_await sleep(1.0);
      out.push_back("woke normally");
    } catch (const CancelledError&) {
      out.push_back("woke cancelled");
      throw;
    }
  }(log));
  check::run_checked(loop, rec);
  EXPECT_EQ(log, (std::vector<std::string>{"cancel requested", "woke cancelled"}));
  EXPECT_EQ(sleeper.state(), TaskState::cancelled);
  EXPECT_EQ(loop.statistics().timers_fired, 2u);
  std::size_t handle_cancelled = 0;
  for (const TraceEvent& e : rec.events()) handle_cancelled += e.kind == TraceKind::handle_cancelled;
  EXPECT_EQ(handle_cancelled, 1u) << "the fired timer's handle leaves the ready queue";
}

// Cancelled while its timer is still on the heap, the task's node goes back to being the task's
// and the same node can serve as a timer again for its next sleep.
TEST(Sleep, ATaskCanSleepAgainAfterASleepWasCancelled) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  std::vector<double> woke;
  AnyTask t;
  t = loop.create_task([](std::vector<double>* out, AnyTask* self, EventLoop* l) -> Coro<> {
    for (int i = 0; i < 3; ++i) {
      try {
        co_await sleep(10.0);
      } catch (const CancelledError&) {
        self->uncancel();
      }
      co_await sleep(0.5);
      out->push_back(l->time());
    }
  }(&woke, &t, &loop));
  loop.call_at(1.0, [&] { t.cancel(); });
  loop.call_at(2.0, [&] { t.cancel(); });
  check::run_checked(loop, rec);
  EXPECT_TRUE(t.done()) << "finished normally: state " << to_string(t.state());
  EXPECT_EQ(woke, (std::vector<double>{1.5, 2.5, 13.0}));
}
