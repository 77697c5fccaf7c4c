// Tests for queue.hpp.
#include "primitive_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::primitives;

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

TEST(Queue, PriorityQueueHandsOutTheSmallestItemAndLifoQueueTheNewest) {
  EventLoop loop;
  PriorityQueue<int> pq;
  for (int v : {3, 1, 2}) pq.put_nowait(v);
  EXPECT_EQ(pq.get_nowait(), 1);
  EXPECT_EQ(pq.get_nowait(), 2);
  EXPECT_EQ(pq.get_nowait(), 3);
  LifoQueue<int> lq;
  for (int v : {1, 2, 3}) lq.put_nowait(v);
  EXPECT_EQ(lq.get_nowait(), 3);
  EXPECT_EQ(lq.get_nowait(), 2);
  EXPECT_NE(lq.label().find("LifoQueue#"), std::string::npos);
  EXPECT_NE(pq.label().find("PriorityQueue#"), std::string::npos);
}

TEST(Queue, NowaitOnEmptyOrFullRaisesQueueEmptyOrQueueFullAndExtraTaskDoneIsAValueError) {
  EventLoop loop;
  Queue<int> q(1);
  EXPECT_THROW(q.get_nowait(), QueueEmpty);
  q.put_nowait(1);
  EXPECT_THROW(q.put_nowait(2), QueueFull);
  q.get_nowait();
  q.task_done();
  EXPECT_THROW(q.task_done(), ValueError);
}
