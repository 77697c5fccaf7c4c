// The same jobs as tasks, awaited together with gather: the three sleeps overlap, so the
// whole run takes 2 s instead of 6.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int jobs = 3;
constexpr double seconds = 2;

Coro<> job(int n) {
  std::printf("job %d start\n", n);
  co_await sleep(seconds);
  std::printf("job %d done\n", n);
}

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  std::vector<Task<>> tasks;
  for (int n = 1; n <= jobs; ++n) {
    tasks.push_back(create_task(job(n), "job-" + std::to_string(n)));
  }
  co_await gather(tasks);
  std::printf("took %.1f s\n", loop.time() - start);
}

int main() { run(main_coro()); }
