// A 404 is a response like any other: the request completes normally and the program looks at
// the status itself.
#include "lesson_server.hpp"

#include <loopscope/event_loop.hpp>
#include <loopscope/net/http_client.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

// The lesson's routes (and paths) live outside the coroutine: g++ 12 cannot keep an
// initializer list alive across a co_await.
const char* const names[] = {"ping", "missing", "ping"};

std::vector<examples::Route> routes() {
  return {{"/ping", 0.1, 200, "pong"}, {"/missing", 0.1, 404, "no such page"}};
}

Coro<> main_coro() {  // py: async def main():
  auto server = co_await examples::start_server(routes());
  std::string base = "http://127.0.0.1:" + std::to_string(server->port());
  net::ClientSession session;
  for (const char* name : names) {  // py: for name in ["ping", "missing", "ping"]:
    net::HttpResponse r = co_await session.get(base + "/" + name);  // py: async with session.get(f"{BASE}/{name}") as r:
    if (r.status == 200) {  // py: if r.status == 200:
      std::printf("/%s: ok, %s\n", name, r.body.c_str());  // py: print(f"/{name}: ok, {body}")
    } else {  // py: else:
      std::printf("/%s: HTTP %d, %s\n", name, r.status, r.body.c_str());  // py: print(f"/{name}: HTTP {r.status}, {body}")
    }
  }
  std::printf("no exception raised\n");  // py: print("no exception raised")
  server->close();
}

int main() { run(main_coro()); }
