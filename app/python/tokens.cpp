// tokens.cpp — the tokenizer (tokens.hpp). One pass over the bytes; the column counter advances
// once per code point (on every byte that is not a UTF-8 continuation byte).
#include "python/tokens.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace loopscope::python {

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

namespace {

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Code points that are neither identifier characters nor printable: CPython says
// "invalid non-printable character" for them.
bool is_non_printable(char32_t c) {
  return c < 0x20 || c == 0x7F || in(c, 0x80, 0xA0) || c == 0xAD || in(c, 0x2000, 0x200F) ||
         in(c, 0x2028, 0x202F) || in(c, 0x205F, 0x206F) || c == 0x3000 || c == 0xFEFF ||
         in(c, 0xD800, 0xDFFF) || in(c, 0xE000, 0xF8FF) || in(c, 0xFFF0, 0xFFFF);
}

bool is_symbol_block(char32_t c) {
  return in(c, 0x80, 0xBF) || c == 0xD7 || c == 0xF7 || in(c, 0x2000, 0x206F) ||
         in(c, 0x20A0, 0x20CF) || in(c, 0x2190, 0x2BFF) || in(c, 0x3000, 0x3004) ||
         in(c, 0x3008, 0x3020) || in(c, 0xFE10, 0xFE1F) || in(c, 0xFE30, 0xFE6F) ||
         in(c, 0xFF00, 0xFF0F) || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) ||
         in(c, 0xFF5B, 0xFF65) || in(c, 0xD800, 0xF8FF) || in(c, 0xFFF0, 0xFFFF) ||
         in(c, 0x1F000, 0x1FAFF);
}

}  // namespace

bool is_identifier_start(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  return !is_symbol_block(c) && !is_non_printable(c) && !in(c, 0x300, 0x36F);
}

bool is_identifier_continue(char32_t c) {
  if (c < 0x80) return is_identifier_start(c) || (c >= '0' && c <= '9');
  if (c == 0xB7) return true;
  return is_identifier_start(c) || in(c, 0x300, 0x36F);
}

bool is_keyword(std::string_view w) {
  static constexpr std::array<std::string_view, 35> k_keywords = {
      "False", "None",   "True",    "and",      "as",       "assert", "async", "await", "break",
      "class", "continue", "def",   "del",      "elif",     "else",   "except", "finally", "for",
      "from",  "global", "if",      "import",   "in",       "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise",   "return",   "try",      "while",  "with",  "yield"};
  for (auto k : k_keywords)
    if (k == w) return true;
  return false;
}

namespace {

constexpr int k_max_brackets = 200;  // CPython's MAXLEVEL
constexpr int k_max_indent = 100;    // CPython's MAXINDENT

struct LexError {};  // thrown inside Lexer only; tokenize() catches it

class Lexer {
 public:
  Lexer(std::string_view src, const TokenizeOptions& o)
      : m_src(src), m_line(o.first_line), m_col(o.first_col), m_expr_only(o.expression_only) {}

  TokenizeResult run() {
    try {
      lex();
    } catch (const LexError&) {
      Token t;
      t.kind = TokenKind::error;
      t.line = m_out.error->line;
      t.col = m_out.error->col;
      t.end_line = m_out.error->end_line;
      t.end_col = m_out.error->end_col;
      m_out.tokens.push_back(t);
    }
    return std::move(m_out);
  }

 private:
  std::string_view m_src;
  std::size_t m_pos = 0;
  int m_line;
  int m_col;
  bool m_expr_only;
  std::vector<int> m_indents{0};      // tabs to multiples of 8
  std::vector<int> m_alt_indents{0};  // tabs as 1 column: must order the same way (TabError)
  std::vector<OpenBracket> m_brackets;
  TokenizeResult m_out;

  [[nodiscard]] bool eof() const { return m_pos >= m_src.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return m_pos + ahead < m_src.size() ? m_src[m_pos + ahead] : '\0';
  }
  [[nodiscard]] char32_t peek_cp() const {
    std::size_t i = m_pos;
    return decode_utf8(m_src, i);
  }
  void advance() {
    const char c = m_src[m_pos++];
    if (c == '\n') {
      ++m_line;
      m_col = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++m_col;
    }
  }
  void advance_cp() {
    std::size_t i = m_pos;
    decode_utf8(m_src, i);
    while (m_pos < i) advance();
  }

  [[noreturn]] void fail(DiagnosticKind kind, std::string msg, int line, int col, int end_line = 0,
                         int end_col = 0) {
    Diagnostic d;
    d.kind = kind;
    d.message = std::move(msg);
    d.line = line;
    d.col = col;
    d.end_line = end_line ? end_line : line;
    d.end_col = end_col > 0 && (end_line > line || end_col > col) ? end_col : col + 1;
    if (d.end_line == line && d.end_col <= col) d.end_col = col + 1;
    m_out.error = std::move(d);
    throw LexError{};
  }
  [[noreturn]] void fail_here(std::string msg) {
    fail(DiagnosticKind::syntax_error, std::move(msg), m_line, m_col);
  }

