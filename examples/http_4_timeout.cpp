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

Coro<> main_coro() {
  auto server = co_await examples::start_server(routes());
  std::string base = "http://127.0.0.1:" + std::to_string(server->port());
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  net::ClientSession session;
  try {
    net::HttpResponse r = co_await timeout(timeout_s, session.get(base + "/slow"));
    std::printf("/slow: %d %s\n", r.status, r.body.c_str());
  } catch (const TimeoutError&) {
    std::printf("gave up on /slow after %.1f s\n", loop.time() - start);
  }
  net::HttpResponse r = co_await session.get(base + "/fast");
  std::printf("/fast: %d %s at %.1f s\n", r.status, r.body.c_str(), loop.time() - start);
  server->close();
}

int main() { run(main_coro()); }
