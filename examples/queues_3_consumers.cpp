// Several workers share one queue; one sentinel per worker (nullopt for Python's None), put
// after the jobs, stops each of them once the jobs are gone.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/queue.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int jobs = 6;  // py: JOBS = 6
constexpr int workers_n = 3;  // py: WORKERS = 3

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> worker(std::string name, Queue<std::optional<int>>& queue) {  // py: async def worker(name, queue):
  while (true) {  // py: while True:
    std::optional<int> job = co_await queue.get();  // py: job = await queue.get()
    if (!job) {  // the sentinel: no more work  // py: if job is None:
      std::printf("%.1fs %s stops\n", now(), name.c_str());  // py: print(f"{now():.1f}s {name} stops")
      break;  // py: break
    }
    co_await sleep(1);  // each job takes 1 s  // py: await asyncio.sleep(1)
    std::printf("%.1fs %s finished job %d\n", now(), name.c_str(), *job);  // py: print(f"{now():.1f}s {name} finished job {job}")
  }
}

Coro<> main_coro() {  // py: async def main():
  Queue<std::optional<int>> queue;  // py: queue = asyncio.Queue()
  for (int job = 1; job <= jobs; ++job) {  // py: for job in range(1, JOBS + 1):
    queue.put_nowait(job);  // py: queue.put_nowait(job)
  }
  for (int n = 0; n < workers_n; ++n) {  // py: for _ in range(WORKERS):
    queue.put_nowait(std::nullopt);  // one sentinel per worker  // py: queue.put_nowait(None)
  }
  std::vector<Task<>> workers;  // py: workers = []
  for (int i = 1; i <= workers_n; ++i) {  // py: for i in range(1, WORKERS + 1):
    std::string name = "worker-" + std::to_string(i);
    workers.push_back(create_task(worker(name, queue), name));  // py: workers.append(asyncio.create_task(worker(f"worker-{i}", queue), name=f"worker-{i}"))
  }
  co_await gather(workers);  // py: await asyncio.gather(*workers)
  std::printf("%.1fs all workers stopped\n", now());  // py: print(f"{now():.1f}s all workers stopped")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
