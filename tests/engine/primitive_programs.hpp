#pragma once
// primitive_programs.hpp — small coroutines the Event / Lock / Semaphore / Queue tests share:
// each appends what it does to g_log (or counts how many are inside), so a test can compare
// the order of events with asyncio's.
#include <loopscope/engine.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace loopscope::testing::primitives {
inline std::vector<std::string> g_log;
inline Coro<> event_waiter(Event& e, std::string name) {
  co_await e.wait();
  g_log.push_back(name);
}
inline Coro<> lock_user(Lock& l, std::string name, double hold) {
  co_await l.acquire();
  g_log.push_back(name + " in");
  co_await sleep(hold);
  g_log.push_back(name + " out");
  l.release();
}
inline int g_inside = 0, g_max_inside = 0;
inline Coro<> sem_user(Semaphore& s) {
  co_await s.acquire();
  g_max_inside = std::max(g_max_inside, ++g_inside);
  co_await sleep(1);
  --g_inside;
  s.release();
}
}  // namespace loopscope::testing::primitives
