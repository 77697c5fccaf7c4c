// json.cpp — the position-tracking JSON parser (see json.hpp).
//
// Sections: Parser state · values · strings · numbers · public functions
#include "lesson/json.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "text/utf8.hpp"

namespace loopscope::lesson {

namespace {

using text::append_utf8;

// ---- Parser state --------------------------------------------------------------------------
// A recursive-descent parser over bytes. `m_line`/`m_col` always describe the byte at `m_i`.
// Errors are thrown as ParseFailure and caught once in parse_json.
struct ParseFailure {
  JsonError error;
};

class Parser {
public:
  Parser(std::string_view text, JsonParseOptions opts) : m_s(text), m_opts(opts) {}

  JsonValue document() {
    if (m_s.size() > m_opts.max_bytes)
      fail("the file is larger than " + std::to_string(m_opts.max_bytes) + " bytes");
    // A UTF-8 byte order mark is tolerated.
    if (m_s.substr(0, 3) == "\xEF\xBB\xBF") m_i = 3;
    skip_ws();
    if (at_end()) fail("the file is empty: expected a JSON value");
    JsonValue v = value(0);
    skip_ws();
    if (!at_end()) fail("unexpected " + describe_here() + " after the end of the JSON value");
    return v;
  }

private:
  std::string_view m_s;
  JsonParseOptions m_opts;
  std::size_t m_i = 0;
  int m_line = 1;
  int m_col = 1;

  bool at_end() const noexcept { return m_i >= m_s.size(); }
  char peek() const noexcept { return at_end() ? '\0' : m_s[m_i]; }
  SourcePos here() const noexcept { return {m_line, m_col}; }

  [[noreturn]] void fail(std::string msg) const { throw ParseFailure{{here(), std::move(msg)}}; }
  [[noreturn]] void fail_at(SourcePos p, std::string msg) const {
    throw ParseFailure{{p, std::move(msg)}};
  }

  // Advances one byte, keeping line and column (continuation bytes do not count as columns).
  void advance() noexcept {
    const unsigned char c = static_cast<unsigned char>(m_s[m_i++]);
    if (c == '\n') {
      ++m_line;
      m_col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++m_col;  // continuation bytes belong to the code point already counted
    }
  }

  std::string describe_here() const {
    if (at_end()) return "end of file";
    const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
    if (c < 0x20) return "control character (code " + std::to_string(c) + ")";
    if (c >= 0x80) return "non-ASCII character";
    return std::string("character '") + static_cast<char>(c) + "'";
  }

  void skip_ws() {
    while (!at_end()) {
      const char c = m_s[m_i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '/' && m_i + 1 < m_s.size() && (m_s[m_i + 1] == '/' || m_s[m_i + 1] == '*')) {
        fail("comments are not allowed in JSON");
      } else {
        break;
      }
    }
  }

  void expect_literal(std::string_view word) {
    const SourcePos start = here();
    for (char w : word) {
      if (peek() != w) {
        if (at_end()) fail("unexpected end of file inside '" + std::string(word) + "'");
        fail_at(start, "invalid literal: expected '" + std::string(word) + "'");
      }
      advance();
    }
  }

  // ---- values ------------------------------------------------------------------------------
  JsonValue value(std::size_t depth) {
    if (depth >= m_opts.max_depth)
      fail("nesting is deeper than " + std::to_string(m_opts.max_depth) + " levels");
    JsonValue v;
    v.pos = here();
    switch (peek()) {
      case '{': object(v, depth); break;
      case '[': array(v, depth); break;
      case '"':
        v.type = JsonType::string;
        v.string = string_literal();
        break;
      case 't':
        expect_literal("true");
        v.type = JsonType::boolean;
        v.boolean = true;
        break;
      case 'f':
        expect_literal("false");
        v.type = JsonType::boolean;
        break;
      case 'n': expect_literal("null"); break;
      case '\'': fail("strings must use double quotes, not single quotes");
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
          number(v);
        } else if (at_end()) {
          fail("unexpected end of file: expected a value");
        } else {
          fail("unexpected " + describe_here() + ": expected a value");
        }
    }
    return v;
  }

  void object(JsonValue& v, std::size_t depth) {
    v.type = JsonType::object;
    advance();  // '{'
    skip_ws();
    if (peek() == '}') {
      advance();
      return;
    }
    for (;;) {
      skip_ws();
      if (peek() != '"') {
        if (peek() == '}') fail("trailing comma before '}'");
        if (at_end()) fail("unexpected end of file: expected a member name in double quotes");
        fail("unexpected " + describe_here() + ": expected a member name in double quotes");
      }
      JsonMember m;
      m.key_pos = here();
      m.key = string_literal();
      for (const auto& other : v.object)
        if (other.key == m.key)
          fail_at(m.key_pos, "duplicate member '" + m.key + "' (first at line " +
                                 std::to_string(other.key_pos.line) + ")");
      skip_ws();
      if (peek() != ':') fail("unexpected " + describe_here() + ": expected ':' after the member name");
      advance();
      skip_ws();
      m.value = value(depth + 1);
      v.object.push_back(std::move(m));
      skip_ws();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '}') {
        advance();
        return;
      }
      if (at_end()) fail("unexpected end of file: expected ',' or '}'");
      fail("unexpected " + describe_here() + ": expected ',' or '}'");
    }
  }

