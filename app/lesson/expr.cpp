// expr.cpp — tokenizer and recursive-descent parser for lesson expressions and templates.
//
// Sections: tokens · parser · templates · format specs
#include "lesson/expr.hpp"

#include <cctype>
#include <cstdlib>

namespace loopscope::lesson {

namespace {

// ---- tokens --------------------------------------------------------------------------------
enum class Tok { end, number, string, name, op };

struct Token {
  Tok kind = Tok::end;
  std::string text;  // operator / name / string value / number text
  int offset = 0;
};

struct Failure {
  ExprError error;
};

[[noreturn]] void fail(int offset, std::string msg) { throw Failure{{offset, std::move(msg)}}; }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const int off = static_cast<int>(i);
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      std::size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == '_')) ++j;
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        ++j;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      }
      out.push_back({Tok::number, std::string(s.substr(i, j - i)), off});
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      out.push_back({Tok::name, std::string(s.substr(i, j - i)), off});
      i = j;
    } else if (c == '"' || c == '\'') {
      std::string v;
      std::size_t j = i + 1;
      for (;;) {
        if (j >= s.size()) fail(off, "unterminated string literal");
        if (s[j] == c) break;
        if (s[j] == '\\' && j + 1 < s.size()) {
          const char e = s[j + 1];
          v += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          j += 2;
          continue;
        }
        v += s[j++];
      }
      out.push_back({Tok::string, std::move(v), off});
      i = j + 1;
    } else {
      static const char* two[] = {"==", "!=", "<=", ">=", "//"};
      std::string op;
      for (const char* t : two)
        if (s.substr(i, 2) == t) op = t;
      if (op.empty()) {
        if (std::string_view("+-*/%<>()[].,").find(c) == std::string_view::npos) {
          if (c == '=') fail(off, "'=' is not allowed here: to compare, write '=='");
          fail(off, std::string("unexpected character '") + c + "'");
        }
        op = std::string(1, c);
      }
      out.push_back({Tok::op, op, off});
      i += op.size();
    }
  }
  out.push_back({Tok::end, "", static_cast<int>(s.size())});
  return out;
}

// ---- parser --------------------------------------------------------------------------------
using NodePtr = std::shared_ptr<const ExprNode>;

class Parser {
public:
  explicit Parser(std::vector<Token> toks) : m_t(std::move(toks)) {}

  NodePtr whole() {
    if (m_t.front().kind == Tok::end) fail(0, "empty expression");
    NodePtr n = or_expr();
    if (cur().kind != Tok::end) fail(cur().offset, "unexpected '" + cur().text + "' after the expression");
    return n;
  }

private:
  std::vector<Token> m_t;
  std::size_t m_i = 0;
  int m_depth = 0;

  const Token& cur() const { return m_t[m_i]; }
  bool is_op(std::string_view op) const { return cur().kind == Tok::op && cur().text == op; }
  bool is_word(std::string_view w) const { return cur().kind == Tok::name && cur().text == w; }

