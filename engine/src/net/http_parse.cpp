// http_parse.cpp — the incremental request / response parsers, driving Debian's http-parser.
//
// Sections: ParserCore (state and callbacks) · HttpRequestParser · HttpResponseParser
//
// http-parser calls back with pieces of the URL, status, header names and values and body as it
// scans; ParserCore appends them to the message and counts them against HttpLimits. On
// on_message_complete it pauses the C parser, so http_parser_execute returns right after the last
// byte of the message and pipelined bytes are left for the next feed().
#include <loopscope/net/http_parse.hpp>

#include <http_parser.h>

#include <string>

namespace loopscope::net {

namespace detail {

// ---- ParserCore -----------------------------------------------------------------------------
class ParserCore {
public:
  ParserCore(http_parser_type type, HttpLimits limits) : m_limits(limits), m_type(type) {
    http_parser_init(&m_parser, type);
    m_parser.data = this;
    next_message();  // the parser appends: start from empty messages, not the defaults
  }

  HttpRequest request;
  HttpResponse response;

  ParseResult feed(const char* data, std::size_t size) {
    if (m_error != HttpErrorKind::none) return {ParseStatus::error, 0};
    if (m_complete) return {ParseStatus::complete, 0};
    std::size_t n = http_parser_execute(&m_parser, &settings(), data, size);
    return after_execute(n);
  }

  ParseResult feed_eof() {
    if (m_error != HttpErrorKind::none) return {ParseStatus::error, 0};
    if (m_complete) return {ParseStatus::complete, 0};
    bool was_in_message = m_in_message;
    http_parser_execute(&m_parser, &settings(), nullptr, 0);
    ParseResult r = after_execute(0);
    if (r.status == ParseStatus::need_more && was_in_message)
      fail(HttpErrorKind::unexpected_eof,
           std::string("the peer closed the connection in the middle of ") + what_message());
    if (r.status == ParseStatus::error && m_error == HttpErrorKind::malformed && was_in_message)
      m_error = HttpErrorKind::unexpected_eof;
    return m_error != HttpErrorKind::none ? ParseResult{ParseStatus::error, 0} : r;
  }

  void next_message() {
    request.clear();
    response.clear();
    m_complete = false;
    m_in_message = false;
    m_head_complete = false;
    m_no_body = false;
    m_last = Last::none;
    m_header_bytes = 0;
    m_body_bytes = 0;
  }

  void expect_no_body() { m_no_body = true; }
  bool in_message() const noexcept { return m_in_message && !m_complete; }
  bool head_complete() const noexcept { return m_head_complete; }
  HttpErrorKind error_kind() const noexcept { return m_error; }
  const std::string& error_message() const noexcept { return m_error_message; }

private:
  enum class Last : std::uint8_t { none, field, value };

  bool is_request() const noexcept { return m_type == HTTP_REQUEST; }
  const char* what_message() const noexcept { return is_request() ? "a request" : "a response"; }
  HttpHeaders& headers() noexcept { return is_request() ? request.headers : response.headers; }
  std::string& body() noexcept { return is_request() ? request.body : response.body; }

  ParseResult after_execute(std::size_t n) {
    auto err = HTTP_PARSER_ERRNO(&m_parser);
    if (err == HPE_PAUSED) {
      http_parser_pause(&m_parser, 0);
      return {ParseStatus::complete, n};
    }
    if (err != HPE_OK) {
      if (m_error == HttpErrorKind::none) {
        HttpErrorKind kind = HttpErrorKind::malformed;
        if (err == HPE_HEADER_OVERFLOW) kind = HttpErrorKind::header_too_large;
        if (err == HPE_INVALID_EOF_STATE) kind = HttpErrorKind::unexpected_eof;
        std::string msg = std::string("malformed HTTP ") + (is_request() ? "request" : "response") +
                          ": " + http_errno_description(err);
        if (kind == HttpErrorKind::header_too_large) msg = head_too_large_message();
        if (kind == HttpErrorKind::unexpected_eof)
          msg = std::string("the peer closed the connection in the middle of ") + what_message();
        fail(kind, std::move(msg));
      }
      return {ParseStatus::error, n};
    }
    if (m_complete) return {ParseStatus::complete, n};
    return {ParseStatus::need_more, n};
  }