  void emit(TokenKind kind, std::size_t start, int line, int col) {
    Token t;
    t.kind = kind;
    t.text = m_src.substr(start, m_pos - start);
    t.line = line;
    t.col = col;
    t.end_line = m_line;
    t.end_col = m_col;
    m_out.tokens.push_back(t);
  }
  void emit_empty(TokenKind kind, int line, int col, int end_col) {
    Token t;
    t.kind = kind;
    t.line = line;
    t.col = col;
    t.end_line = line;
    t.end_col = end_col;
    m_out.tokens.push_back(t);
  }
  [[nodiscard]] bool line_has_tokens() const {
    return !m_out.tokens.empty() && m_out.tokens.back().kind != TokenKind::newline &&
           m_out.tokens.back().kind != TokenKind::indent && m_out.tokens.back().kind != TokenKind::dedent;
  }

  void lex() {
    bool at_line_start = !m_expr_only;
    for (;;) {
      if (at_line_start) {
        at_line_start = false;
        if (!indentation()) {
          at_line_start = true;
          continue;
        }
      }
      while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\f' || peek() == '\r')) advance();
      if (eof()) break;
      const char c = peek();
      if (c == '#') {
        while (!eof() && peek() != '\n') advance();
        continue;
      }
      if (c == '\n') {
        if (m_brackets.empty() && !m_expr_only) {
          if (line_has_tokens()) emit_empty(TokenKind::newline, m_line, m_col, m_col + 1);
          advance();
          at_line_start = true;
        } else {
          advance();
        }
        continue;
      }
      if (c == '\\') {
        const int line = m_line, col = m_col;
        advance();
        while (!eof() && peek() == '\r') advance();
        if (eof()) fail(DiagnosticKind::syntax_error, "unexpected EOF while parsing", line, col + 1);
        if (peek() != '\n') fail_here("unexpected character after line continuation character");
        advance();
        continue;
      }
      const auto uc = static_cast<unsigned char>(c);
      if ((c >= '0' && c <= '9') || (c == '.' && peek(1) >= '0' && peek(1) <= '9')) {
        number();
        continue;
      }
      if (c == '"' || c == '\'') {
        string(m_pos, m_line, m_col, false);
        continue;
      }
      if (uc >= 0x80 || is_identifier_start(static_cast<char32_t>(uc))) {
        const char32_t cp = peek_cp();
        if (!is_identifier_start(cp)) invalid_character(cp);
        name();
        continue;
      }
      op();
    }
    end_of_input();
  }

  [[noreturn]] void invalid_character(char32_t cp) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    if (is_non_printable(cp)) fail_here(std::string("invalid non-printable character ") + hex);
    const std::size_t start = m_pos;
    std::size_t i = m_pos;
    decode_utf8(m_src, i);
    fail_here("invalid character '" + std::string(m_src.substr(start, i - start)) + "' (" + hex + ")");
  }

  // Handles the indentation of a new line. Returns false for a blank or comment-only line (the
  // line has been consumed, including its newline).
  bool indentation() {
    int col = 0, alt = 0;
    const int line = m_line;
    while (!eof()) {
      const char c = peek();
      if (c == ' ') {
        ++col;
        ++alt;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        ++alt;
      } else if (c == '\f') {
        col = alt = 0;
      } else if (c != '\r') {
        break;
      }
      advance();
    }
    if (eof()) return true;
    if (peek() == '#' || peek() == '\n' || (peek() == '\\' && peek(1) == '\n' && false)) {
      while (!eof() && peek() != '\n') advance();
      if (!eof()) advance();
      return false;
    }
    if (!m_brackets.empty()) return true;
    if (col == m_indents.back()) {
      if (alt != m_alt_indents.back()) tab_error(line);
    } else if (col > m_indents.back()) {
      if (static_cast<int>(m_indents.size()) >= k_max_indent)
        fail(DiagnosticKind::indentation_error, "too many levels of indentation", line, 1);
      if (alt <= m_alt_indents.back()) tab_error(line);
      m_indents.push_back(col);
      m_alt_indents.push_back(alt);
      emit_empty(TokenKind::indent, line, 1, m_col);
    } else {
      // A mismatch is reported before any DEDENT is produced, as CPython's tokenizer does.
      if (std::find(m_indents.begin(), m_indents.end(), col) == m_indents.end()) unindent_error(line);
      while (m_indents.size() > 1 && col < m_indents.back()) {
        m_indents.pop_back();
        m_alt_indents.pop_back();
        emit_empty(TokenKind::dedent, line, m_col, m_col);
      }
      if (alt != m_alt_indents.back()) tab_error(line);
    }
    return true;
  }
  [[noreturn]] void unindent_error(int line) {
    // CPython 3.11 reports the column just past the end of the line.
    int end_col = m_col;
    for (std::size_t i = m_pos; i < m_src.size() && m_src[i] != '\n'; ++i)
      if ((static_cast<unsigned char>(m_src[i]) & 0xC0) != 0x80 && m_src[i] != '\r') ++end_col;
    fail(DiagnosticKind::indentation_error, "unindent does not match any outer indentation level", line, end_col);
  }
  [[noreturn]] void tab_error(int line) {
    fail(DiagnosticKind::tab_error, "inconsistent use of tabs and spaces in indentation", line, 1);
  }

