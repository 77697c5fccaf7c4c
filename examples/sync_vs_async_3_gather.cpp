// The same jobs as tasks, awaited together with gather: the three sleeps overlap, so the
// whole run takes 2 s instead of 6.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int jobs = 3;
constexpr double seconds = 2;

Coro<> job(int n) {  // py: async def job(n):
  std::printf("job %d start\n", n);  // py: print(f"job {n} start")
  co_await sleep(seconds);  // py: await asyncio.sleep(SECONDS)
  std::printf("job %d done\n", n);  // py: print(f"job {n} done")
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = time.perf_counter()
  std::vector<Task<>> tasks;
  for (int n = 1; n <= jobs; ++n) {  // py: tasks = [asyncio.create_task(job(n), name=f"job-{n}") for n in range(1, JOBS + 1)]
    tasks.push_back(create_task(job(n), "job-" + std::to_string(n)));
  }
  co_await gather(tasks);  // py: await asyncio.gather(*tasks)
  std::printf("took %.1f s\n", loop.time() - start);  // py: print(f"took {time.perf_counter() - start:.1f} s")
}

int main() { run(main_coro()); }
