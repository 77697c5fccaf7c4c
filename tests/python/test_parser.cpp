// The parser: precedence and shapes (through a fully parenthesized unparse), round trips,
// literals, spans, f-strings, the scope pass, CPython's error messages and positions, the
// refusal corpus (tests/programs/refused), robustness (every prefix, deep nesting), and — when
// /usr/bin/python3 exists — every span compared with CPython's own `ast`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "python/parser.hpp"
#include "python/tokens.hpp"
#include "scope_dump.hpp"
#include "span_dump.hpp"
#include "unparse.hpp"

namespace {

namespace fs = std::filesystem;
using namespace loopscope::python;
using loopscope::python::testing::scope_dump;
using loopscope::python::testing::span_dump;
using loopscope::python::testing::unparse;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The program unparsed, or "error L:C: message".
std::string shape(std::string_view src, const ParseOptions& options = {}) {
  ParseResult r = parse(src, options);
  if (!r.ok()) {
    const Diagnostic& d = r.diagnostics.front();
    return "error " + std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message;
  }
  return unparse(*r.module);
}

// One expression statement unparsed, without the trailing newline.
std::string expr_shape(std::string_view src) {
  std::string s = shape(src);
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string error(std::string_view src, const ParseOptions& options = {}) {
  ParseResult r = parse(src, options);
  if (r.ok()) return "ok";
  EXPECT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics.front();
  return std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message;
}

const Module& module_of(const ParseResult& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.diagnostics[0].message);
  static Module empty;
  return r.ok() ? *r.module : empty;
}

const Expr& first_expr(const ParseResult& r) {
  const Module& m = module_of(r);
  static Expr none;
  if (m.body.empty()) return none;
  if (const auto* e = m.body[0]->as<ExprStmt>()) return *e->value;
  if (const auto* a = m.body[0]->as<Assign>()) return *a->value;
  return none;
}

// ---- precedence and shapes -----------------------------------------------------------------

TEST(Parser, ArithmeticPrecedenceAndAssociativity) {
  EXPECT_EQ(expr_shape("a + b * c"), "(a + (b * c))");
  EXPECT_EQ(expr_shape("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(expr_shape("a ** b ** c"), "(a ** (b ** c))");
  EXPECT_EQ(expr_shape("-a ** b"), "(-(a ** b))");
  EXPECT_EQ(expr_shape("a ** -b"), "(a ** (-b))");
  EXPECT_EQ(expr_shape("a // b % c * d / e @ f"), "(((((a // b) % c) * d) / e) @ f)");
  EXPECT_EQ(expr_shape("a | b ^ c & d << e + f"), "(a | (b ^ (c & (d << (e + f)))))");
  EXPECT_EQ(expr_shape("~a + -b - +c"), "(((~a) + (-b)) - (+c))");
  EXPECT_EQ(expr_shape("(a + b) * c"), "((a + b) * c)");
}

TEST(Parser, BooleanAndComparisonPrecedence) {
  EXPECT_EQ(expr_shape("a or b and c"), "(a or (b and c))");
  EXPECT_EQ(expr_shape("a or b or c"), "(a or b or c)");
  EXPECT_EQ(expr_shape("not a == b"), "(not (a == b))");
  EXPECT_EQ(expr_shape("not a and not b"), "((not a) and (not b))");
  EXPECT_EQ(expr_shape("a < b <= c != d"), "(a < b <= c != d)");
  EXPECT_EQ(expr_shape("a is not b is c not in d in e"), "(a is not b is c not in d in e)");
  EXPECT_EQ(expr_shape("a | b < c & d"), "((a | b) < (c & d))");
  EXPECT_EQ(expr_shape("a if b else c if d else e"), "(a if b else (c if d else e))");
  EXPECT_EQ(expr_shape("a or b if c and d else e"), "((a or b) if (c and d) else e)");
  EXPECT_EQ(expr_shape("lambda x: x if x else -x"), "(lambda x: (x if x else (-x)))");
}

TEST(Parser, AwaitAndPrimaries) {
  EXPECT_EQ(expr_shape("async def f():\n  return await a.b(c)[d] ** 2\n"),
            "async def f():\n    return ((await a.b(c)[d]) ** 2)");
  EXPECT_EQ(expr_shape("f(a)(b)[c].d"), "f(a)(b)[c].d");
  EXPECT_EQ(expr_shape("x[1:2, ::3, a]"), "x[1:2, ::3, a]");
  EXPECT_EQ(expr_shape("x[:]"), "x[:]");
  EXPECT_EQ(expr_shape("x[::-1]"), "x[::(-1)]");
  EXPECT_EQ(expr_shape("f(a, *b, c=1, **d)"), "f(a, *b, c=1, **d)");
  EXPECT_EQ(expr_shape("f(*a, *b, k=1, *c)"), "f(*a, *b, *c, k=1)");
  EXPECT_EQ(expr_shape("sum(x for x in y)"), "sum((x for x in y))");
}

TEST(Parser, Displays) {
  EXPECT_EQ(expr_shape("()"), "()");
  EXPECT_EQ(expr_shape("(1,)"), "(1,)");
  EXPECT_EQ(expr_shape("1, 2"), "(1, 2)");
  EXPECT_EQ(expr_shape("[1, *a, 2]"), "[1, *a, 2]");
  EXPECT_EQ(expr_shape("{}"), "{}");
  EXPECT_EQ(expr_shape("{1}"), "{1}");
  EXPECT_EQ(expr_shape("{1: 2, **d, 3: 4}"), "{1: 2, **d, 3: 4}");
  EXPECT_EQ(expr_shape("{*a, 1}"), "{*a, 1}");
  EXPECT_EQ(expr_shape("[x for x in y if x if not x]"), "[x for x in y if x if (not x)]");
  EXPECT_EQ(expr_shape("{k: v for k, v in d}"), "{k: v for (k, v) in d}");
  EXPECT_EQ(expr_shape("{x for x in y for z in x}"), "{x for x in y for z in x}");
  EXPECT_EQ(expr_shape("(x for x in y)"), "(x for x in y)");
  EXPECT_EQ(expr_shape("[(yield_) for yield_ in a]"), "[yield_ for yield_ in a]");
}

TEST(Parser, Statements) {
  EXPECT_EQ(shape("a = b = 1\n"), "a = b = 1\n");
  EXPECT_EQ(shape("a, *b = c\n"), "(a, *b) = c\n");
  EXPECT_EQ(shape("[a, (b, c)] = d\n"), "[a, (b, c)] = d\n");
  EXPECT_EQ(shape("x: int = 1\n"), "x: int = 1\n");
  EXPECT_EQ(shape("(x): int\n"), "(x): int\n");
  EXPECT_EQ(shape("a.b += 1; c[0] **= 2\n"), "a.b += 1\nc[0] **= 2\n");
  EXPECT_EQ(shape("if a:\n  pass\nelif b:\n  pass\nelse:\n  pass\n"),
            "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n");
  EXPECT_EQ(shape("for i, j in x:\n  break\nelse:\n  pass\n"), "for (i, j) in x:\n    break\nelse:\n    pass\n");
  EXPECT_EQ(shape("while x: continue\n"), "while x:\n    continue\n");
  EXPECT_EQ(shape("with a as b, c:\n  pass\n"), "with a as b, c:\n    pass\n");
  EXPECT_EQ(shape("with (a as b, c as d):\n  pass\n"), "with a as b, c as d:\n    pass\n");
  EXPECT_EQ(shape("with (a, b) as c:\n  pass\n"), "with (a, b) as c:\n    pass\n");
  EXPECT_EQ(shape("with (a):\n  pass\n"), "with a:\n    pass\n");
  EXPECT_EQ(shape("raise\n"), "raise\n");
  EXPECT_EQ(shape("raise E('x') from None\n"), "raise E('x') from None\n");
  EXPECT_EQ(shape("del a, b[0], c.d\n"), "del a, b[0], c.d\n");
  EXPECT_EQ(shape("assert x, 'msg'\n"), "assert x, 'msg'\n");
  EXPECT_EQ(shape("def f(a, /, b=1, *c, d, e=2, **g) -> None:\n  return\n"),
            "def f(a, /, b=1, *c, d, e=2, **g) -> None:\n    return\n");
  EXPECT_EQ(shape("def f(*, a): pass\n"), "def f(*, a):\n    pass\n");
  EXPECT_EQ(shape("import asyncio as aio, time\nfrom random import (seed, randint as ri,)\n"),
            "import asyncio as aio, time\nfrom random import seed, randint as ri\n");
  EXPECT_EQ(shape("try:\n  pass\nexcept* ValueError as e:\n  pass\n"),
            "try:\n    pass\nexcept* ValueError as e:\n    pass\n");
  EXPECT_EQ(shape("try:\n  pass\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  pass\n"),
            "try:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n");
  EXPECT_EQ(shape("if (n := 10) > 5: pass\n"), "if ((n := 10) > 5):\n    pass\n");
  EXPECT_EQ(shape("match = 1\nmatch.x = 2\nprint(match)\n"), "match = 1\nmatch.x = 2\nprint(match)\n");
}

TEST(Parser, ExpressionContexts) {
  ParseResult r = parse("a, [b.c, *d[0]] = e\ndel f\n");
  const Module& m = module_of(r);
  ASSERT_EQ(m.body.size(), 2u);
  const Tuple* t = m.body[0]->as<Assign>()->targets[0]->as<Tuple>();
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->ctx, ExprContext::store);
  EXPECT_EQ(t->elts[0]->as<Name>()->ctx, ExprContext::store);
  const List* l = t->elts[1]->as<List>();
  EXPECT_EQ(l->elts[0]->as<Attribute>()->ctx, ExprContext::store);
  EXPECT_EQ(l->elts[0]->as<Attribute>()->value->as<Name>()->ctx, ExprContext::load);
  EXPECT_EQ(l->elts[1]->as<Starred>()->value->as<Subscript>()->ctx, ExprContext::store);
  EXPECT_EQ(m.body[0]->as<Assign>()->value->as<Name>()->ctx, ExprContext::load);
  EXPECT_EQ(m.body[1]->as<Delete>()->targets[0]->as<Name>()->ctx, ExprContext::del);
}

// ---- round trips ---------------------------------------------------------------------------

// Unparsing then parsing again gives the same tree (compared through a second unparse).
void expect_round_trip(const fs::path& file) {
  const std::string src = read_file(file);
  ParseResult first = parse(src);
  ASSERT_TRUE(first.ok()) << file << ": " << first.diagnostics[0].line << ":" << first.diagnostics[0].col << ": "
                          << first.diagnostics[0].message;
  const std::string once = unparse(*first.module);
  ParseResult second = parse(once);
  ASSERT_TRUE(second.ok()) << file << " unparsed:\n" << once << "\n" << second.diagnostics[0].line << ":"
                           << second.diagnostics[0].col << ": " << second.diagnostics[0].message;
  EXPECT_EQ(unparse(*second.module), once) << file;
}

TEST(Parser, EveryConstructRoundTrips) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(PYTHON_TEST_DIR) / "valid")) {
    if (entry.path().extension() != ".py") continue;
    SCOPED_TRACE(entry.path().string());
    expect_round_trip(entry.path());
    ++files;
  }
  EXPECT_GE(files, 3);
}

