// Tests for coro.hpp: inline awaiting, exceptions, laziness, deep chains.
#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

namespace {
Coro<int> add(int a, int b) { co_return a + b; }
Coro<int> twice(int a) {
  int x = co_await add(a, a);
  co_return x;
}
Coro<int> thrower() {
  throw std::runtime_error("bad");
  co_return 0;
}
Coro<std::string> catcher() {
  try {
    co_await thrower();
  } catch (const std::runtime_error& e) {
    co_return std::string("caught ") + e.what();
  }
  co_return "no";
}
Coro<int> nested(int n) {
  if (n == 0) co_return 0;
  co_return 1 + co_await nested(n - 1);
}
Coro<> noop() { co_return; }
Coro<long> sequential(long n) {
  long k = 0;
  for (long i = 0; i < n; ++i) {
    co_await noop();
    ++k;
  }
  co_return k;
}
bool g_ran = false;
Coro<> marks() {
  g_ran = true;
  co_return;
}
}  // namespace

TEST(Coro, AwaitingRunsTheCoroutineInline) {
  EventLoop loop;
  EXPECT_EQ(loop.run_until_complete(twice(21)), 42);
  EXPECT_EQ(loop.statistics().tasks_created, 1u);
}

TEST(Coro, ExceptionsAreRethrownAtTheAwait) {
  EventLoop loop;
  EXPECT_EQ(loop.run_until_complete(catcher()), "caught bad");
}

TEST(Coro, IsLazyAndReportsANamedCoroutineThatWasNeverAwaited) {
  EventLoop loop;
  std::vector<std::string> warnings;
  loop.set_warning_handler([&](std::string_view w) { warnings.emplace_back(w); });
  g_ran = false;
  {
    auto c = marks();
    c.set_name("worker");
  }
  EXPECT_FALSE(g_ran);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "coroutine 'worker' was never awaited");
}

TEST(Coro, AnUnnamedCoroutineNeverAwaitedIsReportedByItsFunctionNameAsARuntimeWarning) {
  EventLoop loop;
  { auto c = marks(); }
  ASSERT_EQ(loop.warnings().size(), 1u);
  EXPECT_EQ(loop.warnings()[0].category, "RuntimeWarning");
  EXPECT_EQ(loop.warnings()[0].message, "coroutine 'marks' was never awaited");
}

TEST(Coro, TheShortFunctionNameDropsReturnTypeQualifiersAndParameters) {
  using detail::TaskCore;
  EXPECT_EQ(TaskCore::short_function_name("loopscope::Coro<int> ns::{anonymous}::worker(int, std::string)"), "worker");
  EXPECT_EQ(TaskCore::short_function_name("loopscope::Coro<std::pair<int, int> > Cls::run()"), "run");
  EXPECT_EQ(TaskCore::short_function_name("main()::<lambda()>"), "main()::<lambda()>");
}

TEST(Coro, AMillionNestedImmediateAwaitsDoNotOverflowTheStack) {
  EventLoop loop;
  EXPECT_EQ(loop.run_until_complete(nested(1000000)), 1000000);
}

TEST(Coro, AMillionSequentialImmediateAwaitsDoNotOverflowTheStack) {
  EventLoop loop;
  EXPECT_EQ(loop.run_until_complete(sequential(1000000)), 1000000);
}
