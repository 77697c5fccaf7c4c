// A coroutine pauses at each co_await and resumes where it left off when the timer is due.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

constexpr int times = 3;
constexpr double interval = 0.5;

Coro<> ticker(int count, double every) {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  for (int i = 1; i <= count; ++i) {
    co_await sleep(every);  // pause here; resume when the timer is due
    std::printf("tick %d at %.1f s\n", i, loop.time() - start);
  }
}

Coro<> main_coro() {
  co_await ticker(times, interval);
  std::printf("ticker returned\n");
}

int main() { run(main_coro()); }
