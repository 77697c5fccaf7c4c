#pragma once
// scope_dump.hpp — test helper: one line per function-like scope of a Module (def, lambda,
// comprehension), sorted, in the format tests/python/scope_dump.py prints CPython's symtable:
// "KIND NAME LINE | locals=a,b free=c cells=d globals=e nonlocals=f" (names sorted).
#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

#include "python/ast.hpp"

namespace loopscope::python::testing {

class ScopeDumper {
 public:
  std::string dump(const Module& m) {
    body(m.body);
    std::sort(m_lines.begin(), m_lines.end());
    std::string out;
    for (const auto& l : m_lines) out += l + "\n";
    return out;
  }

 private:
  std::vector<std::string> m_lines;

  static std::string joined(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "," : "") + names[i];
    return out;
  }
  void scope(const char* kind, const std::string& name, int line, const ScopeInfo& s) {
    m_lines.push_back(std::string(kind) + " " + name + " " + std::to_string(line) + " | locals=" + joined(s.locals) +
                      " free=" + joined(s.free) + " cells=" + joined(s.cells) + " globals=" + joined(s.globals) +
                      " nonlocals=" + joined(s.nonlocals));
  }

  void body(const Body& b) {
    for (const auto& s : b) stmt(*s);
  }
  void opt(const ExprPtr& e) {
    if (e) expr(*e);
  }
  void params(const Parameters& ps) {
    auto visit = [&](const Parameter& p) {
      opt(p.default_value);
      opt(p.annotation);
    };
    for (const auto& p : ps.posonly) visit(p);
    for (const auto& p : ps.args) visit(p);
    if (ps.vararg) visit(*ps.vararg);
    for (const auto& p : ps.kwonly) visit(p);
    if (ps.kwarg) visit(*ps.kwarg);
  }
  void parts(const std::vector<FStringPart>& ps) {
    for (const auto& p : ps)
      if (p.kind == FStringPart::Kind::field) {
        expr(*p.value);
        parts(p.format_spec);
      }
  }
  void generators(const std::vector<Comprehension>& gens) {
    for (const auto& g : gens) {
      expr(*g.target);
      expr(*g.iter);
      for (const auto& c : g.ifs) expr(*c);
    }
  }

  void stmt(const Stmt& st) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, FunctionDef>) {
            scope("FunctionDef", n.name, st.span.line, n.scope);
            params(n.params);
            opt(n.returns);
            body(n.body);
          } else if constexpr (std::is_same_v<T, Return>) {
            opt(n.value);
          } else if constexpr (std::is_same_v<T, Delete>) {
            for (const auto& t : n.targets) expr(*t);
          } else if constexpr (std::is_same_v<T, Assign>) {
            for (const auto& t : n.targets) expr(*t);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, AugAssign>) {
            expr(*n.target);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, AnnAssign>) {
            expr(*n.target);
            expr(*n.annotation);
            opt(n.value);
          } else if constexpr (std::is_same_v<T, For>) {
            expr(*n.target);
            expr(*n.iter);
            body(n.body);
            body(n.orelse);
          } else if constexpr (std::is_same_v<T, While> || std::is_same_v<T, If>) {
            expr(*n.test);
            body(n.body);
            body(n.orelse);
          } else if constexpr (std::is_same_v<T, With>) {
            for (const auto& item : n.items) {
              expr(*item.context_expr);
              opt(item.optional_vars);
            }
            body(n.body);
          } else if constexpr (std::is_same_v<T, Raise>) {
            opt(n.exc);
            opt(n.cause);
          } else if constexpr (std::is_same_v<T, Try>) {
            body(n.body);
            for (const auto& h : n.handlers) {
              opt(h.type);
              body(h.body);
            }
            body(n.orelse);
            body(n.finalbody);
          } else if constexpr (std::is_same_v<T, Assert>) {
            expr(*n.test);
            opt(n.msg);
          } else if constexpr (std::is_same_v<T, ExprStmt>) {
            expr(*n.value);
          }
        },
        st.node);
  }

  void expr(const Expr& e) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, FString>) {
            parts(n.parts);
          } else if constexpr (std::is_same_v<T, Attribute> || std::is_same_v<T, Starred> || std::is_same_v<T, Await>) {
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, Subscript>) {
            expr(*n.value);
            expr(*n.slice);
          } else if constexpr (std::is_same_v<T, Slice>) {
            opt(n.lower);
            opt(n.upper);
            opt(n.step);
          } else if constexpr (std::is_same_v<T, Call>) {
            expr(*n.func);
            for (const auto& a : n.args) expr(*a);
            for (const auto& k : n.keywords) expr(*k.value);
          } else if constexpr (std::is_same_v<T, UnaryOp>) {
            expr(*n.operand);
          } else if constexpr (std::is_same_v<T, BinOp>) {
            expr(*n.left);
            expr(*n.right);
          } else if constexpr (std::is_same_v<T, BoolOp>) {
            for (const auto& v : n.values) expr(*v);
          } else if constexpr (std::is_same_v<T, Compare>) {
            expr(*n.left);
            for (const auto& c : n.comparators) expr(*c);
          } else if constexpr (std::is_same_v<T, IfExp>) {
            expr(*n.test);
            expr(*n.body);
            expr(*n.orelse);
          } else if constexpr (std::is_same_v<T, NamedExpr>) {
            expr(*n.target);
            expr(*n.value);
          } else if constexpr (std::is_same_v<T, Lambda>) {
            scope("Lambda", "Lambda", e.span.line, n.scope);
            params(n.params);
            expr(*n.body);
          } else if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Tuple> || std::is_same_v<T, Set>) {
            for (const auto& x : n.elts) expr(*x);
          } else if constexpr (std::is_same_v<T, Dict>) {
            for (const auto& item : n.items) {
              opt(item.key);
              expr(*item.value);
            }
          } else if constexpr (std::is_same_v<T, ListComp> || std::is_same_v<T, SetComp> ||
                               std::is_same_v<T, GeneratorExp>) {
            const char* kind = std::is_same_v<T, ListComp> ? "ListComp" : std::is_same_v<T, SetComp> ? "SetComp" : "GeneratorExp";
            scope(kind, kind, e.span.line, n.scope);
            expr(*n.elt);
            generators(n.generators);
          } else if constexpr (std::is_same_v<T, DictComp>) {
            scope("DictComp", "DictComp", e.span.line, n.scope);
            expr(*n.key);
            expr(*n.value);
            generators(n.generators);
          }
        },
        e.node);
  }
};

inline std::string scope_dump(const Module& m) { return ScopeDumper{}.dump(m); }

}  // namespace loopscope::python::testing
