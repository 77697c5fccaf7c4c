#pragma once
// lesson_server.hpp — the HTTP server the HTTP lesson's examples talk to: it listens on
// 127.0.0.1 (any free port) on the same loop, and each route answers after its latency.
#include <loopscope/coro.hpp>
#include <loopscope/net/http_server.hpp>
#include <loopscope/sleep.hpp>

#include <memory>
#include <string>
#include <vector>

namespace examples {

struct Route {
  std::string path;
  double latency = 0;   // seconds the handler sleeps before answering
  int status = 200;
  std::string body;
};

inline loopscope::Coro<loopscope::net::HttpResponse> answer(Route r) {
  co_await loopscope::sleep(r.latency);
  co_return loopscope::net::text_response(r.status, r.body);
}

// Starts serving; the returned server must outlive the requests made to it.
inline loopscope::Coro<std::unique_ptr<loopscope::net::HttpServer>> start_server(std::vector<Route> routes) {
  auto server = std::make_unique<loopscope::net::HttpServer>();
  for (const Route& r : routes) {
    server->get(r.path, [r](const loopscope::net::HttpRequest&) { return answer(r); });
  }
  co_await server->start();
  co_return server;
}

}  // namespace examples
