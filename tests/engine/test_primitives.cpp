// Tests for event.hpp, lock.hpp, semaphore.hpp and queue.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

namespace {
std::vector<std::string> g_log;
Coro<> event_waiter(Event& e, std::string name) {
  co_await e.wait();
  g_log.push_back(name);
}
Coro<> lock_user(Lock& l, std::string name, double hold) {
  co_await l.acquire();
  g_log.push_back(name + " in");
  co_await sleep(hold);
  g_log.push_back(name + " out");
  l.release();
}
int g_inside = 0, g_max_inside = 0;
Coro<> sem_user(Semaphore& s) {
  co_await s.acquire();
  g_max_inside = std::max(g_max_inside, ++g_inside);
  co_await sleep(1);
  --g_inside;
  s.release();
}
}  // namespace

TEST(Event, SetWakesWaitersInTheOrderTheyStartedWaiting) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  Event e;
  for (auto n : {"a", "b", "c"}) loop.create_task(event_waiter(e, n));
  loop.run_once();
  EXPECT_EQ(loop.snapshot().tasks[0].awaiting.kind, AwaitKind::event);
  EXPECT_EQ(loop.snapshot().tasks[0].awaiting.label, e.label());
  EXPECT_EQ(e.statistics().waiters, 3u);
  loop.call_later(1, [&] { e.set(); });
  check::run_checked(loop, rec);
  EXPECT_EQ(g_log, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(e.statistics().waits, 3u);
}

TEST(Lock, IsFifoFair) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  Lock l;
  for (auto n : {"a", "b", "c"}) loop.create_task(lock_user(l, n, 1));
  check::run_checked(loop, rec);
  EXPECT_EQ(g_log, (std::vector<std::string>{"a in", "a out", "b in", "b out", "c in", "c out"}));
  EXPECT_THROW(l.release(), RuntimeError);
}

TEST(Lock, ACancelledWaiterLeavesTheQueue) {
  g_log.clear();
  EventLoop loop;
  Lock l;
  loop.create_task(lock_user(l, "a", 1));
  auto b = loop.create_task(lock_user(l, "b", 1));
  loop.create_task(lock_user(l, "c", 1));
  loop.run_once();
  b.cancel();
  while (loop.run_once()) {}
  EXPECT_EQ(g_log, (std::vector<std::string>{"a in", "a out", "c in", "c out"}));
  EXPECT_EQ(l.statistics().cancelled_waits, 1u);
}

TEST(Semaphore, LimitsConcurrency) {
  g_inside = g_max_inside = 0;
  EventLoop loop;
  Semaphore s(2);
  for (int i = 0; i < 6; ++i) loop.create_task(sem_user(s));
  while (loop.run_once()) {}
  EXPECT_EQ(g_max_inside, 2);
  EXPECT_DOUBLE_EQ(loop.time(), 3.0);
  EXPECT_EQ(s.value(), 2);
}

TEST(Queue, BoundedPutWaitsWhenFullAndGetWaitsWhenEmpty) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  Queue<int> q(2);
  loop.create_task([](Queue<int>& q) -> Coro<> {
    for (int i = 0; i < 5; ++i) {
      co_await q.put(i);
      g_log.push_back("put " + std::to_string(i));
    }
  }(q));
  loop.create_task([](Queue<int>& q) -> Coro<> {
    for (int i = 0; i < 5; ++i) {
      int v = co_await q.get();
      g_log.push_back("got " + std::to_string(v));
      co_await sleep(1);
      q.task_done();
    }
  }(q));
  check::run_checked(loop, rec);
  ASSERT_EQ(g_log.size(), 10u);
  EXPECT_EQ(g_log[0], "put 0");
  EXPECT_EQ(g_log[1], "put 1");
  EXPECT_EQ(g_log[2], "got 0");
  EXPECT_EQ(q.qsize(), 0u);
  EXPECT_THROW(q.get_nowait(), QueueEmpty);
  q.put_nowait(1);
  q.put_nowait(2);
  EXPECT_THROW(q.put_nowait(3), QueueFull);
}