// ---- literals ------------------------------------------------------------------------------

TEST(Parser, Numbers) {
  EXPECT_EQ(first_expr(parse("1_000\n")).as<IntLiteral>()->value, 1000);
  EXPECT_EQ(first_expr(parse("0xff\n")).as<IntLiteral>()->value, 255);
  EXPECT_EQ(first_expr(parse("0o17\n")).as<IntLiteral>()->value, 15);
  EXPECT_EQ(first_expr(parse("0b101\n")).as<IntLiteral>()->value, 5);
  EXPECT_EQ(first_expr(parse("9223372036854775807\n")).as<IntLiteral>()->value, INT64_MAX);
  EXPECT_DOUBLE_EQ(first_expr(parse("1.5e3\n")).as<FloatLiteral>()->value, 1500.0);
  EXPECT_DOUBLE_EQ(first_expr(parse(".25\n")).as<FloatLiteral>()->value, 0.25);
  EXPECT_DOUBLE_EQ(first_expr(parse("1_0.5\n")).as<FloatLiteral>()->value, 10.5);
  EXPECT_DOUBLE_EQ(first_expr(parse("1e3\n")).as<FloatLiteral>()->value, 1000.0);
  // -9223372036854775808 is a unary minus on a literal that does not fit: refused.
  EXPECT_EQ(error("x = 9223372036854775808\n"), "1:5: integer literal too large: Loopscope integers are 64-bit");
}

