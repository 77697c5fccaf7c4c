// Tests for executor.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>
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

namespace {
// The worker takes `real_ms` of real time (busy, so the test never sleeps); the loop's trace must
// not depend on it: on the virtual clock a plain job completes at the first poll after it was
// submitted, and a job with virtual seconds exactly at its deadline.
std::vector<std::string> trace_with_worker_taking(int real_ms) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto job = [real_ms] {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(real_ms);
    while (std::chrono::steady_clock::now() < until) {
    }
    return 1;
  };
  loop.create_task([](decltype(job) j) -> Coro<> {
    co_await to_thread(j);
    co_await to_thread(j, 0.5);
    co_await to_thread(j);
  }(job));
  loop.create_task([]() -> Coro<> {
    for (int i = 0; i < 6; ++i) co_await sleep(0.2);
  }());
  loop.create_task([]() -> Coro<> {
    for (int i = 0; i < 20; ++i) co_await sleep(0);
  }());
  while (loop.run_once()) {
  }
  std::vector<std::string> out;
  for (const TraceEvent& e : rec.events())
    out.push_back(std::to_string(e.time) + " " + to_string(e.kind) + " task " + std::to_string(e.task) +
                  " handle " + std::to_string(e.handle) + " " + std::string(rec.str(e.text)));
  return out;
}
}  // namespace

TEST(Executor, OnTheVirtualClockTheTraceDoesNotDependOnHowLongTheWorkerReallyTakes) {
  const auto fast = trace_with_worker_taking(0);
  const auto slow = trace_with_worker_taking(30);
  ASSERT_GT(fast.size(), 100u);
  for (std::size_t i = 0; i < std::min(fast.size(), slow.size()); ++i) ASSERT_EQ(fast[i], slow[i]) << "event " << i;
  EXPECT_EQ(fast.size(), slow.size());
}

// The order of completions on the virtual clock is the order of submission, not the order the
// workers really finished in: swapping the real durations of two jobs changes nothing.
TEST(Executor, ConcurrentJobsSettleInSubmissionOrderWhateverTheirRealDurations) {
  auto run = [](int a_ms, int b_ms) {
    EventLoop loop;
    std::vector<std::string> log;
    auto job = [](std::vector<std::string>& log, std::string name, int ms) -> Coro<> {
      co_await to_thread([ms] { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); });
      log.push_back(name + " done");
    };
    auto main = [&]() -> Coro<> {
      std::vector<Task<>> ts{create_task(job(log, "A", a_ms)), create_task(job(log, "B", b_ms))};
      co_await gather(ts);
    };
    loop.run_until_complete(main());
    return log;
  };
  const std::vector<std::string> expected{"A done", "B done"};
  EXPECT_EQ(run(30, 0), expected);
  EXPECT_EQ(run(0, 30), expected);
}
