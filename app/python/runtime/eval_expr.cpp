// eval_expr.cpp — evaluating expressions. `eval` is synchronous and handles every node but
// `await`; `eval_async` handles the nodes that contain an `await` (or an `asyncio.run(...)`
// call at module level), evaluating their await-free children with `eval`.
//
// Sections: which nodes need eval_async · eval · calls · f-strings · functions · comprehensions
#include "python/runtime/runtime.hpp"

namespace loopscope::python {

// ---- which nodes need eval_async -------------------------------------------------------------
namespace {
template <class F> void for_children(const Expr& e, F&& fn) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, FString>) {
          for (const auto& p : n.parts) {
            if (p.value) fn(*p.value);
            for (const auto& q : p.format_spec)
              if (q.value) fn(*q.value);
          }
        } else if constexpr (std::is_same_v<T, Attribute>) {
          fn(*n.value);
        } else if constexpr (std::is_same_v<T, Subscript>) {
          fn(*n.value);
          fn(*n.slice);
        } else if constexpr (std::is_same_v<T, Slice>) {
          if (n.lower) fn(*n.lower);
          if (n.upper) fn(*n.upper);
          if (n.step) fn(*n.step);
        } else if constexpr (std::is_same_v<T, Starred> || std::is_same_v<T, Await>) {
          fn(*n.value);
        } else if constexpr (std::is_same_v<T, Call>) {
          fn(*n.func);
          for (const auto& a : n.args) fn(*a);
          for (const auto& k : n.keywords) fn(*k.value);
        } else if constexpr (std::is_same_v<T, UnaryOp>) {
          fn(*n.operand);
        } else if constexpr (std::is_same_v<T, BinOp>) {
          fn(*n.left);
          fn(*n.right);
        } else if constexpr (std::is_same_v<T, BoolOp>) {
          for (const auto& v : n.values) fn(*v);
        } else if constexpr (std::is_same_v<T, Compare>) {
          fn(*n.left);
          for (const auto& c : n.comparators) fn(*c);
        } else if constexpr (std::is_same_v<T, IfExp>) {
          fn(*n.test);
          fn(*n.body);
          fn(*n.orelse);
        } else if constexpr (std::is_same_v<T, NamedExpr>) {
          fn(*n.value);
        } else if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Tuple> || std::is_same_v<T, Set>) {
          for (const auto& v : n.elts) fn(*v);
        } else if constexpr (std::is_same_v<T, Dict>) {
          for (const auto& it : n.items) {
            if (it.key) fn(*it.key);
            fn(*it.value);
          }
        } else if constexpr (std::is_same_v<T, ListComp> || std::is_same_v<T, SetComp> || std::is_same_v<T, GeneratorExp>) {
          fn(*n.elt);
          for (const auto& g : n.generators) {
            fn(*g.iter);
            for (const auto& c : g.ifs) fn(*c);
          }
        } else if constexpr (std::is_same_v<T, DictComp>) {
          fn(*n.key);
          fn(*n.value);
          for (const auto& g : n.generators) {
            fn(*g.iter);
            for (const auto& c : g.ifs) fn(*c);
          }
        }
      },
      e.node);
}

bool names_run(const Expr& func) {
  if (auto* a = func.as<Attribute>()) return a->attr == "run";
  if (auto* n = func.as<Name>()) return n->id == "run";
  return false;
}

template <class... F> struct overloaded : F... { using F::operator()...; };
}  // namespace

bool Runtime::needs_async(const Expr& e) {
  if (auto it = m_async_cache.find(&e); it != m_async_cache.end()) return it->second;
  bool r = false;
  if (e.is<Await>()) r = true;
  else if (auto* c = e.as<Call>(); c && names_run(*c->func)) r = true;
  else if (e.is<Lambda>()) r = false;
  else for_children(e, [&](const Expr& c) { r = r || needs_async(c); });
  m_async_cache.emplace(&e, r);
  return r;
}

// ---- eval ------------------------------------------------------------------------------------
Value Runtime::eval(const Expr& e, Frame& f) {
  try {
    return eval_node(e, f);
  } catch (...) {
    note_error_span(f, e.span);
    throw;
  }
}

