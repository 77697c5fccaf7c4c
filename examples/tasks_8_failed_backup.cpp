// The exercise's starting code: the backup task fails while nobody holds or awaits it, so main
// never hears of it and the loop reports "Task exception was never retrieved" (the solution
// keeps the task and awaits it after the report).
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> backup() {  // py: async def backup():
  co_await sleep(1);  // py: await asyncio.sleep(1)
  throw RuntimeError("disk full");  // py: raise RuntimeError("disk full")
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();  // py: loop = asyncio.get_running_loop()
  double start = loop.time();  // py: start = loop.time()
  create_task(backup(), "backup");  // nobody keeps or awaits it  // py: asyncio.create_task(backup(), name="backup")
  co_await sleep(2);  // main's own work  // py: await asyncio.sleep(2)
  std::printf("report written at %.1f s\n", loop.time() - start);  // py: print(f"report written at {loop.time() - start:.1f} s")
  std::printf("main done\n");  // py: print("main done")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
