// Three timers: each loop iteration polls until the next deadline, moves the due timer to the
// ready queue and runs what is ready, so the alarms ring in deadline order.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int eggs = 1;

Coro<> alarm(std::string name, int delay, double start) {  // py: async def alarm(name, delay, start):
  EventLoop& loop = *EventLoop::current();
  std::printf("%s set for %d s\n", name.c_str(), delay);  // py: print(f"{name} set for {delay} s")
  co_await sleep(delay);  // py: await asyncio.sleep(delay)
  std::printf("%s rings at %.1f s\n", name.c_str(), loop.time() - start);  // py: print(f"{name} rings at {loop.time() - start:.1f} s")
}

Coro<> main_coro() {  // py: async def main():
  double start = EventLoop::current()->time();  // py: start = asyncio.get_running_loop().time()
  std::vector<Task<>> alarms;
  alarms.push_back(create_task(alarm("tea", 3, start)));
  alarms.push_back(create_task(alarm("eggs", eggs, start)));
  alarms.push_back(create_task(alarm("toast", 2, start)));
  co_await gather(alarms);  // py: await asyncio.gather(alarm("tea", 3, start), alarm("eggs", EGGS, start), alarm("toast", 2, start))
}

int main() { run(main_coro()); }
