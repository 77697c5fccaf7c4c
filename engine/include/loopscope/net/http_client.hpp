#pragma once
// net/http_client.hpp — an HTTP/1.1 client session with a keep-alive connection pool.
//
//   ClientSession session;                                   // one per program, reused
//   HttpResponse r = co_await session.get("http://127.0.0.1:8080/hello");
//   r.status, r.headers.get("Content-Type"), r.body
//
// Behaviour:
//   - plain http:// only (InvalidUrlError otherwise, with a message saying so);
//   - connections are kept per host:port and reused for the next request to the same place
//     (the session may be shared by many tasks: each request takes an idle connection or opens
//     a new one); a pooled connection the server has closed meanwhile is noticed and replaced;
//   - Content-Length, chunked and close-delimited response bodies; HEAD and 1xx handled;
//   - connect_timeout bounds name resolution + TCP connect, total_timeout the whole request;
//     both raise loopscope::TimeoutError naming the URL and the limit;
//   - HttpLimits bound the response head and body (HttpParseError beyond them);
//   - redirects are NOT followed unless max_redirects > 0;
//   - any failure closes the connection it happened on (it never returns to the pool), so a
//     hostile or broken server cannot leak fds.
// Errors a learner can read: "connection refused to 127.0.0.1:8080",
// "malformed HTTP response from 127.0.0.1:8080: invalid HTTP status code".
//
// Sections: ClientOptions · ClientStatistics · ClientSession
#include <loopscope/coro.hpp>
#include <loopscope/net/http_limits.hpp>
#include <loopscope/net/http_message.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace loopscope::net {

// ---- ClientOptions --------------------------------------------------------------------------
struct ClientOptions {
  double connect_timeout = 10.0;          // seconds; 0 = none
  double total_timeout = 300.0;           // seconds for a whole request; 0 = none
  HttpLimits limits;                      // response head / body limits
  int max_redirects = 0;                  // 0: redirects are returned as they are
  std::size_t max_idle_per_host = 64;     // idle connections kept per host:port
  std::string user_agent = "loopscope";   // "" = no User-Agent field
};

// ---- ClientStatistics -----------------------------------------------------------------------
struct ClientStatistics {
  std::uint64_t requests = 0;
  std::uint64_t connections_opened = 0;
  std::uint64_t connections_reused = 0;   // requests sent on a pooled connection
  std::uint64_t stale_retries = 0;        // pooled connections found closed and replaced
};

// ---- ClientSession --------------------------------------------------------------------------
namespace detail {
struct ClientState;
}

class ClientSession {
public:
  explicit ClientSession(ClientOptions options = {});
  ~ClientSession();
  ClientSession(ClientSession&&) noexcept;
  ClientSession& operator=(ClientSession&&) noexcept;

  Coro<HttpResponse> get(std::string url, HttpHeaders headers = {});
  Coro<HttpResponse> post(std::string url, std::string body, HttpHeaders headers = {});
  // Any method; `body` is sent with a Content-Length.
  Coro<HttpResponse> request(std::string method, std::string url, HttpHeaders headers = {},
                             std::string body = {});

  // Closes every pooled connection (requests in flight keep theirs until they finish).
  void close();

  ClientStatistics statistics() const noexcept;
  std::size_t idle_connections() const noexcept;
  const ClientOptions& options() const noexcept;

private:
  std::shared_ptr<detail::ClientState> m_state;
};

}  // namespace loopscope::net
