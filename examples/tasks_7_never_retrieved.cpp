// A task that fails while nobody holds or awaits it: main is unaffected, and the loop's
// exception handler reports "Task exception was never retrieved" (on stderr by default).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <loopscope/errors.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> backup() {  // py: async def backup():
  co_await sleep(1);  // py: await asyncio.sleep(1)
  throw RuntimeError("disk full");  // py: raise RuntimeError("disk full")
}

Coro<> main_coro() {  // py: async def main():
  create_task(backup(), "backup");  // nobody keeps or awaits it  // py: asyncio.create_task(backup(), name="backup")
  co_await sleep(2);  // py: await asyncio.sleep(2)
  std::printf("main done; nobody looked at the backup task\n");  // py: print("main done; nobody looked at the backup task")
}

int main() { run(main_coro()); }
