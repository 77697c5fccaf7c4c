// Tests for task.hpp: scheduling, states, results, awaiting, cancellation, unretrieved errors.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace loopscope;

namespace {
std::vector<std::string> g_log;

Coro<> say(std::string what) {
  g_log.push_back(what);
  co_return;
}
Coro<int> value_after(double secs, int v) {
  co_await sleep(secs);
  co_return v;
}
Coro<> creator() {
  g_log.push_back("main start");
  auto t = create_task(say("child"));
  g_log.push_back("main after create_task");
  co_await sleep(0);
  g_log.push_back("main after sleep(0)");
  co_await t;
}
Coro<> failing() {
  co_await sleep(0.1);
  throw std::runtime_error("oops");
}
Coro<> sleeper_with_cleanup(double secs) {
  try {
    co_await sleep(secs);
    g_log.push_back("woke");
  } catch (const CancelledError& e) {
    g_log.push_back(std::string("cancelled: ") + e.what());
    throw;
  }
}
Coro<> swallow_cancel() {
  try {
    co_await sleep(10);
  } catch (const CancelledError&) {
    g_log.push_back("swallowed");
  }
  co_await sleep(1);
  g_log.push_back("went on");
}
Coro<> await_other(Task<> other) {
  try {
    co_await other;
  } catch (const CancelledError&) {
    g_log.push_back("outer saw cancel");
    throw;
  }
}
}  // namespace

TEST(Task, CreateTaskSchedulesTheTaskForTheNextIteration) {
  g_log.clear();
  EventLoop loop;
  loop.run_until_complete(creator());
  EXPECT_EQ(g_log, (std::vector<std::string>{"main start", "main after create_task", "child", "main after sleep(0)"}));
}

TEST(Task, HasIdNameStateAndResult) {
  EventLoop loop;
  auto a = loop.create_task(value_after(1, 7));
  auto b = loop.create_task(value_after(2, 8), "named");
  auto c = loop.create_task(value_after(3, 9));
  EXPECT_EQ(a.id(), 1u);
  EXPECT_EQ(a.name(), "Task-1");
  EXPECT_EQ(b.name(), "named");
  EXPECT_EQ(c.name(), "Task-2");
  EXPECT_EQ(a.state(), TaskState::pending);
  EXPECT_THROW(a.result(), InvalidStateError);
  loop.run_once();
  EXPECT_EQ(a.state(), TaskState::suspended);
  while (loop.run_once()) {}
  EXPECT_EQ(a.state(), TaskState::done);
  EXPECT_EQ(a.result(), 7);
  EXPECT_EQ(c.result(), 9);
  EXPECT_DOUBLE_EQ(loop.time(), 3.0);
}

TEST(Task, AFailedTaskRethrowsAtTheAwaitAndInResult) {
  EventLoop loop;
  auto t = loop.create_task(failing());
  EXPECT_THROW(loop.run_until_complete(t), std::runtime_error);
  EXPECT_EQ(t.state(), TaskState::failed);
  EXPECT_EQ(describe_exception(t.exception()), "runtime_error: oops");
}

TEST(Task, AnExceptionNobodyRetrievedIsReportedWithTheTaskName) {
  EventLoop loop;
  std::vector<std::string> reports;
  loop.set_exception_handler([&](const ExceptionContext& c) {
    reports.push_back(c.message + " " + c.task_name + " " + describe_exception(c.exception));
  });
  loop.create_task(failing(), "worker");
  while (loop.run_once()) {}
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0], "Task exception was never retrieved worker runtime_error: oops");
}

TEST(Task, CancelWhileSleepingRaisesCancelledErrorAtTheAwaitAndRunsCleanup) {
  g_log.clear();
  EventLoop loop;
  auto t = loop.create_task(sleeper_with_cleanup(10));
  loop.run_once();
  EXPECT_TRUE(t.cancel("stop it"));
  while (loop.run_once()) {}
  EXPECT_TRUE(t.cancelled());
  EXPECT_EQ(g_log, (std::vector<std::string>{"cancelled: stop it"}));
  EXPECT_LT(loop.time(), 10.0);
  EXPECT_EQ(loop.statistics().timers_cancelled, 1u);
}

TEST(Task, CancelBeforeTheFirstRunNeverStartsTheBody) {
  g_log.clear();
  EventLoop loop;
  auto t = loop.create_task(sleeper_with_cleanup(1));
  t.cancel();
  while (loop.run_once()) {}
  EXPECT_TRUE(t.cancelled());
  EXPECT_TRUE(g_log.empty());
  EXPECT_FALSE(t.cancel());
}

TEST(Task, ATaskMayCatchCancelledErrorAndGoOn) {
  g_log.clear();
  EventLoop loop;
  auto t = loop.create_task(swallow_cancel());
  loop.run_once();
  t.cancel();
  while (loop.run_once()) {}
  EXPECT_EQ(t.state(), TaskState::done);
  EXPECT_EQ(g_log, (std::vector<std::string>{"swallowed", "went on"}));
}

TEST(Task, CancellingATaskThatAwaitsAnotherCancelsTheInnerOne) {
  g_log.clear();
  EventLoop loop;
  auto inner = loop.create_task(sleeper_with_cleanup(10));
  auto outer = loop.create_task(await_other(inner));
  loop.run_once();
  outer.cancel();
  while (loop.run_once()) {}
  EXPECT_TRUE(inner.cancelled());
  EXPECT_TRUE(outer.cancelled());
  EXPECT_EQ(g_log, (std::vector<std::string>{"cancelled: ", "outer saw cancel"}));
}

TEST(Task, CloseDestroysSuspendedTasksCleanly) {
  g_log.clear();
  auto loop = std::make_unique<EventLoop>();
  auto t = loop->create_task(sleeper_with_cleanup(100));
  loop->run_once();
  loop->close();
  EXPECT_TRUE(t.cancelled());
  EXPECT_EQ(g_log, (std::vector<std::string>{"cancelled: "}));
  loop.reset();
}

TEST(Task, ReplayEqualsTheLiveSnapshotAfterEveryIteration) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto inner = loop.create_task(sleeper_with_cleanup(10));
  auto outer = loop.create_task(await_other(inner));
  auto s = loop.create_task(swallow_cancel());
  loop.create_task(creator());
  loop.call_later(0.5, [&] { outer.cancel(); s.cancel(); }, "canceller");
  std::size_t n = check::run_checked(loop, rec);
  EXPECT_GT(n, 3u);
  EXPECT_TRUE(outer.cancelled());
}
