// The exercise's starting code: load_settings blocks the loop thread for 1.5 s, so the
// heartbeat due at 1.0 s only beats at 2.2 s (the solution runs it with to_thread, and the
// heartbeat keeps its beat).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

std::string load_settings() {  // py: def load_settings():
  EventLoop::current()->blocking(1.5, "time.sleep");  // an old library call: it blocks the thread  // py: time.sleep(1.5)
  return "dark";  // py: return "dark"
}

Coro<> heartbeat(double start) {  // py: async def heartbeat(start):
  EventLoop& loop = *EventLoop::current();  // py: loop = asyncio.get_running_loop()
  for (int i = 1; i <= 4; ++i) {  // py: for i in range(1, 5):
    co_await sleep(0.5);  // py: await asyncio.sleep(0.5)
    std::printf("beat %d at %.1f s\n", i, loop.time() - start);  // py: print(f"beat {i} at {loop.time() - start:.1f} s")
  }
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();  // py: loop = asyncio.get_running_loop()
  double start = loop.time();  // py: start = loop.time()
  Task<> beats = create_task(heartbeat(start), "heartbeat");  // py: beats = asyncio.create_task(heartbeat(start), name="heartbeat")
  co_await sleep(0.7);  // py: await asyncio.sleep(0.7)
  std::printf("loading settings at %.1f s\n", loop.time() - start);  // py: print(f"loading settings at {loop.time() - start:.1f} s")
  std::string theme = load_settings();  // py: theme = load_settings()
  std::printf("theme %s at %.1f s\n", theme.c_str(), loop.time() - start);  // py: print(f"theme {theme} at {loop.time() - start:.1f} s")
  co_await beats;  // py: await beats
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