TEST(Parser, Strings) {
  EXPECT_EQ(first_expr(parse("'a\\tb\\n\\x41\\101\\u00e9\\U0001F600\\\\\\''\n")).as<StrLiteral>()->value,
            "a\tb\nAA\xC3\xA9\xF0\x9F\x98\x80\\'");
  EXPECT_EQ(first_expr(parse("r'\\d\\n'\n")).as<StrLiteral>()->value, "\\d\\n");
  EXPECT_EQ(first_expr(parse("'\\q'\n")).as<StrLiteral>()->value, "\\q");  // unknown escapes stay
  EXPECT_EQ(first_expr(parse("'a' \"b\" '''c'''\n")).as<StrLiteral>()->value, "abc");
  EXPECT_EQ(first_expr(parse("'line\\\ncontinued'\n")).as<StrLiteral>()->value, "linecontinued");
  EXPECT_EQ(first_expr(parse("'''a\nb'''\n")).as<StrLiteral>()->value, "a\nb");
  EXPECT_EQ(first_expr(parse("'héllo'\n")).as<StrLiteral>()->value, "héllo");
  EXPECT_EQ(first_expr(parse("b'\\x00\\xffa'\n")).as<BytesLiteral>()->value, std::string("\x00\xff" "a", 3));
  EXPECT_EQ(error("x = b'é'\n"), "1:5: bytes can only contain ASCII literal characters");
  EXPECT_EQ(error("x = b'a' 'b'\n"), "1:5: cannot mix bytes and nonbytes literals");
}

TEST(Parser, FStrings) {
  ParseResult r = parse("f'a{x!r:>{w}.2f}b{{c}}{y=}{z = !s}'\n");
  const FString* f = first_expr(r).as<FString>();
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->parts.size(), 5u);
  EXPECT_EQ(f->parts[0].text, "a");
  const FStringPart& x = f->parts[1];
  EXPECT_EQ(x.kind, FStringPart::Kind::field);
  EXPECT_EQ(x.value->as<Name>()->id, "x");
  EXPECT_EQ(x.conversion, 'r');
  EXPECT_TRUE(x.has_format_spec);
  ASSERT_EQ(x.format_spec.size(), 3u);
  EXPECT_EQ(x.format_spec[0].text, ">");
  EXPECT_EQ(x.format_spec[1].value->as<Name>()->id, "w");
  EXPECT_EQ(x.format_spec[2].text, ".2f");
  EXPECT_EQ(f->parts[2].text, "b{c}");
  EXPECT_EQ(f->parts[3].debug_text, "y=");
  EXPECT_EQ(f->parts[3].conversion, 0);
  EXPECT_EQ(f->parts[4].debug_text, "z = ");
  EXPECT_EQ(f->parts[4].conversion, 's');

  // Adjacent plain and f-strings join into one FString; an empty spec is still a spec.
  ParseResult j = parse("'a' f'{b:}' 'c\\n'\n");
  const FString* g = first_expr(j).as<FString>();
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(g->parts.size(), 3u);
  EXPECT_EQ(g->parts[0].text, "a");
  EXPECT_TRUE(g->parts[1].has_format_spec);
  EXPECT_TRUE(g->parts[1].format_spec.empty());
  EXPECT_EQ(g->parts[2].text, "c\n");

  // Expressions inside fields: strings with the other quote, dicts, comparisons, calls.
  EXPECT_EQ(expr_shape("f\"{d['k']!r} {a != b} { {1: 2}[1] } {f(x, y=1)}\""),
            "f\"{ d['k']!r} { (a != b)} { {1: 2}[1]} { f(x, y=1)}\"");
  EXPECT_EQ(expr_shape("rf'\\d{x}'"), "f\"\\\\d{ x}\"");
}

