// Coroutines awaited one after another: each co_await runs the job to its end before the
// next one starts, so the sleeps do not overlap: still 3 x 2 s = 6 s.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

constexpr int jobs = 3;
constexpr double seconds = 2;

Coro<> job(int n) {
  std::printf("job %d start\n", n);
  co_await sleep(seconds);  // suspends job: the loop could run something else
  std::printf("job %d done\n", n);
}

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  for (int n = 1; n <= jobs; ++n) {
    co_await job(n);  // runs job to the end before the next one
  }
  std::printf("took %.1f s\n", loop.time() - start);
}

int main() { run(main_coro()); }
