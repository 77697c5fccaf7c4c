// One session for the whole program: the requests share one kept-alive connection.
#include "lesson_server.hpp"

#include <loopscope/event_loop.hpp>
#include <loopscope/net/http_client.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

Coro<> fetch(net::ClientSession& session, std::string base, std::string path) {  // py: async def fetch(session, name):
  net::HttpResponse r = co_await session.get(base + path);  // py: async with session.get(f"{BASE}/{name}") as r:
  std::printf("%s: %d %s\n", path.c_str(), r.status, r.body.c_str());  // py: print(f"/{name}: {r.status} {body}")
}

// The lesson's routes (and paths) live outside the coroutine: g++ 12 cannot keep an
// initializer list alive across a co_await.
const char* const paths[] = {"/ping", "/ping", "/ping"};

std::vector<examples::Route> routes() {
  return {{"/ping", 0.1, 200, "pong"}};
}

Coro<> main_coro() {  // py: async def main():
  auto server = co_await examples::start_server(routes());
  std::string base = "http://127.0.0.1:" + std::to_string(server->port());
  net::ClientSession session;  // one session for the whole program
  for (const char* path : paths) {  // py: for name in ["ping", "ping", "ping"]:
    co_await fetch(session, base, path);  // py: await fetch(session, name)
  }
  server->close();
}

int main() { run(main_coro()); }