TEST(Parser, FStringErrors) {
  EXPECT_EQ(error("f'{}'\n"), "1:6: f-string: empty expression not allowed");
  EXPECT_EQ(error("f'}'\n"), "1:5: f-string: single '}' is not allowed");
  EXPECT_EQ(error("f'{x'\n"), "1:6: f-string: expecting '}'");
  EXPECT_EQ(error("f'{x!z}'\n"), "1:9: f-string: invalid conversion character: expected 's', 'r', or 'a'");
  EXPECT_EQ(error("f'{x:{y:{z}}}'\n"), "1:15: f-string: expressions nested too deeply");
  EXPECT_EQ(error("f'{a b}'\n"), "1:4: f-string: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(error("f'{x\\n}'\n"), "1:9: f-string expression part cannot include a backslash");
  EXPECT_EQ(error("f'{x#}'\n"), "1:8: f-string expression part cannot include '#'");
  EXPECT_EQ(error("f\"{a(}\"\n"), "1:8: f-string: closing parenthesis '}' does not match opening parenthesis '('");
  EXPECT_EQ(error("f\"{a(b\"\n"), "1:8: f-string: unmatched '('");
  EXPECT_EQ(error("f\"{a['b}\"\n"), "1:10: f-string: unterminated string");
  EXPECT_EQ(error("f\"{a)}\"\n"), "1:8: f-string: unmatched ')'");
}

// ---- spans ---------------------------------------------------------------------------------

TEST(Parser, SpansAreOneBasedCodePointsWithExclusiveEnds) {
  ParseResult r = parse("s = 'héllo' + name\nif s:\n    print(s)\n");
  const Module& m = module_of(r);
  ASSERT_EQ(m.body.size(), 2u);
  const Stmt& assign = *m.body[0];
  EXPECT_EQ(assign.span.line, 1);
  EXPECT_EQ(assign.span.col, 1);
  EXPECT_EQ(assign.span.end_col, 19);
  const BinOp* sum = assign.as<Assign>()->value->as<BinOp>();
  EXPECT_EQ(sum->left->span.col, 5);
  EXPECT_EQ(sum->left->span.end_col, 12);
  EXPECT_EQ(sum->right->span.col, 15);
  const Stmt& if_stmt = *m.body[1];
  EXPECT_EQ(if_stmt.span.line, 2);
  EXPECT_EQ(if_stmt.span.end_line, 3);
  EXPECT_EQ(if_stmt.span.end_col, 13);
  const Stmt& call = *if_stmt.as<If>()->body[0];
  EXPECT_EQ(call.span.col, 5);
  const Call* c = call.as<ExprStmt>()->value->as<Call>();
  EXPECT_EQ(c->args[0]->span.col, 11);
}

TEST(Parser, FStringFieldSpansPointIntoTheSource) {
  ParseResult r = parse("x = f'ab{value!r}'\n");
  const FString* f = first_expr(r).as<FString>();
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->parts.size(), 2u);
  EXPECT_EQ(f->parts[1].span.col, 9);
  EXPECT_EQ(f->parts[1].span.end_col, 18);
  EXPECT_EQ(f->parts[1].value->span.col, 10);
  EXPECT_EQ(f->parts[1].value->span.end_col, 15);
}

// ---- scopes --------------------------------------------------------------------------------

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(Scopes, LocalsGlobalsNonlocalsFreeAndCells) {
  ParseResult r = parse(
      "import asyncio\n"
      "count = 0\n"
      "def outer(a, *args, k=1, **kw):\n"
      "    global count\n"
      "    count += 1\n"
      "    total = 0\n"
      "    def inner():\n"
      "        nonlocal total\n"
      "        total += a\n"
      "        return [total + i for i in range(3)]\n"
      "    return inner, lambda y: y + total\n");
  const Module& m = module_of(r);
  EXPECT_TRUE(has(m.scope.locals, "asyncio"));
  EXPECT_TRUE(has(m.scope.locals, "count"));
  EXPECT_TRUE(has(m.scope.locals, "outer"));
  const FunctionDef& outer = *m.body[2]->as<FunctionDef>();
  EXPECT_EQ(outer.scope.params, (std::vector<std::string>{"a", "args", "k", "kw"}));
  EXPECT_EQ(outer.scope.globals, (std::vector<std::string>{"count"}));
  EXPECT_FALSE(has(outer.scope.locals, "count"));
  EXPECT_TRUE(has(outer.scope.locals, "total"));
  EXPECT_TRUE(has(outer.scope.locals, "inner"));
  EXPECT_TRUE(has(outer.scope.cells, "total"));
  EXPECT_TRUE(has(outer.scope.cells, "a"));
  EXPECT_TRUE(outer.scope.free.empty());
  const FunctionDef& inner = *outer.body[3]->as<FunctionDef>();
  EXPECT_EQ(inner.scope.nonlocals, (std::vector<std::string>{"total"}));
  EXPECT_TRUE(has(inner.scope.free, "total"));
  EXPECT_TRUE(has(inner.scope.free, "a"));
  EXPECT_TRUE(inner.scope.locals.empty());
  // The comprehension has its own scope: `i` is local there, `total` is free (via inner).
  const ListComp& comp = *inner.body[2]->as<Return>()->value->as<ListComp>();
  EXPECT_TRUE(has(comp.scope.locals, "i"));
  EXPECT_TRUE(has(comp.scope.free, "total"));
  EXPECT_TRUE(has(inner.scope.cells, "total") || has(inner.scope.free, "total"));
  const Lambda& lam = *outer.body[4]->as<Return>()->value->as<Tuple>()->elts[1]->as<Lambda>();
  EXPECT_EQ(lam.scope.params, (std::vector<std::string>{"y"}));
  EXPECT_TRUE(has(lam.scope.free, "total"));
}

TEST(Scopes, ModuleNamesAreNeverFree) {
  ParseResult r = parse("x = 1\ndef f():\n    return x + len([])\n");
  const Module& m = module_of(r);
  const FunctionDef& f = *m.body[1]->as<FunctionDef>();
  EXPECT_TRUE(f.scope.free.empty());
  EXPECT_TRUE(f.scope.locals.empty());
  EXPECT_TRUE(m.scope.cells.empty());
}

