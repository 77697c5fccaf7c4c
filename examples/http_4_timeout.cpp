// A request with a 1 s timeout against a route that answers after 3 s: TimeoutError at 1 s,
// then the next request goes on normally.
#include "lesson_server.hpp"

#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/net/http_client.hpp>
#include <loopscope/timeout.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr double timeout_s = 1;

// The lesson's routes (and paths) live outside the coroutine: g++ 12 cannot keep an
// initializer list alive across a co_await.
std::vector<examples::Route> routes() {
  return {{"/slow", 3, 200, "finally"}, {"/fast", 0.2, 200, "quick"}};
}

Coro<> main_coro() {  // py: async def main():
  auto server = co_await examples::start_server(routes());
  std::string base = "http://127.0.0.1:" + std::to_string(server->port());
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  net::ClientSession session;
  try {  // py: try:
    net::HttpResponse r = co_await timeout(timeout_s, session.get(base + "/slow"));  // py: async with session.get(BASE + "/slow", timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as r:
    std::printf("/slow: %d %s\n", r.status, r.body.c_str());  // py: print(f"/slow: {r.status} {await r.text()}")
  } catch (const TimeoutError&) {  // py: except TimeoutError:
    std::printf("gave up on /slow after %.1f s\n", loop.time() - start);  // py: print(f"gave up on /slow after {loop.time() - start:.1f} s")
  }
  net::HttpResponse r = co_await session.get(base + "/fast");  // py: async with session.get(BASE + "/fast") as r:
  std::printf("/fast: %d %s at %.1f s\n", r.status, r.body.c_str(), loop.time() - start);  // py: print(f"/fast: {r.status} {await r.text()} at {loop.time() - start:.1f} s")
  server->close();
}

int main() { run(main_coro()); }
