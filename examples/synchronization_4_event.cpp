// An Event as a start signal: set() wakes every waiting runner at once, in the order they
// started waiting.
#include <loopscope/event.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int runners = 3;  // py: RUNNERS = 3

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> runner(int n, Event& start) {  // py: async def runner(n, start):
  std::printf("%.1fs runner %d ready\n", now(), n);  // py: print(f"{now():.1f}s runner {n} ready")
  co_await start.wait();  // until start.set()  // py: await start.wait()
  std::printf("%.1fs runner %d off\n", now(), n);  // py: print(f"{now():.1f}s runner {n} off")
  co_await sleep(n);  // runner n needs n seconds  // py: await asyncio.sleep(n)
  std::printf("%.1fs runner %d finished\n", now(), n);  // py: print(f"{now():.1f}s runner {n} finished")
}

Coro<> main_coro() {  // py: async def main():
  Event start;  // py: start = asyncio.Event()
  std::vector<Task<>> tasks;  // py: tasks = []
  for (int n = 1; n <= runners; ++n) {  // py: for n in range(1, RUNNERS + 1):
    tasks.push_back(create_task(runner(n, start), "runner-" + std::to_string(n)));  // py: tasks.append(asyncio.create_task(runner(n, start), name=f"runner-{n}"))
  }
  co_await sleep(1);  // warming up  // py: await asyncio.sleep(1)
  std::printf("%.1fs go!\n", now());  // py: print(f"{now():.1f}s go!")
  start.set();  // wakes every waiter  // py: start.set()
  co_await gather(tasks);  // py: await asyncio.gather(*tasks)
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
