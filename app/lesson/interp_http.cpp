// interp_http.cpp — the program's HTTP server and the http_get operation, on the engine's own
// HTTP/1.1 server and client session (engine/include/loopscope/net/).
//
// The server listens on 127.0.0.1 (any free port) on the run's own loop. The entry task starts
// it before the program's first operation; each route's handler sleeps `latency` seconds on the
// loop, then answers `status` with `body`. All requests of a run share one ClientSession, so
// connections are kept alive and reused, as with one aiohttp session. At shutdown the server and
// the session are closed.
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

#include <loopscope/net/http_client.hpp>
#include <loopscope/net/http_server.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/timeout.hpp>

namespace loopscope::lesson {

struct Interpreter::ServerState {
  net::HttpServer server;
  net::ClientSession session;
  bool started = false;
};

void Interpreter::start_server() {
  if (!m_step.program.server) return;
  m_server = std::make_shared<ServerState>();
  const Server& decl = *m_step.program.server;
  for (std::size_t i = 0; i < decl.routes.size(); ++i)
    m_server->server.get(decl.routes[i].path, [this, i](const net::HttpRequest&) { return handle_route(i); });
}

void Interpreter::stop_server() {
  if (!m_server) return;
  m_server->session.close();
  if (m_server->started) m_server->server.close();
  m_server.reset();
}

Coro<void> Interpreter::open_server() {
  if (!m_server || m_server->started) co_return;
  // Keep the state alive while the start completes, even if the run is torn down meanwhile.
  auto state = m_server;
  co_await state->server.start();
  state->started = true;
}

Coro<net::HttpResponse> Interpreter::handle_route(std::size_t index) {
  const Route& route = m_step.program.server->routes[index];
  Frame f;
  const double latency = eval_seconds(route.latency, f, "route latency");
  if (latency > 0) co_await sleep(latency);
  net::HttpResponse r;
  r.status = route.status;
  r.body = render(route.body, f);
  co_return r;
}

Coro<Flow> Interpreter::exec_http(const Op& op, Frame& f) {
  const auto& o = std::get<HttpGetOp>(op.data);
  if (!m_server) throw ProgramError("RuntimeError", "http_get needs the program's server, and it is not running");
  const std::string path = render(o.path, f);
  if (path.empty() || path[0] != '/') throw ProgramError("ValueError", "http_get path must start with '/', got " + to_repr(Value(path)));
  std::optional<double> limit;
  if (o.timeout) limit = eval_seconds(*o.timeout, f, "http_get timeout");
  auto state = m_server;
  const std::string url = state->server.url(path);
  // (No co_await inside ?: — g++ 12 destroys the temporary twice.)
  net::HttpResponse r;
  if (limit) r = co_await timeout(*limit, state->session.get(url));
  else r = co_await state->session.get(url);
  auto rv = std::make_shared<ResponseValue>();
  rv->status = r.status;
  rv->body = std::move(r.body);
  assign(f, o.into, Value(std::move(rv)));
  co_return Flow::next;
}

}  // namespace loopscope::lesson
