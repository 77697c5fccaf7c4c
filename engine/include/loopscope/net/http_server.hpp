#pragma once
// net/http_server.hpp — an HTTP/1.1 server on the loop: routes to coroutine handlers.
//
//   HttpServer server;                                   // binds 127.0.0.1, any free port
//   server.get("/hello", [](const HttpRequest&) -> Coro<HttpResponse> {
//     co_await sleep(0.5);
//     co_return HttpResponse{.body = "Hello, world!"};
//   });
//   co_await server.start();
//   ... server.port() ...
//   server.close(); co_await server.wait_closed();
//
// Behaviour:
//   - each connection is one task ("conn 127.0.0.1:54321") that reads requests, runs the
//     matching handler inline and writes the response; keep-alive is the HTTP/1.1 default;
//     pipelined requests are answered in order;
//   - a request the parser rejects gets 400 (malformed), 413 (body over the limit) or 431 (head
//     over the limit), then the connection closes; an unknown path gets 404, a known path with
//     another method 405; a handler that throws gets 500 (reported through the loop's
//     exception handler);
//   - HEAD is served by the GET route, without the body;
//   - a connection with no request in progress for idle_timeout seconds is closed; a request
//     that does not arrive completely within request_timeout is answered 408 and closed;
//   - close() is graceful: no new connections, idle connections close at once, requests in
//     progress complete and their responses say "Connection: close".
// Copies of an HttpServer share one server.
//
// Sections: HttpServerOptions · HttpServerStatistics · HttpServer
#include <loopscope/coro.hpp>
#include <loopscope/net/http_limits.hpp>
#include <loopscope/net/http_message.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace loopscope::net {

using HttpHandler = std::function<Coro<HttpResponse>(const HttpRequest&)>;

// ---- HttpServerOptions ----------------------------------------------------------------------
struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;            // 0: any free port (read it back with port())
  HttpLimits limits;                 // request head / body limits (431 / 413 beyond them)
  double idle_timeout = 15.0;        // keep-alive connection waiting for its next request
  double request_timeout = 30.0;     // from a request's first byte to its last
  int backlog = 512;
};

// ---- HttpServerStatistics -------------------------------------------------------------------
struct HttpServerStatistics {
  std::uint64_t connections = 0;     // accepted
  std::uint64_t requests = 0;        // complete requests read
  std::uint64_t bad_requests = 0;    // answered 400 / 408 / 413 / 431
  std::uint64_t not_found = 0;       // answered 404 / 405
  std::uint64_t handler_errors = 0;  // answered 500
  std::uint64_t idle_closed = 0;     // connections closed by the idle timeout
};

// ---- HttpServer -----------------------------------------------------------------------------
namespace detail {
struct HttpServerState;
}

class HttpServer {
public:
  explicit HttpServer(HttpServerOptions options = {});

  // Routes an exact path (no query) and method to a handler; the last route given wins.
  HttpServer& route(std::string_view method, std::string_view path, HttpHandler handler);
  HttpServer& get(std::string_view path, HttpHandler handler) {
    return route("GET", path, std::move(handler));
  }
  HttpServer& post(std::string_view path, HttpHandler handler) {
    return route("POST", path, std::move(handler));
  }

  // Binds and starts accepting (on the current loop).
  Coro<void> start();
  std::uint16_t port() const noexcept;
  // "http://127.0.0.1:PORT" + path
  std::string url(std::string_view path = "/") const;
  bool is_serving() const noexcept;

  // Graceful close (see above); wait_closed() returns when every connection has finished.
  void close();
  // Close, and cancel the requests in progress too (their handlers unwind at their await and
  // their connections close without a response): a server that stops now, as a process that
  // exits. Loopscope stops a lesson's server so when the lesson's program ends.
  void abort();
  Coro<void> wait_closed();

  HttpServerStatistics statistics() const noexcept;
  std::size_t open_connections() const noexcept;

private:
  std::shared_ptr<detail::HttpServerState> m_state;
};

// A response with that status, its standard phrase as a text/plain body.
HttpResponse text_response(int status, std::string body = {});

}  // namespace loopscope::net
