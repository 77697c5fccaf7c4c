// http_serialize.cpp — HTTP/1.1 messages to bytes (see http_serialize.hpp for the framing rules).
#include <loopscope/net/http_serialize.hpp>

#include <charconv>
#include <stdexcept>

namespace loopscope::net {

namespace {

void check_field_text(std::string_view s, const char* what) {
  for (char c : s)
    if (c == '\r' || c == '\n' || c == '\0')
      throw std::invalid_argument(std::string("HTTP header ") + what +
                                  " contains CR, LF or NUL: refused");
}

void append_number(std::string& out, unsigned long long v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_fields(const HttpHeaders& headers, std::string& out) {
  for (std::size_t i = 0; i < headers.size(); ++i) {
    HeaderField f = headers[i];
    check_field_text(f.name, "name");
    check_field_text(f.value, "value");
    if (f.name.empty()) throw std::invalid_argument("HTTP header name is empty: refused");
    out.append(f.name);
    out.append(": ");
    out.append(f.value);
    out.append("\r\n");
  }
}

void append_version(std::string& out, int major, int minor) {
  out.append("HTTP/");
  append_number(out, static_cast<unsigned>(major));
  out.push_back('.');
  append_number(out, static_cast<unsigned>(minor));
}

bool is_chunked(const HttpHeaders& h) { return h.has_token("Transfer-Encoding", "chunked"); }

void append_body(const HttpHeaders& h, std::string_view body, bool may_have_body,
                 std::string& out) {
  if (is_chunked(h)) {
    out.append("\r\n");
    append_chunk(out, body);
    append_last_chunk(out);
    return;
  }
  if (!h.contains("Content-Length") && (may_have_body || !body.empty())) {
    out.append("Content-Length: ");
    append_number(out, body.size());
    out.append("\r\n");
  }
  out.append("\r\n");
  out.append(body);
}

bool response_has_body(int status) { return !(status / 100 == 1 || status == 204 || status == 304); }

}  // namespace

void serialize(const HttpRequest& request, std::string& out) {
  check_field_text(request.method, "method");
  for (char c : request.target)
    if (c == ' ' || c == '\r' || c == '\n' || c == '\0')
      throw std::invalid_argument("HTTP request target contains a space, CR, LF or NUL: refused");
  out.append(request.method);
  out.push_back(' ');
  out.append(request.target.empty() ? std::string_view("/") : std::string_view(request.target));
  out.push_back(' ');
  append_version(out, request.version_major, request.version_minor);
  out.append("\r\n");
  append_fields(request.headers, out);
  std::string_view m = request.method;
  bool may_have_body = m == "POST" || m == "PUT" || m == "PATCH";
  append_body(request.headers, request.body, may_have_body, out);
}

void serialize_head(const HttpResponse& response, std::string& out, long long content_length,
                    std::string_view extra_fields) {
  append_version(out, response.version_major, response.version_minor);
  out.push_back(' ');
  append_number(out, static_cast<unsigned>(response.status));
  out.push_back(' ');
  check_field_text(response.reason, "reason");
  out.append(response.reason.empty() ? std::string_view(reason_phrase(response.status))
                                     : std::string_view(response.reason));
  out.append("\r\n");
  append_fields(response.headers, out);
  out.append(extra_fields);
  if (content_length >= 0 && !response.headers.contains("Content-Length")) {
    out.append("Content-Length: ");
    append_number(out, static_cast<unsigned long long>(content_length));
    out.append("\r\n");
  }
  out.append("\r\n");
}

void serialize(const HttpResponse& response, std::string& out, std::string_view extra_fields) {
  append_version(out, response.version_major, response.version_minor);
  out.push_back(' ');
  append_number(out, static_cast<unsigned>(response.status));
  out.push_back(' ');
  check_field_text(response.reason, "reason");
  out.append(response.reason.empty() ? std::string_view(reason_phrase(response.status))
                                     : std::string_view(response.reason));
  out.append("\r\n");
  append_fields(response.headers, out);
  out.append(extra_fields);
  if (!response_has_body(response.status)) {
    out.append("\r\n");
    return;
  }
  append_body(response.headers, response.body, true, out);
}

void append_chunk(std::string& out, std::string_view data) {
  if (data.empty()) return;
  char buf[20];
  auto r = std::to_chars(buf, buf + sizeof buf, data.size(), 16);
  out.append(buf, r.ptr);
  out.append("\r\n");
  out.append(data);
  out.append("\r\n");
}

void append_last_chunk(std::string& out) { out.append("0\r\n\r\n"); }

}  // namespace loopscope::net
