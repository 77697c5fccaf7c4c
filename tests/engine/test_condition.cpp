// Tests for condition.hpp and barrier.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace loopscope;

namespace {
Coro<> waits(Condition& c, std::vector<std::string>& log, std::string name) {
  co_await c.acquire();
  co_await c.wait();
  log.push_back(name);
  c.release();
}
Coro<> notifies(Condition& c, std::size_t n) {
  co_await sleep(1);
  co_await c.acquire();
  c.notify(n);
  c.release();
}
}  // namespace

TEST(Condition, NotifyWakesTheFirstNWaitersInOrder) {
  EventLoop loop;
  Condition c;
  std::vector<std::string> log;
  loop.create_task(waits(c, log, "a"));
  loop.create_task(waits(c, log, "b"));
  loop.create_task(waits(c, log, "c"));
  loop.create_task(notifies(c, 2));
  while (loop.run_once()) {}
  EXPECT_EQ(log, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.waiting(), 1u);
}

TEST(Condition, WaitAndNotifyWithoutTheLockAreRuntimeErrors) {
  EventLoop loop;
  Condition c;
  EXPECT_THROW(c.notify(), RuntimeError);
  auto main = [](Condition& c) -> Coro<bool> {
    try {
      co_await c.wait();
    } catch (const RuntimeError&) {
      co_return true;
    }
    co_return false;
  };
  EXPECT_TRUE(loop.run_until_complete(main(c)));
}

TEST(Condition, AWaiterShowsTheConditionInTheSnapshotAndTheReplay) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  Condition c;
  std::vector<std::string> log;
  loop.create_task(waits(c, log, "a"));
  loop.run_once();
  const auto snap = loop.snapshot();
  ASSERT_EQ(snap.tasks.size(), 1u);
  EXPECT_EQ(snap.tasks[0].awaiting.kind, AwaitKind::condition);
  EXPECT_EQ(snap.tasks[0].awaiting.target, c.id());
  EXPECT_EQ(snap.tasks[0].awaiting.label, c.label());
  loop.create_task(notifies(c, 1));
  check::run_checked(loop, rec, [] { return false; });
  EXPECT_EQ(log, (std::vector<std::string>{"a"}));
}

TEST(Barrier, ReleasesAllPartiesOnceTheLastArrivesWithIndicesInArrivalOrder) {
  EventLoop loop;
  Barrier b(3);
  std::vector<std::string> log;
  auto party = [](Barrier& b, std::vector<std::string>& log, std::string name, double d) -> Coro<> {
    co_await sleep(d);
    int i = co_await b.wait();
    log.push_back(name + std::to_string(i));
  };
  loop.create_task(party(b, log, "a", 0.1));
  loop.create_task(party(b, log, "b", 0.3));
  loop.create_task(party(b, log, "c", 0.2));
  while (loop.run_once()) {}
  EXPECT_EQ(log, (std::vector<std::string>{"b2", "a0", "c1"}));
  EXPECT_EQ(b.n_waiting(), 0);
  EXPECT_FALSE(b.broken());
}

TEST(Barrier, AbortBreaksItForWaitersAndLaterCallers) {
  EventLoop loop;
  Barrier b(2);
  int broken = 0;
  auto party = [](Barrier& b, int& broken) -> Coro<> {
    try {
      co_await b.wait();
    } catch (const BrokenBarrierError&) {
      ++broken;
    }
  };
  auto main = [](Barrier& b, int& broken, decltype(party) party) -> Coro<> {
    auto t = create_task(party(b, broken));
    co_await sleep(0.1);
    co_await b.abort();
    co_await t;
    co_await party(b, broken);
  };
  loop.run_until_complete(main(b, broken, party));
  EXPECT_EQ(broken, 2);
  EXPECT_TRUE(b.broken());
}

TEST(Barrier, ZeroPartiesIsAValueError) { EXPECT_THROW(Barrier(0), ValueError); }
