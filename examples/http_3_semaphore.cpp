// Six requests, at most `limit` in flight: a Semaphore lets them in by pairs, first come
// first served.
#include "lesson_server.hpp"

#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/net/http_client.hpp>
#include <loopscope/semaphore.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int limit = 2;
constexpr int requests = 6;

Coro<> fetch(net::ClientSession& session, Semaphore& sem, std::string url, int i, double start) {  // py: async def fetch(session, sem, i, start):
  EventLoop& loop = *EventLoop::current();
  co_await sem.acquire();  // at most `limit` requests in flight  // py: async with sem:
  try {
    std::printf("request %d starts at %.1f s\n", i, loop.time() - start);  // py: print(f"request {i} starts at {loop.time() - start:.1f} s")
    co_await session.get(url);  // py: async with session.get(BASE + "/report") as r:
  } catch (...) {
    sem.release();
    throw;
  }
  sem.release();
}

// The lesson's routes (and paths) live outside the coroutine: g++ 12 cannot keep an
// initializer list alive across a co_await.
std::vector<examples::Route> routes() {
  return {{"/report", 1, 200, "ok"}};
}

Coro<> main_coro() {  // py: async def main():
  auto server = co_await examples::start_server(routes());
  std::string url = "http://127.0.0.1:" + std::to_string(server->port()) + "/report";
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  Semaphore sem(limit);
  net::ClientSession session;
  std::vector<Task<>> tasks;
  for (int i = 1; i <= requests; ++i) {  // py: await asyncio.gather(*[fetch(session, sem, i, start) for i in range(1, REQUESTS + 1)])
    tasks.push_back(create_task(fetch(session, sem, url, i, start), "request-" + std::to_string(i)));
  }
  co_await gather(tasks);
  std::printf("took %.1f s\n", loop.time() - start);  // py: print(f"took {loop.time() - start:.1f} s")
  server->close();
}

int main() { run(main_coro()); }
