// Tests for event.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

namespace {
[[maybe_unused]] std::vector<std::string> g_log;
[[maybe_unused]] Coro<> event_waiter(Event& e, std::string name) {
  co_await e.wait();
  g_log.push_back(name);
}
[[maybe_unused]] Coro<> lock_user(Lock& l, std::string name, double hold) {
  co_await l.acquire();
  g_log.push_back(name + " in");
  co_await sleep(hold);
  g_log.push_back(name + " out");
  l.release();
}
[[maybe_unused]] int g_inside = 0, g_max_inside = 0;
[[maybe_unused]] Coro<> sem_user(Semaphore& s) {
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
