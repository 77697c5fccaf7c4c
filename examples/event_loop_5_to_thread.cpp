// to_thread runs the blocking call on a worker thread; the loop stays free and the heartbeat
// keeps its beat. (The second argument is the job's duration on the virtual clock.)
#include <loopscope/event_loop.hpp>
#include <loopscope/executor.hpp>
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
  std::printf("main hands off at %.1f s\n", loop.time() - start);
  co_await to_thread([] { /* the blocking call */ }, block);  // runs on a worker thread
  std::printf("main back at %.1f s\n", loop.time() - start);
  co_await beats;
}

int main() { run(main_coro()); }
