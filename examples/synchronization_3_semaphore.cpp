// Semaphore(limit): at most `limit` downloads inside at once; the others wait in order.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/semaphore.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int downloads = 5;  // py: DOWNLOADS = 5
constexpr int limit = 2;  // py: LIMIT = 2

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

// Releases the semaphore when the block is left, however it is left (the end of `async with`).
struct Release {
  Semaphore& sem;
  ~Release() { sem.release(); }
};

Coro<> download(int n, Semaphore& sem) {  // py: async def download(n, sem):
  {
    co_await sem.acquire();  // at most `limit` tasks get past this line at once  // py: async with sem:
    Release release{sem};
    std::printf("%.1fs download %d starts\n", now(), n);  // py: print(f"{now():.1f}s download {n} starts")
    co_await sleep(1);  // py: await asyncio.sleep(1)
  }
  std::printf("%.1fs download %d done\n", now(), n);  // py: print(f"{now():.1f}s download {n} done")
}

Coro<> main_coro() {  // py: async def main():
  Semaphore sem(limit);  // py: sem = asyncio.Semaphore(LIMIT)
  std::vector<Task<>> tasks;  // py: tasks = []
  for (int n = 1; n <= downloads; ++n) {  // py: for n in range(1, DOWNLOADS + 1):
    tasks.push_back(create_task(download(n, sem), "download-" + std::to_string(n)));  // py: tasks.append(asyncio.create_task(download(n, sem), name=f"download-{n}"))
  }
  co_await gather(tasks);  // py: await asyncio.gather(*tasks)
  std::printf("%.1fs all downloads done\n", now());  // py: print(f"{now():.1f}s all downloads done")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
