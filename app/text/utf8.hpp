#pragma once
// text/utf8.hpp — encoding one code point as UTF-8, shared by every layer that builds text from
// code points: the Python front end (string escapes, chr(), case mapping), the lesson JSON reader
// (\u escapes) and the editor (typed characters). Header-only and dependency-free so that it sits
// below all of them.
#include <string>

namespace loopscope::text {

// Appends `cp` to `out` as UTF-8 (one to four bytes). The caller passes a Unicode scalar value
// (at most U+10FFFF); surrogates are encoded as they are (CPython's "surrogatepass" shape), since
// a Python string may hold one.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// `cp` as a UTF-8 string.
inline std::string utf8_of(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

}  // namespace loopscope::text