Value Runtime::eval_node(const Expr& e, Frame& f) {
  return std::visit(
      [&](const auto& n) -> Value {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, NoneLiteral>) return Value();
        else if constexpr (std::is_same_v<T, EllipsisLiteral>) return Value();
        else if constexpr (std::is_same_v<T, BoolLiteral>) return py_bool(n.value);
        else if constexpr (std::is_same_v<T, IntLiteral>) return py_int(n.value);
        else if constexpr (std::is_same_v<T, FloatLiteral>) return py_float(n.value);
        else if constexpr (std::is_same_v<T, StrLiteral>) return py_str(n.value);
        else if constexpr (std::is_same_v<T, BytesLiteral>) type_error("bytes are not supported in Loopscope programs");
        else if constexpr (std::is_same_v<T, FString>) return eval_fstring(n, f);
        else if constexpr (std::is_same_v<T, Name>) return load(n.id, f);
        else if constexpr (std::is_same_v<T, Attribute>) return get_attr(eval(*n.value, f), n.attr);
        else if constexpr (std::is_same_v<T, Subscript>) {
          Value obj = eval(*n.value, f);
          return get_item(obj, eval_subscript_key(*n.slice, f));
        } else if constexpr (std::is_same_v<T, Slice>) return eval_subscript_key(e, f);
        else if constexpr (std::is_same_v<T, Starred>) type_error("can't use starred expression here");
        else if constexpr (std::is_same_v<T, Call>) return eval_call(n, f);
        else if constexpr (std::is_same_v<T, UnaryOp>) return unary_op(n.op, eval(*n.operand, f));
        else if constexpr (std::is_same_v<T, BinOp>) {
          Value a = eval(*n.left, f);
          return binary_op(a, n.op, eval(*n.right, f));
        } else if constexpr (std::is_same_v<T, BoolOp>) {
          Value v;
          for (const auto& x : n.values) {
            v = eval(*x, f);
            if ((n.op == BoolOperator::and_) != truthy(v)) return v;
          }
          return v;
        } else if constexpr (std::is_same_v<T, Compare>) {
          Value left = eval(*n.left, f);
          for (std::size_t i = 0; i < n.ops.size(); ++i) {
            Value right = eval(*n.comparators[i], f);
            Value r = compare(left, n.ops[i], right);
            if (!truthy(r) || i + 1 == n.ops.size()) return r;
            left = std::move(right);
          }
          return py_bool(true);
        } else if constexpr (std::is_same_v<T, IfExp>) {
          return truthy(eval(*n.test, f)) ? eval(*n.body, f) : eval(*n.orelse, f);
        } else if constexpr (std::is_same_v<T, NamedExpr>) {
          Value v = eval(*n.value, f);
          assign(*n.target, v, f);
          return v;
        } else if constexpr (std::is_same_v<T, Await>) {
          raise(types().runtime_error, "'await' outside an async function");
        } else if constexpr (std::is_same_v<T, Lambda>) {
          return make_function(nullptr, &n, f);
        } else if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Tuple> || std::is_same_v<T, Set>) {
          std::vector<Value> items;
          items.reserve(n.elts.size());
          for (const auto& x : n.elts) {
            if (auto* st = x->template as<Starred>()) {
              for (auto& v : to_vector(eval(*st->value, f))) items.push_back(std::move(v));
            } else {
              items.push_back(eval(*x, f));
            }
          }
          if constexpr (std::is_same_v<T, List>) return py_list(std::move(items));
          else if constexpr (std::is_same_v<T, Tuple>) return py_tuple(std::move(items));
          else {
            auto s = make<SetObject>();
            for (const auto& v : items) s->add(v);
            return Value(s);
          }
        } else if constexpr (std::is_same_v<T, Dict>) {
          auto d = new_dict();
          for (const auto& it : n.items) {
            if (!it.key) {
              Value other = eval(*it.value, f);
              auto* od = other.get<DictObject>(ObjKind::dict);
              if (!od) type_error("'" + type_name(other) + "' object is not a mapping");
              for (const auto& [k, v] : od->entries) d->set(k, v);
              continue;
            }
            Value k = eval(*it.key, f);
            d->set(k, eval(*it.value, f));
          }
          return Value(d);
        } else {
          return eval_comprehension(e, f);
        }
      },
      e.node);
}

