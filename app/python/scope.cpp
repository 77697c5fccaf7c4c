// scope.cpp — the scope pass (scope.hpp). Two phases: a walk in source order that records, per
// scope, the names bound, used and declared; then a top-down resolution that turns uses of names
// bound in enclosing function scopes into free variables (and cells where they are bound).
#include "python/scope.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <type_traits>

namespace loopscope::python {
namespace {

void add_unique(std::vector<std::string>& v, const std::string& name) {
  if (std::find(v.begin(), v.end(), name) == v.end()) v.push_back(name);
}
bool contains(const std::vector<std::string>& v, const std::string& name) {
  return std::find(v.begin(), v.end(), name) != v.end();
}

struct Scope {
  ScopeInfo* info = nullptr;
  bool is_function = false;  // false only for the module
  bool is_comprehension = false;
  Scope* parent = nullptr;
  std::vector<std::string> bound;  // in order of first binding
  std::vector<std::string> used;   // in order of first use
  std::vector<std::string> globals, nonlocals;
  std::vector<std::pair<std::string, SourceSpan>> nonlocal_spans;
  std::vector<Scope*> children;
};

class Analyzer {
 public:
  std::vector<Diagnostic> run(Module& module) {
    Scope* top = new_scope(&module.scope, false, nullptr);
    m_module = top;
    walk_body(module.body, top);
    resolve(top);
    std::sort(m_errors.begin(), m_errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.line, a.col) < std::pair(b.line, b.col);
    });
    return std::move(m_errors);
  }

 private:
  std::vector<std::unique_ptr<Scope>> m_scopes;
  Scope* m_module = nullptr;
  std::vector<Diagnostic> m_errors;

  Scope* new_scope(ScopeInfo* info, bool is_function, Scope* parent, bool comprehension = false) {
    *info = ScopeInfo{};
    m_scopes.push_back(std::make_unique<Scope>());
    Scope* s = m_scopes.back().get();
    s->info = info;
    s->is_function = is_function;
    s->is_comprehension = comprehension;
    s->parent = parent;
    if (parent) parent->children.push_back(s);
    return s;
  }

  void error(const SourceSpan& s, std::string msg) {
    Diagnostic d;
    d.line = s.line;
    d.col = s.col;
    d.end_line = s.end_line;
    d.end_col = s.end_col;
    d.message = std::move(msg);
    m_errors.push_back(std::move(d));
  }

  void bind(Scope* s, const std::string& name) { add_unique(s->bound, name); }
  void use(Scope* s, const std::string& name) { add_unique(s->used, name); }

  // ---- statements --------------------------------------------------------------------------
  void walk_body(Body& body, Scope* s) {
    for (auto& st : body) walk_stmt(*st, s);
  }

  void walk_params_defaults(Parameters& ps, Scope* outer) {
    auto visit = [&](Parameter& p) {
      if (p.default_value) walk_expr(*p.default_value, outer);
      if (p.annotation) walk_expr(*p.annotation, outer);
    };
    for (auto& p : ps.posonly) visit(p);
    for (auto& p : ps.args) visit(p);
    if (ps.vararg) visit(*ps.vararg);
    for (auto& p : ps.kwonly) visit(p);
    if (ps.kwarg) visit(*ps.kwarg);
  }
  void bind_params(Parameters& ps, Scope* inner) {
    auto visit = [&](Parameter& p) {
      add_unique(inner->info->params, p.name);
      bind(inner, p.name);
    };
    for (auto& p : ps.posonly) visit(p);
    for (auto& p : ps.args) visit(p);
    if (ps.vararg) visit(*ps.vararg);
    for (auto& p : ps.kwonly) visit(p);
    if (ps.kwarg) visit(*ps.kwarg);
  }

  void declare(Scope* s, const std::string& name, const SourceSpan& span, bool is_global) {
    const char* what = is_global ? "global" : "nonlocal";
    if (contains(s->info->params, name)) {
      error(span, "name '" + name + "' is parameter and " + what);
      return;
    }
    if (is_global ? contains(s->nonlocals, name) : contains(s->globals, name)) {
      error(span, "name '" + name + "' is nonlocal and global");
      return;
    }
    if (contains(s->bound, name)) {
      error(span, "name '" + name + "' is assigned to before " + what + " declaration");
      return;
    }
    if (contains(s->used, name)) {
      error(span, "name '" + name + "' is used prior to " + what + " declaration");
      return;
    }
    if (!is_global && !s->is_function) {
      error(span, "nonlocal declaration not allowed at module level");
      return;
    }
    if (is_global) {
      add_unique(s->globals, name);
    } else {
      add_unique(s->nonlocals, name);
      s->nonlocal_spans.emplace_back(name, span);
    }
  }

