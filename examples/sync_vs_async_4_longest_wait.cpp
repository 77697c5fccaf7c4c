// Concurrent waits of 3, 1 and 2 s: each job finishes after its own wait, and the whole
// gather takes as long as the longest one (3 s), not the sum (6 s).
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

Coro<> job(std::string name, int seconds) {
  co_await sleep(seconds);
  std::printf("%s done after %d s\n", name.c_str(), seconds);
}

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  std::vector<Task<>> jobs;
  jobs.push_back(create_task(job("A", 3)));
  jobs.push_back(create_task(job("B", 1)));
  jobs.push_back(create_task(job("C", 2)));
  co_await gather(jobs);
  std::printf("all done in %.1f s\n", loop.time() - start);
}

int main() { run(main_coro()); }
