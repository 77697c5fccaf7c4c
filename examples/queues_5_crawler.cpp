// The exercise's starting code: an unbounded queue between a fast crawler and two slow
// fetchers grows without limit (the solution creates it with maxsize 2).
#include <loopscope/event_loop.hpp>
#include <loopscope/queue.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int pages = 3;  // py: PAGES = 3
// At file scope: g++ 12 cannot keep an initializer list alive across a co_await.
constexpr const char* links_per_page[] = {"a", "b"};

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> crawler(Queue<std::string>& queue) {  // py: async def crawler(queue):
  for (int page = 1; page <= pages; ++page) {  // py: for page in range(1, PAGES + 1):
    co_await sleep(0.5);  // parsing a page finds two links  // py: await asyncio.sleep(0.5)
    for (const char* link : links_per_page) {  // py: for link in ("a", "b"):
      std::string url = "/" + std::to_string(page) + link;
      co_await queue.put(url);  // py: await queue.put(f"/{page}{link}")
      std::printf("%.1fs found %s, %zu waiting\n", now(), url.c_str(), queue.qsize());  // py: print(f"{now():.1f}s found /{page}{link}, {queue.qsize()} waiting")
    }
  }
}

Coro<> fetcher(std::string name, Queue<std::string>& queue) {  // py: async def fetcher(name, queue):
  while (true) {  // py: while True:
    std::string url = co_await queue.get();  // py: url = await queue.get()
    co_await sleep(1.5);  // downloading takes 1.5 s  // py: await asyncio.sleep(1.5)
    std::printf("%.1fs %s fetched %s\n", now(), name.c_str(), url.c_str());  // py: print(f"{now():.1f}s {name} fetched {url}")
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
  std::printf("%.1fs crawled %d pages\n", now(), pages);  // py: print(f"{now():.1f}s crawled {PAGES} pages")
  for (Task<>& f : fetchers) {  // py: for f in fetchers:
    f.cancel();  // py: f.cancel()
  }
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
