#pragma once
// unparse.hpp — test helper: prints a Module back as Python source, with every operator
// expression fully parenthesized ("(a + (b * c))") so that tests can read the tree's shape, and
// the output parses back to the same tree (round trip). Statements are indented by 4 spaces.
#include <charconv>
#include <cstdio>
#include <sstream>
#include <string>
#include <type_traits>

#include "python/ast.hpp"

namespace loopscope::python::testing {

class Unparser {
 public:
  std::string module(const Module& m) {
    body(m.body, 0);
    return m_out.str();
  }
  std::string expression(const Expr& e) { return expr(e); }

 private:
  std::ostringstream m_out;

  static const char* binop(BinaryOperator op) {
    switch (op) {
      case BinaryOperator::add: return "+";
      case BinaryOperator::sub: return "-";
      case BinaryOperator::mult: return "*";
      case BinaryOperator::mat_mult: return "@";
      case BinaryOperator::div: return "/";
      case BinaryOperator::mod: return "%";
      case BinaryOperator::pow: return "**";
      case BinaryOperator::lshift: return "<<";
      case BinaryOperator::rshift: return ">>";
      case BinaryOperator::bit_or: return "|";
      case BinaryOperator::bit_xor: return "^";
      case BinaryOperator::bit_and: return "&";
      case BinaryOperator::floor_div: return "//";
    }
    return "?";
  }
  static const char* cmpop(CompareOperator op) {
    switch (op) {
      case CompareOperator::eq: return "==";
      case CompareOperator::not_eq_: return "!=";
      case CompareOperator::lt: return "<";
      case CompareOperator::lt_e: return "<=";
      case CompareOperator::gt: return ">";
      case CompareOperator::gt_e: return ">=";
      case CompareOperator::is: return "is";
      case CompareOperator::is_not: return "is not";
      case CompareOperator::in: return "in";
      case CompareOperator::not_in: return "not in";
    }
    return "?";
  }

