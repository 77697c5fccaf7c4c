// parser.cpp — recursive descent over the token list (tokens.hpp), one function per rule of
// CPython 3.11's Grammar/python.gram that the subset needs, with the same operator precedence
// (lowest first): lambda, if-else, or, and, not, comparisons, |, ^, &, << >>, + -, * / // % @,
// unary + - ~, **, await, primary (.attr, call, subscript), atom.
//
// Error order, as CPython's: the first syntax error the parser meets wins, except that (as
// CPython tokenizes the rest of the file after a parser error) a later lexical error of the kind
// CPython raises directly (unterminated string, invalid character, bad number, mismatched
// bracket) replaces it, and a bracket never closed replaces it when the parser read past the
// bracket's line or to the end of input. Only a syntactically valid file gets "deferred" errors:
// first the symbol table's (scope.hpp, duplicate arguments), then the compiler's ('return'
// outside function, 'await' outside async function, ...), then Loopscope's refusals of
// constructs outside the subset; within each group the earliest in the source is reported.
// CPython's second-pass messages (its invalid_* rules: "Perhaps you forgot a comma?", "Maybe
// you meant '=='...", "expected ':'") are produced where the parser fails, with the positions
// CPython gives them.
#include "python/parser.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "python/scope.hpp"
#include "python/tokens.hpp"
#include "text/utf8.hpp"

namespace loopscope::python {
namespace {

using text::append_utf8;

struct SyntaxFailure {
  Diagnostic diagnostic;
};

// Why a statement block is being parsed: for "expected an indented block after ..." messages.
struct BlockContext {
  std::string what;  // "'if' statement", "function definition", ...
  int line = 1;
};

std::string join_modules(const std::vector<std::string>& modules) {
  std::string out;
  for (std::size_t i = 0; i < modules.size(); ++i) {
    if (i) out += ", ";
    out += modules[i];
  }
  return out;
}

// The name CPython gives an expression in "cannot assign to X" messages.
const char* expr_name(const Expr& e) {
  return std::visit(
      [](const auto& n) -> const char* {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Attribute>) return "attribute";
        else if constexpr (std::is_same_v<T, Subscript>) return "subscript";
        else if constexpr (std::is_same_v<T, Starred>) return "starred";
        else if constexpr (std::is_same_v<T, Name>) return "name";
        else if constexpr (std::is_same_v<T, List>) return "list";
        else if constexpr (std::is_same_v<T, Tuple>) return "tuple";
        else if constexpr (std::is_same_v<T, Lambda>) return "lambda";
        else if constexpr (std::is_same_v<T, Call>) return "function call";
        else if constexpr (std::is_same_v<T, BoolOp> || std::is_same_v<T, BinOp> || std::is_same_v<T, UnaryOp>) return "expression";
        else if constexpr (std::is_same_v<T, GeneratorExp>) return "generator expression";
        else if constexpr (std::is_same_v<T, Await>) return "await expression";
        else if constexpr (std::is_same_v<T, ListComp>) return "list comprehension";
        else if constexpr (std::is_same_v<T, SetComp>) return "set comprehension";
        else if constexpr (std::is_same_v<T, DictComp>) return "dict comprehension";
        else if constexpr (std::is_same_v<T, Dict>) return "dict literal";
        else if constexpr (std::is_same_v<T, Set>) return "set display";
        else if constexpr (std::is_same_v<T, FString>) return "f-string expression";
        else if constexpr (std::is_same_v<T, NoneLiteral>) return "None";
        else if constexpr (std::is_same_v<T, BoolLiteral>) return n.value ? "True" : "False";
        else if constexpr (std::is_same_v<T, EllipsisLiteral>) return "ellipsis";
        else if constexpr (std::is_same_v<T, Compare>) return "comparison";
        else if constexpr (std::is_same_v<T, IfExp>) return "conditional expression";
        else if constexpr (std::is_same_v<T, NamedExpr>) return "named expression";
        else if constexpr (std::is_same_v<T, Slice>) return "slice";
        else return "literal";
      },
      e.node);
}

class Parser {
 public:
  Parser(std::string_view source, const ParseOptions& options) : m_source(source), m_options(options) {}

  ParseResult run() {
    ParseResult result;
    TokenizeResult lexed = tokenize(m_source);
    m_tokens = std::move(lexed.tokens);
    m_levels = bracket_levels(m_tokens, 0);
    std::unique_ptr<Module> module;
    try {
      module = parse_file();
    } catch (const SyntaxFailure& failure) {
      Diagnostic d = failure.diagnostic;
      // After a parser error CPython tokenizes the rest of the file: a lexical error there wins,
      // and so does a bracket never closed when the parser had read past the bracket's line
      // (except after "unexpected indent", which CPython reports as it is).
      // The lexical errors CPython's tokenizer reports through its `done` code (indentation,
      // tabs, a bad line continuation) stop that scan without replacing the parser's error.
      const bool unexpected_indent = d.message == "unexpected indent";
      const bool lexical_error_replaces =
          lexed.error && lexed.error->kind == DiagnosticKind::syntax_error &&
          lexed.error->message != "unexpected character after line continuation character" &&
          lexed.error->message != "unexpected EOF while parsing";
      if (m_hit_tokenizer_error) {
        d = *lexed.error;
      } else if (lexed.error) {
        if (lexical_error_replaces && !unexpected_indent) d = *lexed.error;
      } else if (!lexed.unclosed.empty() && !unexpected_indent) {
        const OpenBracket& b = lexed.unclosed.back();
        const Token& furthest = m_tokens[std::min(m_furthest, m_tokens.size() - 1)];
        if (furthest.line > b.line || furthest.kind == TokenKind::end_marker) {
          d = make_diag(std::string("'") + b.bracket + "' was never closed", b.line, b.col, b.line, b.col + 1);
        }
      }
      result.diagnostics.push_back(std::move(d));
      return result;
    }
    std::vector<Diagnostic> scope_errors = analyze_scopes(*module);
    for (auto& d : scope_errors) {
      m_deferred.push_back(std::move(d));
      m_deferred_rank.push_back(k_rank_symtable);
    }
    // CPython's order: its symbol-table pass raises before its compiler; then Loopscope's refusals.
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < m_deferred.size(); ++i) {
      const Diagnostic& d = m_deferred[i];
      if (d.line < 0) continue;  // withdrawn
      if (!best || std::tuple(m_deferred_rank[i], d.line, d.col) <
                       std::tuple(m_deferred_rank[*best], m_deferred[*best].line, m_deferred[*best].col))
        best = i;
    }
    if (best) {
      result.diagnostics.push_back(m_deferred[*best]);
      return result;
    }
    result.module = std::move(module);
    return result;
  }

 private:
  std::string_view m_source;
  const ParseOptions& m_options;
  std::vector<Token> m_tokens;
  std::vector<int> m_levels;  // per token: brackets open before it (CPython's token level)
  bool m_in_comma_check = false;
  std::size_t m_pos = 0;
  std::size_t m_furthest = 0;
  bool m_hit_tokenizer_error = false;
  int m_depth = 0;
  std::vector<Diagnostic> m_deferred;  // compile-time errors and refusals (see the file comment)
  std::vector<int> m_deferred_rank;    // parallel to m_deferred: which pass CPython would raise it in
  static constexpr int k_rank_symtable = 0, k_rank_compile = 1, k_rank_refusal = 2;

  // Function / loop context for compile-time checks.
  struct FunctionContext {
    bool is_function = false;  // false: module level
    bool is_async = false;
    bool is_lambda = false;
    int loop_depth = 0;
  };
  std::vector<FunctionContext> m_functions{FunctionContext{}};
  // `await`s outside an async function, as (index in m_deferred, function nesting): a
  // comprehension around one turns it into "asynchronous comprehension outside ..." instead.
  std::vector<std::pair<std::size_t, std::size_t>> m_pending_awaits;
  const Token* m_fstring_token = nullptr;  // the STRING token whose f-string is being parsed

  static std::vector<int> bracket_levels(const std::vector<Token>& tokens, int base) {
    std::vector<int> levels;
    levels.reserve(tokens.size());
    int level = base;
    for (const Token& t : tokens) {
      if (t.kind == TokenKind::op && (t.text == ")" || t.text == "]" || t.text == "}")) level = std::max(base, level - 1);
      levels.push_back(level);
      if (t.kind == TokenKind::op && (t.text == "(" || t.text == "[" || t.text == "{")) ++level;
    }
    return levels;
  }

  // ---- token access ----------------------------------------------------------------------
  const Token& tok() {
    if (m_pos > m_furthest) m_furthest = m_pos;
    const Token& t = m_tokens[m_pos];
    if (t.kind == TokenKind::error) {
      m_hit_tokenizer_error = true;
      throw SyntaxFailure{make_diag("invalid syntax", t.line, t.col, t.end_line, t.end_col)};
    }
    return t;
  }
  const Token& peek(std::size_t n) {
    std::size_t i = std::min(m_pos + n, m_tokens.size() - 1);
    if (i > m_furthest) m_furthest = i;
    if (m_tokens[i].kind == TokenKind::error) return m_tokens[m_pos];  // never look past an error
    return m_tokens[i];
  }
  // Where CPython puts an error found at the current token: at the end of input (only DEDENTs
  // left), at the last NEWLINE instead.
  const Token& error_token() {
    const Token& t = tok();
    for (std::size_t i = m_pos; i < m_tokens.size(); ++i) {
      if (m_tokens[i].kind == TokenKind::end_marker) break;
      if (m_tokens[i].kind != TokenKind::dedent) return t;
    }
    for (std::size_t i = m_pos; i > 0; --i)
      if (m_tokens[i - 1].kind == TokenKind::newline) return m_tokens[i - 1];
    return t;
  }

  // The last consumed token that is not NEWLINE/INDENT/DEDENT: where a node's span ends.
  const Token& prev() {
    std::size_t i = m_pos;
    while (i > 0) {
      const Token& t = m_tokens[i - 1];
      if (t.kind != TokenKind::newline && t.kind != TokenKind::indent && t.kind != TokenKind::dedent) return t;
      --i;
    }
    return m_tokens[0];
  }
  const Token& next() {
    const Token& t = tok();
    if (t.kind != TokenKind::end_marker) ++m_pos;
    return t;
  }
  bool at_op(std::string_view op) { return tok().is_op(op); }
  bool at_kw(std::string_view kw) { return tok().is_name(kw); }
  bool accept_op(std::string_view op) {
    if (!at_op(op)) return false;
    next();
    return true;
  }
  bool accept_kw(std::string_view kw) {
    if (!at_kw(kw)) return false;
    next();
    return true;
  }