TEST(Scopes, WalrusInComprehensionBindsInTheFunction) {
  ParseResult r = parse("def f(xs):\n    ys = [last := x for x in xs]\n    return last\n");
  const FunctionDef& f = *module_of(r).body[0]->as<FunctionDef>();
  EXPECT_TRUE(has(f.scope.locals, "last"));
  EXPECT_TRUE(has(f.scope.cells, "last"));
}

TEST(Scopes, ErrorsAsCPythonsSymbolTable) {
  EXPECT_EQ(error("def f():\n  nonlocal q\n"), "2:3: no binding for nonlocal 'q' found");
  EXPECT_EQ(error("def f(a):\n  global a\n"), "2:3: name 'a' is parameter and global");
  EXPECT_EQ(error("def f():\n  x = 1\n  global x\n"), "3:3: name 'x' is assigned to before global declaration");
  EXPECT_EQ(error("def f():\n  print(x)\n  global x\n"), "3:3: name 'x' is used prior to global declaration");
  EXPECT_EQ(error("nonlocal x\n"), "1:1: nonlocal declaration not allowed at module level");
  EXPECT_EQ(error("def f():\n  x = 1\n  def g():\n    nonlocal x\n    x = 2\n"), "ok");
  // The symbol table's errors come before the compiler's, wherever they are.
  EXPECT_EQ(error("return 2\ndef f():\n  nonlocal y\n"), "3:3: no binding for nonlocal 'y' found");
}

// ---- errors --------------------------------------------------------------------------------

