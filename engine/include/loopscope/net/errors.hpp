#pragma once
// net/errors.hpp — the typed errors of sockets, streams and HTTP.
//
// Every error carries a message a learner can read as it is, naming the peer when there is one:
// "connection refused to 127.0.0.1:8080", "response header too large (more than 8192 bytes)".
// The hierarchy mirrors Python's OSError family where one exists, so lessons can name them:
//
//   NetError                       any socket / stream / HTTP failure (OSError); code() = errno
//     ConnectionRefusedError       nobody listens at host:port (ECONNREFUSED)
//     ConnectionResetError         the peer reset the connection (ECONNRESET, EPIPE)
//     IncompleteReadError          the peer closed before the expected bytes arrived
//     LimitOverrunError            read_line found no newline within its limit
//     ResolveError                 name resolution failed (socket.gaierror)
//     HttpError                    an HTTP-level failure
//       HttpParseError             the peer sent bytes that are not acceptable HTTP; kind() says
//                                  which rule was broken and maps to a status (400/413/431)
//       InvalidUrlError            not an http:// URL we can use (other schemes included)
//       TooManyRedirectsError      a redirect chain longer than the session allows
//
// Timeouts are the engine's TimeoutError (a client's timeouts name what timed out in what()).
#include <loopscope/errors.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace loopscope::net {

// NamedError gives describe_exception() / traces the Python-style name:
// "ConnectionRefusedError: connection refused to 127.0.0.1:8080".
class NetError : public std::runtime_error, public NamedError {
public:
  explicit NetError(const std::string& message, int code = 0)
      : std::runtime_error(message), m_code(code) {}
  // The errno value behind the error, 0 when there is none.
  int code() const noexcept { return m_code; }
  // The Python-style name of the error, e.g. "ConnectionRefusedError".
  const char* type_name() const noexcept override { return "OSError"; }

private:
  int m_code;
};

class ConnectionRefusedError : public NetError {
public:
  using NetError::NetError;
  const char* type_name() const noexcept override { return "ConnectionRefusedError"; }
};

class ConnectionResetError : public NetError {
public:
  using NetError::NetError;
  const char* type_name() const noexcept override { return "ConnectionResetError"; }
};

class IncompleteReadError : public NetError {
public:
  IncompleteReadError(const std::string& message, std::string partial, std::size_t expected)
      : NetError(message), m_partial(std::move(partial)), m_expected(expected) {}
  const std::string& partial() const noexcept { return m_partial; }
  std::size_t expected() const noexcept { return m_expected; }
  const char* type_name() const noexcept override { return "IncompleteReadError"; }

private:
  std::string m_partial;
  std::size_t m_expected;
};

class LimitOverrunError : public NetError {
public:
  using NetError::NetError;
  const char* type_name() const noexcept override { return "LimitOverrunError"; }
};

class ResolveError : public NetError {
public:
  using NetError::NetError;
  const char* type_name() const noexcept override { return "ResolveError"; }
};

class HttpError : public NetError {
public:
  using NetError::NetError;
  const char* type_name() const noexcept override { return "HttpError"; }
};

// Which rule of HTTP/1.1 (or of our limits) a peer broke.
enum class HttpErrorKind : std::uint8_t {
  none,
  malformed,          // not HTTP/1.x syntax                         -> 400
  header_too_large,   // the head exceeds max_header_bytes / count   -> 431
  body_too_large,     // the body exceeds max_body_bytes             -> 413
  unexpected_eof,     // the peer closed in the middle of a message  -> (client side) error
  unsupported,        // e.g. an Upgrade / CONNECT we do not speak   -> 400 / 501
};

const char* to_string(HttpErrorKind k) noexcept;
// The status a server answers with for a request that broke `k` (400, 413, 431...).
int status_for(HttpErrorKind k) noexcept;

class HttpParseError : public HttpError {
public:
  HttpParseError(HttpErrorKind kind, const std::string& message)
      : HttpError(message), m_kind(kind) {}
  HttpErrorKind kind() const noexcept { return m_kind; }
  const char* type_name() const noexcept override { return "HttpParseError"; }

private:
  HttpErrorKind m_kind;
};

class InvalidUrlError : public HttpError {
public:
  using HttpError::HttpError;
  const char* type_name() const noexcept override { return "InvalidUrlError"; }
};

class TooManyRedirectsError : public HttpError {
public:
  using HttpError::HttpError;
  const char* type_name() const noexcept override { return "TooManyRedirectsError"; }
};

}  // namespace loopscope::net