  void end_of_input() {
    if (!m_brackets.empty()) m_out.unclosed = m_brackets;
    if (!m_expr_only && line_has_tokens()) emit_empty(TokenKind::newline, m_line, m_col, m_col + 1);
    if (!m_expr_only) {
      while (m_indents.size() > 1) {
        m_indents.pop_back();
        emit_empty(TokenKind::dedent, m_line, m_col, m_col);
      }
    }
    emit_empty(TokenKind::end_marker, m_line, m_col, m_col);
  }

  void name() {
    const std::size_t start = m_pos;
    const int line = m_line, col = m_col;
    while (!eof()) {
      const char32_t cp = peek_cp();
      if (!is_identifier_continue(cp)) break;
      advance_cp();
    }
    if (!eof() && (peek() == '"' || peek() == '\'')) {
      const std::string_view word = m_src.substr(start, m_pos - start);
      if (is_string_prefix(word)) {
        string(start, line, col, true);
        return;
      }
    }
    emit(TokenKind::name, start, line, col);
  }

  static bool is_string_prefix(std::string_view w) {
    if (w.empty() || w.size() > 2) return false;
    bool r = false, b = false, f = false, u = false;
    for (char ch : w) {
      switch (ch) {
        case 'r': case 'R': if (r) return false; r = true; break;
        case 'b': case 'B': if (b) return false; b = true; break;
        case 'f': case 'F': if (f) return false; f = true; break;
        case 'u': case 'U': if (u) return false; u = true; break;
        default: return false;
      }
    }
    if (u && w.size() > 1) return false;
    return !(b && f);
  }

  // At a quote (the prefix, if any, starts at `start`).
  void string(std::size_t start, int line, int col, bool /*prefixed*/) {
    const char q = peek();
    const bool triple = peek(1) == q && peek(2) == q;
    advance();
    if (triple) {
      advance();
      advance();
    }
    for (;;) {
      if (eof()) {
        if (triple) {
          int detected = m_line;
          if (m_col == 1 && detected > line) --detected;
          fail(DiagnosticKind::syntax_error,
               "unterminated triple-quoted string literal (detected at line " + std::to_string(detected) + ")",
               line, col);
        }
        fail(DiagnosticKind::syntax_error,
             "unterminated string literal (detected at line " + std::to_string(m_line) + ")", line, col);
      }
      const char c = peek();
      if (c == '\\') {
        advance();
        if (!eof()) advance();
        continue;
      }
      if (c == '\n' && !triple)
        fail(DiagnosticKind::syntax_error,
             "unterminated string literal (detected at line " + std::to_string(m_line) + ")", line, col);
      if (c == q) {
        if (!triple) {
          advance();
          break;
        }
        if (peek(1) == q && peek(2) == q) {
          advance();
          advance();
          advance();
          break;
        }
      }
      advance();
    }
    emit(TokenKind::string, start, line, col);
  }

  [[nodiscard]] static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  // Digits of a given base with single underscores between them. Returns the number of digits.
  int digits(bool (*ok)(char), const char* what) {
    int n = 0;
    for (;;) {
      if (!eof() && ok(peek())) {
        advance();
        ++n;
        continue;
      }
      if (!eof() && peek() == '_' && n > 0) {
        const int ucol = m_col;
        advance();
        if (eof() || !ok(peek())) fail(DiagnosticKind::syntax_error, std::string("invalid ") + what + " literal", m_line, ucol);
        continue;
      }
      return n;
    }
  }

