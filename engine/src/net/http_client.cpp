// http_client.cpp — ClientSession: pool, request/response exchange, timeouts, redirects.
//
// Sections: state · TimeoutScope · pool · exchange · ClientSession
#include <loopscope/net/http_client.hpp>

#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/net/detail/byte_buffer.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_parse.hpp>
#include <loopscope/net/resolve.hpp>
#include <loopscope/net/socket.hpp>
#include <loopscope/net/url.hpp>

#include <charconv>
#include <cstdio>
#include <sys/socket.h>
#include <unordered_map>
#include <vector>

namespace loopscope::net {

// ---- state ----------------------------------------------------------------------------------
namespace detail {

// One connection to a host:port with the buffers and parser it keeps between requests.
struct ClientConn {
  explicit ClientConn(const HttpLimits& limits) : parser(limits) {}
  Socket socket;
  ByteBuffer in;
  HttpResponseParser parser;
  std::string out;
  double idle_since = 0;  // loop time when it went back to the pool
};

struct ClientState {
  ClientOptions options;
  std::unordered_map<std::string, std::vector<std::unique_ptr<ClientConn>>> idle;
  ClientStatistics stats;
  // The last URL parsed: programs usually ask the same URL again and again.
  std::string last_url_text;
  Url last_url;
  std::string last_key;
};

}  // namespace detail

namespace {

using detail::ClientConn;
using detail::ClientState;

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", s);
  return buf;
}

// ---- TimeoutScope ---------------------------------------------------------------------------
// asyncio.timeout for one coroutine: a timer that cancels the current task at the deadline.
// expired() (called where CancelledError was caught) says whether the timer caused it, and
// turns the cancellation back into a normal state so the caller can raise TimeoutError.
class TimeoutScope {
public:
  explicit TimeoutScope(double seconds) {
    if (seconds <= 0) return;
    m_task = AnyTask(loopscope::detail::tls.task);
    m_timer = EventLoop::current()->call_later(
        seconds,
        [this] {
          m_fired = true;
          m_task.cancel("timeout");
        },
        "timeout");
  }
  TimeoutScope(const TimeoutScope&) = delete;
  TimeoutScope& operator=(const TimeoutScope&) = delete;
  ~TimeoutScope() {
    m_timer.cancel();
    // Fired, but the body finished before reaching a suspension point: withdraw the request.
    if (m_fired && !m_consumed) m_task.uncancel();
  }
  bool expired() noexcept {
    if (!m_fired || m_consumed) return false;
    m_consumed = true;
    m_task.uncancel();
    return true;
  }

private:
  AnyTask m_task;
  HandleRef m_timer;
  bool m_fired = false;
  bool m_consumed = false;
};

// A pooled connection the server closed (or reset) before answering: retry on a fresh one.
struct StaleConnection {};

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// ---- pool -----------------------------------------------------------------------------------
// How long a pooled connection may sit idle before it is checked (one MSG_PEEK recv) on reuse.
// A connection reused sooner is not checked: if the server closed it meanwhile, the exchange
// notices (end of stream before any byte of the answer) and retries on a fresh connection.
constexpr double check_after_idle = 1.0;

// True when an idle pooled socket is still usable: no EOF and no unexpected bytes pending.
bool still_open(const Socket& s) {
  char b;
  ssize_t n = ::recv(s.fd(), &b, 1, MSG_PEEK | MSG_DONTWAIT);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

std::unique_ptr<ClientConn> take_idle(ClientState& st, const std::string& key) {
  auto it = st.idle.find(key);
  if (it == st.idle.end()) return nullptr;
  auto& list = it->second;
  while (!list.empty()) {
    std::unique_ptr<ClientConn> c = std::move(list.back());
    list.pop_back();
    bool fresh = EventLoop::current()->time() - c->idle_since < check_after_idle;
    if (fresh || still_open(c->socket)) return c;
    ++st.stats.stale_retries;  // closed while idle: drop it (its destructor closes the fd)
  }
  return nullptr;
}

void give_back(ClientState& st, const std::string& key, std::unique_ptr<ClientConn> c) {
  c->idle_since = EventLoop::current()->time();
  auto& list = st.idle[key];
  if (list.size() < st.options.max_idle_per_host) list.push_back(std::move(c));
}

Coro<std::unique_ptr<ClientConn>> open_conn(std::shared_ptr<ClientState> st, const Url& url) {
  TimeoutScope limit(st->options.connect_timeout);
  std::exception_ptr last;
  try {
    std::vector<SocketAddress> addresses = co_await resolve(url.host, url.port);
    for (const SocketAddress& a : addresses) {
      auto c = std::make_unique<ClientConn>(st->options.limits);
      c->socket = Socket::tcp(a.family());
      try {
        co_await c->socket.connect(a);
      } catch (const NetError&) {
        last = std::current_exception();
        continue;
      }
      c->socket.set_no_delay(true);
      ++st->stats.connections_opened;
      co_return c;
    }
  } catch (const CancelledError&) {
    if (limit.expired())
      throw TimeoutError("connect timeout: no connection to " + url.authority() + " within " +
                         seconds_text(st->options.connect_timeout));
    throw;
  }
  std::rethrow_exception(last);
}

// ---- exchange -------------------------------------------------------------------------------
void write_request(ClientConn& c, const ClientState& st, std::string_view method, const Url& url,
                   const HttpHeaders& headers, std::string_view body) {
  std::string& out = c.out;
  out.clear();
  out.append(method);
  out.push_back(' ');
  out.append(url.target);
  out.append(" HTTP/1.1\r\n");
  if (!headers.contains("Host")) {
    out.append("Host: ");
    if (url.port != 80) {
      out.append(url.authority());
    } else if (url.host.find(':') != std::string::npos) {
      out.push_back('[');
      out.append(url.host);
      out.push_back(']');
    } else {
      out.append(url.host);
    }
    out.append("\r\n");
  }
  if (!st.options.user_agent.empty() && !headers.contains("User-Agent")) {
    out.append("User-Agent: ");
    out.append(st.options.user_agent);
    out.append("\r\n");
  }
  for (std::size_t i = 0; i < headers.size(); ++i) {
    HeaderField f = headers[i];
    for (char ch : f.name)
      if (ch == '\r' || ch == '\n' || ch == '\0' || ch == ':')
        throw std::invalid_argument("HTTP header name contains CR, LF, NUL or ':': refused");
    for (char ch : f.value)
      if (ch == '\r' || ch == '\n' || ch == '\0')
        throw std::invalid_argument("HTTP header value contains CR, LF or NUL: refused");
    out.append(f.name);
    out.append(": ");
    out.append(f.value);
    out.append("\r\n");
  }
  bool wants_length = !body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  if (wants_length && !headers.contains("Content-Length")) {
    char num[24];
    auto r = std::to_chars(num, num + sizeof num, body.size());
    out.append("Content-Length: ");
    out.append(num, r.ptr);
    out.append("\r\n");
  }
  out.append("\r\n");
  out.append(body);
}

[[noreturn]] void throw_parse_error(const HttpResponseParser& p, const Url& url) {
  std::string msg = p.error_message();
  // "malformed HTTP response: x" -> "malformed HTTP response from host:port: x"
  const std::string head = "malformed HTTP response";
  if (msg.rfind(head, 0) == 0)
    msg = head + " from " + url.authority() + msg.substr(head.size());
  else
    msg += " (from " + url.authority() + ")";
  throw HttpParseError(p.error_kind(), msg);
}

// Sends the request and reads one response on `c`. Throws StaleConnection when a reused
// connection turns out to be closed before any byte of the answer arrived.
Coro<void> exchange(ClientConn& c, const Url& url, bool head, bool reused) {
  std::string_view rest = c.out;
  try {
    while (!rest.empty()) {
      std::size_t n = co_await c.socket.send_some(rest);
      rest.remove_prefix(n);
    }
  } catch (const ConnectionResetError&) {
    if (reused) throw StaleConnection{};
    throw;
  }
  HttpResponseParser& p = c.parser;
  p.next_message();
  if (head) p.expect_no_body();
  bool got_any = !c.in.empty();
  // The answer cannot be there yet: wait for readability before the first recv instead of
  // paying for a recv that would only say "would block".
  bool wait_first = c.in.empty();
  for (;;) {
    ParseResult r;
    if (!c.in.empty()) {
      r = p.feed(c.in.readable());
      c.in.consume(r.consumed);
    }
    if (r.status == ParseStatus::complete) {
      int s = p.message().status;
      if (s >= 100 && s < 200 && s != 101) {  // interim response: the real one follows
        p.next_message();
        if (head) p.expect_no_body();
        continue;
      }
      co_return;
    }
    if (r.status == ParseStatus::error) throw_parse_error(p, url);
    char* buf = c.in.prepare(16 * 1024);
    ssize_t n;
    try {
      if (wait_first) {
        wait_first = false;
        EventLoop* loop = EventLoop::current();
        c.socket.note_loop(loop);
        co_await loop->wait_readable(c.socket.fd());
      }
      n = co_await c.socket.recv_some(buf, c.in.writable());
    } catch (const ConnectionResetError&) {
      if (reused && !got_any) throw StaleConnection{};
      throw;
    }
    if (n < 0) continue;
    if (n == 0) {
      if (!got_any && !p.in_message()) {
        if (reused) throw StaleConnection{};
        throw ConnectionResetError("server " + url.authority() +
                                   " closed the connection without answering");
      }
      ParseResult e = p.feed_eof();
      if (e.status == ParseStatus::complete) co_return;
      throw_parse_error(p, url);
    }
    got_any = true;
    c.in.commit(static_cast<std::size_t>(n));
  }
}

Coro<HttpResponse> perform(std::shared_ptr<ClientState> st, std::string_view method,
                           const Url& url, const std::string& key, const HttpHeaders& headers,
                           std::string_view body) {
  bool head = method == "HEAD";
  for (int attempt = 0;; ++attempt) {
    std::unique_ptr<ClientConn> c = attempt == 0 ? take_idle(*st, key) : nullptr;
    bool reused = c != nullptr;
    if (!c) c = co_await open_conn(st, url);
    else ++st->stats.connections_reused;
    write_request(*c, *st, method, url, headers, body);
    bool stale = false;
    try {
      co_await exchange(*c, url, head, reused);
    } catch (const StaleConnection&) {
      stale = true;
    }
    if (stale) {
      ++st->stats.stale_retries;
      --st->stats.connections_reused;
      continue;  // c (closed by its destructor) is replaced by a fresh connection
    }
    HttpResponse resp = std::move(c->parser.message());
    if (resp.keep_alive && c->in.empty()) give_back(*st, key, std::move(c));
    co_return resp;
  }
}

}  // namespace

// ---- ClientSession --------------------------------------------------------------------------
ClientSession::ClientSession(ClientOptions options) : m_state(std::make_shared<ClientState>()) {
  m_state->options = std::move(options);
}
ClientSession::~ClientSession() = default;
ClientSession::ClientSession(ClientSession&&) noexcept = default;
ClientSession& ClientSession::operator=(ClientSession&&) noexcept = default;

Coro<HttpResponse> ClientSession::get(std::string url, HttpHeaders headers) {
  return request("GET", std::move(url), std::move(headers), {});
}

Coro<HttpResponse> ClientSession::post(std::string url, std::string body, HttpHeaders headers) {
  return request("POST", std::move(url), std::move(headers), std::move(body));
}

// A free coroutine holding the shared state: a request started as a task stays valid even if
// the ClientSession object goes away before the task runs.
static Coro<HttpResponse> request_impl(std::shared_ptr<ClientState> st, std::string method,
                                       std::string url_text, HttpHeaders headers,
                                       std::string body) {
  if (url_text != st->last_url_text) {
    st->last_url = parse_url(url_text);
    st->last_url_text = url_text;
    st->last_key = st->last_url.authority();
  }
  Url url = st->last_url;
  std::string key = st->last_key;  // pool key: "host:port"
  ++st->stats.requests;
  TimeoutScope limit(st->options.total_timeout);
  try {
    for (int redirects = 0;; ++redirects) {
      HttpResponse resp = co_await perform(st, method, url, key, headers, body);
      auto location = resp.headers.get("Location");
      if (st->options.max_redirects <= 0 || !is_redirect(resp.status) || !location)
        co_return resp;
      if (redirects >= st->options.max_redirects)
        throw TooManyRedirectsError("more than " + std::to_string(st->options.max_redirects) +
                                    " redirects starting from " + url_text);
      url = resolve_location(url, *location);
      key = url.authority();
      if (resp.status == 303 || ((resp.status == 301 || resp.status == 302) && method == "POST")) {
        method = "GET";
        body.clear();
      }
    }
  } catch (const CancelledError&) {
    if (limit.expired())
      throw TimeoutError("request timeout: " + method + " " + url_text + " took longer than " +
                         seconds_text(st->options.total_timeout));
    throw;
  }
}

Coro<HttpResponse> ClientSession::request(std::string method, std::string url_text,
                                          HttpHeaders headers, std::string body) {
  return request_impl(m_state, std::move(method), std::move(url_text), std::move(headers),
                      std::move(body));
}

void ClientSession::close() { m_state->idle.clear(); }

ClientStatistics ClientSession::statistics() const noexcept { return m_state->stats; }

std::size_t ClientSession::idle_connections() const noexcept {
  std::size_t n = 0;
  for (auto& [k, v] : m_state->idle) n += v.size();
  return n;
}

const ClientOptions& ClientSession::options() const noexcept { return m_state->options; }

}  // namespace loopscope::net
