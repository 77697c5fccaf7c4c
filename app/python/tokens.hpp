#pragma once
// tokens.hpp — Python 3.11 source text -> tokens, for the Loopscope subset.
//
// Follows CPython's tokenizer (Parser/tokenizer.c) for what the subset needs: INDENT/DEDENT from
// a stack of indentation widths (tabs to multiples of 8, checked against tabs-as-1 for TabError),
// implicit line joining inside (), [], {}, backslash continuation, comments, blank lines (no
// tokens), strings with any prefix of r/u/b/f (case-insensitive, as a whole STRING token whose
// text keeps prefix and quotes; the parser decodes it), numbers with underscores, 0x/0o/0b,
// floats with exponents and imaginary `j` (which the parser refuses). Identifiers may be Unicode
// (see is_identifier_start below for the approximation of XID_Start/XID_Continue used).
//
// Positions: 1-based line, 1-based column in code points; end is exclusive (ast.hpp SourceSpan).
// Token::text views into the source, which must outlive the tokens.
//
// Errors: tokenize() stops at the first lexical error. The tokens before it are returned, followed
// by one Token of kind `error`, and `error` holds the Diagnostic with CPython 3.11's message.
// Without an error the list ends NEWLINE? DEDENT* ENDMARKER, like CPython's.
// `unclosed` reports brackets still open at the end of input (innermost last); CPython turns those
// into "'(' was never closed", which the parser does too (it knows when that message wins).
#include <optional>
#include <string_view>
#include <vector>

#include "python/diagnostic.hpp"

namespace loopscope::python {

enum class TokenKind : unsigned char { end_marker, name, number, string, op, newline, indent, dedent, error };

struct Token {
  TokenKind kind = TokenKind::end_marker;
  std::string_view text;  // the token's source text (empty for NEWLINE/INDENT/DEDENT/ENDMARKER)
  int line = 1;
  int col = 1;
  int end_line = 1;
  int end_col = 1;

  [[nodiscard]] bool is_op(std::string_view op) const { return kind == TokenKind::op && text == op; }
  [[nodiscard]] bool is_name(std::string_view n) const { return kind == TokenKind::name && text == n; }
};

struct OpenBracket {
  char bracket = '(';
  int line = 1;
  int col = 1;
};

struct TokenizeResult {
  std::vector<Token> tokens;
  std::optional<Diagnostic> error;      // the first lexical error (then tokens.back() is `error`)
  std::vector<OpenBracket> unclosed;    // brackets open at end of input (no `error` then)
};

struct TokenizeOptions {
  int first_line = 1;          // position of source[0]: used to tokenize an f-string's fields
  int first_col = 1;
  bool expression_only = false; // no INDENT/DEDENT/NEWLINE: a replacement field's expression
};

// Never throws; bounded by the input (at most 200 nested brackets and 100 indentation levels,
// CPython's limits, beyond which it reports "too many nested parentheses" /
// "too many levels of indentation").
TokenizeResult tokenize(std::string_view source, const TokenizeOptions& options = {});

// Decodes one UTF-8 code point at source[i]; returns its value and advances i. Invalid bytes
// decode as U+FFFD and advance one byte.
char32_t decode_utf8(std::string_view source, std::size_t& i);

// Unicode identifier test: ASCII letters, digits and '_' exactly; beyond ASCII, every letter-like
// code point (an approximation of XID_Start / XID_Continue that excludes the punctuation, symbol,
// space and control blocks).
bool is_identifier_start(char32_t c);
bool is_identifier_continue(char32_t c);

// The Python keywords (hard keywords of 3.11), which are never identifiers.
bool is_keyword(std::string_view word);

}  // namespace loopscope::python