  void number() {
    const std::size_t start = m_pos;
    const int line = m_line, col = m_col;
    const char* what = "decimal";
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                          peek(1) == 'b' || peek(1) == 'B')) {
      const char kind = static_cast<char>(peek(1) | 0x20);
      advance();
      const int xcol = m_col;
      advance();
      if (!eof() && peek() == '_') advance();
      int n = 0;
      if (kind == 'x') {
        what = "hexadecimal";
        n = digits([](char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }, what);
      } else if (kind == 'o') {
        what = "octal";
        n = digits([](char c) { return c >= '0' && c <= '7'; }, what);
        if (!eof() && is_digit(peek()))
          fail_here(std::string("invalid digit '") + peek() + "' in octal literal");
      } else {
        what = "binary";
        n = digits([](char c) { return c == '0' || c == '1'; }, what);
        if (!eof() && is_digit(peek()))
          fail_here(std::string("invalid digit '") + peek() + "' in binary literal");
      }
      if (n == 0) fail(DiagnosticKind::syntax_error, std::string("invalid ") + what + " literal", line, xcol);
    } else {
      bool is_float = false;
      bool leading_zero_int = false;
      if (peek() != '.') {
        const bool zero = peek() == '0';
        digits(is_digit, what);
        if (zero) {
          const std::string_view d = m_src.substr(start, m_pos - start);
          for (char ch : d)
            if (ch != '0' && ch != '_') leading_zero_int = true;
        }
      }
      if (!eof() && peek() == '.') {
        is_float = true;
        advance();
        if (!eof() && is_digit(peek())) digits(is_digit, what);
      }
      if (!eof() && (peek() == 'e' || peek() == 'E')) {
        const char after = peek(1);
        const char after2 = peek(2);
        if (is_digit(after) || ((after == '+' || after == '-') && is_digit(after2))) {
          is_float = true;
          advance();
          if (peek() == '+' || peek() == '-') advance();
          digits(is_digit, what);
        } else if (after == '+' || after == '-') {
          advance();
          fail(DiagnosticKind::syntax_error, "invalid decimal literal", m_line, m_col - 1);
        }
      }
      if (!eof() && (peek() == 'j' || peek() == 'J')) {
        is_float = true;
        advance();
      }
      if (leading_zero_int && !is_float)
        fail(DiagnosticKind::syntax_error,
             "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
             line, col, m_line, m_col);
    }
    // A number directly followed by an identifier character is invalid ("1abc"), except before a
    // keyword that may follow a number (`1if x else 2`, `0x1for`), which CPython 3.11 accepts.
    if (!eof()) {
      const char32_t cp = peek_cp();
      if (is_identifier_start(cp) || is_digit(peek())) {
        static constexpr std::array<std::string_view, 7> k_ok = {"and", "else", "for", "if", "in", "is", "or"};
        bool keyword_follows = false;
        const std::string_view rest = m_src.substr(m_pos);
        for (auto k : k_ok)
          if (rest.substr(0, k.size()) == k) {
            std::size_t after = m_pos + k.size();
            if (after >= m_src.size()) {
              keyword_follows = true;
            } else {
              std::size_t i = after;
              keyword_follows = !is_identifier_continue(decode_utf8(m_src, i));
            }
          }
        if (!keyword_follows)
          fail(DiagnosticKind::syntax_error, std::string("invalid ") + what + " literal", m_line, m_col - 1);
      }
    }
    emit(TokenKind::number, start, line, col);
  }

  void op() {
    static constexpr std::array<std::string_view, 4> k_three = {"**=", "//=", ">>=", "<<="};
    static constexpr std::array<std::string_view, 20> k_two = {
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<>"};
    const std::size_t start = m_pos;
    const int line = m_line, col = m_col;
    const std::string_view rest = m_src.substr(m_pos);
    std::size_t len = 1;
    if (rest.substr(0, 3) == "...") {
      len = 3;
    } else {
      bool found = false;
      for (auto t : k_three)
        if (rest.substr(0, 3) == t) {
          len = 3;
          found = true;
        }
      if (!found)
        for (auto t : k_two)
          if (rest.substr(0, 2) == t && t != "<>") len = 2;
    }
    const char c = rest[0];
    if (len == 1 && (c == '(' || c == '[' || c == '{')) {
      if (static_cast<int>(m_brackets.size()) >= k_max_brackets) fail_here("too many nested parentheses");
      m_brackets.push_back(OpenBracket{c, line, col});
    } else if (len == 1 && (c == ')' || c == ']' || c == '}')) {
      if (m_brackets.empty()) fail_here(std::string("unmatched '") + c + "'");
      const OpenBracket open = m_brackets.back();
      const char want = open.bracket == '(' ? ')' : open.bracket == '[' ? ']' : '}';
      if (c != want) {
        std::string msg = std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" +
                          open.bracket + "'";
        if (open.line != line) msg += " on line " + std::to_string(open.line);
        fail_here(std::move(msg));
      }
      m_brackets.pop_back();
    }
    for (std::size_t k = 0; k < len; ++k) advance();
    emit(TokenKind::op, start, line, col);
  }
};

}  // namespace

TokenizeResult tokenize(std::string_view source, const TokenizeOptions& options) {
  Lexer lexer(source, options);
  return lexer.run();
}

}  // namespace loopscope::python