  void walk_stmt(Stmt& st, Scope* s) {
    std::visit(
        [&](auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, FunctionDef>) {
            walk_params_defaults(n.params, s);
            if (n.returns) walk_expr(*n.returns, s);
            bind(s, n.name);
            Scope* inner = new_scope(&n.scope, true, s);
            bind_params(n.params, inner);
            walk_body(n.body, inner);
          } else if constexpr (std::is_same_v<T, Return>) {
            if (n.value) walk_expr(*n.value, s);
          } else if constexpr (std::is_same_v<T, Delete>) {
            for (auto& t : n.targets) walk_expr(*t, s);
          } else if constexpr (std::is_same_v<T, Assign>) {
            walk_expr(*n.value, s);
            for (auto& t : n.targets) walk_expr(*t, s);
          } else if constexpr (std::is_same_v<T, AugAssign>) {
            walk_expr(*n.value, s);
            if (auto* name = n.target->template as<Name>()) use(s, name->id);
            walk_expr(*n.target, s);
          } else if constexpr (std::is_same_v<T, AnnAssign>) {
            if (n.value) walk_expr(*n.value, s);
            walk_expr(*n.annotation, s);
            if (n.value || !n.target->template is<Name>()) walk_expr(*n.target, s);
            else bind(s, n.target->template as<Name>()->id);
          } else if constexpr (std::is_same_v<T, For>) {
            walk_expr(*n.iter, s);
            walk_expr(*n.target, s);
            walk_body(n.body, s);
            walk_body(n.orelse, s);
          } else if constexpr (std::is_same_v<T, While>) {
            walk_expr(*n.test, s);
            walk_body(n.body, s);
            walk_body(n.orelse, s);
          } else if constexpr (std::is_same_v<T, If>) {
            walk_expr(*n.test, s);
            walk_body(n.body, s);
            walk_body(n.orelse, s);
          } else if constexpr (std::is_same_v<T, With>) {
            for (auto& item : n.items) {
              walk_expr(*item.context_expr, s);
              if (item.optional_vars) walk_expr(*item.optional_vars, s);
            }
            walk_body(n.body, s);
          } else if constexpr (std::is_same_v<T, Raise>) {
            if (n.exc) walk_expr(*n.exc, s);
            if (n.cause) walk_expr(*n.cause, s);
          } else if constexpr (std::is_same_v<T, Try>) {
            walk_body(n.body, s);
            for (auto& h : n.handlers) {
              if (h.type) walk_expr(*h.type, s);
              if (!h.name.empty()) bind(s, h.name);
              walk_body(h.body, s);
            }
            walk_body(n.orelse, s);
            walk_body(n.finalbody, s);
          } else if constexpr (std::is_same_v<T, Assert>) {
            walk_expr(*n.test, s);
            if (n.msg) walk_expr(*n.msg, s);
          } else if constexpr (std::is_same_v<T, Import>) {
            for (auto& a : n.names) bind(s, a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname);
          } else if constexpr (std::is_same_v<T, ImportFrom>) {
            for (auto& a : n.names) bind(s, a.asname.empty() ? a.name : a.asname);
          } else if constexpr (std::is_same_v<T, Global>) {
            for (auto& name : n.names) declare(s, name, st.span, true);
          } else if constexpr (std::is_same_v<T, Nonlocal>) {
            for (auto& name : n.names) declare(s, name, st.span, false);
          } else if constexpr (std::is_same_v<T, ExprStmt>) {
            walk_expr(*n.value, s);
          }
        },
        st.node);
  }

  // ---- expressions -------------------------------------------------------------------------
  template <class Comp>
  void walk_comprehension(Comp& c, Scope* s) {
    // The first iterable is evaluated in the enclosing scope.
    walk_expr(*c.generators.front().iter, s);
    Scope* inner = new_scope(&c.scope, true, s, true);
    bool first = true;
    for (auto& g : c.generators) {
      if (!first) walk_expr(*g.iter, inner);
      first = false;
      walk_expr(*g.target, inner);
      for (auto& cond : g.ifs) walk_expr(*cond, inner);
    }
    if constexpr (std::is_same_v<Comp, DictComp>) {
      walk_expr(*c.key, inner);
      walk_expr(*c.value, inner);
    } else {
      walk_expr(*c.elt, inner);
    }
  }

  void walk_fstring_parts(std::vector<FStringPart>& parts, Scope* s) {
    for (auto& p : parts) {
      if (p.kind != FStringPart::Kind::field) continue;
      walk_expr(*p.value, s);
      walk_fstring_parts(p.format_spec, s);
    }
  }

  void walk_expr(Expr& e, Scope* s) {
    std::visit(
        [&](auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Name>) {
            if (n.ctx == ExprContext::load) use(s, n.id);
            else bind(s, n.id);
          } else if constexpr (std::is_same_v<T, FString>) {
            walk_fstring_parts(n.parts, s);
          } else if constexpr (std::is_same_v<T, Attribute>) {
            walk_expr(*n.value, s);
          } else if constexpr (std::is_same_v<T, Subscript>) {
            walk_expr(*n.value, s);
            walk_expr(*n.slice, s);
          } else if constexpr (std::is_same_v<T, Slice>) {
            if (n.lower) walk_expr(*n.lower, s);
            if (n.upper) walk_expr(*n.upper, s);
            if (n.step) walk_expr(*n.step, s);
          } else if constexpr (std::is_same_v<T, Starred> || std::is_same_v<T, Await>) {
            walk_expr(*n.value, s);
          } else if constexpr (std::is_same_v<T, Call>) {
            walk_expr(*n.func, s);
            for (auto& a : n.args) walk_expr(*a, s);
            for (auto& k : n.keywords) walk_expr(*k.value, s);
          } else if constexpr (std::is_same_v<T, UnaryOp>) {
            walk_expr(*n.operand, s);
          } else if constexpr (std::is_same_v<T, BinOp>) {
            walk_expr(*n.left, s);
            walk_expr(*n.right, s);
          } else if constexpr (std::is_same_v<T, BoolOp>) {
            for (auto& v : n.values) walk_expr(*v, s);
          } else if constexpr (std::is_same_v<T, Compare>) {
            walk_expr(*n.left, s);
            for (auto& c : n.comparators) walk_expr(*c, s);
          } else if constexpr (std::is_same_v<T, IfExp>) {
            walk_expr(*n.test, s);
            walk_expr(*n.body, s);
            walk_expr(*n.orelse, s);
          } else if constexpr (std::is_same_v<T, NamedExpr>) {
            walk_expr(*n.value, s);
            // A walrus in a comprehension binds in the nearest enclosing non-comprehension scope;
            // for the comprehensions in between the name is nonlocal (global at module level), as
            // CPython's symbol table has it.
            Scope* target = s;
            while (target->is_comprehension && target->parent) target = target->parent;
            const std::string& id = n.target->template as<Name>()->id;
            bind(target, id);
            for (Scope* c = s; c != target; c = c->parent) {
              if (target->is_function) add_unique(c->nonlocals, id);
              else add_unique(c->globals, id);
            }
          } else if constexpr (std::is_same_v<T, Lambda>) {
            walk_params_defaults(n.params, s);
            Scope* inner = new_scope(&n.scope, true, s);
            bind_params(n.params, inner);
            walk_expr(*n.body, inner);
          } else if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Tuple> || std::is_same_v<T, Set>) {
            for (auto& x : n.elts) walk_expr(*x, s);
          } else if constexpr (std::is_same_v<T, Dict>) {
            for (auto& item : n.items) {
              if (item.key) walk_expr(*item.key, s);
              walk_expr(*item.value, s);
            }
          } else if constexpr (std::is_same_v<T, ListComp> || std::is_same_v<T, SetComp> ||
                               std::is_same_v<T, DictComp> || std::is_same_v<T, GeneratorExp>) {
            walk_comprehension(n, s);
          }
        },
        e.node);
  }

  // ---- resolution --------------------------------------------------------------------------
  // Is `name` a local of function scope `s` (bound there, not declared global/nonlocal)?
  static bool binds_locally(const Scope* s, const std::string& name) {
    return contains(s->bound, name) && !contains(s->globals, name) && !contains(s->nonlocals, name);
  }

  // The nearest enclosing function scope (above `s`) that provides `name` as a local, or null.
  static Scope* find_definer(Scope* s, const std::string& name) {
    for (Scope* p = s->parent; p; p = p->parent) {
      if (!p->is_function) return nullptr;  // reached the module
      if (contains(p->globals, name)) return nullptr;
      if (binds_locally(p, name)) return p;
    }
    return nullptr;
  }

  void mark_free(Scope* user, Scope* definer, const std::string& name) {
    for (Scope* p = user; p && p != definer; p = p->parent) add_unique(p->info->free, name);
    add_unique(definer->info->cells, name);
  }

  void resolve(Scope* s) {
    ScopeInfo& info = *s->info;
    info.globals = s->globals;
    info.nonlocals = s->nonlocals;
    for (const auto& name : s->bound)
      if (!contains(s->globals, name) && !contains(s->nonlocals, name)) add_unique(info.locals, name);
    if (!s->is_function) info.globals.clear();
    if (s->is_function) {
      for (const auto& [name, span] : s->nonlocal_spans)
        if (!find_definer(s, name)) error(span, "no binding for nonlocal '" + name + "' found");
      for (const auto& name : s->nonlocals)
        if (Scope* definer = find_definer(s, name)) mark_free(s, definer, name);
      for (const auto& name : s->used) {
        if (binds_locally(s, name) || contains(s->globals, name) || contains(s->nonlocals, name)) continue;
        if (Scope* definer = find_definer(s, name)) mark_free(s, definer, name);
      }
      // Names declared global and assigned in a function are module globals.
      for (const auto& name : s->globals)
        if (contains(s->bound, name)) add_unique(m_module->info->locals, name);
    }
    for (Scope* c : s->children) resolve(c);
  }
};

}  // namespace

std::vector<Diagnostic> analyze_scopes(Module& module) {
  Analyzer a;
  return a.run(module);
}

}  // namespace loopscope::python
