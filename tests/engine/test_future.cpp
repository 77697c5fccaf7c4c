// Tests for future.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace loopscope;

TEST(Future, AwaitingAFutureReturnsTheResultSetLater) {
  EventLoop loop;
  auto fut = loop.create_future<int>();
  loop.call_later(1, [fut]() mutable { fut.set_result(7); });
  auto main = [](Future<int> f) -> Coro<int> { co_return co_await f; };
  EXPECT_EQ(loop.run_until_complete(main(fut)), 7);
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
  EXPECT_TRUE(fut.done());
  EXPECT_FALSE(fut.cancelled());
}

TEST(Future, SettingItTwiceIsAnInvalidStateError) {
  EventLoop loop;
  auto fut = loop.create_future<int>();
  fut.set_result(1);
  EXPECT_THROW(fut.set_result(2), InvalidStateError);
  EXPECT_THROW(fut.set_exception(ValueError("x")), InvalidStateError);
  EXPECT_FALSE(fut.cancel());
  EXPECT_EQ(fut.result(), 1);
}

TEST(Future, ResultOfAPendingFutureIsAnInvalidStateError) {
  EventLoop loop;
  auto fut = loop.create_future<>();
  EXPECT_THROW(fut.result(), InvalidStateError);
  EXPECT_THROW(fut.exception(), InvalidStateError);
}

TEST(Future, AnExceptionIsRethrownAtTheAwait) {
  EventLoop loop;
  auto fut = loop.create_future<std::string>();
  fut.set_exception(ValueError("bad"));
  auto main = [](Future<std::string> f) -> Coro<std::string> {
    try {
      co_await f;
    } catch (const ValueError& e) {
      co_return e.what();
    }
    co_return "no";
  };
  EXPECT_EQ(loop.run_until_complete(main(fut)), "bad");
}

TEST(Future, DoneCallbacksRunThroughTheReadyQueueInRegistrationOrderBeforeLaterAwaiters) {
  EventLoop loop;
  std::vector<std::string> log;
  auto fut = loop.create_future<int>();
  fut.add_done_callback([&](Future<int> f) { log.push_back("cb1 " + std::to_string(f.result())); });
  auto waiter = [](Future<int> f, std::vector<std::string>& log) -> Coro<> {
    int v = co_await f;
    log.push_back("task " + std::to_string(v));
  };
  loop.create_task(waiter(fut, log));
  loop.run_once();  // the task starts and suspends on the future
  fut.add_done_callback([&](Future<int>) { log.push_back("cb2"); });
  fut.set_result(3);
  EXPECT_TRUE(log.empty());  // nothing runs inside set_result
  while (loop.run_once()) {}
  EXPECT_EQ(log, (std::vector<std::string>{"cb1 3", "task 3", "cb2"}));
}

TEST(Future, CancellingTheAwaitingTaskCancelsTheFuture) {
  EventLoop loop;
  auto fut = loop.create_future<>();
  auto waiter = [](Future<> f) -> Coro<> { co_await f; };
  auto t = loop.create_task(waiter(fut));
  loop.run_once();
  t.cancel("why");
  while (loop.run_once()) {}
  EXPECT_TRUE(fut.cancelled());
  EXPECT_TRUE(t.cancelled());
}

TEST(Future, ATaskAwaitingAFutureShowsItInTheSnapshotAndTheReplay) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto fut = loop.create_future<>();
  loop.call_later(1, [fut]() mutable { fut.set_result(); });
  auto waiter = [](Future<> f) -> Coro<> { co_await f; };
  auto t = loop.create_task(waiter(fut));
  loop.run_once();
  const auto snap = loop.snapshot();
  ASSERT_FALSE(snap.tasks.empty());
  EXPECT_EQ(snap.tasks[0].awaiting.kind, AwaitKind::future);
  EXPECT_EQ(snap.tasks[0].awaiting.target, fut.id());
  EXPECT_EQ(snap.tasks[0].awaiting.label, "Future#" + std::to_string(fut.id()));
  check::run_checked(loop, rec, [] { return false; });
  EXPECT_TRUE(t.done());
}

TEST(Future, AnExceptionNobodyRetrievedIsReported) {
  EventLoop loop;
  std::vector<std::string> reports;
  loop.set_exception_handler([&](const ExceptionContext& c) { reports.push_back(c.message); });
  {
    auto fut = loop.create_future<>();
    fut.set_exception(ValueError("lost"));
  }
  EXPECT_EQ(reports, (std::vector<std::string>{"Future exception was never retrieved"}));
}

TEST(Handle, CallSoonCallLaterAndCallAtReturnCancellableHandles) {
  EventLoop loop;
  std::vector<std::string> log;
  Handle a = loop.call_soon([&] { log.push_back("soon"); });
  Handle b = loop.call_soon([&] { log.push_back("cancelled soon"); });
  TimerHandle c = loop.call_later(0.5, [&] { log.push_back("later"); });
  TimerHandle d = loop.call_at(0.25, [&] { log.push_back("at"); });
  TimerHandle e = loop.call_at(0.3, [&] { log.push_back("cancelled at"); });
  b.cancel();
  e.cancel();
  EXPECT_EQ(a.when(), -1);
  EXPECT_DOUBLE_EQ(c.when(), 0.5);
  EXPECT_DOUBLE_EQ(d.when(), 0.25);
  while (loop.run_once()) {}
  EXPECT_EQ(log, (std::vector<std::string>{"soon", "at", "later"}));
  EXPECT_TRUE(b.cancelled());
}

TEST(CurrentTask, IsTheTaskObjectInsideATaskAndEmptyOutside) {
  EventLoop loop;
  EXPECT_FALSE(current_task());
  auto main = []() -> Coro<TaskId> { co_return current_task().id(); };
  auto t = loop.create_task(main());
  EXPECT_EQ(loop.run_until_complete(t), t.id());
}
