// A blocking call inside a coroutine (time.sleep) stops the whole loop: the heartbeat that is
// due at 1.0 s only runs when main gives the thread back, at 2.2 s.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

constexpr double block = 1.5;

Coro<> heartbeat(double start) {
  EventLoop& loop = *EventLoop::current();
  for (int i = 1; i <= 4; ++i) {
    co_await sleep(0.5);
    std::printf("beat %d at %.1f s\n", i, loop.time() - start);
  }
}

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  Task<> beats = create_task(heartbeat(start), "heartbeat");
  co_await sleep(0.7);
  std::printf("main blocks at %.1f s\n", loop.time() - start);
  loop.blocking(block, "time.sleep");  // blocking: the whole loop stops
  std::printf("main unblocks at %.1f s\n", loop.time() - start);
  co_await beats;
}

int main() { run(main_coro()); }
