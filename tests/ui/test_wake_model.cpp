// test_wake_model.cpp — what put each task back in the ready queue, read from real engine runs.
#include "ui/wake_model.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace loopscope::ui {
namespace {

// Runs `main` on a fresh virtual-clock loop and feeds its whole trace to a WakeModel.
template <class F> WakeModel wakes_of(F main) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  loop.run_until_complete(main());
  WakeModel m;
  const auto& events = rec.events();
  for (std::size_t i = 0; i < events.size(); ++i) m.consume(events[i], i, rec);
  return m;
}

std::vector<const Wake*> wakes_of_task(const WakeModel& m, TaskId task) {
  std::vector<const Wake*> out;
  for (const Wake& w : m.wakes())
    if (w.task == task) out.push_back(&w);
  return out;
}

Coro<> waiter(Event& ev) { co_await ev.wait(); }

Coro<> set_after_a_second(Event& ev) {
  Task<> t = create_task(waiter(ev), "waiter");
  co_await sleep(1);
  ev.set();
  co_await t;
}

TEST(WakeModel, ACreatedTaskIsStartedByItsCreatorAndAnEventSetWakesItsWaiter) {
  Event ev;
  const WakeModel m = wakes_of([&] { return set_after_a_second(ev); });
  // Task 1 is main, task 2 the waiter.
  const auto waiter_wakes = wakes_of_task(m, 2);
  ASSERT_EQ(waiter_wakes.size(), 2u);
  EXPECT_EQ(waiter_wakes[0]->cause, WakeCause::started);
  EXPECT_EQ(waiter_wakes[0]->by, 1u);
  EXPECT_EQ(waiter_wakes[1]->cause, WakeCause::handoff);
  EXPECT_EQ(waiter_wakes[1]->by, 1u);
  EXPECT_EQ(waiter_wakes[1]->waited, AwaitKind::event);
  EXPECT_DOUBLE_EQ(waiter_wakes[1]->time, 1.0);
  const auto name = [](TaskId id) { return id == 1 ? "main" : "waiter"; };
  EXPECT_EQ(describe_wake(*waiter_wakes[1], name).rfind("main set ", 0), 0u) << describe_wake(*waiter_wakes[1], name);
  // main: first scheduled by the loop, then its timer, then the waiter's end.
  const auto main_wakes = wakes_of_task(m, 1);
  ASSERT_EQ(main_wakes.size(), 3u);
  EXPECT_EQ(main_wakes[1]->cause, WakeCause::timer);
  EXPECT_EQ(main_wakes[2]->cause, WakeCause::finished);
  EXPECT_EQ(main_wakes[2]->by, 2u);
  EXPECT_EQ(describe_wake(*main_wakes[2], name), "waiter finished");
}

Coro<> sleeper() { co_await sleep(10); }

Coro<> yield_then_cancel() {
  Task<> t = create_task(sleeper(), "sleeper");
  co_await sleep(0);
  t.cancel();
  try {
    co_await t;
  } catch (const CancelledError&) {
  }
}

TEST(WakeModel, ASleepZeroIsAYieldAndACancelWakesTheSleeperAtOnce) {
  const WakeModel m = wakes_of(yield_then_cancel);
  const auto main_wakes = wakes_of_task(m, 1);
  ASSERT_GE(main_wakes.size(), 2u);
  EXPECT_EQ(main_wakes[1]->cause, WakeCause::yielded);
  const auto sleeper_wakes = wakes_of_task(m, 2);
  ASSERT_EQ(sleeper_wakes.size(), 2u);
  EXPECT_EQ(sleeper_wakes[1]->cause, WakeCause::cancelled);
  EXPECT_EQ(sleeper_wakes[1]->by, 1u);
  EXPECT_DOUBLE_EQ(sleeper_wakes[1]->time, 0.0);
}

TEST(WakeModel, LastWakeAndNewestSeeOnlyTheEventsBeforeTheCursor) {
  Event ev;
  const WakeModel m = wakes_of([&] { return set_after_a_second(ev); });
  const Wake* set = wakes_of_task(m, 2)[1];
  EXPECT_EQ(m.last_wake(2, set->event + 1), set);
  EXPECT_NE(m.last_wake(2, set->event), set);
  EXPECT_EQ(m.newest(set->event + 1), set);
  EXPECT_EQ(m.newest(0), nullptr);
  EXPECT_EQ(m.last_wake(99, 1000), nullptr);
}

TEST(WakeModel, AtEventFindsTheWakeOfThatTaskScheduledEventOnly) {
  Event ev;
  const WakeModel m = wakes_of([&] { return set_after_a_second(ev); });
  for (const Wake& w : m.wakes()) EXPECT_EQ(m.at_event(w.event), &w);
  const Wake* set = wakes_of_task(m, 2)[1];
  EXPECT_EQ(m.at_event(set->event - 1), nullptr);  // the event before a task_scheduled is not one
  EXPECT_EQ(m.at_event(1u << 30), nullptr);
  EXPECT_EQ(set->cause, WakeCause::handoff);
  EXPECT_EQ(describe_wake(*set, [](TaskId id) { return id == 1 ? "Task-1 main()" : "?"; }),
            "Task-1 main() set " + set->what);
  EXPECT_EQ(set->what.rfind("Event#", 0), 0u);
}

Coro<int> nap(double s) {
  co_await sleep(s);
  co_return 0;
}

Coro<> gather_two() { co_await gather(nap(1), nap(2)); }

TEST(WakeModel, GathersDoneCallbackWakesTheParentAsTheLastChildFinishing) {
  const WakeModel m = wakes_of(gather_two);
  const auto main_wakes = wakes_of_task(m, 1);
  ASSERT_GE(main_wakes.size(), 2u);
  EXPECT_EQ(main_wakes.back()->cause, WakeCause::finished);
  EXPECT_EQ(main_wakes.back()->by, 2u);  // Task-2 is the 2-second child (the trace shows sleep(2))
  EXPECT_DOUBLE_EQ(main_wakes.back()->time, 2.0);
}

}  // namespace
}  // namespace loopscope::ui
