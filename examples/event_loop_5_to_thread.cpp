// to_thread runs the blocking call on a worker thread; the loop stays free and the heartbeat
// keeps its beat. (The second argument is the job's duration on the virtual clock.)
#include <loopscope/event_loop.hpp>
#include <loopscope/executor.hpp>
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
  std::printf("main hands off at %.1f s\n", loop.time() - start);  // py: print(f"main hands off at {loop.time() - start:.1f} s")
  co_await to_thread([] { /* the blocking call */ }, block);  // runs on a worker thread  // py: await asyncio.to_thread(time.sleep, BLOCK)
  std::printf("main back at %.1f s\n", loop.time() - start);  // py: print(f"main back at {loop.time() - start:.1f} s")
  co_await beats;  // py: await beats
}

int main() { run(main_coro()); }