  static NodePtr make(ExprKind k, int off, std::string op, std::vector<NodePtr> args) {
    auto n = std::make_shared<ExprNode>();
    n->kind = k;
    n->offset = off;
    n->op = std::move(op);
    n->args = std::move(args);
    return n;
  }

  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& depth, int off) : d(depth) {
      if (++d > 64) fail(off, "expression nested too deeply");
    }
    ~DepthGuard() { --d; }
  };

  NodePtr or_expr() {
    DepthGuard g(m_depth, cur().offset);
    NodePtr l = and_expr();
    while (is_word("or")) {
      const int off = cur().offset;
      ++m_i;
      l = make(ExprKind::binary, off, "or", {l, and_expr()});
    }
    return l;
  }
  NodePtr and_expr() {
    NodePtr l = not_expr();
    while (is_word("and")) {
      const int off = cur().offset;
      ++m_i;
      l = make(ExprKind::binary, off, "and", {l, not_expr()});
    }
    return l;
  }
  NodePtr not_expr() {
    if (is_word("not")) {
      const int off = cur().offset;
      ++m_i;
      DepthGuard g(m_depth, off);
      return make(ExprKind::unary, off, "not", {not_expr()});
    }
    return compare();
  }
  NodePtr compare() {
    NodePtr l = sum();
    static const char* ops[] = {"==", "!=", "<", "<=", ">", ">="};
    for (const char* op : ops) {
      if (is_op(op)) {
        const int off = cur().offset;
        ++m_i;
        return make(ExprKind::binary, off, op, {l, sum()});
      }
    }
    if (is_word("in")) {
      const int off = cur().offset;
      ++m_i;
      return make(ExprKind::binary, off, "in", {l, sum()});
    }
    if (is_word("not") && m_t[m_i + 1].kind == Tok::name && m_t[m_i + 1].text == "in") {
      const int off = cur().offset;
      m_i += 2;
      return make(ExprKind::binary, off, "not in", {l, sum()});
    }
    return l;
  }
  NodePtr sum() {
    NodePtr l = product();
    while (is_op("+") || is_op("-")) {
      const Token t = cur();
      ++m_i;
      l = make(ExprKind::binary, t.offset, t.text, {l, product()});
    }
    return l;
  }
  NodePtr product() {
    NodePtr l = unary();
    while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
      const Token t = cur();
      ++m_i;
      l = make(ExprKind::binary, t.offset, t.text, {l, unary()});
    }
    return l;
  }
  NodePtr unary() {
    if (is_op("-")) {
      const int off = cur().offset;
      ++m_i;
      DepthGuard g(m_depth, off);
      return make(ExprKind::unary, off, "-", {unary()});
    }
    return postfix();
  }
  std::vector<NodePtr> args_until(std::string_view close) {
    std::vector<NodePtr> args;
    if (is_op(close)) {
      ++m_i;
      return args;
    }
    for (;;) {
      args.push_back(or_expr());
      if (is_op(",")) {
        ++m_i;
        if (is_op(close)) {
          ++m_i;
          return args;
        }
        continue;
      }
      if (is_op(close)) {
        ++m_i;
        return args;
      }
      if (cur().kind == Tok::end) fail(cur().offset, "missing '" + std::string(close) + "'");
      fail(cur().offset, "expected ',' or '" + std::string(close) + "', found '" + cur().text + "'");
    }
  }
  NodePtr postfix() {
    NodePtr n = primary();
    for (;;) {
      if (is_op(".")) {
        ++m_i;
        if (cur().kind != Tok::name) fail(cur().offset, "expected an attribute name after '.'");
        auto a = std::make_shared<ExprNode>();
        a->kind = ExprKind::attribute;
        a->offset = cur().offset;
        a->text = cur().text;
        a->args = {n};
        ++m_i;
        n = a;
      } else if (is_op("(")) {
        if (n->kind != ExprKind::name && n->kind != ExprKind::attribute)
          fail(cur().offset, "only functions and methods can be called");
        const int off = cur().offset;
        ++m_i;
        std::vector<NodePtr> args{n};
        for (auto& a : args_until(")")) args.push_back(std::move(a));
        n = make(ExprKind::call, off, "", std::move(args));
      } else if (is_op("[")) {
        const int off = cur().offset;
        ++m_i;
        NodePtr idx = or_expr();
        if (!is_op("]")) fail(cur().offset, "missing ']'");
        ++m_i;
        n = make(ExprKind::index, off, "", {n, idx});
      } else {
        return n;
      }
    }
  }
  NodePtr primary() {
    const Token t = cur();
    auto n = std::make_shared<ExprNode>();
    n->offset = t.offset;
    switch (t.kind) {
      case Tok::end: fail(t.offset, "unexpected end of the expression");
      case Tok::number: {
        ++m_i;
        std::string digits;
        for (char c : t.text)
          if (c != '_') digits += c;
        char* endp = nullptr;
        const bool is_float = digits.find_first_of(".eE") != std::string::npos;
        if (is_float) {
          n->literal = std::strtod(digits.c_str(), &endp);
        } else {
          n->literal = static_cast<std::int64_t>(std::strtoll(digits.c_str(), &endp, 10));
        }
        if (endp == nullptr || *endp != '\0') fail(t.offset, "invalid number '" + t.text + "'");
        return n;
      }
      case Tok::string:
        ++m_i;
        n->literal = t.text;
        return n;
      case Tok::name:
        ++m_i;
        if (t.text == "True") n->literal = true;
        else if (t.text == "False") n->literal = false;
        else if (t.text == "None") n->literal = NoneLiteral{};
        else if (t.text == "and" || t.text == "or" || t.text == "not" || t.text == "in")
          fail(t.offset, "unexpected '" + t.text + "'");
        else {
          n->kind = ExprKind::name;
          n->text = t.text;
        }
        return n;
      case Tok::op:
        if (t.text == "(") {
          ++m_i;
          NodePtr inner = or_expr();
          if (!is_op(")")) fail(cur().offset, "missing ')'");
          ++m_i;
          return inner;
        }
        if (t.text == "[") {
          ++m_i;
          return make(ExprKind::list, t.offset, "", args_until("]"));
        }
        fail(t.offset, "unexpected '" + t.text + "'");
    }
    fail(t.offset, "unexpected token");
  }
};

}  // namespace

