// shield(task): the timeout cancels main's wait, not the save; main awaits the task again later.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/shield.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/timeout.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> save(std::string order) {  // py: async def save(order):
  co_await sleep(2);  // writing to the database takes 2 s  // py: await asyncio.sleep(2)
  std::printf("%.1fs %s saved\n", now(), order.c_str());  // py: print(f"{now():.1f}s {order} saved")
}

// The body of `async with asyncio.timeout(1):`, run inline in main.
Coro<> wait_shielded(Task<> saving) {
  co_await shield(saving);  // py: await asyncio.shield(saving)
}

Coro<> main_coro() {  // py: async def main():
  Task<> saving = create_task(save("order 42"), "save");  // py: saving = asyncio.create_task(save("order 42"), name="save")
  try {  // py: try:
    co_await timeout(1.0, wait_shielded(saving));  // py: async with asyncio.timeout(1):
  } catch (const TimeoutError&) {  // py: except TimeoutError:
    std::printf("%.1fs main: stopped waiting, the save goes on\n", now());  // py: print(f"{now():.1f}s main: stopped waiting, the save goes on")
  }
  co_await saving;  // py: await saving
  std::printf("%.1fs main: save confirmed\n", now());  // py: print(f"{now():.1f}s main: save confirmed")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