Value Runtime::eval_subscript_key(const Expr& e, Frame& f) {
  if (auto* s = e.as<Slice>()) {
    auto so = make<SliceObject>();
    if (s->lower) so->lower = eval(*s->lower, f);
    if (s->upper) so->upper = eval(*s->upper, f);
    if (s->step) so->step = eval(*s->step, f);
    return Value(so);
  }
  if (auto* t = e.as<Tuple>()) {
    std::vector<Value> items;
    for (const auto& x : t->elts) items.push_back(eval_subscript_key(*x, f));
    return py_tuple(std::move(items));
  }
  return eval(e, f);
}

// ---- calls -----------------------------------------------------------------------------------
void Runtime::collect_args(const Call& c, Frame& f, CallArgs& out) {
  for (const auto& a : c.args) {
    if (auto* st = a->as<Starred>()) {
      for (auto& v : to_vector(eval(*st->value, f))) out.pos.push_back(std::move(v));
    } else {
      out.pos.push_back(eval(*a, f));
    }
  }
  for (const auto& k : c.keywords) {
    if (k.arg) {
      out.kw.emplace_back(*k.arg, eval(*k.value, f));
      continue;
    }
    Value d = eval(*k.value, f);
    auto* dict = d.get<DictObject>(ObjKind::dict);
    if (!dict) type_error("argument after ** must be a mapping, not " + type_name(d));
    for (const auto& [key, v] : dict->entries) {
      if (!key.is(ObjKind::str)) type_error("keywords must be strings");
      out.kw.emplace_back(str_of(key), v);
    }
  }
}

Value Runtime::eval_call(const Call& c, Frame& f) {
  Value func = eval(*c.func, f);
  CallArgs args;
  collect_args(c, f, args);
  if (is_asyncio_run(func)) raise(types().runtime_error, "asyncio.run() is supported only as a statement at the top level of a Loopscope program");
  return call(func, args);
}

// ---- f-strings -------------------------------------------------------------------------------
std::string Runtime::eval_fparts(const std::vector<FStringPart>& parts, Frame& f) {
  std::string out;
  for (const auto& p : parts) {
    if (p.kind == FStringPart::Kind::literal) {
      out += p.text;
      continue;
    }
    Value v = eval(*p.value, f);
    out += p.debug_text;
    char conv = p.conversion;
    if (!p.debug_text.empty() && !conv && !p.has_format_spec) conv = 'r';
    if (conv == 'r' || conv == 'a') v = py_str(to_repr(v));
    else if (conv == 's') v = py_str(to_str(v));
    const std::string spec = p.has_format_spec ? eval_fparts(p.format_spec, f) : std::string();
    out += format_value(v, spec);
  }
  return out;
}

Value Runtime::eval_fstring(const FString& s, Frame& f) { return py_str(eval_fparts(s.parts, f)); }

// ---- functions -------------------------------------------------------------------------------
Value Runtime::make_function(const FunctionDef* def, const Lambda* lambda, Frame& f) {
  auto fn = make<FunctionObject>();
  fn->def = def;
  fn->lambda = lambda;
  fn->name = def ? def->name : "<lambda>";
  fn->qualname = f.env ? std::string(f.function) + ".<locals>." + fn->name : fn->name;
  fn->closure = f.env;
  fn->is_async = def && def->is_async;
  const Parameters& p = def ? def->params : lambda->params;
  for (const auto& list : {&p.posonly, &p.args})
    for (const auto& param : *list)
      if (param.default_value) fn->defaults.push_back(eval(*param.default_value, f));
  for (const auto& param : p.kwonly)
    if (param.default_value) fn->kw_defaults.emplace_back(param.name, eval(*param.default_value, f));
  return Value(fn);
}