Expr Expr::constant(Literal v, std::string source) {
  auto n = std::make_shared<ExprNode>();
  n->literal = std::move(v);
  return Expr{std::move(n), std::move(source)};
}

void collect_names(const ExprNode& node, std::vector<NameUse>& out) {
  if (node.kind == ExprKind::name) out.push_back({node.text, node.offset});
  for (const auto& a : node.args)
    if (a) collect_names(*a, out);
}

std::variant<Expr, ExprError> parse_expr(std::string_view source) {
  try {
    Parser p(tokenize(source));
    return Expr{p.whole(), std::string(source)};
  } catch (const Failure& f) {
    return f.error;
  }
}

// ---- templates -----------------------------------------------------------------------------
std::variant<Template, ExprError> parse_template(std::string_view s) {
  Template t;
  t.source = std::string(s);
  std::string lit;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '{' && i + 1 < s.size() && s[i + 1] == '{') {
      lit += '{';
      i += 2;
    } else if (c == '}' && i + 1 < s.size() && s[i + 1] == '}') {
      lit += '}';
      i += 2;
    } else if (c == '}') {
      return ExprError{static_cast<int>(i), "single '}' in template: write '}}' for a literal brace"};
    } else if (c == '{') {
      // Find the matching '}' at depth 0 outside quotes; a top-level ':' starts the spec.
      const std::size_t start = i + 1;
      std::size_t j = start;
      int depth = 0;
      char quote = 0;
      std::size_t colon = std::string_view::npos;
      for (; j < s.size(); ++j) {
        const char d = s[j];
        if (quote) {
          if (d == quote) quote = 0;
        } else if (d == '"' || d == '\'') {
          quote = d;
        } else if (d == '(' || d == '[') {
          ++depth;
        } else if (d == ')' || d == ']') {
          --depth;
        } else if (d == ':' && depth == 0 && colon == std::string_view::npos) {
          colon = j;
        } else if (d == '}' && depth <= 0) {
          break;
        } else if (d == '{' && depth <= 0) {
          return ExprError{static_cast<int>(j), "'{' inside a template field"};
        }
      }
      if (j >= s.size()) return ExprError{static_cast<int>(i), "unclosed '{' in template: write '{{' for a literal brace"};
      if (!lit.empty()) {
        t.pieces.push_back({std::move(lit), {}, {}, 0});
        lit.clear();
      }
      const std::size_t expr_end = colon == std::string_view::npos ? j : colon;
      const std::string_view src = s.substr(start, expr_end - start);
      auto parsed = parse_expr(src);
      if (auto* e = std::get_if<ExprError>(&parsed))
        return ExprError{static_cast<int>(start) + e->offset, e->message};
      TemplatePiece piece;
      piece.field = std::get<Expr>(std::move(parsed));
      piece.offset = static_cast<int>(start);
      if (colon != std::string_view::npos) {
        piece.spec = std::string(s.substr(colon + 1, j - colon - 1));
        const std::string err = check_format_spec(piece.spec);
        if (!err.empty()) return ExprError{static_cast<int>(colon + 1), err};
      }
      t.pieces.push_back(std::move(piece));
      i = j + 1;
    } else {
      lit += c;
      ++i;
    }
  }
  if (!lit.empty()) t.pieces.push_back({std::move(lit), {}, {}, 0});
  return t;
}

// ---- format specs --------------------------------------------------------------------------
std::string check_format_spec(std::string_view spec) {
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
  if (spec.size() >= 2 && is_align(spec[1])) i = 2;
  else if (!spec.empty() && is_align(spec[0])) i = 1;
  std::size_t digits = 0;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) ++i, ++digits;
  if (digits > 3) return "format width too large";
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    std::size_t p = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) ++i, ++p;
    if (p == 0) return "format spec '" + std::string(spec) + "': expected digits after '.'";
    if (p > 2) return "format precision too large";
  }
  if (i < spec.size() && std::string_view("dfsg%").find(spec[i]) != std::string_view::npos) ++i;
  if (i != spec.size())
    return "unsupported format spec '" + std::string(spec) +
           "' (supported: [[fill]align][width][.precision][d|f|s|g|%])";
  return {};
}

}  // namespace loopscope::lesson