  std::string head_too_large_message() const {
    return std::string(is_request() ? "request" : "response") + " header too large (more than " +
           std::to_string(m_limits.max_header_bytes) + " bytes or " +
           std::to_string(m_limits.max_header_count) + " fields)";
  }

  void fail(HttpErrorKind kind, std::string message) {
    m_error = kind;
    m_error_message = std::move(message);
  }

  // Counts head bytes; false (and the parser fails) once over the limit.
  bool count_head(std::size_t n) {
    m_header_bytes += n;
    if (m_header_bytes > m_limits.max_header_bytes) {
      fail(HttpErrorKind::header_too_large, head_too_large_message());
      return false;
    }
    return true;
  }

  static ParserCore& self(http_parser* p) { return *static_cast<ParserCore*>(p->data); }

  static int on_message_begin(http_parser* p) {
    ParserCore& c = self(p);
    c.m_in_message = true;
    return 0;
  }
  static int on_url(http_parser* p, const char* at, std::size_t n) {
    ParserCore& c = self(p);
    if (!c.count_head(n)) return -1;
    c.request.target.append(at, n);
    return 0;
  }
  static int on_status(http_parser* p, const char* at, std::size_t n) {
    ParserCore& c = self(p);
    if (!c.count_head(n)) return -1;
    c.response.reason.append(at, n);
    return 0;
  }
  static int on_header_field(http_parser* p, const char* at, std::size_t n) {
    ParserCore& c = self(p);
    bool starts = c.m_last != Last::field;
    if (starts) {
      // ": " and CRLF of each field count towards the head size too.
      if (!c.count_head(4)) return -1;
      if (c.headers().size() >= c.m_limits.max_header_count) {
        c.fail(HttpErrorKind::header_too_large, c.head_too_large_message());
        return -1;
      }
    }
    if (!c.count_head(n)) return -1;
    c.headers().append_name_piece({at, n}, starts);
    c.m_last = Last::field;
    return 0;
  }
  static int on_header_value(http_parser* p, const char* at, std::size_t n) {
    ParserCore& c = self(p);
    if (!c.count_head(n)) return -1;
    c.headers().append_value_piece({at, n}, c.m_last != Last::value);
    c.m_last = Last::value;
    return 0;
  }
  static int on_headers_complete(http_parser* p) {
    ParserCore& c = self(p);
    c.m_head_complete = true;
    if (c.is_request()) {
      c.request.method = http_method_str(static_cast<http_method>(p->method));
      c.request.version_major = p->http_major;
      c.request.version_minor = p->http_minor;
    } else {
      c.response.status = static_cast<int>(p->status_code);
      c.response.version_major = p->http_major;
      c.response.version_minor = p->http_minor;
    }
    if ((p->flags & F_CONTENTLENGTH) && p->content_length > c.m_limits.max_body_bytes &&
        !c.m_no_body) {
      c.fail(HttpErrorKind::body_too_large, c.body_too_large_message());
      return -1;
    }
    return c.m_no_body ? 1 : 0;
  }
  std::string body_too_large_message() const {
    return std::string(is_request() ? "request" : "response") + " body too large (more than " +
           std::to_string(m_limits.max_body_bytes) + " bytes)";
  }
  static int on_body(http_parser* p, const char* at, std::size_t n) {
    ParserCore& c = self(p);
    c.m_body_bytes += n;
    if (c.m_body_bytes > c.m_limits.max_body_bytes) {
      c.fail(HttpErrorKind::body_too_large, c.body_too_large_message());
      return -1;
    }
    c.body().append(at, n);
    return 0;
  }
  static int on_message_complete(http_parser* p) {
    ParserCore& c = self(p);
    bool keep = http_should_keep_alive(p) != 0 && p->upgrade == 0;
    if (c.is_request())
      c.request.keep_alive = keep;
    else
      c.response.keep_alive = keep;
    c.m_complete = true;
    http_parser_pause(p, 1);  // stop right after this message's last byte
    return 0;
  }

