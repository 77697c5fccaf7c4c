#pragma once
// net/http_parse.hpp — incremental HTTP/1.1 parsers (requests and responses) over Debian's
// http-parser.
//
// A parser is a state machine fed bytes as they arrive from a socket, in pieces of any size.
// feed() consumes bytes up to the end of ONE message and stops there, so pipelined messages
// are taken one at a time: the caller keeps the unconsumed tail and feeds it again after
// next_message(). Invariants:
//   - feed() returns complete exactly once per message; message() is then the whole message
//     (Content-Length and chunked bodies are decoded) until next_message() is called;
//   - once feed() returns error, the parser stays in error; error_kind() / error_message() say why;
//   - limits (HttpLimits) are checked as bytes arrive, never after the fact;
//   - no allocation per message once the storage has grown to the connection's usual sizes.
// A parser lives as long as its connection; it is movable, not copyable.
//
// Sections: ParseStatus · HttpRequestParser · HttpResponseParser
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_limits.hpp>
#include <loopscope/net/http_message.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace loopscope::net {

namespace detail {
class ParserCore;
}

// ---- ParseStatus ----------------------------------------------------------------------------
enum class ParseStatus : std::uint8_t {
  need_more,  // every byte given was consumed; the message is not complete yet
  complete,   // a message is complete; `consumed` bytes of the input belong to it
  error,      // the input is not acceptable; see error_kind()
};

struct ParseResult {
  ParseStatus status = ParseStatus::need_more;
  std::size_t consumed = 0;  // bytes of the input used (the rest belongs to the next message)
};

// ---- HttpRequestParser ----------------------------------------------------------------------
class HttpRequestParser {
public:
  explicit HttpRequestParser(HttpLimits limits = {});
  ~HttpRequestParser();
  HttpRequestParser(HttpRequestParser&&) noexcept;
  HttpRequestParser& operator=(HttpRequestParser&&) noexcept;

  ParseResult feed(std::string_view bytes);
  // The peer closed its side. complete if that ended a message, error if it cut one short,
  // need_more when no message had started (a clean close between requests).
  ParseResult feed_eof();
  // True when some bytes of a message not yet complete have been consumed.
  bool in_message() const noexcept;
  // True once the head (request line and fields) of the current message is parsed: message()
  // then has its method, target and headers, and the body may still be arriving
  // (a server answers "Expect: 100-continue" at this point).
  bool head_complete() const noexcept;

  HttpRequest& message() noexcept;
  // Readies the parser for the next message on the same connection (keeps storage).
  void next_message();

  HttpErrorKind error_kind() const noexcept;
  const std::string& error_message() const noexcept;
  // Throws HttpParseError built from error_kind() and error_message().
  [[noreturn]] void throw_error() const;

private:
  std::unique_ptr<detail::ParserCore> m_core;  // owns the message being built
};

// ---- HttpResponseParser ---------------------------------------------------------------------
class HttpResponseParser {
public:
  explicit HttpResponseParser(HttpLimits limits = {});
  ~HttpResponseParser();
  HttpResponseParser(HttpResponseParser&&) noexcept;
  HttpResponseParser& operator=(HttpResponseParser&&) noexcept;

  // The response answers a HEAD request: it has no body whatever its headers say.
  // Applies to the next message; reset by next_message().
  void expect_no_body();

  ParseResult feed(std::string_view bytes);
  // The peer closed: completes a response delimited by the end of the connection.
  ParseResult feed_eof();
  bool in_message() const noexcept;

  HttpResponse& message() noexcept;
  void next_message();

  HttpErrorKind error_kind() const noexcept;
  const std::string& error_message() const noexcept;
  [[noreturn]] void throw_error() const;

private:
  std::unique_ptr<detail::ParserCore> m_core;  // owns the message being built
};

}  // namespace loopscope::net
