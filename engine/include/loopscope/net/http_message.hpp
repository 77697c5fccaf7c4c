#pragma once
// net/http_message.hpp — HTTP/1.1 messages as plain values: headers, a request, a response.
//
// HttpHeaders keeps fields in arrival order, allows repeats, and looks names up without regard to
// case (as HTTP requires). Its storage is one character buffer plus an index, so clearing it and
// filling it again for the next message on a connection allocates nothing once warmed up.
//
// Sections: HttpHeaders · HttpRequest · HttpResponse
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::net {

// ---- HttpHeaders ----------------------------------------------------------------------------
struct HeaderField {
  std::string_view name;
  std::string_view value;
};

class HttpHeaders {
public:
  HttpHeaders() = default;
  HttpHeaders(std::initializer_list<std::pair<std::string_view, std::string_view>> fields);

  // Appends a field (repeats allowed). Names and values are taken as given.
  void add(std::string_view name, std::string_view value);
  // Removes every field called `name` and appends one with `value`.
  void set(std::string_view name, std::string_view value);
  // Removes every field called `name`; returns how many were removed.
  std::size_t remove(std::string_view name);
  // The value of the first field called `name` (case-insensitive), if any.
  std::optional<std::string_view> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
  // True when a comma-separated field `name` lists `token` (case-insensitive), e.g.
  // has_token("Connection", "close").
  bool has_token(std::string_view name, std::string_view token) const;

  std::size_t size() const noexcept { return m_index.size(); }
  bool empty() const noexcept { return m_index.empty(); }
  HeaderField operator[](std::size_t i) const noexcept;
  // Empties the headers but keeps the storage for reuse.
  void clear() noexcept;

  // Incremental building used by the parser: text arrives in pieces.
  void append_name_piece(std::string_view piece, bool starts_field);
  void append_value_piece(std::string_view piece, bool starts_value);

  bool operator==(const HttpHeaders& other) const;

private:
  struct Entry {
    std::uint32_t name_offset = 0, name_size = 0;
    std::uint32_t value_offset = 0, value_size = 0;
  };
  std::string m_text;          // names and values, back to back
  std::vector<Entry> m_index;  // one entry per field, in order
};

// Case-insensitive ASCII comparison, as HTTP field names need.
bool iequals(std::string_view a, std::string_view b) noexcept;

// ---- HttpRequest ----------------------------------------------------------------------------
struct HttpRequest {
  std::string method = "GET";       // as sent, e.g. "GET", "POST"
  std::string target = "/";         // the request-target: path and query, e.g. "/items?id=3"
  int version_major = 1;
  int version_minor = 1;
  HttpHeaders headers;
  std::string body;
  // After parsing: whether the connection may carry another request after this one.
  bool keep_alive = true;

  // The path part of target (before '?').
  std::string_view path() const noexcept;
  // The query part of target (after '?'), empty when there is none.
  std::string_view query() const noexcept;
  // Empties everything but keeps storage, ready for the next message.
  void clear() noexcept;
};

// ---- HttpResponse ---------------------------------------------------------------------------
struct HttpResponse {
  int status = 200;
  std::string reason;               // empty: the standard phrase is used when serialising
  int version_major = 1;
  int version_minor = 1;
  HttpHeaders headers;
  std::string body;
  bool keep_alive = true;

  bool ok() const noexcept { return status >= 200 && status < 300; }
  void clear() noexcept;
};

// The standard reason phrase of a status code ("Not Found"), "Unknown" when there is none.
const char* reason_phrase(int status) noexcept;

}  // namespace loopscope::net
