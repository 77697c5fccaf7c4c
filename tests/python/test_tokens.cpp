// The tokenizer: token kinds and texts, positions in code points, INDENT/DEDENT, line joining,
// strings and numbers, and CPython 3.11's lexical errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "python/tokens.hpp"

namespace {

using loopscope::python::DiagnosticKind;
using loopscope::python::Token;
using loopscope::python::TokenizeResult;
using loopscope::python::TokenKind;
using loopscope::python::tokenize;

// "NAME:x OP:= NUMBER:1 NEWLINE ..." for compact expectations.
std::string kinds(const TokenizeResult& r) {
  std::string out;
  for (const Token& t : r.tokens) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case TokenKind::name: out += "NAME:" + std::string(t.text); break;
      case TokenKind::number: out += "NUMBER:" + std::string(t.text); break;
      case TokenKind::string: out += "STRING:" + std::string(t.text); break;
      case TokenKind::op: out += "OP:" + std::string(t.text); break;
      case TokenKind::newline: out += "NEWLINE"; break;
      case TokenKind::indent: out += "INDENT"; break;
      case TokenKind::dedent: out += "DEDENT"; break;
      case TokenKind::end_marker: out += "END"; break;
      case TokenKind::error: out += "ERROR"; break;
    }
  }
  return out;
}

std::string error_of(std::string_view src) {
  const TokenizeResult r = tokenize(src);
  if (!r.error) return "no error";
  return std::to_string(r.error->line) + ":" + std::to_string(r.error->col) + ": " + r.error->message;
}

TEST(Tokens, SimpleStatement) {
  EXPECT_EQ(kinds(tokenize("x = 1\n")), "NAME:x OP:= NUMBER:1 NEWLINE END");
}

TEST(Tokens, MissingFinalNewlineIsAdded) {
  EXPECT_EQ(kinds(tokenize("pass")), "NAME:pass NEWLINE END");
}

TEST(Tokens, EmptyAndBlankInputs) {
  EXPECT_EQ(kinds(tokenize("")), "END");
  EXPECT_EQ(kinds(tokenize("\n\n   \n# comment\n")), "END");
}

TEST(Tokens, IndentAndDedent) {
  EXPECT_EQ(kinds(tokenize("if x:\n    y\n\n    # c\n    z\nw\n")),
            "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT NAME:w NEWLINE END");
  EXPECT_EQ(kinds(tokenize("if a:\n  if b:\n    c\n")),
            "NAME:if NAME:a OP:: NEWLINE INDENT NAME:if NAME:b OP:: NEWLINE INDENT NAME:c NEWLINE DEDENT DEDENT END");
}

TEST(Tokens, ImplicitJoiningInsideBrackets) {
  EXPECT_EQ(kinds(tokenize("f(1,\n      2)\n")), "NAME:f OP:( NUMBER:1 OP:, NUMBER:2 OP:) NEWLINE END");
  EXPECT_EQ(kinds(tokenize("x = [\n  1,\n]\n")), "NAME:x OP:= OP:[ NUMBER:1 OP:, OP:] NEWLINE END");
}

TEST(Tokens, BackslashContinuation) {
  EXPECT_EQ(kinds(tokenize("x = 1 + \\\n    2\n")), "NAME:x OP:= NUMBER:1 OP:+ NUMBER:2 NEWLINE END");
}

TEST(Tokens, CommentsAreSkipped) {
  EXPECT_EQ(kinds(tokenize("x = 1  # one\n# two\n")), "NAME:x OP:= NUMBER:1 NEWLINE END");
}

TEST(Tokens, OperatorsLongestMatch) {
  EXPECT_EQ(kinds(tokenize("a **= b // c >>= d -> e := f != g ...\n")),
            "NAME:a OP:**= NAME:b OP:// NAME:c OP:>>= NAME:d OP:-> NAME:e OP::= NAME:f OP:!= NAME:g OP:... NEWLINE END");
}

TEST(Tokens, Numbers) {
  EXPECT_EQ(kinds(tokenize("1_000 0x_ff 0o17 0b1010 3.14 .5 1e-3 2E+10 1_0.0_1 7j 00\n")),
            "NUMBER:1_000 NUMBER:0x_ff NUMBER:0o17 NUMBER:0b1010 NUMBER:3.14 NUMBER:.5 NUMBER:1e-3 "
            "NUMBER:2E+10 NUMBER:1_0.0_1 NUMBER:7j NUMBER:00 NEWLINE END");
  // A keyword may directly follow a number (CPython 3.11 accepts `1if x else 2`).
  EXPECT_EQ(kinds(tokenize("1if x else 2\n")), "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:2 NEWLINE END");
}

TEST(Tokens, Strings) {
  EXPECT_EQ(kinds(tokenize("'a' \"b\" r'\\d' f\"{x}\" rb'x' Rf'y' u'z' b\"w\"\n")),
            "STRING:'a' STRING:\"b\" STRING:r'\\d' STRING:f\"{x}\" STRING:rb'x' STRING:Rf'y' STRING:u'z' "
            "STRING:b\"w\" NEWLINE END");
  EXPECT_EQ(kinds(tokenize("s = '''one\ntwo'''\n")), "NAME:s OP:= STRING:'''one\ntwo''' NEWLINE END");
  EXPECT_EQ(kinds(tokenize("s = 'it\\'s'\n")), "NAME:s OP:= STRING:'it\\'s' NEWLINE END");
  // A name that is not a prefix stays a name.
  EXPECT_EQ(kinds(tokenize("ab'x'\n")), "NAME:ab STRING:'x' NEWLINE END");
}