TEST(ParserErrors, MessagesAndPositionsAsCPython311) {
  EXPECT_EQ(error("if x\n  pass\n"), "1:5: expected ':'");
  EXPECT_EQ(error("if x pass\n"), "1:6: invalid syntax");
  EXPECT_EQ(error("def f(:\n"), "1:7: invalid syntax");
  EXPECT_EQ(error("x = (1 2)\n"), "1:6: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(error("f() = 1\n"), "1:1: cannot assign to function call here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(error("(a, f()) = 1\n"), "1:5: cannot assign to function call");
  EXPECT_EQ(error("x = f() = 1\n"), "1:5: cannot assign to function call");
  EXPECT_EQ(error("a + 1 = 2\n"), "1:1: cannot assign to expression here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(error("1 = x\n"), "1:1: cannot assign to literal here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(error("True = 1\n"), "1:1: cannot assign to True");
  EXPECT_EQ(error("for f() in x: pass\n"), "1:5: cannot assign to function call");
  EXPECT_EQ(error("del f()\n"), "1:5: cannot delete function call");
  EXPECT_EQ(error("x + 1 += 1\n"), "1:1: 'expression' is an illegal expression for augmented assignment");
  EXPECT_EQ(error("a, b += 1\n"), "1:1: 'tuple' is an illegal expression for augmented assignment");
  EXPECT_EQ(error("f(a=1, b)\n"), "1:9: positional argument follows keyword argument");
  EXPECT_EQ(error("f(**k, b)\n"), "1:9: positional argument follows keyword argument unpacking");
  EXPECT_EQ(error("f(a=1, a=2)\n"), "1:8: keyword argument repeated: a");
  EXPECT_EQ(error("f(a.b=1)\n"), "1:3: expression cannot contain assignment, perhaps you meant \"==\"?");
  EXPECT_EQ(error("f(x for x in y, 1)\n"), "1:3: Generator expression must be parenthesized");
  EXPECT_EQ(error("print(*a for a in b)\n"), "1:7: iterable unpacking cannot be used in comprehension");
  EXPECT_EQ(error("x = *a\n"), "1:5: can't use starred expression here");
  EXPECT_EQ(error("*a = b\n"), "1:1: starred assignment target must be in a list or tuple");
  EXPECT_EQ(error("a, *b, *c = d\n"), "1:8: multiple starred expressions in assignment");
  EXPECT_EQ(error("x := 1\n"), "1:3: invalid syntax");
  EXPECT_EQ(error("return 1\n"), "1:1: 'return' outside function");
  EXPECT_EQ(error("break\n"), "1:1: 'break' outside loop");
  EXPECT_EQ(error("continue\n"), "1:1: 'continue' not properly in loop");
  EXPECT_EQ(error("await x\n"), "1:1: 'await' outside function");
  EXPECT_EQ(error("def f():\n  await x\n"), "2:3: 'await' outside async function");
  EXPECT_EQ(error("def f():\n  for x in y:\n    def g():\n      break\n"), "4:7: 'break' outside loop");
  EXPECT_EQ(error("[x async for x in y]\n"), "1:1: asynchronous comprehension outside of an asynchronous function");
  EXPECT_EQ(error("def f():\n  return [await x for x in y]\n"),
            "2:10: asynchronous comprehension outside of an asynchronous function");
  EXPECT_EQ(error("def f():\n  return (await x for x in y)\n"), "ok");
  EXPECT_EQ(error("async def f():\n  return [lambda: await x for x in y]\n"), "2:19: 'await' outside async function");
  EXPECT_EQ(error("async with x: pass\n"), "1:1: 'async with' outside async function");
  EXPECT_EQ(error("async for x in y: pass\n"), "1:1: 'async for' outside async function");
  EXPECT_EQ(error("def f(a, a): pass\n"), "1:10: duplicate argument 'a' in function definition");
  EXPECT_EQ(error("def f(a=1, b): pass\n"), "1:12: non-default argument follows default argument");
  EXPECT_EQ(error("def f(*): pass\n"), "1:7: named arguments must follow bare *");
  EXPECT_EQ(error("try:\n  pass\nx=1\n"), "3:1: expected 'except' or 'finally' block");
  EXPECT_EQ(error("try:\n  pass\nexcept* :\n  pass\n"), "3:9: expected one or more exception types");
  EXPECT_EQ(error("try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass\n"),
            "5:1: cannot have both 'except' and 'except*' on the same 'try'");
  EXPECT_EQ(error("try:\n  pass\nexcept A, B:\n  pass\n"), "3:8: multiple exception types must be parenthesized");
  EXPECT_EQ(error("x = 1 if y\n"), "1:5: expected 'else' after 'if' expression");
  EXPECT_EQ(error("x = {1: 2, 3}\n"), "1:12: ':' expected after dictionary key");
  EXPECT_EQ(error("print \"hi\"\n"), "1:1: Missing parentheses in call to 'print'. Did you mean print(...)?");
  EXPECT_EQ(error("if x = 1:\n  pass\n"), "1:4: invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  EXPECT_EQ(error("from asyncio import a,\n"), "1:23: trailing comma not allowed without surrounding parentheses");
  EXPECT_EQ(error("else:\n  pass\n"), "1:1: invalid syntax");
  EXPECT_EQ(error("(a.b := 1)\n"), "1:2: cannot use assignment expressions with attribute");
  // `&&':'` in CPython's grammar (def, try, else, finally): "expected ':'" at the next token.
  EXPECT_EQ(error("def f() x:\n  pass\n"), "1:9: expected ':'");
  EXPECT_EQ(error("try x:\n  pass\n"), "1:5: expected ':'");
  EXPECT_EQ(error("for x in y z:\n  pass\n"), "1:12: invalid syntax");
  EXPECT_EQ(error("for x in y\n  pass\n"), "1:11: expected ':'");
  EXPECT_EQ(error("def f:\n  pass\n"), "1:6: expected '('");
  EXPECT_EQ(error("x = [a = 1]\n"), "1:6: invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  EXPECT_EQ(error("await asyncio:.sleep(0)\n"), "1:14: invalid syntax");
  EXPECT_EQ(error("f(a) : int\n"), "1:1: illegal target for annotation");
  EXPECT_EQ(error("x: int, y: int = 1, 2\n"), "1:7: invalid syntax");
  // A string literal's error is found even where the parse has already failed.
  EXPECT_EQ(error("prin t(f\"{}\")\n"), "1:13: f-string: empty expression not allowed");
  EXPECT_EQ(error("print(1 2 3)\n"), "1:7: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(error("print(a, f(x) y)\n"), "1:10: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(error("d = {\"a\": }\n"), "1:9: expression expected after dictionary key and ':'");
  EXPECT_EQ(error("def f(*a, b, a): pass\n"), "1:8: duplicate argument 'a' in function definition");
  EXPECT_EQ(error("x = (a.b := )\n"), "1:10: invalid syntax");
  EXPECT_EQ(error("*a = 1\nreturn 5\n"), "1:1: starred assignment target must be in a list or tuple");
  EXPECT_EQ(error("f\"{:x}\"\n"), "1:8: f-string: expression required before ':'");
}

TEST(ParserErrors, IndentationAsCPython311) {
  const ParseResult r = parse("x = 1\n    y = 2\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics[0].kind, DiagnosticKind::indentation_error);
  EXPECT_EQ(error("x = 1\n    y = 2\n"), "2:4: unexpected indent");
  EXPECT_EQ(error("if x:\n"), "1:6: expected an indented block after 'if' statement on line 1");
  EXPECT_EQ(error("if x:\npass\n"), "2:1: expected an indented block after 'if' statement on line 1");
  EXPECT_EQ(error("def f():\n  if x:\n  y = 1\n"), "3:3: expected an indented block after 'if' statement on line 2");
  EXPECT_EQ(error("for x in y:\n# only a comment\n"), "1:12: expected an indented block after 'for' statement on line 1");
  EXPECT_EQ(error("if x:\n  a\n b\n"), "3:3: unindent does not match any outer indentation level");
}

TEST(ParserErrors, LexicalErrorsWinAndUnclosedBrackets) {
  // A lexical error later in the file replaces an earlier parser error, as in CPython.
  EXPECT_EQ(error("x = = 1\ns = \"abc\n"), "2:5: unterminated string literal (detected at line 2)");
  EXPECT_EQ(error("x = (1,\ny = 2\n"), "1:5: '(' was never closed");
  EXPECT_EQ(error("f(\n"), "1:2: '(' was never closed");
  EXPECT_EQ(error("x = [1, 2\n"), "1:5: '[' was never closed");
  // ... but only a parser error on a later line than the bracket.
  EXPECT_EQ(error("x = = (1,\n"), "1:5: invalid syntax");
}

TEST(ParserErrors, SyntaxErrorsBeatRefusals) {
  EXPECT_EQ(error("class A:\n  pass\nx = (\n"), "3:5: '(' was never closed");
  EXPECT_EQ(error("import os\nbreak\n"), "2:1: 'break' outside loop");
  EXPECT_EQ(error("import os\nimport sys\n"), "1:8: module 'os' is not available: asyncio, time, random, aiohttp are");
}

// ---- refusals ------------------------------------------------------------------------------

TEST(Refusals, ConstructsOutsideTheSubset) {
  EXPECT_EQ(error("class A:\n  pass\n"), "1:1: `class` statements are not supported in Loopscope programs");
  EXPECT_EQ(error("@d\ndef f(): pass\n"), "1:1: decorators are not supported in Loopscope programs");
  EXPECT_EQ(error("def f():\n  yield 1\n"),
            "2:3: `yield` is not supported in Loopscope programs (generators are outside the subset)");
  EXPECT_EQ(error("match x:\n  case 1:\n    pass\n"), "1:1: `match` statements are not supported in Loopscope programs");
  EXPECT_EQ(error("from . import x\n"), "1:6: relative imports are not supported in Loopscope programs");
  EXPECT_EQ(error("from asyncio import *\n"), "1:21: `from ... import *` is not supported in Loopscope programs");
  EXPECT_EQ(error("x = 2j\n"), "1:5: complex numbers are not supported in Loopscope programs");
  const ParseResult r = parse("class A: pass\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics[0].kind, DiagnosticKind::refused);
  EXPECT_STREQ(r.diagnostics[0].kind_name(), "NotSupported");
}

TEST(Refusals, ModulesAreAParameter) {
  EXPECT_EQ(error("import asyncio, time, random, aiohttp\nfrom asyncio import sleep\nimport asyncio.queues\n"), "ok");
  ParseOptions only_asyncio;
  only_asyncio.modules = {"asyncio"};
  EXPECT_EQ(error("import random\n", only_asyncio), "1:8: module 'random' is not available: asyncio are");
  ParseOptions two;
  two.modules = {"asyncio", "json"};
  EXPECT_EQ(error("import json\nfrom os import path\n", two), "2:6: module 'os' is not available: asyncio, json are");
  ParseOptions any;
  any.modules = {"*"};
  EXPECT_EQ(error("import os, sys.path\nfrom json import loads\n", any), "ok");
}

TEST(Refusals, CanBeTurnedOffForTools) {
  ParseOptions o;
  o.refuse_outside_subset = false;
  EXPECT_EQ(error("import os\nclass A:\n  x = 1\n@d\ndef f():\n  yield 1\nz = 2j\n", o), "ok");
  // `match` has no tree at all: it stays refused.
  EXPECT_EQ(error("match x:\n  case 1: pass\n", o), "1:1: `match` statements are not supported in Loopscope programs");
  EXPECT_EQ(error("class A:\n  return 1\n", o), "2:3: 'return' outside function");
}

// Every file of tests/programs/refused starts with "# error: LINE:COL: message", the first
// error Loopscope must report (for syntax errors, the one CPython 3.11 reports).
TEST(Refusals, Corpus) {
  const fs::path dir = fs::path(PYTHON_PROGRAMS_DIR) / "refused";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    ++files;
    const std::string src = read_file(entry.path());
    const std::string header = src.substr(0, src.find('\n'));
    const std::string prefix = "# error: ";
    ASSERT_EQ(header.rfind(prefix, 0), 0u) << entry.path() << ": first line must be '# error: LINE:COL: message'";
    EXPECT_EQ(error(src), header.substr(prefix.size())) << entry.path();
  }
  EXPECT_GE(files, 40);
}

// ---- robustness ----------------------------------------------------------------------------

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  for (const fs::path& dir : {fs::path(PYTHON_PROGRAMS_DIR) / "refused", fs::path(PYTHON_PROGRAMS_DIR),
                             fs::path(PYTHON_TEST_DIR) / "valid"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".py") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Prefixes of every corpus file (cut at code point boundaries) parse or fail with
// exactly one diagnostic inside the source; nothing crashes or hangs.
TEST(Robustness, EveryPrefixOfEveryCorpusFile) {
  std::size_t parsed = 0;
  for (const fs::path& file : corpus_files()) {
    const std::string src = read_file(file);
    // Every code point boundary of small files; of larger ones every line end and about 150
    // other cuts, so the test stays fast as the corpus grows.
    const std::size_t step = std::max<std::size_t>(1, src.size() / 150);
    for (std::size_t n = 0; n <= src.size(); ++n) {
      if (n < src.size() && (static_cast<unsigned char>(src[n]) & 0xC0) == 0x80) continue;
      const bool line_edge = n == src.size() || src[n] == '\n';
      if (!line_edge && n % step != 0) continue;
      const ParseResult r = parse(std::string_view(src).substr(0, n));
      ++parsed;
      if (r.ok()) continue;
      ASSERT_EQ(r.diagnostics.size(), 1u) << file << " prefix " << n;
      const Diagnostic& d = r.diagnostics[0];
      EXPECT_FALSE(d.message.empty());
      EXPECT_GE(d.line, 1) << file << " prefix " << n;
      EXPECT_GE(d.col, 1) << file << " prefix " << n << ": " << d.message;
      EXPECT_TRUE(d.end_line > d.line || (d.end_line == d.line && d.end_col > d.col)) << file << " prefix " << n;
    }
  }
  EXPECT_GT(parsed, 1000u);
}

// Garbage bytes, lone continuation bytes, NULs: diagnostics, never crashes.
TEST(Robustness, ArbitraryBytes) {
  std::string s;
  unsigned state = 12345;
  for (int round = 0; round < 2000; ++round) {
    s.clear();
    const int len = static_cast<int>(state % 40);
    for (int i = 0; i < len; ++i) {
      state = state * 1103515245u + 12345u;
      static const char k_alphabet[] = "()[]{}:;,.=+-*/%<>!'\"\\\n \t#fbr0123456789xeEjJ_abc@lambda if else for in not and or await async def\xc3\xa9\xff";
      s += k_alphabet[(state >> 16) % (sizeof k_alphabet - 1)];
    }
    state = state * 1103515245u + 12345u;
    const ParseResult r = parse(s);
    EXPECT_TRUE(r.ok() || r.diagnostics.size() == 1u);
  }
}

TEST(Robustness, DeepNestingIsADiagnosticNotACrash) {
  const std::string parens = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  EXPECT_EQ(error(parens), "1:205: too many nested parentheses");
  const std::string brackets = "x = " + std::string(150, '[') + std::string(150, ']') + "\n";
  EXPECT_EQ(error(brackets), "ok");
  std::string minus = "x = " + std::string(100000, '-') + "1\n";
  EXPECT_NE(error(minus).find("too many nested parentheses, blocks or operators"), std::string::npos);
  std::string nots = "x = ";
  for (int i = 0; i < 5000; ++i) nots += "not ";
  EXPECT_NE(error(nots + "1\n").find("Loopscope's limit is 200 levels"), std::string::npos);
  std::string lambdas = "f = ";
  for (int i = 0; i < 5000; ++i) lambdas += "lambda: ";
  EXPECT_NE(error(lambdas + "1\n").find("limit"), std::string::npos);
  std::string awaits = "async def f():\n  return ";
  for (int i = 0; i < 5000; ++i) awaits += "await ";
  EXPECT_EQ(error(awaits + "x\n"), "2:16: invalid syntax");  // `await await x` is not Python
  std::string ternary = "x = 1";
  for (int i = 0; i < 5000; ++i) ternary += " if c else 1";
  EXPECT_NE(error(ternary + "\n").find("limit"), std::string::npos);
  std::string fstrings = "x = 1";
  EXPECT_EQ(error("x = f'{f\"{1}\"}'\n"), "ok");
  std::string blocks;
  for (int i = 0; i < 150; ++i) blocks += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
  EXPECT_EQ(error(blocks + std::string(150, ' ') + "pass\n"), "101:1: too many levels of indentation");
  ParseOptions shallow;
  shallow.max_depth = 10;
  EXPECT_NE(error("x = ((((((((((((1))))))))))))\n", shallow).find("limit is 10 levels"), std::string::npos);
}

TEST(Robustness, LineEndingsAndBom) {
  EXPECT_EQ(shape("\xEF\xBB\xBFx = 1\r\nif x:\r\n    y = 2\r\n"), "x = 1\nif x:\n    y = 2\n");
  EXPECT_EQ(shape("x = 1\ry = 2"), "x = 1\ny = 2\n");
  EXPECT_EQ(shape(""), "");
  EXPECT_EQ(shape("# only a comment"), "");
}

// ---- against CPython -----------------------------------------------------------------------

// Runs a command and returns its stdout, or nullopt when it could not run or failed.
std::optional<std::string> run(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (pclose(p) != 0) return std::nullopt;
  return out;
}

// Every statement's and expression's span equals CPython's own `ast` (converted to 1-based
// code-point columns) for the valid programs and the run corpus; one python3 for all files.
TEST(AgainstCPython, SpansEqualCPythonAst) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  std::vector<fs::path> files;
  for (const fs::path& file : corpus_files())
    if (file.parent_path().filename() != "refused") files.push_back(file);
  std::string command = "/usr/bin/python3 '" + (fs::path(PYTHON_TEST_DIR) / "span_dump.py").string() + "'";
  for (const fs::path& file : files) command += " '" + file.string() + "'";
  const auto output = run(command);
  ASSERT_TRUE(output) << "span_dump.py failed";
  // Split the output by its "=== FILE" headers.
  std::map<std::string, std::string> expected;
  std::set<std::string> rejected;
  std::istringstream in(*output);
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      current = line.substr(4);
      if (current.size() > 2 && current.compare(current.size() - 2, 2, " !") == 0) {
        current.resize(current.size() - 2);
        rejected.insert(current);
      }
      expected[current];
      continue;
    }
    expected[current] += line + "\n";
  }
  int compared = 0;
  for (const fs::path& file : files) {
    if (rejected.count(file.string())) continue;  // CPython itself rejects it
    const std::string src = read_file(file);
    // Only programs of the subset (modules aside: harness scripts in the folder import os):
    // outside it the tree drops what it cannot hold (a class body, say).
    ParseOptions any_module;
    any_module.modules = {"*"};
    const ParseResult subset = parse(src, any_module);
    if (!subset.ok() && subset.diagnostics[0].kind == DiagnosticKind::refused) continue;
    ParseOptions o;
    o.refuse_outside_subset = false;
    const ParseResult r = parse(src, o);
    if (!r.ok()) {
      ADD_FAILURE() << file << ": " << r.diagnostics[0].line << ":" << r.diagnostics[0].col << ": " << r.diagnostics[0].message;
      continue;
    }
    EXPECT_EQ(span_dump(*r.module), expected[file.string()]) << file;
    ++compared;
  }
  EXPECT_GE(compared, 3);
}

// Every function, lambda and comprehension scope has the locals, free variables, cells,
// globals and nonlocals CPython's own symbol table gives it (tests/python/scope_dump.py).
TEST(AgainstCPython, ScopesEqualCPythonSymtable) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  std::vector<fs::path> files;
  for (const fs::path& file : corpus_files()) {
    if (file.parent_path().filename() == "refused") continue;
    ParseOptions any_module;
    any_module.modules = {"*"};
    if (parse(read_file(file), any_module).ok()) files.push_back(file);
  }
  std::string command = "/usr/bin/python3 '" + (fs::path(PYTHON_TEST_DIR) / "scope_dump.py").string() + "'";
  for (const fs::path& file : files) command += " '" + file.string() + "'";
  const auto output = run(command);
  ASSERT_TRUE(output) << "scope_dump.py failed";
  std::map<std::string, std::string> expected;
  std::istringstream in(*output);
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      current = line.substr(4);
      expected[current];
      continue;
    }
    expected[current] += line + "\n";
  }
  for (const fs::path& file : files) {
    ParseOptions any_module;
    any_module.modules = {"*"};
    const ParseResult r = parse(read_file(file), any_module);
    EXPECT_EQ(scope_dump(*r.module), expected[file.string()]) << file;
  }
  EXPECT_GE(files.size(), 3u);
}

}  // namespace
