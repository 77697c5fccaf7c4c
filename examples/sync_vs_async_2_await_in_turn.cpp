// Coroutines awaited one after another: each co_await runs the job to its end before the
// next one starts, so the sleeps do not overlap: still 3 x 2 s = 6 s.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

constexpr int jobs = 3;
constexpr double seconds = 2;

Coro<> job(int n) {  // py: async def job(n):
  std::printf("job %d start\n", n);  // py: print(f"job {n} start")
  co_await sleep(seconds);  // suspends job: the loop could run something else  // py: await asyncio.sleep(SECONDS)
  std::printf("job %d done\n", n);  // py: print(f"job {n} done")
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = time.perf_counter()
  for (int n = 1; n <= jobs; ++n) {  // py: for n in range(1, JOBS + 1):
    co_await job(n);  // runs job to the end before the next one  // py: await job(n)
  }
  std::printf("took %.1f s\n", loop.time() - start);  // py: print(f"took {time.perf_counter() - start:.1f} s")
}

int main() { run(main_coro()); }
