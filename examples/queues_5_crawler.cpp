// The exercise's starting code: an unbounded queue between a fast crawler and two slow
// fetchers grows without limit (the solution creates it with maxsize 2).
#include <loopscope/event_loop.hpp>
#include <loopscope/queue.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int links = 6;  // py: LINKS = 6

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> crawler(Queue<std::string>& queue) {  // py: async def crawler(queue):
  for (int i = 1; i <= links; ++i) {  // py: for i in range(1, LINKS + 1):
    co_await sleep(0.25);  // parsing a page finds one more link  // py: await asyncio.sleep(0.25)
    co_await queue.put("/page/" + std::to_string(i));  // py: await queue.put(f"/page/{i}")
    std::printf("%.2fs found /page/%d, %zu waiting\n", now(), i, queue.qsize());  // py: print(f"{now():.2f}s found /page/{i}, {queue.qsize()} waiting")
  }
}

Coro<> fetcher(std::string name, Queue<std::string>& queue) {  // py: async def fetcher(name, queue):
  while (true) {  // py: while True:
    std::string url = co_await queue.get();  // py: url = await queue.get()
    co_await sleep(1.5);  // downloading takes 1.5 s  // py: await asyncio.sleep(1.5)
    std::printf("%.2fs %s fetched %s\n", now(), name.c_str(), url.c_str());  // py: print(f"{now():.2f}s {name} fetched {url}")
    queue.task_done();  // py: queue.task_done()
  }
}

Coro<> main_coro() {  // py: async def main():
  Queue<std::string> queue;  // py: queue = asyncio.Queue()
  std::vector<Task<>> fetchers;  // py: fetchers = []
  for (int i = 1; i < 3; ++i) {  // py: for i in range(1, 3):
    std::string name = "fetcher-" + std::to_string(i);
    fetchers.push_back(create_task(fetcher(name, queue), name));  // py: fetchers.append(asyncio.create_task(fetcher(f"fetcher-{i}", queue), name=f"fetcher-{i}"))
  }
  co_await create_task(crawler(queue), "crawler");  // py: await asyncio.create_task(crawler(queue), name="crawler")
  co_await queue.join();  // py: await queue.join()
  std::printf("%.2fs crawled %d pages\n", now(), links);  // py: print(f"{now():.2f}s crawled {LINKS} pages")
  for (Task<>& f : fetchers) {  // py: for f in fetchers:
    f.cancel();  // py: f.cancel()
  }
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
