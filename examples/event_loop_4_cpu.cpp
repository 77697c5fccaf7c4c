// CPU-bound work blocks the loop exactly like time.sleep: no other task runs until the
// coroutine reaches an await.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> heartbeat(double start) {
  EventLoop& loop = *EventLoop::current();
  for (int i = 1; i <= 4; ++i) {
    co_await sleep(0.5);
    std::printf("beat %d at %.1f s\n", i, loop.time() - start);
  }
}

// Stands for real computation (hashing, parsing, resizing images): the loop thread is busy.
void cpu_work(double seconds) { EventLoop::current()->blocking(seconds, "cpu"); }

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  Task<> beats = create_task(heartbeat(start), "heartbeat");
  co_await sleep(0.7);
  std::printf("resizing at %.1f s\n", loop.time() - start);
  for (int i = 1; i <= 3; ++i) {
    cpu_work(0.5);  // half a second of computation, no await
    std::printf("image %d at %.1f s\n", i, loop.time() - start);
  }
  co_await beats;
}

int main() { run(main_coro()); }
