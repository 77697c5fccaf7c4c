// Three jobs that block the loop thread, one after another: 3 x 2 s = 6 s.
// `loop.blocking(s)` is time.sleep(s): the thread waits and nothing else can run.
#include <loopscope/event_loop.hpp>

#include <cstdio>

using namespace loopscope;

constexpr int jobs = 3;
constexpr double seconds = 2;

void job(int n) {
  std::printf("job %d start\n", n);
  EventLoop::current()->blocking(seconds, "time.sleep");  // blocks: nothing else can run
  std::printf("job %d done\n", n);
}

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  for (int n = 1; n <= jobs; ++n) {
    job(n);
  }
  std::printf("took %.1f s\n", loop.time() - start);
  co_return;
}

int main() { run(main_coro()); }
