#pragma once
// combinator_programs.hpp — small coroutines the wait / wait_for / timeout / as_completed tests
// share: a value after a delay, a failure after a delay, and a sleep whose cancellation cleanup
// is logged in g_log.
#include <loopscope/engine.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace loopscope::testing::combinators {
inline std::vector<std::string> g_log;
inline Coro<int> after(double s, int v) {
  co_await sleep(s);
  co_return v;
}
inline Coro<int> fail_after(double s) {
  co_await sleep(s);
  throw std::runtime_error("bad");
}
inline Coro<int> slow_with_cleanup(double s) {
  try {
    co_await sleep(s);
  } catch (const CancelledError&) {
    g_log.push_back("cleanup");
    throw;
  }
  co_return 1;
}
}  // namespace loopscope::testing::combinators
