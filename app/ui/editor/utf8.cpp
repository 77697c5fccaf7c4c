// utf8.cpp — code point counting and input sanitizing for the editor.
#include "ui/editor/utf8.hpp"

namespace loopscope::ui::editor {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid sequence starting at `at`, or 0 when it is not valid UTF-8.
std::size_t sequence_length(std::string_view s, std::size_t at) {
  const auto c = static_cast<unsigned char>(s[at]);
  std::size_t n = 0;
  char32_t min = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) n = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0) n = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0) n = 4, min = 0x10000;
  else return 0;
  if (at + n > s.size()) return 0;
  for (std::size_t i = 1; i < n; ++i)
    if (!continuation(static_cast<unsigned char>(s[at + i]))) return 0;
  const char32_t cp = code_point_at(s, at);
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

int code_points(std::string_view s) {
  int n = 0;
  for (const char c : s) n += !continuation(static_cast<unsigned char>(c));
  return n;
}

std::size_t byte_of_column(std::string_view s, int col) {
  std::size_t i = 0;
  for (int seen = 0; i < s.size(); ++i) {
    if (continuation(static_cast<unsigned char>(s[i]))) continue;
    if (seen == col) return i;
    ++seen;
  }
  return s.size();
}

char32_t code_point_at(std::string_view s, std::size_t at) {
  if (at >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[at]);
  int extra = 0;
  char32_t cp = c;
  if (c >= 0xF0) extra = 3, cp = c & 0x07;
  else if (c >= 0xE0) extra = 2, cp = c & 0x0F;
  else if (c >= 0xC0) extra = 1, cp = c & 0x1F;
  for (int i = 1; i <= extra && at + i < s.size(); ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
  return cp;
}

std::string sanitize_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\r') {
      out += '\n';
      i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c == '\t') {
      out += "    ";
      ++i;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      if (u >= 0x20 && u != 0x7F) out += c;
      else if (c == '\n') out += c;
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i);
    if (n == 0) {
      append_utf8(out, 0xFFFD);
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace loopscope::ui::editor
