// The exercise's starting code: nothing sets a deadline, so the except TimeoutError never runs
// and the gather waits the full 3 s for /orders (the solution puts a 1 s timeout on each
// request, and /orders gives up at 1.0 s).
#include "lesson_server.hpp"

#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/net/http_client.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

Coro<> fetch(net::ClientSession& session, std::string base, std::string name, double start) {  // py: async def fetch(session, name, start):
  EventLoop& loop = *EventLoop::current();  // py: loop = asyncio.get_running_loop()
  try {  // py: try:
    net::HttpResponse r = co_await session.get(base + "/" + name);  // py: async with session.get(f"{BASE}/{name}") as r:
    std::printf("/%s: %d %s at %.1f s\n", name.c_str(), r.status, r.body.c_str(), loop.time() - start);  // py: print(f"/{name}: {r.status} {body} at {loop.time() - start:.1f} s")
  } catch (const TimeoutError&) {  // py: except TimeoutError:
    std::printf("/%s: gave up after %.1f s\n", name.c_str(), loop.time() - start);  // py: print(f"/{name}: gave up after {loop.time() - start:.1f} s")
  }
}

// The lesson's routes (and paths) live outside the coroutine: g++ 12 cannot keep an
// initializer list alive across a co_await.
std::vector<examples::Route> routes() {
  return {{"/users", 0.5, 200, "3 users"}, {"/orders", 3, 200, "5 orders"}, {"/stock", 0.2, 200, "7 items"}};
}

Coro<> main_coro() {  // py: async def main():
  auto server = co_await examples::start_server(routes());
  std::string base = "http://127.0.0.1:" + std::to_string(server->port());
  EventLoop& loop = *EventLoop::current();  // py: loop = asyncio.get_running_loop()
  double start = loop.time();  // py: start = loop.time()
  net::ClientSession session;  // py: async with aiohttp.ClientSession() as session:
  std::vector<Task<>> tasks;
  tasks.push_back(create_task(fetch(session, base, "users", start)));
  tasks.push_back(create_task(fetch(session, base, "orders", start)));
  tasks.push_back(create_task(fetch(session, base, "stock", start)));
  co_await gather(tasks);  // py: await asyncio.gather(fetch(session, "users", start), fetch(session, "orders", start), fetch(session, "stock", start))
  std::printf("took %.1f s\n", loop.time() - start);  // py: print(f"took {loop.time() - start:.1f} s")
  server->close();
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
