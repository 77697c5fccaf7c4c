// Concurrent waits of 3, 1 and 2 s: each job finishes after its own wait, and the whole
// gather takes as long as the longest one (3 s), not the sum (6 s).
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

Coro<> job(std::string name, int seconds) {  // py: async def job(name, seconds):
  co_await sleep(seconds);  // py: await asyncio.sleep(seconds)
  std::printf("%s done after %d s\n", name.c_str(), seconds);  // py: print(f"{name} done after {seconds} s")
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  std::vector<Task<>> jobs;
  jobs.push_back(create_task(job("A", 3)));
  jobs.push_back(create_task(job("B", 1)));
  jobs.push_back(create_task(job("C", 2)));
  co_await gather(jobs);  // py: await asyncio.gather(job("A", 3), job("B", 1), job("C", 2))
  std::printf("all done in %.1f s\n", loop.time() - start);  // py: print(f"all done in {loop.time() - start:.1f} s")
}

int main() { run(main_coro()); }
