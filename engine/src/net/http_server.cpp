// http_server.cpp — HttpServer: routing, the per-connection request loop, timeouts, close.
//
// Sections: state · routing · connection timer · Date · connection loop · HttpServer
//
// Hot path (keep-alive GET): parse from the connection's buffer, run the handler inline,
// serialise into a reused string, send at once. No allocation of ours per request beyond the
// handler's own frame and response.
#include <loopscope/net/http_server.hpp>

#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_parse.hpp>
#include <loopscope/net/http_serialize.hpp>
#include <loopscope/net/stream.hpp>

#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

namespace loopscope::net {

// ---- state ----------------------------------------------------------------------------------
namespace detail {

enum class ConnPhase : std::uint8_t { idle, reading, handling };

struct HttpConn {
  AnyTask task;
  ConnPhase phase = ConnPhase::idle;
  double last_activity = 0;   // end of the last response, or when the connection opened
  double request_start = 0;   // first byte of the request being read
  bool timed_out = false;
  bool closed_by_server = false;
  HandleRef timer;
};

struct Route {
  std::string method;
  std::string path;
  HttpHandler handler;
};

struct HttpServerState {
  HttpServerOptions options;
  std::vector<Route> routes;
  Server server;
  bool started = false;
  bool closing = false;
  std::uint64_t next_conn = 0;
  std::map<std::uint64_t, HttpConn*> conns;
  HttpServerStatistics stats;
};

}  // namespace detail

namespace {

using detail::ConnPhase;
using detail::HttpConn;
using detail::HttpServerState;

// ---- routing --------------------------------------------------------------------------------
struct RouteMatch {
  const detail::Route* route = nullptr;
  int status = 0;       // 404 / 405 when route is null
  std::string allow;    // for 405
};

RouteMatch find_route(const HttpServerState& st, const HttpRequest& req) {
  RouteMatch m;
  std::string_view path = req.path();
  bool head = req.method == "HEAD";
  for (auto it = st.routes.rbegin(); it != st.routes.rend(); ++it) {
    if (it->path != path) continue;
    if (it->method == req.method || (head && it->method == "GET")) {
      m.route = &*it;
      return m;
    }
    if (!m.allow.empty()) m.allow += ", ";
    m.allow += it->method;
  }
  m.status = m.allow.empty() ? 404 : 405;
  return m;
}

// ---- connection timer -----------------------------------------------------------------------
// One timer per connection, re-armed only when it fires: it closes a connection idle for
// idle_timeout, and one whose request has not fully arrived after request_timeout.
void arm_timer(std::shared_ptr<HttpServerState> st, HttpConn& c, double at) {
  EventLoop* loop = EventLoop::current();
  c.timer = loop->call_at(
      at,
      [st, &c] {
        EventLoop* l = EventLoop::current();
        double now = l->time();
        double deadline;
        if (c.phase == ConnPhase::idle)
          deadline = c.last_activity + st->options.idle_timeout;
        else if (c.phase == ConnPhase::reading)
          deadline = c.request_start + st->options.request_timeout;
        else
          deadline = now + st->options.idle_timeout;  // a handler runs: no limit of ours
        if (now >= deadline) {
          c.timed_out = true;
          c.task.cancel("HTTP connection timeout");
        } else {
          arm_timer(st, c, deadline);
        }
      },
      "http timeout");
}

// ---- Date -----------------------------------------------------------------------------------
// "Date: Sun, 22 Nov 2026 15:04:05 GMT\r\n" (RFC 9110: an origin server with a clock sends it),
// formatted once per second of wall-clock time.
std::string_view date_field() {
  static thread_local std::time_t cached_second = 0;
  static thread_local char buf[64];
  static thread_local std::size_t len = 0;
  std::time_t now = std::time(nullptr);
  if (now != cached_second || len == 0) {
    cached_second = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    // Names spelled out: strftime's %a / %b follow the locale, HTTP wants English.
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int n = std::snprintf(buf, sizeof buf, "Date: %s, %02d %s %04d %02d:%02d:%02d GMT\r\n",
                          days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
                          tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    len = n > 0 ? static_cast<std::size_t>(n) : 0;
  }
  return {buf, len};
}

// ---- connection loop ------------------------------------------------------------------------
void write_error_response(StreamWriter& writer, int status, std::string& out) {
  HttpResponse r = text_response(status);
  out.clear();
  serialize(r, out, "Connection: close\r\n");
  writer.write(out);
}

Coro<void> http_connection(std::shared_ptr<HttpServerState> st, StreamReader reader,
                           StreamWriter writer) {
  EventLoop* loop = EventLoop::current();
  detail::StreamState& ss = *reader.state();
  HttpConn conn;
  conn.task = AnyTask(loopscope::detail::tls.task);
  conn.last_activity = loop->time();
  std::uint64_t id = ++st->next_conn;
  st->conns.emplace(id, &conn);
  ++st->stats.connections;
  struct Unregister {
    HttpServerState& st;
    HttpConn& c;
    std::uint64_t id;
    ~Unregister() {
      c.timer.cancel();
      st.conns.erase(id);
    }
  } unregister{*st, conn, id};
  double first_timeout = std::min(st->options.idle_timeout, st->options.request_timeout);
  if (first_timeout > 0) arm_timer(st, conn, conn.last_activity + first_timeout);

  HttpRequestParser parser(st->options.limits);
  std::string out;
  std::string extra;  // fields the server adds: Date, Connection
  int error_status = 0;
  bool wait_first = false;  // just answered: the next request is not there yet
  bool sent_continue = false;
  try {
    for (;;) {
      ParseResult r;
      if (!ss.in.empty()) {
        r = parser.feed(ss.in.readable());
        ss.in.consume(r.consumed);
        if (conn.phase == ConnPhase::idle && (parser.in_message() || r.status != ParseStatus::need_more)) {
          conn.phase = ConnPhase::reading;
          conn.request_start = loop->time();
        }
      }
      if (r.status == ParseStatus::need_more) {
        if (st->closing && !parser.in_message()) break;
        if (parser.head_complete() && !sent_continue &&
            parser.message().headers.has_token("Expect", "100-continue")) {
          // The client waits for this before sending its body (curl does for large POSTs).
          sent_continue = true;
          writer.write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        if (wait_first) {
          // Skip the recv that would only say "would block": wait for readability first.
          wait_first = false;
          ss.socket.note_loop(loop);
          co_await loop->wait_readable(ss.socket.fd());
        }
        char* p = ss.in.prepare(16 * 1024);
        ssize_t n = co_await ss.socket.recv_some(p, ss.in.writable());
        if (n < 0) continue;
        if (n == 0) {
          ss.eof = true;
          parser.feed_eof();  // a request cut short gets no answer: the peer is gone
          break;
        }
        ss.in.commit(static_cast<std::size_t>(n));
        continue;
      }
      if (r.status == ParseStatus::error) {
        error_status = status_for(parser.error_kind());
        break;
      }
      // A complete request.
      conn.phase = ConnPhase::handling;
      ++st->stats.requests;
      HttpRequest& req = parser.message();
      bool keep = req.keep_alive;
      RouteMatch m = find_route(*st, req);
      HttpResponse resp;
      if (m.route == nullptr) {
        ++st->stats.not_found;
        resp = text_response(m.status);
        if (m.status == 405) resp.headers.add("Allow", m.allow);
      } else {
        std::exception_ptr failure;
        try {
          resp = co_await m.route->handler(req);
        } catch (const CancelledError&) {
          throw;
        } catch (...) {
          failure = std::current_exception();
        }
        if (failure) {
          ++st->stats.handler_errors;
          ExceptionContext ctx;
          ctx.message = "HTTP handler for " + req.method + " " + req.target + " failed";
          ctx.task = loop->current_task_id();
          ctx.exception = failure;
          loop->call_exception_handler(ctx);
          resp = text_response(500);
        }
      }
      if (st->closing) keep = false;
      std::string_view connection = !keep                    ? "Connection: close\r\n"
                                    : req.version_minor == 0 ? "Connection: keep-alive\r\n"
                                                             : "";
      extra.assign(date_field());
      extra.append(connection);
      out.clear();
      if (req.method == "HEAD")
        serialize_head(resp, out, static_cast<long long>(resp.body.size()), extra);
      else
        serialize(resp, out, extra);
      writer.write(out);
      if (writer.buffered_size() > 0) co_await writer.drain();
      parser.next_message();
      sent_continue = false;
      conn.phase = ConnPhase::idle;
      conn.last_activity = loop->time();
      if (!keep) break;
      wait_first = ss.in.empty();
    }
  } catch (const CancelledError&) {
    if (!conn.timed_out && !conn.closed_by_server) throw;
    conn.task.uncancel();
    if (conn.timed_out) {
      if (conn.phase == ConnPhase::reading) error_status = 408;
      else ++st->stats.idle_closed;
    }
  } catch (const NetError&) {
    // Reset by the peer, or a send failed: nobody is left to answer.
    writer.close();
    co_return;
  }
  if (error_status != 0) {
    ++st->stats.bad_requests;
    write_error_response(writer, error_status, out);
  }
  writer.close();
}

}  // namespace

// ---- HttpServer -----------------------------------------------------------------------------
HttpResponse text_response(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = body.empty() ? std::string(reason_phrase(status)) : std::move(body);
  r.headers.add("Content-Type", "text/plain; charset=utf-8");
  return r;
}

HttpServer::HttpServer(HttpServerOptions options)
    : m_state(std::make_shared<HttpServerState>()) {
  m_state->options = std::move(options);
}

HttpServer& HttpServer::route(std::string_view method, std::string_view path, HttpHandler handler) {
  m_state->routes.push_back({std::string(method), std::string(path), std::move(handler)});
  return *this;
}

static Coro<void> start_impl(std::shared_ptr<HttpServerState> st) {
  std::weak_ptr<HttpServerState> weak = st;
  // A named handler, not a temporary in the co_await expression (g++ 12 coroutine lifetimes).
  ConnectionHandler handler = [weak](StreamReader r, StreamWriter w) -> Coro<void> {
    std::shared_ptr<HttpServerState> st = weak.lock();
    if (st) co_await http_connection(std::move(st), std::move(r), std::move(w));
  };
  Server server = co_await start_server(std::move(handler), st->options.host, st->options.port,
                                        st->options.backlog);
  st->server = std::move(server);
  st->started = true;
}

Coro<void> HttpServer::start() { return start_impl(m_state); }

std::uint16_t HttpServer::port() const noexcept {
  return m_state->started ? m_state->server.port() : 0;
}

std::string HttpServer::url(std::string_view path) const {
  std::string host = m_state->started ? m_state->server.addresses().front().to_string()
                                      : m_state->options.host;
  return "http://" + host + std::string(path);
}

bool HttpServer::is_serving() const noexcept {
  return m_state->started && m_state->server.is_serving();
}

void HttpServer::close() {
  HttpServerState& st = *m_state;
  if (st.closing) return;
  st.closing = true;
  if (st.started) st.server.close();
  // Idle keep-alive connections close now; requests in progress finish first.
  std::vector<HttpConn*> idle;
  for (auto& [id, c] : st.conns)
    if (c->phase == ConnPhase::idle) idle.push_back(c);
  for (HttpConn* c : idle) {
    c->closed_by_server = true;
    c->task.cancel("HTTP server closing");
  }
}

void HttpServer::abort() {
  close();
  HttpServerState& st = *m_state;
  std::vector<HttpConn*> all;  // cancelling does not unlink yet, but copy: unlinking may follow
  for (auto& [id, c] : st.conns) all.push_back(c);
  for (HttpConn* c : all) {
    c->closed_by_server = true;
    c->task.cancel("HTTP server stopped");
  }
}

static Coro<void> wait_closed_impl(std::shared_ptr<HttpServerState> st) {
  if (st->started) co_await st->server.wait_closed();
}
Coro<void> HttpServer::wait_closed() { return wait_closed_impl(m_state); }

HttpServerStatistics HttpServer::statistics() const noexcept { return m_state->stats; }
std::size_t HttpServer::open_connections() const noexcept { return m_state->conns.size(); }

}  // namespace loopscope::net
