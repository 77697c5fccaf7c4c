// Tests for shield.hpp.
#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace loopscope;

namespace {
Coro<int> value_after(double d, int v) {
  co_await sleep(d);
  co_return v;
}
Coro<int> through_shield(Task<int> inner) { co_return co_await shield(inner); }
}  // namespace

TEST(Shield, CancellingTheAwaiterLeavesTheInnerTaskRunning) {
  EventLoop loop;
  auto inner = loop.create_task(value_after(1, 5));
  auto outer = loop.create_task(through_shield(inner));
  loop.call_later(0.5, [outer]() mutable { outer.cancel(); });
  while (loop.run_once()) {}
  EXPECT_TRUE(outer.cancelled());
  EXPECT_TRUE(inner.done());
  EXPECT_FALSE(inner.cancelled());
  EXPECT_EQ(inner.result(), 5);
}

TEST(Shield, PassesTheResultInTwoHopsOneMoreThanAwaitingTheTask) {
  EventLoop loop;
  std::vector<std::string> log;
  auto inner = loop.create_task(value_after(0.1, 1));
  auto shielded = [](Task<int> t, std::vector<std::string>& log) -> Coro<> {
    co_await shield(t);
    log.push_back("shielded");
  };
  auto plain = [](Task<int> t, std::vector<std::string>& log) -> Coro<> {
    co_await t;
    log.push_back("plain");
  };
  loop.create_task(shielded(inner, log));
  loop.create_task(plain(inner, log));
  while (loop.run_once()) {}
  EXPECT_EQ(log, (std::vector<std::string>{"plain", "shielded"}));
}

TEST(Shield, AnInnerFailureReachesTheAwaiter) {
  EventLoop loop;
  auto failing = []() -> Coro<int> {
    co_await sleep(0.1);
    throw ValueError("inner");
  };
  auto main = [](Task<int> t) -> Coro<std::string> {
    try {
      co_await shield(t);
    } catch (const ValueError& e) {
      co_return e.what();
    }
    co_return "no";
  };
  auto inner = loop.create_task(failing());
  EXPECT_EQ(loop.run_until_complete(main(inner)), "inner");
}

TEST(Shield, ATaskThatIsAlreadyDoneIsReturnedWithoutSuspending) {
  EventLoop loop;
  auto inner = loop.create_task(value_after(0, 9));
  while (loop.run_once()) {}
  auto f = shield(inner);
  EXPECT_TRUE(f.done());
  EXPECT_EQ(f.result(), 9);
}