  static const http_parser_settings& settings() {
    static const http_parser_settings s = [] {
      http_parser_settings st;
      http_parser_settings_init(&st);
      st.on_message_begin = &on_message_begin;
      st.on_url = &on_url;
      st.on_status = &on_status;
      st.on_header_field = &on_header_field;
      st.on_header_value = &on_header_value;
      st.on_headers_complete = &on_headers_complete;
      st.on_body = &on_body;
      st.on_message_complete = &on_message_complete;
      return st;
    }();
    return s;
  }

  http_parser m_parser{};
  HttpLimits m_limits;
  http_parser_type m_type;
  Last m_last = Last::none;
  bool m_complete = false;
  bool m_in_message = false;
  bool m_head_complete = false;
  bool m_no_body = false;
  std::size_t m_header_bytes = 0;
  std::size_t m_body_bytes = 0;
  HttpErrorKind m_error = HttpErrorKind::none;
  std::string m_error_message;
};

}  // namespace detail

// ---- HttpRequestParser ----------------------------------------------------------------------
HttpRequestParser::HttpRequestParser(HttpLimits limits)
    : m_core(std::make_unique<detail::ParserCore>(HTTP_REQUEST, limits)) {}
HttpRequestParser::~HttpRequestParser() = default;
HttpRequestParser::HttpRequestParser(HttpRequestParser&&) noexcept = default;
HttpRequestParser& HttpRequestParser::operator=(HttpRequestParser&&) noexcept = default;

ParseResult HttpRequestParser::feed(std::string_view bytes) {
  return m_core->feed(bytes.data(), bytes.size());
}
ParseResult HttpRequestParser::feed_eof() { return m_core->feed_eof(); }
bool HttpRequestParser::in_message() const noexcept { return m_core->in_message(); }
bool HttpRequestParser::head_complete() const noexcept { return m_core->head_complete(); }
HttpRequest& HttpRequestParser::message() noexcept { return m_core->request; }
void HttpRequestParser::next_message() { m_core->next_message(); }
HttpErrorKind HttpRequestParser::error_kind() const noexcept { return m_core->error_kind(); }
const std::string& HttpRequestParser::error_message() const noexcept {
  return m_core->error_message();
}
void HttpRequestParser::throw_error() const {
  throw HttpParseError(error_kind(), error_message());
}

// ---- HttpResponseParser ---------------------------------------------------------------------
HttpResponseParser::HttpResponseParser(HttpLimits limits)
    : m_core(std::make_unique<detail::ParserCore>(HTTP_RESPONSE, limits)) {}
HttpResponseParser::~HttpResponseParser() = default;
HttpResponseParser::HttpResponseParser(HttpResponseParser&&) noexcept = default;
HttpResponseParser& HttpResponseParser::operator=(HttpResponseParser&&) noexcept = default;

void HttpResponseParser::expect_no_body() { m_core->expect_no_body(); }
ParseResult HttpResponseParser::feed(std::string_view bytes) {
  return m_core->feed(bytes.data(), bytes.size());
}
ParseResult HttpResponseParser::feed_eof() { return m_core->feed_eof(); }
bool HttpResponseParser::in_message() const noexcept { return m_core->in_message(); }
HttpResponse& HttpResponseParser::message() noexcept { return m_core->response; }
void HttpResponseParser::next_message() { m_core->next_message(); }
HttpErrorKind HttpResponseParser::error_kind() const noexcept { return m_core->error_kind(); }
const std::string& HttpResponseParser::error_message() const noexcept {
  return m_core->error_message();
}
void HttpResponseParser::throw_error() const {
  throw HttpParseError(error_kind(), error_message());
}

}  // namespace loopscope::net