  // ---- diagnostics -----------------------------------------------------------------------
  static Diagnostic make_diag(std::string msg, int line, int col, int end_line, int end_col,
                              DiagnosticKind kind = DiagnosticKind::syntax_error) {
    Diagnostic d;
    d.message = std::move(msg);
    d.kind = kind;
    d.line = line;
    d.col = col;
    d.end_line = end_line;
    d.end_col = end_col;
    if (d.end_line < d.line || (d.end_line == d.line && d.end_col <= d.col)) {
      d.end_line = d.line;
      d.end_col = d.col + 1;
    }
    return d;
  }
  [[noreturn]] void fail_at(const Token& t, std::string msg, DiagnosticKind kind = DiagnosticKind::syntax_error) {
    throw SyntaxFailure{make_diag(std::move(msg), t.line, t.col, t.end_line, t.end_col, kind)};
  }
  [[noreturn]] void fail_span(const SourceSpan& s, std::string msg) {
    throw SyntaxFailure{make_diag(std::move(msg), s.line, s.col, s.end_line, s.end_col)};
  }
  // The generic error at the current token ("unexpected indent" when it is an INDENT).
  [[noreturn]] void fail_invalid() {
    const Token& t = tok();
    if (t.kind == TokenKind::indent) fail_at_indent(t);
    fail_at(t, "invalid syntax");
  }
  [[noreturn]] void fail_at_indent(const Token& t) {
    const int width = std::max(1, t.end_col - 1);
    throw SyntaxFailure{make_diag("unexpected indent", t.line, width, t.line, width + 1, DiagnosticKind::indentation_error)};
  }
  // "expected ':'" and friends: CPython puts them just after the previous token.
  [[noreturn]] void fail_expected(std::string what) {
    const Token& p = prev();
    throw SyntaxFailure{make_diag("expected " + std::move(what), p.end_line, p.end_col, p.end_line, p.end_col + 1)};
  }
  // The ':' of a compound statement. Where CPython's grammar forces it (`&&':'`: def, try,
  // else, finally) any other token is "expected ':'" at that token; after class, for, with,
  // if/elif/while/except only a line end is, anything else is "invalid syntax".
  void expect_colon(bool forced = false) {
    if (accept_op(":")) return;
    const Token& t = tok();
    if (forced || t.kind == TokenKind::newline) fail_at(t, "expected ':'");
    if (t.kind == TokenKind::end_marker) fail_expected("':'");
    fail_invalid();
  }
  void defer(const SourceSpan& s, std::string msg, DiagnosticKind kind = DiagnosticKind::syntax_error) {
    m_deferred.push_back(make_diag(std::move(msg), s.line, s.col, s.end_line, s.end_col, kind));
    m_deferred_rank.push_back(kind == DiagnosticKind::refused ? k_rank_refusal : k_rank_compile);
  }
  void refuse(const SourceSpan& s, std::string msg) {
    if (m_options.refuse_outside_subset) defer(s, std::move(msg), DiagnosticKind::refused);
  }
  static SourceSpan span_of(const Token& t) { return SourceSpan{t.line, t.col, t.end_line, t.end_col}; }
  SourceSpan span_from(const Token& start) {
    const Token& p = prev();
    return SourceSpan{start.line, start.col, p.end_line, p.end_col};
  }
  static SourceSpan join(const SourceSpan& a, const SourceSpan& b) {
    return SourceSpan{a.line, a.col, b.end_line, b.end_col};
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.m_depth > p.m_options.max_depth) {
        const Token& t = p.tok();
        p.fail_at(t, "too many nested parentheses, blocks or operators (Loopscope's limit is " +
                         std::to_string(p.m_options.max_depth) + " levels)");
      }
    }
    ~DepthGuard() { --p.m_depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
  };

  template <class T>
  static ExprPtr make(const SourceSpan& s, T node) {
    auto e = std::make_unique<Expr>();
    e->span = s;
    e->node = std::move(node);
    return e;
  }
  template <class T>
  static StmtPtr make_stmt(const SourceSpan& s, T node) {
    auto st = std::make_unique<Stmt>();
    st->span = s;
    st->node = std::move(node);
    return st;
  }

  // ---- module and blocks -------------------------------------------------------------------
  std::unique_ptr<Module> parse_file() {
    auto module = std::make_unique<Module>();
    while (tok().kind == TokenKind::newline) next();
    while (tok().kind != TokenKind::end_marker) {
      if (tok().kind == TokenKind::indent) fail_at_indent(tok());
      if (tok().kind == TokenKind::dedent) fail_invalid();
      parse_statement(module->body);
    }
    return module;
  }

  // After the ':' of a compound statement.
  Body parse_block(const BlockContext& ctx) {
    Body body;
    if (tok().kind == TokenKind::newline) {
      next();
      if (tok().kind != TokenKind::indent) {
        const Token& where = error_token();
        // CPython puts an error at a DEDENT at the indentation's width (its 0-based column).
        const int col = where.kind == TokenKind::dedent ? std::max(1, where.col - 1) : where.col;
        throw SyntaxFailure{make_diag("expected an indented block after " + ctx.what + " on line " + std::to_string(ctx.line),
                                      where.line, col, where.end_line, col + 1, DiagnosticKind::indentation_error)};
      }
      next();
      DepthGuard guard(*this);
      while (tok().kind != TokenKind::dedent && tok().kind != TokenKind::end_marker) {
        if (tok().kind == TokenKind::indent) fail_at_indent(tok());
        parse_statement(body);
      }
      if (tok().kind == TokenKind::dedent) next();
      return body;
    }
    parse_simple_statements(body);
    return body;
  }

  void parse_statement(Body& body) {
    const Token& t = tok();
    if (t.kind == TokenKind::name) {
      const std::string_view w = t.text;
      if (w == "def") return body.push_back(parse_function(false, t));
      if (w == "if") return body.push_back(parse_if(false));
      if (w == "while") return body.push_back(parse_while());
      if (w == "for") return body.push_back(parse_for(false, t));
      if (w == "try") return body.push_back(parse_try());
      if (w == "with") return body.push_back(parse_with(false, t));
      if (w == "class") return parse_class();
      if (w == "async") {
        const Token& k = peek(1);
        if (k.is_name("def")) { next(); return body.push_back(parse_function(true, t)); }
        if (k.is_name("for")) { next(); return body.push_back(parse_for(true, t)); }
        if (k.is_name("with")) { next(); return body.push_back(parse_with(true, t)); }
        next();
        fail_invalid();
      }
      if (w == "match" && looks_like_match()) return skip_match();
      if (w == "elif" || w == "else" || w == "except" || w == "finally") fail_invalid();
    } else if (t.is_op("@")) {
      return parse_decorated(body);
    }
    parse_simple_statements(body);
  }

  // `match` has no tree: it is refused (always, even without refuse_outside_subset) and its
  // header and block are skipped, so that a syntax error after it is still reported first.
  void skip_match() {
    const Token& kw = tok();
    defer(span_of(kw), "`match` statements are not supported in Loopscope programs", DiagnosticKind::refused);
    while (tok().kind != TokenKind::newline && tok().kind != TokenKind::end_marker) next();
    if (tok().kind == TokenKind::newline) next();
    if (tok().kind != TokenKind::indent) return;
    int depth = 0;
    do {
      if (tok().kind == TokenKind::indent) ++depth;
      else if (tok().kind == TokenKind::dedent) --depth;
      else if (tok().kind == TokenKind::end_marker) return;
      next();
    } while (depth > 0);
  }

  // `match x:` starts a match statement when the logical line ends with ':' and the word after
  // `match` is not an operator that makes `match` a plain name (match = 1, match.x, match(...) ...).
  bool looks_like_match() {
    const Token& after = peek(1);
    if (after.kind == TokenKind::newline || after.kind == TokenKind::end_marker) return false;
    if (after.kind == TokenKind::op && after.text != "(" && after.text != "[" && after.text != "{" &&
        after.text != "-" && after.text != "*")
      return false;
    std::size_t i = m_pos + 1;
    const Token* last = nullptr;
    while (i < m_tokens.size() && m_tokens[i].kind != TokenKind::newline && m_tokens[i].kind != TokenKind::end_marker &&
           m_tokens[i].kind != TokenKind::error) {
      last = &m_tokens[i];
      ++i;
    }
    return last && last->is_op(":") && i < m_tokens.size() && m_tokens[i].kind == TokenKind::newline;
  }

  void parse_simple_statements(Body& body) {
    for (;;) {
      body.push_back(parse_simple_statement());
      if (!accept_op(";")) break;
      if (tok().kind == TokenKind::newline) break;
    }
    const Token& t = tok();
    if (t.kind == TokenKind::newline) {
      next();
      return;
    }
    if (t.kind == TokenKind::end_marker) return;
    fail_invalid();
  }

  // ---- compound statements -----------------------------------------------------------------
  StmtPtr parse_function(bool is_async, const Token& start) {
    const Token& def = next();  // 'def'
    const Token& name = tok();
    if (name.kind != TokenKind::name || is_keyword(name.text)) fail_invalid();
    next();
    FunctionDef fn;
    fn.name = std::string(name.text);
    fn.name_span = span_of(name);
    fn.is_async = is_async;
    if (!at_op("(")) fail_at(tok(), "expected '('");
    next();
    fn.params = parse_parameters(")", true);
    if (!accept_op(")")) fail_invalid();
    if (accept_op("->")) fn.returns = parse_expression();
    expect_colon(true);
    m_functions.push_back(FunctionContext{true, is_async, false, 0});
    fn.body = parse_block(BlockContext{"function definition", def.line});
    m_functions.pop_back();
    return make_stmt(span_from(start), std::move(fn));
  }

  // Parameters up to `close` (")" for def, ":" for lambda). Annotations only in def.
  Parameters parse_parameters(std::string_view close, bool annotations) {
    Parameters ps;
    bool seen_default = false;
    bool seen_star = false;   // '*' or '*args'
    bool bare_star = false;
    const Token* bare_star_tok = nullptr;
    auto parse_one = [&](bool allow_default) {
      const Token& t = tok();
      if (t.kind != TokenKind::name || is_keyword(t.text)) fail_invalid();
      next();
      Parameter p;
      p.name = std::string(t.text);
      if (annotations && accept_op(":")) p.annotation = parse_expression();
      if (allow_default && accept_op("=")) p.default_value = parse_expression();
      p.span = span_from(t);
      return p;
    };
    while (!at_op(close)) {
      if (at_op("/")) {
        const Token& slash = next();
        if (seen_star || !ps.posonly.empty() || ps.args.empty()) {
          if (ps.args.empty() && ps.posonly.empty()) fail_at(slash, "at least one argument must precede /");
          if (seen_star) fail_at(slash, "/ must be ahead of *");
          fail_at(slash, "/ may appear only once");
        }
        ps.posonly = std::move(ps.args);
        ps.args.clear();
      } else if (at_op("**")) {
        next();
        Parameter p = parse_one(false);
        if (at_op("=")) fail_at(tok(), "var-keyword argument cannot have default value");
        ps.kwarg = std::move(p);
        accept_op(",");
        if (!at_op(close)) fail_at(tok(), "arguments cannot follow var-keyword argument");
        break;
      } else if (at_op("*")) {
        const Token& star = next();
        if (seen_star) fail_at(star, "* argument may appear only once");
        seen_star = true;
        if (at_op(",") || at_op(close)) {
          bare_star = true;
          bare_star_tok = &star;
        } else {
          Parameter p = parse_one(false);
          if (at_op("=")) fail_at(tok(), "var-positional argument cannot have default value");
          ps.vararg = std::move(p);
        }
      } else {
        const Token& first = tok();
        Parameter p = parse_one(true);
        if (seen_star) {
          ps.kwonly.push_back(std::move(p));
        } else {
          if (p.default_value) seen_default = true;
          else if (seen_default) fail_at(first, "non-default argument follows default argument");
          ps.args.push_back(std::move(p));
        }
      }
      if (!accept_op(",")) break;
    }
    if (bare_star && ps.kwonly.empty()) {
      if (at_op(close) || tok().is_op("**")) fail_at(*bare_star_tok, "named arguments must follow bare *");
    }
    if (!at_op(close)) fail_invalid();
    check_duplicate_parameters(ps);
    return ps;
  }

  // CPython's symbol table meets parameters in this order: positional-only, ordinary,
  // keyword-only, *args, **kwargs; the second of two equal names is the error.
  void check_duplicate_parameters(const Parameters& ps) {
    std::vector<const Parameter*> order;
    for (const auto& p : ps.posonly) order.push_back(&p);
    for (const auto& p : ps.args) order.push_back(&p);
    for (const auto& p : ps.kwonly) order.push_back(&p);
    if (ps.vararg) order.push_back(&*ps.vararg);
    if (ps.kwarg) order.push_back(&*ps.kwarg);
    for (std::size_t i = 0; i < order.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (order[j]->name == order[i]->name) {
          const SourceSpan& n = order[i]->span;
          int width = 0;
          for (char c : order[i]->name) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
          defer(SourceSpan{n.line, n.col, n.line, n.col + width},
                "duplicate argument '" + order[i]->name + "' in function definition");
          m_deferred_rank.back() = k_rank_symtable;
          return;
        }
  }

  void parse_decorated(Body& body) {
    const Token& at = tok();
    refuse(span_of(at), "decorators are not supported in Loopscope programs");
    while (accept_op("@")) {
      parse_named_expression();
      if (tok().kind != TokenKind::newline) fail_invalid();
      next();
    }
    const Token& t = tok();
    if (t.is_name("def")) return body.push_back(parse_function(false, t));
    if (t.is_name("async") && peek(1).is_name("def")) {
      next();
      return body.push_back(parse_function(true, t));
    }
    if (t.is_name("class")) return parse_class();
    fail_invalid();
  }

  // `class` is refused, but parsed, so that a syntax error later in the file is still reported
  // first, as CPython would.
  void parse_class() {
    const Token& kw = next();
    const Token& name = tok();
    if (name.kind != TokenKind::name || is_keyword(name.text)) fail_invalid();
    next();
    refuse(SourceSpan{kw.line, kw.col, name.end_line, name.end_col},
           "`class` statements are not supported in Loopscope programs");
    if (accept_op("(")) {
      Call dummy;
      parse_call_arguments(dummy, kw);
    }
    expect_colon();
    m_functions.push_back(FunctionContext{false, false, false, 0});
    parse_block(BlockContext{"class definition", kw.line});
    m_functions.pop_back();
  }

  StmtPtr parse_if(bool is_elif) {
    const Token& kw = next();  // 'if' or 'elif'
    If node;
    node.test = parse_named_expression();
    if (at_op("=")) fail_condition_assignment(*node.test);
    expect_colon();
    node.body = parse_block(BlockContext{is_elif ? "'elif' statement" : "'if' statement", kw.line});
    if (at_kw("elif")) {
      node.orelse.push_back(parse_if(true));
    } else if (at_kw("else")) {
      const Token& e = next();
      expect_colon(true);
      node.orelse = parse_block(BlockContext{"'else' statement", e.line});
    }
    return make_stmt(span_from(kw), std::move(node));
  }

  // `if x = 1:` — CPython's span covers `x = 1`.
  [[noreturn]] void fail_condition_assignment(const Expr& test) {
    const Token& eq = next();
    SourceSpan s{test.span.line, test.span.col, eq.end_line, eq.end_col};
    if (starts_expression(tok())) {
      try {
        ExprPtr value = parse_bitwise_or();
        s.end_line = value->span.end_line;
        s.end_col = value->span.end_col;
      } catch (const SyntaxFailure&) {
        if (m_hit_tokenizer_error) throw;
      }
    }
    fail_span(s, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }

  StmtPtr parse_while() {
    const Token& kw = next();
    While node;
    node.test = parse_named_expression();
    if (at_op("=")) fail_condition_assignment(*node.test);
    expect_colon();
    ++m_functions.back().loop_depth;
    node.body = parse_block(BlockContext{"'while' statement", kw.line});
    --m_functions.back().loop_depth;
    if (at_kw("else")) {
      const Token& e = next();
      expect_colon(true);
      node.orelse = parse_block(BlockContext{"'else' statement", e.line});
    }
    return make_stmt(span_from(kw), std::move(node));
  }

  StmtPtr parse_for(bool is_async, const Token& start) {
    const Token& kw = next();  // 'for'
    For node;
    node.is_async = is_async;
    const std::size_t target_start = m_pos;
    node.target = parse_target_list("in");
    if (!accept_kw("in")) fail_target_without_in(target_start);
    node.iter = parse_star_expressions();
    check_no_bare_starred(*node.iter);
    expect_colon();
    ++m_functions.back().loop_depth;
    node.body = parse_block(BlockContext{"'for' statement", kw.line});
    --m_functions.back().loop_depth;
    if (at_kw("else")) {
      const Token& e = next();
      expect_colon(true);
      node.orelse = parse_block(BlockContext{"'else' statement", e.line});
    }
    SourceSpan s = span_from(start);
    if (is_async && !m_functions.back().is_async)
      defer(s, "'async for' outside async function");
    return make_stmt(s, std::move(node));
  }

  StmtPtr parse_with(bool is_async, const Token& start) {
    const Token& kw = next();  // 'with'
    With node;
    node.is_async = is_async;
    bool done = false;
    if (at_op("(")) {
      // Parenthesized items: `with (a as b, c as d):`. Backtrack if it is a plain expression.
      const std::size_t mark = m_pos;
      const std::size_t deferred = m_deferred.size();
      try {
        next();
        std::vector<WithItem> items;
        for (;;) {
          items.push_back(parse_with_item());
          if (!accept_op(",")) break;
          if (at_op(")")) break;
        }
        if (accept_op(")") && at_op(":")) {
          node.items = std::move(items);
          done = true;
        }
      } catch (const SyntaxFailure&) {
        if (m_hit_tokenizer_error) throw;
      }
      if (!done) {
        m_pos = mark;
        m_deferred.resize(deferred);
        m_deferred_rank.resize(deferred);
      }
    }
    if (!done) {
      for (;;) {
        node.items.push_back(parse_with_item());
        if (!accept_op(",")) break;
      }
    }
    expect_colon();
    node.body = parse_block(BlockContext{"'with' statement", kw.line});
    SourceSpan s = span_from(start);
    if (is_async && !m_functions.back().is_async)
      defer(s, "'async with' outside async function");
    return make_stmt(s, std::move(node));
  }

  WithItem parse_with_item() {
    WithItem item;
    item.context_expr = parse_expression();
    if (accept_kw("as")) {
      item.optional_vars = parse_target_element();
      set_store(*item.optional_vars, false);
      if (!at_op(",") && !at_op(")") && !at_op(":")) fail_invalid();
    }
    return item;
  }

  StmtPtr parse_try() {
    const Token& kw = next();
    Try node;
    expect_colon(true);
    node.body = parse_block(BlockContext{"'try' statement", kw.line});
    bool any_plain = false, any_star = false;
    while (at_kw("except")) {
      const Token& ex = next();
      const bool star = accept_op("*");
      if ((star && any_plain) || (!star && any_star))
        fail_span(SourceSpan{ex.line, ex.col, ex.line, prev().end_col},
                     "cannot have both 'except' and 'except*' on the same 'try'");
      (star ? any_star : any_plain) = true;
      ExceptHandler h;
      if (star && (at_op(":") || tok().kind == TokenKind::newline))
        fail_at(tok(), "expected one or more exception types");
      if (!at_op(":")) {
        h.type = parse_expression();
        if (at_op(",")) {
          const SourceSpan first = h.type->span;
          next();
          parse_expression();
          while (accept_op(",")) parse_expression();
          fail_span(join(first, span_of(prev())), "multiple exception types must be parenthesized");
        }
        if (accept_kw("as")) {
          const Token& n = tok();
          if (n.kind != TokenKind::name || is_keyword(n.text)) fail_invalid();
          next();
          h.name = std::string(n.text);
        }
      }
      expect_colon();
      h.body = parse_block(BlockContext{star ? "'except*' statement" : "'except' statement", ex.line});
      h.span = span_from(ex);
      node.handlers.push_back(std::move(h));
    }
    node.is_star = any_star;
    if (at_kw("else")) {
      const Token& e = next();
      if (node.handlers.empty()) fail_invalid();
      expect_colon(true);
      node.orelse = parse_block(BlockContext{"'else' statement", e.line});
    }
    if (at_kw("finally")) {
      const Token& f = next();
      expect_colon(true);
      node.finalbody = parse_block(BlockContext{"'finally' statement", f.line});
    }
    if (node.handlers.empty() && node.finalbody.empty())
      fail_at(error_token(), "expected 'except' or 'finally' block");
    return make_stmt(span_from(kw), std::move(node));
  }

  // ---- simple statements -------------------------------------------------------------------
  StmtPtr parse_simple_statement() {
    const Token& t = tok();
    if (t.kind == TokenKind::name) {
      const std::string_view w = t.text;
      if (w == "pass") { next(); return make_stmt(span_of(t), Pass{}); }
      if (w == "break") {
        next();
        if (m_functions.back().loop_depth == 0) defer(span_of(t), "'break' outside loop");
        return make_stmt(span_of(t), Break{});
      }
      if (w == "continue") {
        next();
        if (m_functions.back().loop_depth == 0) defer(span_of(t), "'continue' not properly in loop");
        return make_stmt(span_of(t), Continue{});
      }
      if (w == "return") {
        next();
        Return r;
        if (!at_statement_end()) {
          r.value = parse_star_expressions();
          check_no_bare_starred(*r.value);
        }
        SourceSpan s = span_from(t);
        if (!m_functions.back().is_function || m_functions.back().is_lambda) defer(s, "'return' outside function");
        return make_stmt(s, std::move(r));
      }
      if (w == "raise") {
        next();
        Raise r;
        if (!at_statement_end()) {
          r.exc = parse_expression();
          if (accept_kw("from")) r.cause = parse_expression();
        }
        return make_stmt(span_from(t), std::move(r));
      }
      if (w == "global" || w == "nonlocal") {
        next();
        std::vector<std::string> names;
        for (;;) {
          const Token& n = tok();
          if (n.kind != TokenKind::name || is_keyword(n.text)) fail_invalid();
          next();
          names.emplace_back(n.text);
          if (!accept_op(",")) break;
        }
        SourceSpan s = span_from(t);
        if (w == "global") return make_stmt(s, Global{std::move(names)});
        return make_stmt(s, Nonlocal{std::move(names)});
      }
      if (w == "del") {
        next();
        Delete d;
        for (;;) {
          ExprPtr target = parse_target_element();
          set_store(*target, true);
          d.targets.push_back(std::move(target));
          if (!accept_op(",")) break;
          if (at_statement_end()) break;
        }
        return make_stmt(span_from(t), std::move(d));
      }
      if (w == "assert") {
        next();
        Assert a;
        a.test = parse_expression();
        if (accept_op(",")) a.msg = parse_expression();
        return make_stmt(span_from(t), std::move(a));
      }
      if (w == "import") return parse_import();
      if (w == "from") return parse_from_import();
      if ((w == "print" || w == "exec") && starts_expression(peek(1)) && peek(1).kind != TokenKind::op) {
        const Token& arg = peek(1);
        if (!(arg.kind == TokenKind::name && is_keyword(arg.text) && arg.text != "None" && arg.text != "True" &&
              arg.text != "False" && arg.text != "not" && arg.text != "lambda" && arg.text != "await")) {
          next();
          parse_star_expressions();
          fail_span(span_from(t), "Missing parentheses in call to '" + std::string(w) + "'. Did you mean " +
                                      std::string(w) + "(...)?");
        }
      }
    }
    return parse_expression_statement();
  }

  bool at_statement_end() {
    const Token& t = tok();
    return t.kind == TokenKind::newline || t.kind == TokenKind::end_marker || t.is_op(";");
  }

  std::string parse_dotted_name() {
    const Token& t = tok();
    if (t.kind != TokenKind::name || is_keyword(t.text)) fail_invalid();
    next();
    std::string name(t.text);
    while (at_op(".")) {
      next();
      const Token& n = tok();
      if (n.kind != TokenKind::name || is_keyword(n.text)) fail_invalid();
      next();
      name += '.';
      name += n.text;
    }
    return name;
  }

  void check_module(const std::string& dotted, const SourceSpan& s) {
    const std::string top = dotted.substr(0, dotted.find('.'));
    const auto& mods = m_options.modules;
    if (std::find(mods.begin(), mods.end(), top) == mods.end() && std::find(mods.begin(), mods.end(), "*") == mods.end())
      refuse(s, "module '" + dotted + "' is not available: " + join_modules(mods) + " are");
  }

  StmtPtr parse_import() {
    const Token& kw = next();
    Import imp;
    for (;;) {
      const Token& first = tok();
      Alias a;
      a.name = parse_dotted_name();
      const SourceSpan name_span = span_from(first);
      check_module(a.name, name_span);
      if (accept_kw("as")) {
        const Token& n = tok();
        if (n.kind != TokenKind::name || is_keyword(n.text)) fail_invalid();
        next();
        a.asname = std::string(n.text);
      }
      a.span = span_from(first);
      imp.names.push_back(std::move(a));
      if (!accept_op(",")) break;
    }
    return make_stmt(span_from(kw), std::move(imp));
  }

  StmtPtr parse_from_import() {
    const Token& kw = next();
    ImportFrom imp;
    int level = 0;
    const Token& mod_start = tok();
    while (at_op(".") || at_op("...")) level += static_cast<int>(next().text.size());
    if (level > 0) {
      if (!at_kw("import")) imp.module = parse_dotted_name();
      refuse(span_from(mod_start), "relative imports are not supported in Loopscope programs");
    } else {
      imp.module = parse_dotted_name();
      check_module(imp.module, span_from(mod_start));
    }
    if (!accept_kw("import")) fail_invalid();
    if (at_op("*")) {
      const Token& star = next();
      refuse(span_of(star), "`from ... import *` is not supported in Loopscope programs");
      return make_stmt(span_from(kw), std::move(imp));
    }
    const bool paren = accept_op("(");
    for (;;) {
      const Token& n = tok();
      if (n.kind != TokenKind::name || is_keyword(n.text)) fail_invalid();
      next();
      Alias a;
      a.name = std::string(n.text);
      if (accept_kw("as")) {
        const Token& as = tok();
        if (as.kind != TokenKind::name || is_keyword(as.text)) fail_invalid();
        next();
        a.asname = std::string(as.text);
      }
      a.span = span_from(n);
      imp.names.push_back(std::move(a));
      if (!at_op(",")) break;
      next();
      if (!paren && at_statement_end()) fail_at(tok(), "trailing comma not allowed without surrounding parentheses");
      if (paren && at_op(")")) break;
    }
    if (paren && !accept_op(")")) fail_invalid();
    return make_stmt(span_from(kw), std::move(imp));
  }

  static bool is_augassign(const Token& t) {
    if (t.kind != TokenKind::op) return false;
    static constexpr std::string_view k_ops[] = {"+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//="};
    for (auto op : k_ops)
      if (t.text == op) return true;
    return false;
  }
  static BinaryOperator augassign_op(std::string_view t) {
    const std::string_view op = t.substr(0, t.size() - 1);
    return *binary_operator(op);
  }
  static std::optional<BinaryOperator> binary_operator(std::string_view op) {
    if (op == "+") return BinaryOperator::add;
    if (op == "-") return BinaryOperator::sub;
    if (op == "*") return BinaryOperator::mult;
    if (op == "@") return BinaryOperator::mat_mult;
    if (op == "/") return BinaryOperator::div;
    if (op == "%") return BinaryOperator::mod;
    if (op == "**") return BinaryOperator::pow;
    if (op == "<<") return BinaryOperator::lshift;
    if (op == ">>") return BinaryOperator::rshift;
    if (op == "|") return BinaryOperator::bit_or;
    if (op == "^") return BinaryOperator::bit_xor;
    if (op == "&") return BinaryOperator::bit_and;
    if (op == "//") return BinaryOperator::floor_div;
    return std::nullopt;
  }

  StmtPtr parse_expression_statement() {
    const Token& start = tok();
    const bool starts_with_constant = start.is_name("True") || start.is_name("False") || start.is_name("None");
    ExprPtr first = parse_star_expressions();
    // Annotated assignment: target ':' annotation ['=' value]
    if (at_op(":")) {
      next();
      AnnAssign a;
      const bool simple = first->is<Name>() && !start.is_op("(");
      // As CPython, the target is judged only once the annotation parsed; when neither is
      // valid, the error is plain "invalid syntax" at the ':'.
      const bool valid_target = first->is<Name>() || first->is<Attribute>() || first->is<Subscript>();
      if (valid_target) {
        a.annotation = parse_expression();
      } else {
        const Token& colon = prev();
        try {
          a.annotation = parse_expression();
        } catch (const SyntaxFailure& failure) {
          if (m_hit_tokenizer_error || is_literal_error(failure.diagnostic.message)) throw;
          fail_at(colon, "invalid syntax");
        }
      }
      if (!valid_target) {
        if (first->is<Tuple>()) fail_span(first->span, "only single target (not tuple) can be annotated");
        if (first->is<List>()) fail_span(first->span, "only single target (not list) can be annotated");
        fail_span(first->span, std::string("illegal target for annotation"));
      }
      set_store(*first, false);
      a.target = std::move(first);
      a.simple = simple;
      if (accept_op("=")) a.value = parse_assignment_value();
      return make_stmt(span_from(start), std::move(a));
    }
    if (is_augassign(tok())) {
      const Token& op = next();
      if (!first->is<Name>() && !first->is<Attribute>() && !first->is<Subscript>())
        fail_span(first->span, std::string("'") + expr_name(*first) + "' is an illegal expression for augmented assignment");
      set_store(*first, false);
      AugAssign a;
      a.target = std::move(first);
      a.op = augassign_op(op.text);
      a.value = parse_assignment_value();
      return make_stmt(span_from(start), std::move(a));
    }
    if (at_op("=")) {
      Assign a;
      std::vector<ExprPtr> chain;
      chain.push_back(std::move(first));
      while (accept_op("=")) chain.push_back(parse_assignment_value());
      // Validate targets: all but the last element of the chain.
      for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        Expr& target = *chain[i];
        if (i == 0 && !starts_with_constant) {
          // CPython words it "... here. Maybe you meant '=='" when the invalid target is the
          // expression just before the first '=' (the whole target, or the last element of a
          // bare tuple) and the value after it does not go on with another '='.
          const Expr* candidate = &target;
          if (const auto* tup = target.as<Tuple>(); tup && !tup->parenthesized && !tup->elts.empty())
            candidate = tup->elts.back().get();
          const Expr& value = *chain[1];
          const bool value_ok = chain.size() == 2 || (value.is<Tuple>() && !value.as<Tuple>()->parenthesized);
          const Expr* bad = invalid_target(target, false);
          if (bad && bad == candidate && value_ok && is_here_candidate(*candidate) && !m_last_value_was_yield)
            fail_span(bad->span, std::string("cannot assign to ") + expr_name(*bad) +
                                     " here. Maybe you meant '==' instead of '='?");
        }
        set_store(target, false);
      }
      a.value = std::move(chain.back());
      chain.pop_back();
      a.targets = std::move(chain);
      check_no_bare_starred(*a.value);
      return make_stmt(span_from(start), std::move(a));
    }
    check_no_bare_starred(*first);
    SourceSpan s = first->span;
    return make_stmt(s, ExprStmt{std::move(first)});
  }

  // Whether CPython's invalid_named_expression rule would word the error with "here. Maybe you
  // meant '=='": a single bitwise_or-level expression (not a tuple/list/comparison/not/and/or).
  static bool is_here_candidate(const Expr& e) {
    return !e.is<Tuple>() && !e.is<List>() && !e.is<Compare>() && !e.is<BoolOp>() && !e.is<IfExp>() &&
           !e.is<Lambda>() && !e.is<GeneratorExp>() && !e.is<Starred>() && !e.is<NamedExpr>() &&
           !(e.is<UnaryOp>() && e.as<UnaryOp>()->op == UnaryOperator::not_);
  }

  ExprPtr parse_assignment_value() {
    m_last_value_was_yield = at_kw("yield");
    if (m_last_value_was_yield) return parse_yield();
    return parse_star_expressions();
  }
  bool m_last_value_was_yield = false;

  void check_no_bare_starred(const Expr& e) {
    if (e.is<Starred>()) defer(e.span, "can't use starred expression here");
  }

  // The first sub-expression that cannot be an assignment (or del) target, or null.
  static const Expr* invalid_target(const Expr& e, bool del) {
    if (e.is<Name>() || e.is<Attribute>() || e.is<Subscript>()) return nullptr;
    if (const auto* t = e.as<Tuple>()) {
      for (const auto& x : t->elts)
        if (const Expr* bad = invalid_target(*x, del)) return bad;
      return nullptr;
    }
    if (const auto* l = e.as<List>()) {
      for (const auto& x : l->elts)
        if (const Expr* bad = invalid_target(*x, del)) return bad;
      return nullptr;
    }
    if (const auto* s = e.as<Starred>()) {
      if (del) return &e;
      return invalid_target(*s->value, del);
    }
    return &e;
  }

  // Marks `e` as an assignment (or del) target, or fails with CPython's message.
  void set_store(Expr& e, bool del) {
    if (const Expr* bad = invalid_target(e, del))
      fail_span(bad->span, std::string(del ? "cannot delete " : "cannot assign to ") + expr_name(*bad));
    // These two are CPython compiler errors, reported only for an otherwise valid file.
    if (!del && e.is<Starred>()) defer(e.span, "starred assignment target must be in a list or tuple");
    mark_context(e, del ? ExprContext::del : ExprContext::store);
    if (!del) check_single_star(e);
  }
  void check_single_star(const Expr& e) {
    const std::vector<ExprPtr>* elts = nullptr;
    if (const auto* t = e.as<Tuple>()) elts = &t->elts;
    if (const auto* l = e.as<List>()) elts = &l->elts;
    if (!elts) return;
    int stars = 0;
    for (const auto& x : *elts) {
      if (x->is<Starred>()) {
        if (++stars == 2) defer(x->span, "multiple starred expressions in assignment");
      }
      check_single_star(*x);
    }
  }
  static void mark_context(Expr& e, ExprContext ctx) {
    if (auto* n = e.as<Name>()) n->ctx = ctx;
    else if (auto* a = e.as<Attribute>()) a->ctx = ctx;
    else if (auto* s = e.as<Subscript>()) s->ctx = ctx;
    else if (auto* st = e.as<Starred>()) {
      st->ctx = ctx;
      mark_context(*st->value, ctx);
    } else if (auto* t = e.as<Tuple>()) {
      t->ctx = ctx;
      for (auto& x : t->elts) mark_context(*x, ctx);
    } else if (auto* l = e.as<List>()) {
      l->ctx = ctx;
      for (auto& x : l->elts) mark_context(*x, ctx);
    }
  }

  // A for target not followed by `in`: CPython's invalid_for_target reads the target again as
  // an expression, which finds "Perhaps you forgot a comma?" inside brackets; otherwise the
  // error is "invalid syntax" where `in` should be.
  [[noreturn]] void fail_target_without_in(std::size_t target_start) {
    const std::size_t failing = m_pos;
    m_pos = target_start;
    try {
      parse_star_expressions();
    } catch (const SyntaxFailure& failure) {
      if (m_hit_tokenizer_error || failure.diagnostic.message.find("Perhaps you forgot a comma") != std::string::npos ||
          is_literal_error(failure.diagnostic.message))
        throw;
    }
    m_pos = failing;
    fail_invalid();
  }

  // for/comprehension targets: star_targets, which must not swallow the `in` keyword, so each
  // element is parsed at bitwise_or level.
  ExprPtr parse_target_list(std::string_view stop_keyword) {
    const Token& start = tok();
    std::vector<ExprPtr> elts;
    bool trailing_comma = false;
    for (;;) {
      elts.push_back(parse_target_element());
      trailing_comma = false;
      if (!at_op(",")) break;
      next();
      trailing_comma = true;
      if (at_kw(stop_keyword) || at_op("=")) break;
    }
    ExprPtr target;
    if (elts.size() == 1 && !trailing_comma) {
      target = std::move(elts.front());
    } else {
      Tuple t;
      t.elts = std::move(elts);
      target = make(span_from(start), std::move(t));
    }
    set_store(*target, false);
    return target;
  }
  ExprPtr parse_target_element() {
    const Token& t = tok();
    if (t.is_op("*")) {
      next();
      ExprPtr inner = parse_bitwise_or();
      return make(span_from(t), Starred{std::move(inner), ExprContext::store});
    }
    return parse_bitwise_or();
  }

  ExprPtr parse_yield() {
    const Token& kw = next();
    refuse(span_of(kw), "`yield` is not supported in Loopscope programs (generators are outside the subset)");
    if (!m_functions.back().is_function) defer(span_of(kw), "'yield' outside function");
    if (accept_kw("from")) {
      parse_expression();
    } else if (!at_statement_end() && !at_op(")") && !at_op("]") && !at_op("}") && !at_op("=")) {
      parse_star_expressions();
    }
    return make(span_from(kw), NoneLiteral{});
  }

  // ---- expressions -------------------------------------------------------------------------
  static bool starts_expression(const Token& t) {
    switch (t.kind) {
      case TokenKind::name:
        return !is_keyword(t.text) || t.text == "None" || t.text == "True" || t.text == "False" ||
               t.text == "not" || t.text == "lambda" || t.text == "await";
      case TokenKind::number:
      case TokenKind::string: return true;
      case TokenKind::op:
        return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
               t.text == "~" || t.text == "..." || t.text == "*";
      default: return false;
    }
  }

  // star_expressions: a tuple without parentheses when there is a comma.
  ExprPtr parse_star_expressions() {
    const Token& start = tok();
    ExprPtr first = parse_star_expression();
    if (!at_op(",")) return first;
    Tuple t;
    t.elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (!starts_expression(tok())) break;
      t.elts.push_back(parse_star_expression());
    }
    return make(span_from(start), std::move(t));
  }
  ExprPtr parse_star_expression() {
    const Token& t = tok();
    if (t.is_op("*")) {
      next();
      ExprPtr inner = parse_bitwise_or();
      return make(span_from(t), Starred{std::move(inner), ExprContext::load});
    }
    if (t.is_name("yield")) return parse_yield();
    return parse_expression();
  }
  // star_named_expression: in list/tuple/set displays.
  ExprPtr parse_star_named_expression() {
    const Token& t = tok();
    if (t.is_op("*")) {
      next();
      ExprPtr inner = parse_bitwise_or();
      return make(span_from(t), Starred{std::move(inner), ExprContext::load});
    }
    return parse_named_expression();
  }

  ExprPtr parse_named_expression() {
    const Token& t = tok();
    if (t.kind == TokenKind::name && !is_keyword(t.text) && peek(1).is_op(":=")) {
      next();
      next();
      ExprPtr value = parse_expression();
      ExprPtr target = make(span_of(t), Name{std::string(t.text), ExprContext::store});
      return make(span_from(t), NamedExpr{std::move(target), std::move(value)});
    }
    ExprPtr e = parse_expression();
    if (at_op(":=")) {
      if (!e->is<Name>()) {
        // CPython words it only when a value follows; otherwise "invalid syntax" at ':='.
        const Token& walrus = next();
        try {
          parse_expression();
        } catch (const SyntaxFailure& failure) {
          if (m_hit_tokenizer_error || is_literal_error(failure.diagnostic.message)) throw;
          fail_at(walrus, "invalid syntax");
        }
        fail_span(e->span, std::string("cannot use assignment expressions with ") + expr_name(*e));
      }
    }
    if (at_op("=") && e->is<Name>() && !m_in_comma_check) maybe_meant_equality(*e);
    return e;
  }

  // CPython's invalid_named_expression: `NAME = value` where only an expression may stand, with
  // the value not followed by another '=' or ':='.
  void maybe_meant_equality(const Expr& name) {
    const std::size_t mark = m_pos;
    next();  // '='
    if (!starts_expression(tok()) || at_op("*")) {
      m_pos = mark;
      return;
    }
    const std::size_t deferred = m_deferred.size();
    try {
      ExprPtr value = parse_bitwise_or();
      if (!at_op("=") && !at_op(":="))
        fail_span(join(name.span, value->span), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    } catch (const SyntaxFailure& failure) {
      if (m_hit_tokenizer_error || failure.diagnostic.message.rfind("invalid syntax. Maybe", 0) == 0 ||
          is_literal_error(failure.diagnostic.message))
        throw;
    }
    m_deferred.resize(deferred);
    m_deferred_rank.resize(deferred);
    m_pos = mark;
  }

  ExprPtr parse_expression() {
    DepthGuard guard(*this);
    const Token& start = tok();
    if (start.is_name("lambda")) return parse_lambda();
    const std::size_t first_token = m_pos;
    ExprPtr body = parse_disjunction();
    if (!at_kw("if")) {
      check_forgotten_comma(first_token, *body);
      return body;
    }
    next();
    ExprPtr test = parse_disjunction();
    if (!accept_kw("else")) {
      if (at_op(":")) fail_invalid();  // CPython's rule excludes a ':' here
      fail_span(join(body->span, test->span), "expected 'else' after 'if' expression");
    }
    ExprPtr orelse = parse_expression();
    return make(span_from(start), IfExp{std::move(test), std::move(body), std::move(orelse)});
  }

  ExprPtr parse_lambda() {
    const Token& kw = next();
    Lambda l;
    l.params = parse_parameters(":", false);
    if (!accept_op(":")) fail_invalid();
    m_functions.push_back(FunctionContext{true, false, true, 0});
    l.body = parse_expression();
    m_functions.pop_back();
    return make(span_from(kw), std::move(l));
  }

  ExprPtr parse_disjunction() {
    const Token& start = tok();
    ExprPtr first = parse_conjunction();
    if (!at_kw("or")) return first;
    BoolOp op{BoolOperator::or_, {}};
    op.values.push_back(std::move(first));
    while (accept_kw("or")) op.values.push_back(parse_conjunction());
    return make(span_from(start), std::move(op));
  }
  ExprPtr parse_conjunction() {
    const Token& start = tok();
    ExprPtr first = parse_inversion();
    if (!at_kw("and")) return first;
    BoolOp op{BoolOperator::and_, {}};
    op.values.push_back(std::move(first));
    while (accept_kw("and")) op.values.push_back(parse_inversion());
    return make(span_from(start), std::move(op));
  }
  ExprPtr parse_inversion() {
    const Token& t = tok();
    if (t.is_name("not")) {
      DepthGuard guard(*this);
      next();
      ExprPtr operand = parse_inversion();
      return make(span_from(t), UnaryOp{UnaryOperator::not_, std::move(operand)});
    }
    return parse_comparison();
  }

  std::optional<CompareOperator> comparison_operator() {
    const Token& t = tok();
    if (t.kind == TokenKind::op) {
      const std::string_view o = t.text;
      if (o == "==") return CompareOperator::eq;
      if (o == "!=") return CompareOperator::not_eq_;
      if (o == "<") return CompareOperator::lt;
      if (o == "<=") return CompareOperator::lt_e;
      if (o == ">") return CompareOperator::gt;
      if (o == ">=") return CompareOperator::gt_e;
      return std::nullopt;
    }
    if (t.is_name("in")) return CompareOperator::in;
    if (t.is_name("is")) return peek(1).is_name("not") ? CompareOperator::is_not : CompareOperator::is;
    if (t.is_name("not") && peek(1).is_name("in")) return CompareOperator::not_in;
    return std::nullopt;
  }

  ExprPtr parse_comparison() {
    const Token& start = tok();
    ExprPtr left = parse_bitwise_or();
    auto op = comparison_operator();
    if (!op) return left;
    Compare c;
    c.left = std::move(left);
    while (op) {
      next();
      if (*op == CompareOperator::is_not || *op == CompareOperator::not_in) next();
      c.ops.push_back(*op);
      c.comparators.push_back(parse_bitwise_or());
      op = comparison_operator();
    }
    return make(span_from(start), std::move(c));
  }

  // Left-associative binary levels, from | down to * / // % @.
  ExprPtr parse_bitwise_or() { return parse_binary_level(0); }
  ExprPtr parse_binary_level(int level) {
    static constexpr std::string_view k_levels[][4] = {
        {"|", "", "", ""}, {"^", "", "", ""}, {"&", "", "", ""}, {"<<", ">>", "", ""},
        {"+", "-", "", ""}, {"*", "/", "//", "%"}};
    const Token& start = tok();
    ExprPtr left = level == 5 ? parse_factor() : parse_binary_level(level + 1);
    for (;;) {
      const Token& t = tok();
      if (t.kind != TokenKind::op) return left;
      bool match = false;
      for (auto op : k_levels[level])
        if (!op.empty() && t.text == op) match = true;
      if (level == 5 && t.text == "@") match = true;
      if (!match) return left;
      next();
      ExprPtr right = level == 5 ? parse_factor() : parse_binary_level(level + 1);
      left = make(span_from(start), BinOp{std::move(left), *binary_operator(t.text), std::move(right)});
    }
  }
  ExprPtr parse_factor() {
    const Token& t = tok();
    if (t.is_op("+") || t.is_op("-") || t.is_op("~")) {
      DepthGuard guard(*this);
      next();
      ExprPtr operand = parse_factor();
      const UnaryOperator op = t.text == "+" ? UnaryOperator::plus : t.text == "-" ? UnaryOperator::minus : UnaryOperator::invert;
      return make(span_from(t), UnaryOp{op, std::move(operand)});
    }
    return parse_power();
  }
  ExprPtr parse_power() {
    const Token& start = tok();
    ExprPtr base = parse_await_primary();
    if (!at_op("**")) return base;
    next();
    ExprPtr exponent = parse_factor();
    return make(span_from(start), BinOp{std::move(base), BinaryOperator::pow, std::move(exponent)});
  }
  ExprPtr parse_await_primary() {
    const Token& t = tok();
    if (t.is_name("await")) {
      DepthGuard guard(*this);
      next();
      ExprPtr value = parse_primary();
      SourceSpan s = span_from(t);
      note_await(s);
      return make(s, Await{std::move(value)});
    }
    return parse_primary();
  }
  void note_await(const SourceSpan& s) {
    const FunctionContext& f = m_functions.back();
    if (f.is_async) return;
    defer(s, f.is_function ? "'await' outside async function" : "'await' outside function");
    m_pending_awaits.emplace_back(m_deferred.size() - 1, m_functions.size());
  }

  ExprPtr parse_primary() {
    const Token& start = tok();
    ExprPtr e = parse_atom();
    for (;;) {
      if (at_op(".")) {
        next();
        const Token& n = tok();
        if (n.kind != TokenKind::name || is_keyword(n.text)) fail_invalid();
        next();
        e = make(span_from(start), Attribute{std::move(e), std::string(n.text), span_of(n), ExprContext::load});
      } else if (at_op("(")) {
        const Token& open = next();
        Call call;
        call.func = std::move(e);
        parse_call_arguments(call, open);
        e = make(span_from(start), std::move(call));
      } else if (at_op("[")) {
        next();
        Subscript s;
        s.value = std::move(e);
        s.slice = parse_slices();
        if (!accept_op("]")) fail_invalid_in_brackets();
        e = make(span_from(start), std::move(s));
      } else {
        return e;
      }
    }
  }

  // After '(' of a call; consumes ')'.
  void parse_call_arguments(Call& call, const Token& open) {
    bool sole_genexp = false;  // f(x for x in y): the genexp's span is the call's parentheses
    bool seen_keyword = false, seen_double_star = false;
    std::vector<std::string> keyword_names;
    while (!at_op(")")) {
      const Token& t = tok();
      if (t.is_op("*")) {
        next();
        ExprPtr inner = parse_expression();
        ExprPtr st = make(span_from(t), Starred{std::move(inner), ExprContext::load});
        if (at_kw("for") || (at_kw("async") && peek(1).is_name("for")))
          fail_span(st->span, "iterable unpacking cannot be used in comprehension");
        if (seen_double_star) fail_span(st->span, "iterable argument unpacking follows keyword argument unpacking");
        call.args.push_back(std::move(st));
      } else if (t.is_op("**")) {
        next();
        Keyword k;
        k.value = parse_expression();
        k.span = span_from(t);
        call.keywords.push_back(std::move(k));
        seen_double_star = true;
      } else if (t.kind == TokenKind::name && !is_keyword(t.text) && peek(1).is_op("=")) {
        next();
        next();
        Keyword k;
        k.arg = std::string(t.text);
        k.value = parse_expression();
        k.span = span_from(t);
        if (std::find(keyword_names.begin(), keyword_names.end(), *k.arg) != keyword_names.end())
          defer(k.span, "keyword argument repeated: " + *k.arg);
        keyword_names.push_back(*k.arg);
        call.keywords.push_back(std::move(k));
        seen_keyword = true;
      } else {
        ExprPtr arg = parse_named_expression();
        if (at_op("=")) {
          const Token& eq = tok();
          fail_span(SourceSpan{arg->span.line, arg->span.col, eq.end_line, eq.end_col},
                    "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (at_kw("for") || (at_kw("async") && peek(1).is_name("for"))) {
          arg = parse_comprehension_tail<GeneratorExp>(std::move(arg), t);
          const bool alone = call.args.empty() && call.keywords.empty();
          sole_genexp = alone;
          if (!alone || !at_op(")")) {
            if (!alone || at_op(",")) {
              const SourceSpan gs = arg->span;
              if (at_op(",")) {
                next();
                while (!at_op(")") && tok().kind != TokenKind::end_marker) {
                  parse_expression();
                  if (!accept_op(",")) break;
                }
              }
              fail_span(gs, "Generator expression must be parenthesized");
            }
          }
        }
        if (seen_double_star) fail_at(tok(), "positional argument follows keyword argument unpacking");
        if (seen_keyword) fail_at(tok(), "positional argument follows keyword argument");
        call.args.push_back(std::move(arg));
      }
      if (!accept_op(",")) break;
    }
    if (!accept_op(")")) fail_invalid_in_brackets();
    if (sole_genexp && call.args.size() == 1) call.args[0]->span = span_from(open);
  }

  // Errors CPython raises while building a literal (in a grammar action, so even on a path the
  // parser later abandons).
  static bool is_literal_error(const std::string& m) {
    return m.rfind("f-string", 0) == 0 || m.rfind("(unicode error)", 0) == 0 || m.rfind("(value error)", 0) == 0 ||
           m.rfind("bytes can only", 0) == 0;
  }

  // A bracket that should close here does not.
  [[noreturn]] void fail_invalid_in_brackets() { fail_invalid(); }

  // CPython's invalid_expression rule: inside brackets, an expression directly followed by
  // another one is "invalid syntax. Perhaps you forgot a comma?", spanning both. `first_token`
  // is where `a` started. Not for `NAME STRING` (print "x"), a soft keyword, or print/exec.
  // Outside brackets the second expression is still parsed, as CPython does, so that an error
  // in a string literal there (an f-string's, an escape's) is the one reported.
  void check_forgotten_comma(std::size_t first_token, const Expr& a) {
    if (m_in_comma_check) return;
    const bool in_brackets = m_levels[m_pos] > 0;
    const Token& t = tok();
    if (t.kind == TokenKind::end_marker || !starts_expression(t) || t.is_op("*")) return;
    const Token& f = m_tokens[first_token];
    if (f.kind == TokenKind::name) {
      if (first_token + 1 < m_tokens.size() && m_tokens[first_token + 1].kind == TokenKind::string) return;
      if (f.text == "match" || f.text == "case" || f.text == "_") return;
      if (a.is<Name>() && (f.text == "print" || f.text == "exec")) return;
    }
    const std::size_t mark = m_pos;
    const std::size_t deferred = m_deferred.size();
    m_in_comma_check = true;
    bool parsed = false;
    try {
      parse_expression();
      parsed = true;
    } catch (const SyntaxFailure& failure) {
      if (m_hit_tokenizer_error || is_literal_error(failure.diagnostic.message)) {
        m_in_comma_check = false;
        throw;
      }
    }
    m_in_comma_check = false;
    m_deferred.resize(deferred);
    m_deferred_rank.resize(deferred);
    if (parsed && in_brackets) {
      const Token& e = prev();
      throw SyntaxFailure{make_diag("invalid syntax. Perhaps you forgot a comma?", f.line, f.col, e.end_line, e.end_col)};
    }
    m_pos = mark;
  }

  ExprPtr parse_slices() {
    const Token& start = tok();
    ExprPtr first = parse_slice();
    if (!at_op(",")) return first;
    Tuple t;
    t.elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op("]")) break;
      t.elts.push_back(parse_slice());
    }
    return make(span_from(start), std::move(t));
  }
  ExprPtr parse_slice() {
    const Token& start = tok();
    ExprPtr lower;
    if (!at_op(":")) {
      if (at_op("*")) return parse_star_named_expression();
      lower = parse_named_expression();
      if (!at_op(":")) return lower;
    }
    next();  // ':'
    Slice s;
    s.lower = std::move(lower);
    if (!at_op(":") && !at_op("]") && !at_op(",")) s.upper = parse_expression();
    if (accept_op(":")) {
      if (!at_op("]") && !at_op(",")) s.step = parse_expression();
    }
    return make(span_from(start), std::move(s));
  }

  ExprPtr parse_atom() {
    const Token& t = tok();
    switch (t.kind) {
      case TokenKind::name: {
        if (t.text == "None") { next(); return make(span_of(t), NoneLiteral{}); }
        if (t.text == "True") { next(); return make(span_of(t), BoolLiteral{true}); }
        if (t.text == "False") { next(); return make(span_of(t), BoolLiteral{false}); }
        if (is_keyword(t.text)) fail_invalid();
        next();
        return make(span_of(t), Name{std::string(t.text), ExprContext::load});
      }
      case TokenKind::number: return parse_number();
      case TokenKind::string: return parse_strings();
      case TokenKind::op:
        if (t.text == "(") return parse_paren();
        if (t.text == "[") return parse_list();
        if (t.text == "{") return parse_brace();
        if (t.text == "...") { next(); return make(span_of(t), EllipsisLiteral{}); }
        fail_invalid();
      case TokenKind::indent: fail_at_indent(t);
      default: fail_invalid();
    }
  }

  ExprPtr parse_number() {
    const Token& t = next();
    std::string digits;
    digits.reserve(t.text.size());
    for (char c : t.text)
      if (c != '_') digits += c;
    const SourceSpan s = span_of(t);
    const char last = digits.back();
    if (last == 'j' || last == 'J') {
      refuse(s, "complex numbers are not supported in Loopscope programs");
      return make(s, FloatLiteral{0.0});
    }
    const bool is_prefixed = digits.size() > 1 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos;
    if (!is_prefixed && digits.find_first_of(".eE") != std::string::npos) {
      return make(s, FloatLiteral{std::strtod(digits.c_str(), nullptr)});
    }
    int base = 10;
    std::string body = digits;
    if (is_prefixed) {
      const char k = static_cast<char>(digits[1] | 0x20);
      base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
      body = digits.substr(2);
    }
    errno = 0;
    const unsigned long long v = std::strtoull(body.c_str(), nullptr, base);
    if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX)) {
      refuse(s, "integer literal too large: Loopscope integers are 64-bit");
      return make(s, IntLiteral{0});
    }
    return make(s, IntLiteral{static_cast<std::int64_t>(v)});
  }

  // '(' ... ')': unit tuple, parenthesized expression, tuple, or generator expression.
  ExprPtr parse_paren() {
    const Token& open = next();
    if (accept_op(")")) {
      Tuple t;
      t.parenthesized = true;
      return make(span_from(open), std::move(t));
    }
    if (at_kw("yield")) {
      ExprPtr y = parse_yield();
      if (!accept_op(")")) fail_invalid_in_brackets();
      return y;
    }
    ExprPtr first = parse_star_named_expression();
    if (at_kw("for") || (at_kw("async") && peek(1).is_name("for"))) {
      if (first->is<Starred>()) fail_span(first->span, "iterable unpacking cannot be used in comprehension");
      ExprPtr g = parse_comprehension_tail<GeneratorExp>(std::move(first), open);
      if (!accept_op(")")) fail_invalid_in_brackets();
      g->span = span_from(open);
      return g;
    }
    if (at_op(")")) {
      next();
      if (first->is<Starred>()) defer(first->span, "can't use starred expression here");
      if (auto* tup = first->as<Tuple>()) tup->parenthesized = true;
      // CPython keeps the inner span for a parenthesized expression.
      return first;
    }
    if (!at_op(",")) fail_invalid_in_brackets();
    Tuple t;
    t.parenthesized = true;
    t.elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op(")")) break;
      t.elts.push_back(parse_star_named_expression());
    }
    if (!accept_op(")")) fail_invalid_in_brackets();
    return make(span_from(open), std::move(t));
  }

  ExprPtr parse_list() {
    const Token& open = next();
    List l;
    if (accept_op("]")) return make(span_from(open), std::move(l));
    ExprPtr first = parse_star_named_expression();
    if (at_kw("for") || (at_kw("async") && peek(1).is_name("for"))) {
      if (first->is<Starred>()) fail_span(first->span, "iterable unpacking cannot be used in comprehension");
      ExprPtr c = parse_comprehension_tail<ListComp>(std::move(first), open);
      if (!accept_op("]")) fail_invalid_in_brackets();
      c->span = span_from(open);
      return c;
    }
    l.elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op("]")) break;
      l.elts.push_back(parse_star_named_expression());
    }
    if (!accept_op("]")) fail_invalid_in_brackets();
    return make(span_from(open), std::move(l));
  }

  ExprPtr parse_brace() {
    const Token& open = next();
    if (accept_op("}")) return make(span_from(open), Dict{});
    // Dict if the first item is `**x` or `key: value`.
    if (at_op("**")) return parse_dict_rest(open, nullptr);
    ExprPtr first = parse_star_named_expression();
    if (at_op(":") && !first->is<Starred>()) {
      if (peek(1).is_op("}") || peek(1).is_op(",")) fail_at(tok(), "expression expected after dictionary key and ':'");
      next();
      return parse_dict_rest(open, std::move(first));
    }
    if (at_kw("for") || (at_kw("async") && peek(1).is_name("for"))) {
      if (first->is<Starred>()) fail_span(first->span, "iterable unpacking cannot be used in comprehension");
      ExprPtr c = parse_comprehension_tail<SetComp>(std::move(first), open);
      if (!accept_op("}")) fail_invalid_in_brackets();
      c->span = span_from(open);
      return c;
    }
    Set s;
    s.elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op("}")) break;
      s.elts.push_back(parse_star_named_expression());
    }
    if (!accept_op("}")) fail_invalid_in_brackets();
    return make(span_from(open), std::move(s));
  }

  // After `{key:` (or at `**` when key is null).
  ExprPtr parse_dict_rest(const Token& open, ExprPtr first_key) {
    Dict d;
    bool first = true;
    for (;;) {
      DictItem item;
      if (first && first_key) {
        item.key = std::move(first_key);
        item.value = parse_expression();
        if (at_kw("for") || (at_kw("async") && peek(1).is_name("for"))) {
          DictComp dc;
          dc.key = std::move(item.key);
          dc.value = std::move(item.value);
          parse_generators(dc.generators);
          if (!accept_op("}")) fail_invalid_in_brackets();
          return finish_comprehension(span_from(open), std::move(dc));
        }
      } else if (at_op("**")) {
        next();
        item.value = parse_bitwise_or();
      } else {
        item.key = parse_expression();
        if (at_op(":") && (peek(1).is_op("}") || peek(1).is_op(",")))
          fail_at(tok(), "expression expected after dictionary key and ':'");
        if (!accept_op(":")) {
          if (at_op("}") || at_op(",")) {
            // CPython 3.11 points at the key's last character.
            const SourceSpan& k = item.key->span;
            fail_span(SourceSpan{k.end_line, std::max(1, k.end_col - 1), k.end_line, k.end_col}, "':' expected after dictionary key");
          }
          fail_invalid_in_brackets();
        }
        item.value = parse_expression();
      }
      first = false;
      d.items.push_back(std::move(item));
      if (!accept_op(",")) break;
      if (at_op("}")) break;
    }
    if (!accept_op("}")) fail_invalid_in_brackets();
    return make(span_from(open), std::move(d));
  }

  template <class Comp>
  ExprPtr parse_comprehension_tail(ExprPtr elt, const Token& start) {
    Comp c;
    c.elt = std::move(elt);
    parse_generators(c.generators);
    return finish_comprehension(span_from(start), std::move(c));
  }

  // Parses `[async] for target in iter (if cond)*` clauses. The comprehension's own scope is
  // tracked so that `await` inside it is judged as CPython's compiler does.
  void parse_generators(std::vector<Comprehension>& gens) {
    while (at_kw("for") || (at_kw("async") && peek(1).is_name("for"))) {
      const Token& start = tok();
      Comprehension c;
      if (accept_kw("async")) c.is_async = true;
      next();  // 'for'
      const std::size_t target_start = m_pos;
      c.target = parse_target_list("in");
      if (!accept_kw("in")) fail_target_without_in(target_start);
      c.iter = parse_disjunction();
      while (at_kw("if")) {
        next();
        c.ifs.push_back(parse_disjunction());
      }
      c.span = span_from(start);
      gens.push_back(std::move(c));
    }
  }
  template <class Comp>
  ExprPtr finish_comprehension(const SourceSpan& s, Comp c) {
    bool awaits = false;
    for (const auto& g : c.generators) awaits = awaits || g.is_async;
    // `await`s of this function inside the comprehension are judged as the comprehension's.
    for (auto it = m_pending_awaits.begin(); it != m_pending_awaits.end();) {
      Diagnostic& d = m_deferred[it->first];
      const bool inside = std::pair(d.line, d.col) >= std::pair(s.line, s.col) &&
                          std::pair(d.end_line, d.end_col) <= std::pair(s.end_line, s.end_col);
      if (inside && it->second == m_functions.size()) {
        d.line = -1;  // withdrawn
        awaits = true;
        it = m_pending_awaits.erase(it);
      } else {
        ++it;
      }
    }
    if (awaits && !m_functions.back().is_async && !std::is_same_v<Comp, GeneratorExp>) {
      SourceSpan whole = s;  // the display's closing bracket is still to come
      if (at_op("]") || at_op("}")) {
        whole.end_line = tok().end_line;
        whole.end_col = tok().end_col;
      }
      defer(whole, "asynchronous comprehension outside of an asynchronous function");
    }
    return make(s, std::move(c));
  }

  // ---- strings -----------------------------------------------------------------------------
  struct StringPieceInfo {
    bool raw = false, bytes = false, fmt = false;
    std::string_view body;  // between the quotes
    int body_line = 1;      // position of body[0]
    int body_col = 1;
  };

  static StringPieceInfo split_string(const Token& t) {
    StringPieceInfo info;
    std::size_t i = 0;
    while (t.text[i] != '"' && t.text[i] != '\'') {
      const char c = static_cast<char>(t.text[i] | 0x20);
      if (c == 'r') info.raw = true;
      if (c == 'b') info.bytes = true;
      if (c == 'f') info.fmt = true;
      ++i;
    }
    const char q = t.text[i];
    const std::size_t qlen = t.text.size() - i >= 6 && t.text[i + 1] == q && t.text[i + 2] == q ? 3 : 1;
    info.body = t.text.substr(i + qlen, t.text.size() - i - 2 * qlen);
    info.body_line = t.line;
    info.body_col = t.col + static_cast<int>(i + qlen);
    return info;
  }

  // Position of body[offset] given the body's start position.
  static void advance_position(std::string_view body, std::size_t offset, int& line, int& col) {
    for (std::size_t k = 0; k < offset && k < body.size(); ++k) {
      const char c = body[k];
      if (c == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++col;
      }
    }
  }

  [[noreturn]] void fail_after(const Token& t, std::string msg) {
    throw SyntaxFailure{make_diag(std::move(msg), t.end_line, t.end_col, t.end_line, t.end_col + 1)};
  }

  // Decodes the escapes of a (non-raw) literal piece. `t` is the token, for error positions.
  std::string decode_escapes(std::string_view s, bool bytes, const Token& t) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
      const char c = s[i];
      if (c == '\r') {
        ++i;
        continue;
      }
      if (c != '\\' || i + 1 >= s.size()) {
        if (bytes && (static_cast<unsigned char>(c) & 0x80)) fail_at(t, "bytes can only contain ASCII literal characters");
        out += c;
        ++i;
        continue;
      }
      const char e = s[i + 1];
      const std::size_t escape_start = i;
      i += 2;
      switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          unsigned v = static_cast<unsigned>(e - '0');
          for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) v = v * 8 + static_cast<unsigned>(s[i++] - '0');
          if (bytes) out += static_cast<char>(v & 0xFF);
          else append_utf8(out, v);
          break;
        }
        case 'x': case 'u': case 'U': {
          if (bytes && e != 'x') {
            out += '\\';
            out += e;
            break;
          }
          const int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          unsigned long v = 0;
          for (int k = 0; k < n; ++k) {
            const char h = i < s.size() ? s[i] : '\0';
            int d = -1;
            if (h >= '0' && h <= '9') d = h - '0';
            else if (h >= 'a' && h <= 'f') d = h - 'a' + 10;
            else if (h >= 'A' && h <= 'F') d = h - 'A' + 10;
            if (d < 0) {
              // As CPython: byte offsets in the literal's body, reported after the literal.
              const char* kind = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
              fail_after(t, bytes ? "(value error) invalid \\x escape at position " + std::to_string(escape_start)
                                  : "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                                        std::to_string(escape_start) + "-" + std::to_string(i - 1) + ": " + kind);
            }
            v = v * 16 + static_cast<unsigned long>(d);
            ++i;
          }
          if (bytes) out += static_cast<char>(v & 0xFF);
          else {
            if (v > 0x10FFFF)
              fail_after(t, "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                                std::to_string(escape_start) + "-" + std::to_string(i - 1) + ": illegal Unicode character");
            append_utf8(out, static_cast<char32_t>(v));
          }
          break;
        }
        case 'N':
          if (!bytes) {
            refuse(span_of(t), "`\\N{...}` escapes are not supported in Loopscope programs");
            while (i < s.size() && s[i] != '}') ++i;
            if (i < s.size()) ++i;
            break;
          }
          [[fallthrough]];
        default:
          out += '\\';
          out += e;
          break;
      }
    }
    return out;
  }

  std::string decode_piece(const StringPieceInfo& info, const Token& t) {
    if (info.raw) {
      std::string out;
      for (char c : info.body)
        if (c != '\r') {
          if (info.bytes && (static_cast<unsigned char>(c) & 0x80)) fail_at(t, "bytes can only contain ASCII literal characters");
          out += c;
        }
      return out;
    }
    return decode_escapes(info.body, info.bytes, t);
  }

  // One or more adjacent STRING tokens.
  ExprPtr parse_strings() {
    const Token& first = tok();
    bool any_bytes = false, any_str = false, any_f = false;
    std::vector<FStringPart> parts;
    auto add_literal = [&](std::string text, const SourceSpan& s) {
      if (text.empty()) return;
      if (!parts.empty() && parts.back().kind == FStringPart::Kind::literal) {
        parts.back().text += text;
        parts.back().span.end_line = s.end_line;
        parts.back().span.end_col = s.end_col;
        return;
      }
      FStringPart p;
      p.kind = FStringPart::Kind::literal;
      p.text = std::move(text);
      p.span = s;
      parts.push_back(std::move(p));
    };
    while (tok().kind == TokenKind::string) {
      const Token& t = next();
      const StringPieceInfo info = split_string(t);
      if (info.bytes) any_bytes = true;
      else any_str = true;
      if (any_bytes && any_str) fail_span(span_from(first), "cannot mix bytes and nonbytes literals");
      if (info.fmt) {
        any_f = true;
        const Token* saved = m_fstring_token;
        m_fstring_token = &t;
        parse_fstring_body(info, t, parts, 0);
        m_fstring_token = saved;
      } else {
        add_literal(decode_piece(info, t), span_of(t));
      }
    }
    const SourceSpan s = span_from(first);
    if (any_bytes) {
      std::string all;
      for (auto& p : parts) all += p.text;
      return make(s, BytesLiteral{std::move(all)});
    }
    if (!any_f) {
      std::string all;
      for (auto& p : parts) all += p.text;
      return make(s, StrLiteral{std::move(all)});
    }
    return make(s, FString{std::move(parts)});
  }

  [[noreturn]] void fstring_error_plain(const std::string& msg) {
    const Token& t = *m_fstring_token;
    throw SyntaxFailure{make_diag(msg, t.end_line, t.end_col, t.end_line, t.end_col + 1)};
  }
  // CPython 3.11 reports an f-string's own errors (not those of a field's expression) just
  // past the end of the string token.
  [[noreturn]] void fstring_error(const std::string& msg, int line, int col) {
    if (m_fstring_token) {
      line = m_fstring_token->end_line;
      col = m_fstring_token->end_col;
    }
    throw SyntaxFailure{make_diag("f-string: " + msg, line, col, line, col + 1)};
  }

  // Parses an f-string body (or a format spec at nesting > 0) into parts. Stops at the end of
  // `info.body` (or, in a spec, at the '}' that closes the field: returns its offset).
  std::size_t parse_fstring_body(const StringPieceInfo& info, const Token& t, std::vector<FStringPart>& parts,
                                 int nesting, std::size_t begin = 0) {
    const std::string_view body = info.body;
    std::size_t i = begin;
    std::string literal;
    int lit_line = info.body_line, lit_col = info.body_col;
    advance_position(body, begin, lit_line, lit_col);
    auto flush = [&](std::size_t end) {
      if (literal.empty()) return;
      FStringPart p;
      p.kind = FStringPart::Kind::literal;
      p.text = info.raw ? literal : decode_escapes(literal, false, t);
      int el = info.body_line, ec = info.body_col;
      advance_position(body, end, el, ec);
      p.span = SourceSpan{lit_line, lit_col, el, ec};
      literal.clear();
      if (!p.text.empty()) {
        if (!parts.empty() && parts.back().kind == FStringPart::Kind::literal) {
          parts.back().text += p.text;
          parts.back().span.end_line = el;
          parts.back().span.end_col = ec;
        } else {
          parts.push_back(std::move(p));
        }
      }
    };
    while (i < body.size()) {
      const char c = body[i];
      if (nesting > 0 && c == '}') {
        flush(i);
        return i;
      }
      if (c == '{') {
        if (nesting == 0 && i + 1 < body.size() && body[i + 1] == '{') {
          literal += '{';
          i += 2;
          continue;
        }
        flush(i);
        if (nesting >= 2) {
          int l = info.body_line, col = info.body_col;
          advance_position(body, i, l, col);
          fstring_error("expressions nested too deeply", l, col);
        }
        i = parse_fstring_field(info, t, parts, i, nesting);
        lit_line = info.body_line;
        lit_col = info.body_col;
        advance_position(body, i, lit_line, lit_col);
        continue;
      }
      if (c == '}') {
        if (i + 1 < body.size() && body[i + 1] == '}') {
          literal += '}';
          i += 2;
          continue;
        }
        int l = info.body_line, col = info.body_col;
        advance_position(body, i, l, col);
        fstring_error("single '}' is not allowed", l, col + 1);
      }
      if (c == '\\' && !info.raw && i + 1 < body.size()) {
        literal += c;
        literal += body[i + 1];
        i += 2;
        continue;
      }
      literal += c;
      ++i;
    }
    flush(i);
    if (nesting > 0) {
      int l = info.body_line, col = info.body_col;
      advance_position(body, i, l, col);
      fstring_error("expecting '}'", l, col);
    }
    return i;
  }

  // At body[open] == '{'. Returns the offset just past the closing '}'.
  std::size_t parse_fstring_field(const StringPieceInfo& info, const Token& t, std::vector<FStringPart>& parts,
                                  std::size_t open, int nesting) {
    const std::string_view body = info.body;
    std::size_t i = open + 1;
    // Scan the expression: up to '!' (not '!='), ':' or '}' or '=' (debug) outside brackets,
    // with CPython 3.11's checks of the brackets and quotes inside.
    std::string open_brackets;
    char quote = 0;
    bool triple = false;
    std::size_t expr_end = std::string_view::npos;
    auto pos_of = [&](std::size_t off, int& l, int& col) {
      l = info.body_line;
      col = info.body_col;
      advance_position(body, off, l, col);
    };
    for (; i < body.size(); ++i) {
      const char c = body[i];
      if (quote) {
        if (c == '\\') {
          fstring_error_plain("f-string expression part cannot include a backslash");
        }
        if (c == quote) {
          if (!triple) quote = 0;
          else if (i + 2 < body.size() && body[i + 1] == quote && body[i + 2] == quote) {
            quote = 0;
            i += 2;
          }
        }
        continue;
      }
      if (c == '\\') fstring_error_plain("f-string expression part cannot include a backslash");
      if (c == '\'' || c == '"') {
        quote = c;
        triple = i + 2 < body.size() && body[i + 1] == c && body[i + 2] == c;
        if (triple) i += 2;
        continue;
      }
      if (c == '#') fstring_error_plain("f-string expression part cannot include '#'");
      if (c == '(' || c == '[' || c == '{') {
        open_brackets += c;
        continue;
      }
      if (c == ')' || c == ']' || c == '}') {
        if (open_brackets.empty() && c == '}') {
          expr_end = i;
          break;
        }
        if (open_brackets.empty()) fstring_error(std::string("unmatched '") + c + "'", 0, 0);
        const char top = open_brackets.back();
        if ((top == '(' && c != ')') || (top == '[' && c != ']') || (top == '{' && c != '}'))
          fstring_error(std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + top + "'", 0, 0);
        open_brackets.pop_back();
        continue;
      }
      if (open_brackets.empty()) {
        if (c == '!' && !(i + 1 < body.size() && body[i + 1] == '=')) { expr_end = i; break; }
        if (c == ':') { expr_end = i; break; }
        if (c == '=' && i + 1 < body.size() && body[i + 1] != '=') {
          const char p = i > open + 1 ? body[i - 1] : ' ';
          if (p != '=' && p != '!' && p != '<' && p != '>') {
            expr_end = i;
            break;
          }
        }
      }
    }
    if (expr_end == std::string_view::npos) {
      if (quote) fstring_error("unterminated string", 0, 0);
      if (!open_brackets.empty()) fstring_error(std::string("unmatched '") + open_brackets.back() + "'", 0, 0);
      fstring_error("expecting '}'", 0, 0);
    }
    const std::string_view expr_text = body.substr(open + 1, expr_end - open - 1);
    bool blank = true;
    for (char c : expr_text)
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') blank = false;
    int el, ecol;
    pos_of(open + 1, el, ecol);
    if (blank) {
      const char next_char = body[expr_end];
      if (next_char == '}') fstring_error("empty expression not allowed", 0, 0);
      fstring_error(std::string("expression required before '") + next_char + "'", 0, 0);
    }
    FStringPart field;
    field.kind = FStringPart::Kind::field;
    field.value = parse_fstring_expression(expr_text, el, ecol);
    i = expr_end;
    if (body[i] == '=') {
      // f"{x = }": the text up to and including '=' and the spaces after it.
      std::size_t j = i + 1;
      while (j < body.size() && (body[j] == ' ' || body[j] == '\t')) ++j;
      field.debug_text = std::string(body.substr(open + 1, j - open - 1));
      i = j;
    }
    if (i < body.size() && body[i] == '!') {
      ++i;
      const char conv = i < body.size() ? body[i] : '\0';
      if (conv != 'r' && conv != 's' && conv != 'a') {
        int l, col;
        pos_of(i, l, col);
        fstring_error("invalid conversion character: expected 's', 'r', or 'a'", l, col);
      }
      field.conversion = conv;
      ++i;
    }
    if (i < body.size() && body[i] == ':') {
      field.has_format_spec = true;
      i = parse_fstring_body(info, t, field.format_spec, nesting + 1, i + 1);
    }
    if (i >= body.size() || body[i] != '}') {
      int l, col;
      pos_of(std::min(i, body.size()), l, col);
      fstring_error("expecting '}'", l, col);
    }
    ++i;
    int sl, sc, xl, xc;
    pos_of(open, sl, sc);
    pos_of(i, xl, xc);
    field.span = SourceSpan{sl, sc, xl, xc};
    parts.push_back(std::move(field));
    return i;
  }

  // Parses a replacement field's expression as CPython 3.11 does: as if it were parenthesized.
  ExprPtr parse_fstring_expression(std::string_view text, int line, int col) {
    TokenizeOptions opts;
    opts.first_line = line;
    opts.first_col = col;
    opts.expression_only = true;
    TokenizeResult sub = tokenize(text, opts);
    if (sub.error) {
      Diagnostic d = *sub.error;
      d.message = "f-string: " + d.message;
      throw SyntaxFailure{d};
    }
    std::vector<Token> saved_tokens = std::move(m_tokens);
    std::vector<int> saved_levels = std::move(m_levels);
    const std::size_t saved_pos = m_pos, saved_furthest = m_furthest;
    m_tokens = std::move(sub.tokens);
    m_levels = bracket_levels(m_tokens, 1);  // CPython 3.11 parses a field as "(expr)"
    m_pos = 0;
    m_furthest = 0;
    ExprPtr e;
    std::optional<SyntaxFailure> failure;
    try {
      e = at_kw("yield") ? parse_yield() : parse_star_expressions();
      if (tok().kind != TokenKind::end_marker) fail_invalid_in_brackets();
    } catch (SyntaxFailure& f) {
      if (f.diagnostic.message.rfind("f-string: ", 0) != 0) f.diagnostic.message = "f-string: " + f.diagnostic.message;
      failure = std::move(f);
    }
    m_tokens = std::move(saved_tokens);
    m_levels = std::move(saved_levels);
    m_pos = saved_pos;
    m_furthest = saved_furthest;
    if (failure) throw *failure;
    return e;
  }
};

}  // namespace

ParseResult parse(std::string_view source, const ParseOptions& options) {
  std::string normalized;
  if (source.size() >= 3 && static_cast<unsigned char>(source[0]) == 0xEF && static_cast<unsigned char>(source[1]) == 0xBB &&
      static_cast<unsigned char>(source[2]) == 0xBF)
    source.remove_prefix(3);
  if (source.find('\r') != std::string_view::npos) {
    normalized.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\r') {
        if (i + 1 < source.size() && source[i + 1] == '\n') continue;
        normalized += '\n';
      } else {
        normalized += source[i];
      }
    }
    source = normalized;
  }
  try {
    Parser parser(source, options);
    return parser.run();
  } catch (const std::bad_alloc&) {
    ParseResult r;
    Diagnostic d;
    d.message = "out of memory while parsing";
    r.diagnostics.push_back(d);
    return r;
  }
}

}  // namespace loopscope::python
