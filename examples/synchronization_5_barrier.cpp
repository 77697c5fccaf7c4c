// A Barrier(parties): each hiker waits at the hut until all have arrived; wait() returns the
// arrival index. The last to arrive never waits, so it leaves first.
#include <loopscope/barrier.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int hikers = 3;  // py: HIKERS = 3

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> hiker(int n, Barrier& hut) {  // py: async def hiker(n, hut):
  co_await sleep(n);  // hiker n needs n seconds  // py: await asyncio.sleep(n)
  std::printf("%.1fs hiker %d reaches the hut\n", now(), n);  // py: print(f"{now():.1f}s hiker {n} reaches the hut")
  int index = co_await hut.wait();  // until all `hikers` have arrived  // py: index = await hut.wait()
  std::printf("%.1fs hiker %d leaves (arrived #%d)\n", now(), n, index);  // py: print(f"{now():.1f}s hiker {n} leaves (arrived #{index})")
}

Coro<> main_coro() {  // py: async def main():
  Barrier hut(hikers);  // py: hut = asyncio.Barrier(HIKERS)
  std::vector<Task<>> tasks;  // py: tasks = []
  for (int n = 1; n <= hikers; ++n) {  // py: for n in range(1, HIKERS + 1):
    tasks.push_back(create_task(hiker(n, hut), "hiker-" + std::to_string(n)));  // py: tasks.append(asyncio.create_task(hiker(n, hut), name=f"hiker-{n}"))
  }
  co_await gather(tasks);  // py: await asyncio.gather(*tasks)
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
