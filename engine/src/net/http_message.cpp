// http_message.cpp — HttpHeaders storage and the small helpers of HttpRequest / HttpResponse.
#include <loopscope/net/http_message.hpp>

#include <http_parser.h>

#include <algorithm>
#include <cstring>

namespace loopscope::net {

namespace {
char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

HttpHeaders::HttpHeaders(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  for (auto& [n, v] : fields) add(n, v);
}

void HttpHeaders::add(std::string_view name, std::string_view value) {
  append_name_piece(name, true);
  append_value_piece(value, true);
}

void HttpHeaders::set(std::string_view name, std::string_view value) {
  remove(name);
  add(name, value);
}

std::size_t HttpHeaders::remove(std::string_view name) {
  // The text of removed fields stays in m_text until clear(): removal is rare.
  auto before = m_index.size();
  std::erase_if(m_index, [&](const Entry& e) {
    return iequals(std::string_view(m_text).substr(e.name_offset, e.name_size), name);
  });
  return before - m_index.size();
}

std::optional<std::string_view> HttpHeaders::get(std::string_view name) const {
  for (const Entry& e : m_index) {
    std::string_view n(m_text.data() + e.name_offset, e.name_size);
    if (iequals(n, name)) return std::string_view(m_text.data() + e.value_offset, e.value_size);
  }
  return std::nullopt;
}

bool HttpHeaders::has_token(std::string_view name, std::string_view token) const {
  for (std::size_t i = 0; i < m_index.size(); ++i) {
    HeaderField f = (*this)[i];
    if (!iequals(f.name, name)) continue;
    std::string_view rest = f.value;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      std::string_view item = trim(rest.substr(0, comma));
      if (iequals(item, token)) return true;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return false;
}

HeaderField HttpHeaders::operator[](std::size_t i) const noexcept {
  const Entry& e = m_index[i];
  return {std::string_view(m_text.data() + e.name_offset, e.name_size),
          std::string_view(m_text.data() + e.value_offset, e.value_size)};
}

void HttpHeaders::clear() noexcept {
  m_text.clear();
  m_index.clear();
}

void HttpHeaders::append_name_piece(std::string_view piece, bool starts_field) {
  if (starts_field || m_index.empty()) {
    Entry e;
    e.name_offset = static_cast<std::uint32_t>(m_text.size());
    e.value_offset = e.name_offset;
    m_index.push_back(e);
  }
  m_text.append(piece);
  m_index.back().name_size += static_cast<std::uint32_t>(piece.size());
  m_index.back().value_offset = static_cast<std::uint32_t>(m_text.size());
}

void HttpHeaders::append_value_piece(std::string_view piece, bool starts_value) {
  if (m_index.empty()) append_name_piece({}, true);
  Entry& e = m_index.back();
  if (starts_value) e.value_offset = static_cast<std::uint32_t>(m_text.size());
  m_text.append(piece);
  e.value_size += static_cast<std::uint32_t>(piece.size());
}

bool HttpHeaders::operator==(const HttpHeaders& other) const {
  if (size() != other.size()) return false;
  for (std::size_t i = 0; i < size(); ++i) {
    HeaderField a = (*this)[i], b = other[i];
    if (a.name != b.name || a.value != b.value) return false;
  }
  return true;
}

std::string_view HttpRequest::path() const noexcept {
  std::string_view t = target;
  return t.substr(0, t.find('?'));
}

std::string_view HttpRequest::query() const noexcept {
  std::string_view t = target;
  auto q = t.find('?');
  return q == std::string_view::npos ? std::string_view{} : t.substr(q + 1);
}

void HttpRequest::clear() noexcept {
  method.clear();
  target.clear();
  version_major = 1;
  version_minor = 1;
  headers.clear();
  body.clear();
  keep_alive = true;
}

void HttpResponse::clear() noexcept {
  status = 200;
  reason.clear();
  version_major = 1;
  version_minor = 1;
  headers.clear();
  body.clear();
  keep_alive = true;
}

const char* reason_phrase(int status) noexcept {
  if (status < 100 || status > 599) return "Unknown";
  const char* s = http_status_str(static_cast<http_status>(status));
  if (s == nullptr || std::strcmp(s, "<unknown>") == 0) return "Unknown";
  return s;
}

}  // namespace loopscope::net
