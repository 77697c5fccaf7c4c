// A coroutine pauses at each co_await and resumes where it left off when the timer is due.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

constexpr int times = 3;
constexpr double interval = 0.5;

Coro<> ticker(int count, double every) {  // py: async def ticker(count, every):
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  for (int i = 1; i <= count; ++i) {  // py: for i in range(1, count + 1):
    co_await sleep(every);  // pause here; resume when the timer is due  // py: await asyncio.sleep(every)
    std::printf("tick %d at %.1f s\n", i, loop.time() - start);  // py: print(f"tick {i} at {loop.time() - start:.1f} s")
  }
}

Coro<> main_coro() {  // py: async def main():
  co_await ticker(times, interval);  // py: await ticker(TIMES, INTERVAL)
  std::printf("ticker returned\n");  // py: print("ticker returned")
}

int main() { run(main_coro()); }