  // A string literal in `q` quotes; bytes escape everything outside printable ASCII. Inside an
  // f-string (written in double quotes) braces double and expressions use single quotes.
  static std::string quote(const std::string& s, bool in_fstring = false, char q = '\'', bool bytes = false) {
    std::string out(1, q);
    for (char c : s) {
      if (bytes && (static_cast<unsigned char>(c) >= 0x7F)) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
        out += buf;
        continue;
      }
      if (c == q) {
        out += '\\';
        out += c;
        continue;
      }
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '{': out += in_fstring ? "{{" : "{"; break;
        case '}': out += in_fstring ? "}}" : "}"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
            out += buf;
          } else {
            out += c;
          }
      }
    }
    return out + q;
  }

  std::string params(const Parameters& ps) {
    std::string out;
    auto add = [&](const std::string& s) {
      if (!out.empty()) out += ", ";
      out += s;
    };
    auto one = [&](const Parameter& p) {
      std::string s = p.name;
      if (p.annotation) s += ": " + expr(*p.annotation);
      if (p.default_value) s += (p.annotation ? " = " : "=") + expr(*p.default_value);
      return s;
    };
    for (const auto& p : ps.posonly) add(one(p));
    if (!ps.posonly.empty()) add("/");
    for (const auto& p : ps.args) add(one(p));
    if (ps.vararg) add("*" + one(*ps.vararg));
    else if (!ps.kwonly.empty()) add("*");
    for (const auto& p : ps.kwonly) add(one(p));
    if (ps.kwarg) add("**" + one(*ps.kwarg));
    return out;
  }

  std::string generators(const std::vector<Comprehension>& gens) {
    std::string out;
    for (const auto& g : gens) {
      out += g.is_async ? " async for " : " for ";
      out += expr(*g.target) + " in " + expr(*g.iter);
      for (const auto& c : g.ifs) out += " if " + expr(*c);
    }
    return out;
  }

  std::string fstring_parts(const std::vector<FStringPart>& parts) {
    std::string out;
    for (const auto& p : parts) {
      if (p.kind == FStringPart::Kind::literal) {
        const std::string q = quote(p.text, true, '"');
        out += q.substr(1, q.size() - 2);
        continue;
      }
      // A space keeps a leading '{' of a set/dict display from reading as '{{'.
      out += "{ " + expr(*p.value);
      if (p.conversion) {
        out += '!';
        out += p.conversion;
      }
      if (p.has_format_spec) out += ":" + fstring_parts(p.format_spec);
      out += "}";
    }
    return out;
  }

  std::string expr(const Expr& e) {
    return std::visit(
        [&](const auto& n) -> std::string {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, NoneLiteral>) return "None";
          else if constexpr (std::is_same_v<T, EllipsisLiteral>) return "...";
          else if constexpr (std::is_same_v<T, BoolLiteral>) return n.value ? "True" : "False";
          else if constexpr (std::is_same_v<T, IntLiteral>) return std::to_string(n.value);
          else if constexpr (std::is_same_v<T, FloatLiteral>) {
            char buf[64];
            auto r = std::to_chars(buf, buf + sizeof buf, n.value);
            std::string s(buf, r.ptr);
            if (s.find_first_of(".en") == std::string::npos) s += ".0";
            return s;
          } else if constexpr (std::is_same_v<T, StrLiteral>) return quote(n.value);
          else if constexpr (std::is_same_v<T, BytesLiteral>) return "b" + quote(n.value, false, '\'', true);
          else if constexpr (std::is_same_v<T, FString>) return "f\"" + fstring_parts(n.parts) + "\"";
          else if constexpr (std::is_same_v<T, Name>) return n.id;
          else if constexpr (std::is_same_v<T, Attribute>) return expr(*n.value) + "." + n.attr;
          else if constexpr (std::is_same_v<T, Subscript>) {
            // A tuple index is written without parentheses: slices cannot be parenthesized.
            if (const auto* t = n.slice->template as<Tuple>(); t && !t->elts.empty()) {
              std::string s = expr(*n.value) + "[";
              for (std::size_t i = 0; i < t->elts.size(); ++i) s += (i ? ", " : "") + expr(*t->elts[i]);
              return s + (t->elts.size() == 1 ? ",]" : "]");
            }
            return expr(*n.value) + "[" + expr(*n.slice) + "]";
          }
          else if constexpr (std::is_same_v<T, Slice>) {
            std::string s = (n.lower ? expr(*n.lower) : "") + ":" + (n.upper ? expr(*n.upper) : "");
            if (n.step) s += ":" + expr(*n.step);
            return s;
          } else if constexpr (std::is_same_v<T, Starred>) return "*" + expr(*n.value);
          else if constexpr (std::is_same_v<T, Call>) {
            std::string s = expr(*n.func) + "(";
            bool first = true;
            for (const auto& a : n.args) {
              if (!first) s += ", ";
              first = false;
              s += expr(*a);
            }
            for (const auto& k : n.keywords) {
              if (!first) s += ", ";
              first = false;
              s += k.arg ? *k.arg + "=" + expr(*k.value) : "**" + expr(*k.value);
            }
            return s + ")";
          } else if constexpr (std::is_same_v<T, UnaryOp>) {
            const char* op = n.op == UnaryOperator::not_ ? "not " : n.op == UnaryOperator::minus ? "-"
                             : n.op == UnaryOperator::plus ? "+" : "~";
            return std::string("(") + op + expr(*n.operand) + ")";
          } else if constexpr (std::is_same_v<T, BinOp>) {
            return "(" + expr(*n.left) + " " + binop(n.op) + " " + expr(*n.right) + ")";
          } else if constexpr (std::is_same_v<T, BoolOp>) {
            std::string s = "(";
            for (std::size_t i = 0; i < n.values.size(); ++i) {
              if (i) s += n.op == BoolOperator::and_ ? " and " : " or ";
              s += expr(*n.values[i]);
            }
            return s + ")";
          } else if constexpr (std::is_same_v<T, Compare>) {
            std::string s = "(" + expr(*n.left);
            for (std::size_t i = 0; i < n.ops.size(); ++i) s += std::string(" ") + cmpop(n.ops[i]) + " " + expr(*n.comparators[i]);
            return s + ")";
          } else if constexpr (std::is_same_v<T, IfExp>) {
            return "(" + expr(*n.body) + " if " + expr(*n.test) + " else " + expr(*n.orelse) + ")";
          } else if constexpr (std::is_same_v<T, NamedExpr>) {
            return "(" + expr(*n.target) + " := " + expr(*n.value) + ")";
          } else if constexpr (std::is_same_v<T, Await>) {
            return "(await " + expr(*n.value) + ")";
          } else if constexpr (std::is_same_v<T, Lambda>) {
            const std::string p = params(n.params);
            return "(lambda" + (p.empty() ? "" : " " + p) + ": " + expr(*n.body) + ")";
          } else if constexpr (std::is_same_v<T, List>) {
            std::string s = "[";
            for (std::size_t i = 0; i < n.elts.size(); ++i) s += (i ? ", " : "") + expr(*n.elts[i]);
            return s + "]";
          } else if constexpr (std::is_same_v<T, Tuple>) {
            std::string s = "(";
            for (std::size_t i = 0; i < n.elts.size(); ++i) s += (i ? ", " : "") + expr(*n.elts[i]);
            if (n.elts.size() == 1) s += ",";
            return s + ")";
          } else if constexpr (std::is_same_v<T, Set>) {
            std::string s = "{";
            for (std::size_t i = 0; i < n.elts.size(); ++i) s += (i ? ", " : "") + expr(*n.elts[i]);
            return s + "}";
          } else if constexpr (std::is_same_v<T, Dict>) {
            std::string s = "{";
            for (std::size_t i = 0; i < n.items.size(); ++i) {
              if (i) s += ", ";
              const auto& item = n.items[i];
              s += item.key ? expr(*item.key) + ": " + expr(*item.value) : "**" + expr(*item.value);
            }
            return s + "}";
          } else if constexpr (std::is_same_v<T, ListComp>) {
            return "[" + expr(*n.elt) + generators(n.generators) + "]";
          } else if constexpr (std::is_same_v<T, SetComp>) {
            return "{" + expr(*n.elt) + generators(n.generators) + "}";
          } else if constexpr (std::is_same_v<T, DictComp>) {
            return "{" + expr(*n.key) + ": " + expr(*n.value) + generators(n.generators) + "}";
          } else if constexpr (std::is_same_v<T, GeneratorExp>) {
            return "(" + expr(*n.elt) + generators(n.generators) + ")";
          }
        },
        e.node);
  }

  void line(int indent, const std::string& text) { m_out << std::string(static_cast<std::size_t>(indent) * 4, ' ') << text << '\n'; }

  void body(const Body& b, int indent) {
    for (const auto& s : b) stmt(*s, indent);
  }

  void else_chain(const Body& orelse, int indent) {
    if (orelse.empty()) return;
    if (orelse.size() == 1 && orelse[0]->is<If>()) {
      const If& e = *orelse[0]->as<If>();
      line(indent, "elif " + expr(*e.test) + ":");
      body(e.body, indent + 1);
      else_chain(e.orelse, indent);
      return;
    }
    line(indent, "else:");
    body(orelse, indent + 1);
  }

  void stmt(const Stmt& st, int indent) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, FunctionDef>) {
            std::string head = std::string(n.is_async ? "async def " : "def ") + n.name + "(" + params(n.params) + ")";
            if (n.returns) head += " -> " + expr(*n.returns);
            line(indent, head + ":");
            body(n.body, indent + 1);
          } else if constexpr (std::is_same_v<T, Return>) {
            line(indent, n.value ? "return " + expr(*n.value) : "return");
          } else if constexpr (std::is_same_v<T, Delete>) {
            std::string s = "del ";
            for (std::size_t i = 0; i < n.targets.size(); ++i) s += (i ? ", " : "") + expr(*n.targets[i]);
            line(indent, s);
          } else if constexpr (std::is_same_v<T, Assign>) {
            std::string s;
            for (const auto& t : n.targets) s += expr(*t) + " = ";
            line(indent, s + expr(*n.value));
          } else if constexpr (std::is_same_v<T, AugAssign>) {
            line(indent, expr(*n.target) + " " + binop(n.op) + "= " + expr(*n.value));
          } else if constexpr (std::is_same_v<T, AnnAssign>) {
            std::string t = expr(*n.target);
            if (!n.simple && n.target->template is<Name>()) t = "(" + t + ")";
            line(indent, t + ": " + expr(*n.annotation) + (n.value ? " = " + expr(*n.value) : ""));
          } else if constexpr (std::is_same_v<T, For>) {
            line(indent, std::string(n.is_async ? "async for " : "for ") + expr(*n.target) + " in " + expr(*n.iter) + ":");
            body(n.body, indent + 1);
            if (!n.orelse.empty()) {
              line(indent, "else:");
              body(n.orelse, indent + 1);
            }
          } else if constexpr (std::is_same_v<T, While>) {
            line(indent, "while " + expr(*n.test) + ":");
            body(n.body, indent + 1);
            if (!n.orelse.empty()) {
              line(indent, "else:");
              body(n.orelse, indent + 1);
            }
          } else if constexpr (std::is_same_v<T, If>) {
            line(indent, "if " + expr(*n.test) + ":");
            body(n.body, indent + 1);
            else_chain(n.orelse, indent);
          } else if constexpr (std::is_same_v<T, With>) {
            std::string s = n.is_async ? "async with " : "with ";
            for (std::size_t i = 0; i < n.items.size(); ++i) {
              if (i) s += ", ";
              s += expr(*n.items[i].context_expr);
              if (n.items[i].optional_vars) s += " as " + expr(*n.items[i].optional_vars);
            }
            line(indent, s + ":");
            body(n.body, indent + 1);
          } else if constexpr (std::is_same_v<T, Raise>) {
            std::string s = "raise";
            if (n.exc) s += " " + expr(*n.exc);
            if (n.cause) s += " from " + expr(*n.cause);
            line(indent, s);
          } else if constexpr (std::is_same_v<T, Try>) {
            line(indent, "try:");
            body(n.body, indent + 1);
            for (const auto& h : n.handlers) {
              std::string s = n.is_star ? "except*" : "except";
              if (h.type) s += " " + expr(*h.type);
              if (!h.name.empty()) s += " as " + h.name;
              line(indent, s + ":");
              body(h.body, indent + 1);
            }
            if (!n.orelse.empty()) {
              line(indent, "else:");
              body(n.orelse, indent + 1);
            }
            if (!n.finalbody.empty()) {
              line(indent, "finally:");
              body(n.finalbody, indent + 1);
            }
          } else if constexpr (std::is_same_v<T, Assert>) {
            line(indent, "assert " + expr(*n.test) + (n.msg ? ", " + expr(*n.msg) : ""));
          } else if constexpr (std::is_same_v<T, Import>) {
            std::string s = "import ";
            for (std::size_t i = 0; i < n.names.size(); ++i) {
              if (i) s += ", ";
              s += n.names[i].name + (n.names[i].asname.empty() ? "" : " as " + n.names[i].asname);
            }
            line(indent, s);
          } else if constexpr (std::is_same_v<T, ImportFrom>) {
            std::string s = "from " + n.module + " import ";
            for (std::size_t i = 0; i < n.names.size(); ++i) {
              if (i) s += ", ";
              s += n.names[i].name + (n.names[i].asname.empty() ? "" : " as " + n.names[i].asname);
            }
            line(indent, s);
          } else if constexpr (std::is_same_v<T, Global> || std::is_same_v<T, Nonlocal>) {
            std::string s = std::is_same_v<T, Global> ? "global " : "nonlocal ";
            for (std::size_t i = 0; i < n.names.size(); ++i) s += (i ? ", " : "") + n.names[i];
            line(indent, s);
          } else if constexpr (std::is_same_v<T, ExprStmt>) {
            line(indent, expr(*n.value));
          } else if constexpr (std::is_same_v<T, Pass>) {
            line(indent, "pass");
          } else if constexpr (std::is_same_v<T, Break>) {
            line(indent, "break");
          } else if constexpr (std::is_same_v<T, Continue>) {
            line(indent, "continue");
          }
        },
        st.node);
  }
};

inline std::string unparse(const Module& m) { return Unparser{}.module(m); }

}  // namespace loopscope::python::testing
