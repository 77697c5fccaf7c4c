// A blocking call inside a coroutine (time.sleep) stops the whole loop: the heartbeat that is
// due at 1.0 s only runs when main gives the thread back, at 2.2 s.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

constexpr double block = 1.5;

Coro<> heartbeat(double start) {  // py: async def heartbeat(start):
  EventLoop& loop = *EventLoop::current();
  for (int i = 1; i <= 4; ++i) {  // py: for i in range(1, 5):
    co_await sleep(0.5);  // py: await asyncio.sleep(0.5)
    std::printf("beat %d at %.1f s\n", i, loop.time() - start);  // py: print(f"beat {i} at {loop.time() - start:.1f} s")
  }
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  Task<> beats = create_task(heartbeat(start), "heartbeat");  // py: beats = asyncio.create_task(heartbeat(start), name="heartbeat")
  co_await sleep(0.7);  // py: await asyncio.sleep(0.7)
  std::printf("main blocks at %.1f s\n", loop.time() - start);  // py: print(f"main blocks at {loop.time() - start:.1f} s")
  loop.blocking(block, "time.sleep");  // blocking: the whole loop stops  // py: time.sleep(BLOCK)
  std::printf("main unblocks at %.1f s\n", loop.time() - start);  // py: print(f"main unblocks at {loop.time() - start:.1f} s")
  co_await beats;  // py: await beats
}

int main() { run(main_coro()); }
