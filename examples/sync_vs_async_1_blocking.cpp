// Three jobs that block the loop thread, one after another: 3 x 2 s = 6 s.
// `loop.blocking(s)` is time.sleep(s): the thread waits and nothing else can run.
#include <loopscope/event_loop.hpp>

#include <cstdio>

using namespace loopscope;

constexpr int jobs = 3;
constexpr double seconds = 2;

void job(int n) {  // py: def job(n):
  std::printf("job %d start\n", n);  // py: print(f"job {n} start")
  EventLoop::current()->blocking(seconds, "time.sleep");  // blocks: nothing else can run  // py: time.sleep(SECONDS)
  std::printf("job %d done\n", n);  // py: print(f"job {n} done")
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = time.perf_counter()
  for (int n = 1; n <= jobs; ++n) {  // py: for n in range(1, JOBS + 1):
    job(n);  // py: job(n)
  }
  std::printf("took %.1f s\n", loop.time() - start);  // py: print(f"took {time.perf_counter() - start:.1f} s")
  co_return;
}

int main() { run(main_coro()); }