std::shared_ptr<Env> Runtime::bind(FunctionObject& fn, CallArgs& args) {
  const Parameters& p = fn.def ? fn.def->params : fn.lambda->params;
  auto env = new_env(fn.closure);
  auto& vars = env->vars;
  std::vector<const Parameter*> positional;
  for (const auto& x : p.posonly) positional.push_back(&x);
  for (const auto& x : p.args) positional.push_back(&x);
  const std::string& fname = fn.name;
  const std::size_t npos = positional.size();
  std::size_t i = 0;
  for (; i < args.pos.size() && i < npos; ++i) vars[positional[i]->name] = std::move(args.pos[i]);
  if (args.pos.size() > npos) {
    if (!p.vararg) {
      std::size_t required = 0;
      for (const auto* x : positional) required += x->default_value ? 0 : 1;
      std::string takes = required == npos ? std::to_string(npos) : "from " + std::to_string(required) + " to " + std::to_string(npos);
      type_error(fname + "() takes " + takes + " positional argument" + (npos == 1 && required == npos ? "" : "s") + " but " +
                 std::to_string(args.pos.size()) + (args.pos.size() == 1 ? " was" : " were") + " given");
    }
    vars[p.vararg->name] = py_tuple(std::vector<Value>(args.pos.begin() + static_cast<std::ptrdiff_t>(npos), args.pos.end()));
  } else if (p.vararg) {
    vars[p.vararg->name] = py_tuple();
  }
  Ref<DictObject> extra;
  if (p.kwarg) extra = new_dict();
  for (auto& [name, v] : args.kw) {
    bool found = false;
    for (std::size_t k = p.posonly.size(); k < npos && !found; ++k) {
      if (positional[k]->name != name) continue;
      if (k < i) type_error(fname + "() got multiple values for argument '" + name + "'");
      vars[name] = std::move(v);
      found = true;
    }
    for (const auto& x : p.kwonly) {
      if (found || x.name != name) continue;
      vars[name] = std::move(v);
      found = true;
    }
    if (!found) {
      if (!extra) type_error(fname + "() got an unexpected keyword argument '" + name + "'");
      extra->set(py_str(name), std::move(v));
    }
  }
  if (extra) vars[p.kwarg->name] = Value(extra);
  // defaults, and what is still missing
  const std::size_t first_default = npos - fn.defaults.size();
  std::vector<std::string> missing;
  for (std::size_t k = 0; k < npos; ++k) {
    const std::string& name = positional[k]->name;
    if (vars.count(name)) continue;
    if (k >= first_default) vars[name] = fn.defaults[k - first_default];
    else missing.push_back(name);
  }
  if (!missing.empty()) {
    std::string list;
    for (std::size_t k = 0; k < missing.size(); ++k) {
      if (k) list += missing.size() == 2 ? " and " : (k + 1 == missing.size() ? ", and " : ", ");
      list += "'" + missing[k] + "'";
    }
    type_error(fname + "() missing " + std::to_string(missing.size()) + " required positional argument" +
               (missing.size() == 1 ? "" : "s") + ": " + list);
  }
  for (const auto& x : p.kwonly) {
    if (vars.count(x.name)) continue;
    bool found = false;
    for (const auto& [name, v] : fn.kw_defaults)
      if (name == x.name) { vars[x.name] = v; found = true; }
    if (!found) type_error(fname + "() missing 1 required keyword-only argument: '" + x.name + "'");
  }
  return env;
}

Value Runtime::call_lambda(FunctionObject& fn, CallArgs& args) {
  Frame f;
  f.env = bind(fn, args);
  f.scope = &scope_table(fn.lambda->scope, false);
  f.function = "<lambda>";
  if (++m_call_depth > m_limits.max_depth) {
    --m_call_depth;
    raise(types().recursion_error, "maximum recursion depth exceeded");
  }
  struct Unwind {
    std::int64_t& d;
    ~Unwind() { --d; }
  } unwind{m_call_depth};
  return eval(*fn.lambda->body, f);
}

// Counts the user frames nested in one task (awaits of coroutines, plain calls): endless
// recursion, async or not, is a RecursionError, never an exhausted heap.
struct Runtime::NestingGuard {
  Runtime& rt;
  detail::TaskCore* key;
  explicit NestingGuard(Runtime& r) : rt(r), key(detail::tls.task) {
    if (++rt.m_nesting[key] > rt.m_limits.max_depth) {
      release();
      raise(types().recursion_error, "maximum recursion depth exceeded");
    }
  }
  void release() {
    if (auto it = rt.m_nesting.find(key); it != rt.m_nesting.end() && --it->second <= 0) rt.m_nesting.erase(it);
    key = reinterpret_cast<detail::TaskCore*>(1);  // released
  }
  ~NestingGuard() {
    if (key != reinterpret_cast<detail::TaskCore*>(1)) release();
  }
};

