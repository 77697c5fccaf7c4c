// Tests for task_group.hpp.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

namespace {
std::vector<std::string> g_log;
Coro<> worker(std::string name, double s) {
  try {
    co_await sleep(s);
    g_log.push_back(name + " done");
  } catch (const CancelledError&) {
    g_log.push_back(name + " cancelled");
    throw;
  }
}
Coro<> crasher(double s) {
  co_await sleep(s);
  throw std::runtime_error("crash");
}
}  // namespace

TEST(TaskGroup, JoinWaitsForEveryChild) {
  g_log.clear();
  EventLoop loop;
  loop.run_until_complete([]() -> Coro<> {
    TaskGroup g;
    g.create_task(worker("a", 2));
    g.create_task(worker("b", 1));
    co_await g.join();
  }());
  EXPECT_EQ(g_log, (std::vector<std::string>{"b done", "a done"}));
  EXPECT_DOUBLE_EQ(loop.time(), 2.0);
}

TEST(TaskGroup, AFailingChildCancelsItsSiblingsInCreationOrderAndErrorsSurfaceTogether) {
  g_log.clear();
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto main = loop.create_task([]() -> Coro<std::string> {
    TaskGroup g;
    g.create_task(worker("a", 5));
    g.create_task(crasher(1));
    g.create_task(worker("c", 5));
    g.create_task(crasher(1));
    try {
      co_await g.join();
    } catch (const ExceptionGroup& eg) {
      co_return std::to_string(eg.exceptions().size()) + " " + describe_exception(eg.exceptions()[0]);
    }
    co_return "no";
  }());
  check::run_checked(loop, rec);
  EXPECT_EQ(main.result(), "2 runtime_error: crash");
  EXPECT_EQ(g_log, (std::vector<std::string>{"a cancelled", "c cancelled"}));
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
  EXPECT_EQ(main.cancelling(), 0);
}

TEST(TaskGroup, AFailingChildInterruptsTheBody) {
  g_log.clear();
  EventLoop loop;
  auto r = loop.run_until_complete([]() -> Coro<std::string> {
    TaskGroup g;
    std::exception_ptr body;
    try {
      g.create_task(crasher(1));
      co_await sleep(10);
      g_log.push_back("body finished");
    } catch (...) {
      body = std::current_exception();
    }
    try {
      co_await g.join(body);
    } catch (const ExceptionGroup& eg) {
      co_return eg.what();
    }
    co_return "no";
  }());
  EXPECT_EQ(r, "unhandled errors in a TaskGroup (1 sub-exception)\n  runtime_error: crash");
  EXPECT_TRUE(g_log.empty());
  EXPECT_DOUBLE_EQ(loop.time(), 1.0);
}
