// task_done() after each finished job; join() waits until every job put is finished. The idle
// workers are then cancelled at their get().
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/queue.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int jobs = 6;  // py: JOBS = 6
constexpr int workers_n = 3;  // py: WORKERS = 3

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> worker(std::string name, Queue<int>& queue) {  // py: async def worker(name, queue):
  try {  // py: try:
    while (true) {  // py: while True:
      int job = co_await queue.get();  // py: job = await queue.get()
      co_await sleep(1);  // each job takes 1 s  // py: await asyncio.sleep(1)
      std::printf("%.1fs %s finished job %d\n", now(), name.c_str(), job);  // py: print(f"{now():.1f}s {name} finished job {job}")
      queue.task_done();  // one fewer unfinished item  // py: queue.task_done()
    }
  } catch (const CancelledError&) {  // py: except asyncio.CancelledError:
    std::printf("%.1fs %s cancelled while idle\n", now(), name.c_str());  // py: print(f"{now():.1f}s {name} cancelled while idle")
    throw;  // py: raise
  }
}

Coro<> main_coro() {  // py: async def main():
  Queue<int> queue;  // py: queue = asyncio.Queue()
  for (int job = 1; job <= jobs; ++job) {  // py: for job in range(1, JOBS + 1):
    queue.put_nowait(job);  // py: queue.put_nowait(job)
  }
  std::vector<Task<>> workers;  // py: workers = []
  for (int i = 1; i <= workers_n; ++i) {  // py: for i in range(1, WORKERS + 1):
    std::string name = "worker-" + std::to_string(i);
    workers.push_back(create_task(worker(name, queue), name));  // py: workers.append(asyncio.create_task(worker(f"worker-{i}", queue), name=f"worker-{i}"))
  }
  co_await queue.join();  // until task_done() was called once per job  // py: await queue.join()
  std::printf("%.1fs all jobs done\n", now());  // py: print(f"{now():.1f}s all jobs done")
  for (Task<>& w : workers) {  // py: for w in workers:
    w.cancel();  // py: w.cancel()
  }
  co_await gather(workers, ReturnExceptions::yes);  // py: await asyncio.gather(*workers, return_exceptions=True)
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