TEST(Tokens, ColumnsCountCodePoints) {
  const TokenizeResult r = tokenize("s = \"héllo\" + x\n");
  ASSERT_GE(r.tokens.size(), 5u);
  EXPECT_EQ(r.tokens[2].col, 5);
  EXPECT_EQ(r.tokens[2].end_col, 12);  // 7 code points, 8 bytes
  EXPECT_EQ(r.tokens[3].col, 13);
  EXPECT_EQ(r.tokens[4].col, 15);
}

TEST(Tokens, UnicodeIdentifiers) {
  EXPECT_EQ(kinds(tokenize("café = 1\nπ = 3.14\n名前 = 'x'\n")),
            "NAME:café OP:= NUMBER:1 NEWLINE NAME:π OP:= NUMBER:3.14 NEWLINE NAME:名前 OP:= STRING:'x' NEWLINE END");
}

TEST(Tokens, MultiLineTokenPositions) {
  const TokenizeResult r = tokenize("x = '''a\nbc''' + 1\n");
  ASSERT_GE(r.tokens.size(), 4u);
  EXPECT_EQ(r.tokens[2].line, 1);
  EXPECT_EQ(r.tokens[2].end_line, 2);
  EXPECT_EQ(r.tokens[2].end_col, 6);
  EXPECT_EQ(r.tokens[3].line, 2);
  EXPECT_EQ(r.tokens[3].col, 7);
}

TEST(Tokens, UnclosedBracketsAreReported) {
  const TokenizeResult r = tokenize("f(a, [1,\n");
  EXPECT_FALSE(r.error);
  ASSERT_EQ(r.unclosed.size(), 2u);
  EXPECT_EQ(r.unclosed[0].bracket, '(');
  EXPECT_EQ(r.unclosed[1].bracket, '[');
  EXPECT_EQ(r.unclosed[1].col, 6);
}

TEST(Tokens, LexicalErrorsAsCPython) {
  EXPECT_EQ(error_of("s = \"abc\n"), "1:5: unterminated string literal (detected at line 1)");
  EXPECT_EQ(error_of("s = '''abc\n\n"), "1:5: unterminated triple-quoted string literal (detected at line 2)");
  EXPECT_EQ(error_of("x = 1abc\n"), "1:5: invalid decimal literal");
  EXPECT_EQ(error_of("x = 1_\n"), "1:6: invalid decimal literal");
  EXPECT_EQ(error_of("x = 1.e\n"), "1:6: invalid decimal literal");
  EXPECT_EQ(error_of("x = 0x\n"), "1:6: invalid hexadecimal literal");
  EXPECT_EQ(error_of("x = 0o8\n"), "1:7: invalid digit '8' in octal literal");
  EXPECT_EQ(error_of("x = 0b2\n"), "1:7: invalid digit '2' in binary literal");
  EXPECT_EQ(error_of("x = 01\n"),
            "1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
  EXPECT_EQ(error_of("x = 1 € 2\n"), "1:7: invalid character '€' (U+20AC)");
  EXPECT_EQ(error_of("x\xc2\xa0= 1\n"), "1:2: invalid non-printable character U+00A0");
  EXPECT_EQ(error_of("x = a\\ b\n"), "1:7: unexpected character after line continuation character");
  EXPECT_EQ(error_of("x = 1\\"), "1:7: unexpected EOF while parsing");
  EXPECT_EQ(error_of("x = (1]\n"), "1:7: closing parenthesis ']' does not match opening parenthesis '('");
  EXPECT_EQ(error_of("x = (1,\n[2\n)\n"), "3:1: closing parenthesis ')' does not match opening parenthesis '[' on line 2");
  EXPECT_EQ(error_of("x = 1)\n"), "1:6: unmatched ')'");
}

TEST(Tokens, IndentationErrors) {
  const TokenizeResult r = tokenize("if x:\n    a\n  b\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, DiagnosticKind::indentation_error);
  EXPECT_EQ(r.error->message, "unindent does not match any outer indentation level");
  EXPECT_EQ(r.error->line, 3);
  EXPECT_EQ(r.error->col, 4);  // CPython: just past the end of the line

  const TokenizeResult t = tokenize("if x:\n\ta\n        b\n");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(t.error->kind, DiagnosticKind::tab_error);
  EXPECT_EQ(t.error->message, "inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(t.error->line, 3);
  // Tabs alone, consistently, are fine.
  EXPECT_FALSE(tokenize("if x:\n\ta\n\tif y:\n\t\tb\n").error);
}

TEST(Tokens, ErrorTokenEndsTheList) {
  const TokenizeResult r = tokenize("x = 1\ny = \"oops\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.tokens.back().kind, TokenKind::error);
  EXPECT_EQ(r.tokens.front().text, "x");
}

TEST(Tokens, NestingLimits) {
  EXPECT_EQ(error_of(std::string(201, '(')), "1:201: too many nested parentheses");
  std::string deep;
  for (int i = 0; i < 101; ++i) deep += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
  const TokenizeResult r = tokenize(deep);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "too many levels of indentation");
}

TEST(Tokens, ExpressionOnlyModeStartsAtTheGivenPosition) {
  loopscope::python::TokenizeOptions o;
  o.first_line = 3;
  o.first_col = 10;
  o.expression_only = true;
  const TokenizeResult r = tokenize("a +\n b", o);
  EXPECT_EQ(kinds(r), "NAME:a OP:+ NAME:b END");
  EXPECT_EQ(r.tokens[0].line, 3);
  EXPECT_EQ(r.tokens[0].col, 10);
  EXPECT_EQ(r.tokens[2].line, 4);
  EXPECT_EQ(r.tokens[2].col, 2);
}

}  // namespace