  void array(JsonValue& v, std::size_t depth) {
    v.type = JsonType::array;
    advance();  // '['
    skip_ws();
    if (peek() == ']') {
      advance();
      return;
    }
    for (;;) {
      skip_ws();
      if (peek() == ']') fail("trailing comma before ']'");
      v.array.push_back(value(depth + 1));
      skip_ws();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == ']') {
        advance();
        return;
      }
      if (at_end()) fail("unexpected end of file: expected ',' or ']'");
      fail("unexpected " + describe_here() + ": expected ',' or ']'");
    }
  }

  // ---- strings -----------------------------------------------------------------------------
  std::uint32_t hex4() {
    std::uint32_t cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = peek();
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else fail("invalid \\u escape: expected 4 hexadecimal digits");
      cp = cp * 16 + static_cast<std::uint32_t>(d);
      advance();
    }
    return cp;
  }

  // Copies one UTF-8 encoded code point, rejecting malformed sequences.
  void utf8_char(std::string& out) {
    const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
    int extra;
    std::uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) { extra = 1; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { extra = 2; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { extra = 3; min = 0x10000; }
    else fail("invalid UTF-8 byte in string");
    if (m_i + static_cast<std::size_t>(extra) >= m_s.size())
      fail("truncated UTF-8 sequence in string");
    std::uint32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cc = static_cast<unsigned char>(m_s[m_i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) fail("invalid UTF-8 sequence in string");
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      fail("invalid UTF-8 sequence in string");
    for (int k = 0; k <= extra; ++k) {
      out += m_s[m_i];
      advance();
    }
  }

  std::string string_literal() {
    const SourcePos start = here();
    advance();  // opening quote
    std::string out;
    for (;;) {
      if (at_end()) fail_at(start, "unterminated string (it starts here)");
      const unsigned char c = static_cast<unsigned char>(m_s[m_i]);
      if (c == '"') {
        advance();
        return out;
      }
      if (out.size() >= m_opts.max_string_bytes)
        fail_at(start, "string longer than " + std::to_string(m_opts.max_string_bytes) + " bytes (it starts here)");
      if (c == '\n') fail("unterminated string: a newline inside a string must be written \\n");
      if (c < 0x20) fail("control character (code " + std::to_string(c) + ") inside a string must be escaped");
      if (c >= 0x80) {
        utf8_char(out);
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        advance();
        continue;
      }
      const SourcePos esc = here();
      advance();
      if (at_end()) fail_at(start, "unterminated string (it starts here)");
      const char e = m_s[m_i];
      switch (e) {
        case '"': out += '"'; advance(); break;
        case '\\': out += '\\'; advance(); break;
        case '/': out += '/'; advance(); break;
        case 'b': out += '\b'; advance(); break;
        case 'f': out += '\f'; advance(); break;
        case 'n': out += '\n'; advance(); break;
        case 'r': out += '\r'; advance(); break;
        case 't': out += '\t'; advance(); break;
        case 'u': {
          advance();
          std::uint32_t cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (peek() != '\\' || m_i + 1 >= m_s.size() || m_s[m_i + 1] != 'u')
              fail_at(esc, "unpaired UTF-16 surrogate in \\u escape");
            advance();
            advance();
            const std::uint32_t lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) fail_at(esc, "unpaired UTF-16 surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail_at(esc, "unpaired UTF-16 surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default: fail_at(esc, std::string("invalid escape '\\") + e + "' in string");
      }
    }
  }

  // ---- numbers -----------------------------------------------------------------------------
  void number(JsonValue& v) {
    v.type = JsonType::number;
    const std::size_t begin = m_i;
    bool integer = true;
    if (peek() == '-') advance();
    if (peek() == '0') {
      advance();
      if (peek() >= '0' && peek() <= '9') fail("numbers must not have leading zeros");
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') advance();
    } else {
      fail("invalid number: expected a digit");
    }
    if (peek() == '.') {
      integer = false;
      advance();
      if (!(peek() >= '0' && peek() <= '9')) fail("invalid number: expected a digit after '.'");
      while (peek() >= '0' && peek() <= '9') advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      integer = false;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (!(peek() >= '0' && peek() <= '9')) fail("invalid number: expected a digit in the exponent");
      while (peek() >= '0' && peek() <= '9') advance();
    }
    v.string = std::string(m_s.substr(begin, m_i - begin));
    v.number = std::strtod(v.string.c_str(), nullptr);
    if (!std::isfinite(v.number)) fail_at(v.pos, "number out of range");
    v.is_integer = integer && std::fabs(v.number) <= 9007199254740992.0;
  }
};

}  // namespace

// ---- public functions ----------------------------------------------------------------------
const JsonValue* JsonValue::find(std::string_view key) const noexcept {
  for (const auto& m : object)
    if (m.key == key) return &m.value;
  return nullptr;
}

const char* to_string(JsonType t) noexcept {
  switch (t) {
    case JsonType::null: return "null";
    case JsonType::boolean: return "boolean";
    case JsonType::number: return "number";
    case JsonType::string: return "string";
    case JsonType::array: return "array";
    case JsonType::object: return "object";
  }
  return "?";
}

std::variant<JsonValue, JsonError> parse_json(std::string_view text, JsonParseOptions opts) {
  try {
    Parser p(text, opts);
    return p.document();
  } catch (const ParseFailure& f) {
    return f.error;
  }
}

std::string json_pointer_token(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace loopscope::lesson
