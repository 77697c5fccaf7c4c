// Tests for executor.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace loopscope;

TEST(Executor, ToThreadRunsOnAnotherThreadAndTheResultComesBackThroughTheLoop) {
  EventLoop loop;
  auto main = []() -> Coro<bool> {
    auto loop_thread = std::this_thread::get_id();
    auto worker_thread = co_await to_thread([] { return std::this_thread::get_id(); });
    co_return worker_thread != loop_thread;
  };
  EXPECT_TRUE(loop.run_until_complete(main()));
  EXPECT_DOUBLE_EQ(loop.time(), 0.0);
  EXPECT_EQ(loop.statistics().executor_jobs, 1u);
}

TEST(Executor, VirtualSecondsMakeTheCompletionTimeDeterministic) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  std::vector<std::string> log;
  loop.create_task([](std::vector<std::string>& log) -> Coro<> {
    int v = co_await to_thread([] { return 7; }, 2.0);
    log.push_back("job " + std::to_string(v) + " at " + std::to_string(EventLoop::current()->time()));
  }(log));
  loop.create_task([](std::vector<std::string>& log) -> Coro<> {
    co_await sleep(1);
    log.push_back("sleeper at " + std::to_string(EventLoop::current()->time()));
  }(log));
  check::run_checked(loop, rec);
  EXPECT_EQ(log, (std::vector<std::string>{"sleeper at 1.000000", "job 7 at 2.000000"}));
}

TEST(Executor, ExceptionsComeBackToTheAwaiter) {
  EventLoop loop;
  auto main = []() -> Coro<std::string> {
    try {
      co_await to_thread([]() -> int { throw std::runtime_error("in thread"); });
    } catch (const std::runtime_error& e) {
      co_return e.what();
    }
    co_return "no";
  };
  EXPECT_EQ(loop.run_until_complete(main()), "in thread");
}

TEST(Executor, CancellingTheAwaiterAbandonsTheJobAndTheLoopStillFinishes) {
  EventLoop loop;
  std::atomic<bool> ran{false};
  auto t = loop.create_task([](std::atomic<bool>& ran) -> Coro<int> {
    co_return co_await to_thread([&ran] {
      ran = true;
      return 1;
    }, 5.0);
  }(ran));
  loop.run_once();
  t.cancel();
  while (loop.run_once()) {}
  EXPECT_TRUE(t.cancelled());
  EXPECT_FALSE(loop.has_pending_work());
  EXPECT_TRUE(ran.load());
  EXPECT_LT(loop.time(), 5.0);
}
