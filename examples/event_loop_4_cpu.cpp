// CPU-bound work blocks the loop exactly like time.sleep: no other task runs until the
// coroutine reaches an await.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> heartbeat(double start) {  // py: async def heartbeat(start):
  EventLoop& loop = *EventLoop::current();
  for (int i = 1; i <= 4; ++i) {  // py: for i in range(1, 5):
    co_await sleep(0.5);  // py: await asyncio.sleep(0.5)
    std::printf("beat %d at %.1f s\n", i, loop.time() - start);  // py: print(f"beat {i} at {loop.time() - start:.1f} s")
  }
}

// Stands for real computation (hashing, parsing, resizing images): the loop thread is busy.
void cpu_work(double seconds) { EventLoop::current()->blocking(seconds, "cpu"); }

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  Task<> beats = create_task(heartbeat(start), "heartbeat");  // py: beats = asyncio.create_task(heartbeat(start), name="heartbeat")
  co_await sleep(0.7);  // py: await asyncio.sleep(0.7)
  std::printf("resizing at %.1f s\n", loop.time() - start);  // py: print(f"resizing at {loop.time() - start:.1f} s")
  for (int i = 1; i <= 3; ++i) {  // py: for i in range(1, 4):
    cpu_work(0.5);  // half a second of computation, no await  // py: cpu_work(0.5)
    std::printf("image %d at %.1f s\n", i, loop.time() - start);  // py: print(f"image {i} at {loop.time() - start:.1f} s")
  }
  co_await beats;  // py: await beats
}

int main() { run(main_coro()); }