Coro<Value> Runtime::run_function(Ref<FunctionObject> fn, std::shared_ptr<Env> env) {
  NestingGuard nesting(*this);
  Frame f;
  f.env = std::move(env);
  f.scope = &scope_table(fn->def->scope, false);
  f.function = fn->name;
  f.line = fn->def->body.empty() ? 0 : fn->def->body.front()->span.line;
  if (m_halted) throw Halt{};
  struct FramePop {
    Runtime& rt;
    detail::TaskCore* task;
    const Frame& f;
    ~FramePop() {
      if (task) rt.pop_frame(task, f);
    }
  } frame_pop{*this, push_frame(f), f};
  std::exception_ptr err;
  try {
    co_await exec_block(fn->def->body, f);
  } catch (const Halt&) {
    throw;
  } catch (...) {
    err = std::current_exception();
  }
  if (err) {
    exception_object(err)->traceback.push_back(trace_entry(f, fn->name));
    std::rethrow_exception(err);
  }
  co_return std::move(f.ret);
}

// ---- comprehensions --------------------------------------------------------------------------
namespace {
struct CompParts {
  const std::vector<Comprehension>* gens = nullptr;
  const ScopeInfo* scope = nullptr;
  const char* name = "<listcomp>";
};
}  // namespace

Value Runtime::eval_comprehension(const Expr& e, Frame& f) {
  CompParts parts;
  Value result;
  ListObject* list = nullptr;
  SetObject* set = nullptr;
  DictObject* dict = nullptr;
  const Expr* elt = nullptr;
  const DictComp* dc = nullptr;
  if (auto* lc = e.as<ListComp>()) {
    parts = {&lc->generators, &lc->scope, "<listcomp>"};
    elt = lc->elt.get();
    result = py_list();
    list = result.as<ListObject>();
  } else if (auto* ge = e.as<GeneratorExp>()) {
    parts = {&ge->generators, &ge->scope, "<genexpr>"};
    elt = ge->elt.get();
    result = py_list();
    list = result.as<ListObject>();
  } else if (auto* sc = e.as<SetComp>()) {
    parts = {&sc->generators, &sc->scope, "<setcomp>"};
    elt = sc->elt.get();
    auto s = make<SetObject>();
    set = s.get();
    result = Value(s);
  } else if ((dc = e.as<DictComp>())) {
    parts = {&dc->generators, &dc->scope, "<dictcomp>"};
    auto d = new_dict();
    dict = d.get();
    result = Value(d);
  } else {
    raise(types().runtime_error, "unknown expression");
  }
  Frame cf;
  cf.env = new_env(f.env);
  cf.scope = &scope_table(*parts.scope, false);
  cf.function = parts.name;
  cf.line = f.line;
  const auto& gens = *parts.gens;
  std::function<void(std::size_t)> loop = [&](std::size_t level) {
    const Comprehension& g = gens[level];
    Value iterable = level == 0 ? eval(*g.iter, f) : eval(*g.iter, cf);
    auto it = iterate(iterable);
    while (auto item = it->next()) {
      assign(*g.target, std::move(*item), cf);
      bool ok = true;
      for (const auto& c : g.ifs)
        if (!truthy(eval(*c, cf))) { ok = false; break; }
      if (!ok) continue;
      if (level + 1 < gens.size()) {
        loop(level + 1);
      } else if (list) {
        list->items.push_back(eval(*elt, cf));
      } else if (set) {
        set->add(eval(*elt, cf));
      } else {
        Value k = eval(*dc->key, cf);
        dict->set(k, eval(*dc->value, cf));
      }
    }
  };
  loop(0);
  if (e.is<GeneratorExp>()) {
    // A generator expression is consumed at once (the subset has no lazy generators).
    auto it = iterate(result);
    it->type_name = "generator";
    return Value(it);
  }
  return result;
}

}  // namespace loopscope::python
