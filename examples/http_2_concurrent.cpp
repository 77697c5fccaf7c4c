// The same three GETs as tasks, gathered: they are in flight together, so the total is the
// slowest response. One session is shared by the three tasks.
#include "lesson_server.hpp"

#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/net/http_client.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr double orders = 1.5;

Coro<> fetch(net::ClientSession& session, std::string base, std::string path) {  // py: async def fetch(session, name):
  net::HttpResponse r = co_await session.get(base + path);  // py: async with session.get(f"{BASE}/{name}") as r:
  std::printf("%s: %d %s\n", path.c_str(), r.status, r.body.c_str());  // py: print(f"/{name}: {r.status} {body}")
}

// The lesson's routes (and paths) live outside the coroutine: g++ 12 cannot keep an
// initializer list alive across a co_await.
std::vector<examples::Route> routes() {
  return {{"/users", 1, 200, "3 users"}, {"/orders", orders, 200, "5 orders"}, {"/stock", 0.5, 200, "7 items"}};
}

Coro<> main_coro() {  // py: async def main():
  auto server = co_await examples::start_server(routes());
  std::string base = "http://127.0.0.1:" + std::to_string(server->port());
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  net::ClientSession session;
  std::vector<Task<>> tasks;
  tasks.push_back(create_task(fetch(session, base, "/users")));
  tasks.push_back(create_task(fetch(session, base, "/orders")));
  tasks.push_back(create_task(fetch(session, base, "/stock")));
  co_await gather(tasks);  // py: await asyncio.gather(fetch(session, "users"), fetch(session, "orders"), fetch(session, "stock"))
  std::printf("took %.1f s\n", loop.time() - start);  // py: print(f"took {loop.time() - start:.1f} s")
  server->close();
}

int main() { run(main_coro()); }
