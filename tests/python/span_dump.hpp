#pragma once
// span_dump.hpp — test helper: one line "Kind line:col-end_line:end_col" per statement and
// expression of a Module, in the order tests/python/span_dump.py prints CPython's own `ast` for
// the same source (node names as CPython's: literals are "Constant", an f-string "JoinedStr",
// `async for` "AsyncFor", ...). Parameters' defaults/annotations, a def's decorators and the
// inside of f-strings are skipped on both sides.
#include <sstream>
#include <string>
#include <type_traits>

#include "python/ast.hpp"

namespace loopscope::python::testing {

class SpanDumper {
 public:
  std::string dump(const Module& m) {
    for (const auto& s : m.body) stmt(*s);
    return m_out.str();
  }

 private:
  std::ostringstream m_out;

  void line(const char* kind, const SourceSpan& s) {
    m_out << kind << ' ' << s.line << ':' << s.col << '-' << s.end_line << ':' << s.end_col << '\n';
  }
  void body(const Body& b) {
    for (const auto& s : b) stmt(*s);
  }
  void opt(const ExprPtr& e) {
    if (e) expr(*e);
  }

  void stmt(const Stmt& st) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, FunctionDef>) {
            line(n.is_async ? "AsyncFunctionDef" : "FunctionDef", st.span);
            body(n.body);
          } else if constexpr (std::is_same_v<T, Return>) {
            line("Return", st.span);
            opt(n.value);
          } else if constexpr (std::is_same_v<T, Delete>) {
            line("Delete", st.span);
            for (const auto& t : n.targets) expr(*t);
          } else if constexpr (std::is_same_v<T, Assign>) {
            line("Assign", st.span);
            for (const auto& t : n.targets) expr(*t);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, AugAssign>) {
            line("AugAssign", st.span);
            expr(*n.target);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, AnnAssign>) {
            line("AnnAssign", st.span);
            expr(*n.target);
            expr(*n.annotation);
            opt(n.value);
          } else if constexpr (std::is_same_v<T, For>) {
            line(n.is_async ? "AsyncFor" : "For", st.span);
            expr(*n.target);
            expr(*n.iter);
            body(n.body);
            body(n.orelse);
          } else if constexpr (std::is_same_v<T, While>) {
            line("While", st.span);
            expr(*n.test);
            body(n.body);
            body(n.orelse);
          } else if constexpr (std::is_same_v<T, If>) {
            line("If", st.span);
            expr(*n.test);
            body(n.body);
            body(n.orelse);
          } else if constexpr (std::is_same_v<T, With>) {
            line(n.is_async ? "AsyncWith" : "With", st.span);
            for (const auto& item : n.items) {
              expr(*item.context_expr);
              opt(item.optional_vars);
            }
            body(n.body);
          } else if constexpr (std::is_same_v<T, Raise>) {
            line("Raise", st.span);
            opt(n.exc);
            opt(n.cause);
          } else if constexpr (std::is_same_v<T, Try>) {
            line(n.is_star ? "TryStar" : "Try", st.span);
            body(n.body);
            for (const auto& h : n.handlers) {
              opt(h.type);
              body(h.body);
            }
            body(n.orelse);
            body(n.finalbody);
          } else if constexpr (std::is_same_v<T, Assert>) {
            line("Assert", st.span);
            expr(*n.test);
            opt(n.msg);
          } else if constexpr (std::is_same_v<T, Import>) {
            line("Import", st.span);
          } else if constexpr (std::is_same_v<T, ImportFrom>) {
            line("ImportFrom", st.span);
          } else if constexpr (std::is_same_v<T, Global>) {
            line("Global", st.span);
          } else if constexpr (std::is_same_v<T, Nonlocal>) {
            line("Nonlocal", st.span);
          } else if constexpr (std::is_same_v<T, ExprStmt>) {
            line("Expr", st.span);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, Pass>) {
            line("Pass", st.span);
          } else if constexpr (std::is_same_v<T, Break>) {
            line("Break", st.span);
          } else if constexpr (std::is_same_v<T, Continue>) {
            line("Continue", st.span);
          }
        },
        st.node);
  }

  void generators(const std::vector<Comprehension>& gens) {
    for (const auto& g : gens) {
      expr(*g.target);
      expr(*g.iter);
      for (const auto& c : g.ifs) expr(*c);
    }
  }

  void expr(const Expr& e) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, NoneLiteral> || std::is_same_v<T, EllipsisLiteral> ||
                        std::is_same_v<T, BoolLiteral> || std::is_same_v<T, IntLiteral> ||
                        std::is_same_v<T, FloatLiteral> || std::is_same_v<T, StrLiteral> ||
                        std::is_same_v<T, BytesLiteral>) {
            line("Constant", e.span);
          } else if constexpr (std::is_same_v<T, FString>) {
            line("JoinedStr", e.span);
          } else if constexpr (std::is_same_v<T, Name>) {
            line("Name", e.span);
          } else if constexpr (std::is_same_v<T, Attribute>) {
            line("Attribute", e.span);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, Subscript>) {
            line("Subscript", e.span);
            expr(*n.value);
            expr(*n.slice);
          } else if constexpr (std::is_same_v<T, Slice>) {
            line("Slice", e.span);
            opt(n.lower);
            opt(n.upper);
            opt(n.step);
          } else if constexpr (std::is_same_v<T, Starred>) {
            line("Starred", e.span);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, Call>) {
            line("Call", e.span);
            expr(*n.func);
            for (const auto& a : n.args) expr(*a);
            for (const auto& k : n.keywords) expr(*k.value);
          } else if constexpr (std::is_same_v<T, UnaryOp>) {
            line("UnaryOp", e.span);
            expr(*n.operand);
          } else if constexpr (std::is_same_v<T, BinOp>) {
            line("BinOp", e.span);
            expr(*n.left);
            expr(*n.right);
          } else if constexpr (std::is_same_v<T, BoolOp>) {
            line("BoolOp", e.span);
            for (const auto& v : n.values) expr(*v);
          } else if constexpr (std::is_same_v<T, Compare>) {
            line("Compare", e.span);
            expr(*n.left);
            for (const auto& c : n.comparators) expr(*c);
          } else if constexpr (std::is_same_v<T, IfExp>) {
            line("IfExp", e.span);
            expr(*n.test);
            expr(*n.body);
            expr(*n.orelse);
          } else if constexpr (std::is_same_v<T, NamedExpr>) {
            line("NamedExpr", e.span);
            expr(*n.target);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, Await>) {
            line("Await", e.span);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, Lambda>) {
            line("Lambda", e.span);
            expr(*n.body);
          } else if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Tuple> || std::is_same_v<T, Set>) {
            line(std::is_same_v<T, List> ? "List" : std::is_same_v<T, Tuple> ? "Tuple" : "Set", e.span);
            for (const auto& x : n.elts) expr(*x);
          } else if constexpr (std::is_same_v<T, Dict>) {
            line("Dict", e.span);
            for (const auto& item : n.items) {
              opt(item.key);
              expr(*item.value);
            }
          } else if constexpr (std::is_same_v<T, ListComp> || std::is_same_v<T, SetComp> ||
                               std::is_same_v<T, GeneratorExp>) {
            line(std::is_same_v<T, ListComp> ? "ListComp" : std::is_same_v<T, SetComp> ? "SetComp" : "GeneratorExp", e.span);
            expr(*n.elt);
            generators(n.generators);
          } else if constexpr (std::is_same_v<T, DictComp>) {
            line("DictComp", e.span);
            expr(*n.key);
            expr(*n.value);
            generators(n.generators);
          }
        },
        e.node);
  }
};

inline std::string span_dump(const Module& m) { return SpanDumper{}.dump(m); }

}  // namespace loopscope::python::testing
