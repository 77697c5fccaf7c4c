// The exercise's starting code: gather raises a's error at once, but does not cancel c, which
// runs on, unowned, while main does other work (the solution owns them with a TaskGroup).
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> fetch(std::string name, double seconds) {  // py: async def fetch(name, seconds):
  try {  // py: try:
    co_await sleep(seconds);  // py: await asyncio.sleep(seconds)
    std::printf("%.1fs %s done\n", now(), name.c_str());  // py: print(f"{now():.1f}s {name} done")
  } catch (const CancelledError&) {  // py: except asyncio.CancelledError:
    std::printf("%.1fs %s cancelled\n", now(), name.c_str());  // py: print(f"{now():.1f}s {name} cancelled")
    throw;  // py: raise
  }
}

Coro<> broken(std::string name) {  // py: async def broken(name):
  co_await sleep(1);  // py: await asyncio.sleep(1)
  throw ValueError(name + " failed");  // py: raise ValueError(f"{name} failed")
}

Coro<> main_coro() {  // py: async def main():
  std::vector<Task<>> tasks;
  tasks.push_back(create_task(broken("a"), "a"));  // py: asyncio.create_task(broken("a"), name="a"),
  tasks.push_back(create_task(fetch("b", 0.5), "b"));  // py: asyncio.create_task(fetch("b", 0.5), name="b"),
  tasks.push_back(create_task(fetch("c", 3), "c"));  // py: asyncio.create_task(fetch("c", 3), name="c"),
  try {  // py: try:
    co_await gather(tasks);  // py: await asyncio.gather(
  } catch (const ValueError& e) {  // py: except ValueError as e:
    std::printf("%.1fs main: %s\n", now(), e.what());  // py: print(f"{now():.1f}s main: {e}")
  }
  co_await sleep(3);  // main goes on with other work  // py: await asyncio.sleep(3)
  std::printf("%.1fs main: done\n", now());  // py: print(f"{now():.1f}s main: done")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
