// eval_names.cpp — variables: Python's LEGB lookup over Envs, and assignment targets
// (names, attributes are refused, subscripts, tuple/list unpacking with a starred target).
#include "python/runtime/runtime.hpp"

namespace loopscope::python {

const ScopeTable& Runtime::scope_table(const ScopeInfo& s, bool module) {
  auto& slot = m_scopes[&s];
  if (!slot) {
    slot = std::make_unique<ScopeTable>();
    slot->is_module = module;
    slot->locals.insert(s.locals.begin(), s.locals.end());
    slot->globals.insert(s.globals.begin(), s.globals.end());
    slot->nonlocals.insert(s.nonlocals.begin(), s.nonlocals.end());
    slot->free.insert(s.free.begin(), s.free.end());
  }
  return *slot;
}

namespace {
[[noreturn]] void name_error(const std::string& name) {
  auto e = new_exception(types().name_error, "name '" + name + "' is not defined");
  throw_exception(e);
}

Env* find_enclosing(Env* env, const std::string& name) {
  for (Env* e = env; e; e = e->parent.get())
    if (e->vars.count(name)) return e;
  return nullptr;
}
}  // namespace

Value Runtime::load(const std::string& name, Frame& f) {
  if (f.env) {
    const ScopeTable& s = *f.scope;
    if (s.locals.count(name)) {
      auto it = f.env->vars.find(name);
      if (it != f.env->vars.end()) return it->second;
      raise(types().unbound_local_error, "cannot access local variable '" + name + "' where it is not associated with a value");
    }
    if (s.free.count(name) || s.nonlocals.count(name)) {
      if (Env* e = find_enclosing(f.env->parent.get(), name)) return e->vars.find(name)->second;
      raise(types().name_error, "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
    }
  }
  if (auto it = m_globals->vars.find(name); it != m_globals->vars.end()) return it->second;
  if (auto it = m_builtins.find(name); it != m_builtins.end()) return it->second;
  name_error(name);
}

void Runtime::store(const std::string& name, Value v, Frame& f) {
  if (f.env) {
    const ScopeTable& s = *f.scope;
    if (s.globals.count(name)) {
      m_globals->vars[name] = std::move(v);
      return;
    }
    if (s.nonlocals.count(name) || (s.free.count(name) && !s.locals.count(name))) {
      // nonlocal, or a walrus in a comprehension: the enclosing function's variable
      Env* e = find_enclosing(f.env->parent.get(), name);
      if (!e) e = f.env->parent.get();
      if (e) {
        e->vars[name] = std::move(v);
        return;
      }
      m_globals->vars[name] = std::move(v);
      return;
    }
    f.env->vars[name] = std::move(v);
    return;
  }
  m_globals->vars[name] = std::move(v);
}

void Runtime::erase(const std::string& name, Frame& f) {
  auto& vars = (f.env && !f.scope->globals.count(name)) ? f.env->vars : m_globals->vars;
  if (!vars.erase(name)) name_error(name);
}

// `lock = asyncio.Lock()`: the trace and the panels call it `lock`, not Lock#1; the primitives
// held by a list, tuple or dict assigned to a name are named as a program reaches them:
// `locks = {"A": asyncio.Lock()}` gives `locks['A']`, `forks = [Lock(), Lock()]` gives
// `forks[0]`, `forks[1]`. A first name sticks: `other = lock` does not rename it.
void Runtime::name_primitives(const Value& v, const std::string& name) {
  auto name_one = [](const Value& x, const std::string& n) {
    if (auto* native = x.get<NativeObject>(ObjKind::native))
      if (detail::Primitive* p = native->primitive(); p && p->name().empty()) p->set_name(n);
  };
  name_one(v, name);
  constexpr std::size_t most = 64;  // a list of 10,000 locks names its first ones only
  const std::vector<Value>* items = nullptr;
  if (auto* l = v.get<ListObject>(ObjKind::list)) items = &l->items;
  else if (auto* t = v.get<TupleObject>(ObjKind::tuple)) items = &t->items;
  if (items)
    for (std::size_t i = 0; i < items->size() && i < most; ++i)
      if ((*items)[i].is(ObjKind::native)) name_one((*items)[i], name + "[" + std::to_string(i) + "]");
  if (auto* d = v.get<DictObject>(ObjKind::dict))
    for (std::size_t i = 0; i < d->entries.size() && i < most; ++i)
      if (d->entries[i].second.is(ObjKind::native)) name_one(d->entries[i].second, name + "[" + to_repr(d->entries[i].first) + "]");
}

void Runtime::assign(const Expr& target, Value v, Frame& f) {
  std::vector<Value> parts;
  assign_evaluated(target, std::move(v), f, parts);
}

void Runtime::assign_evaluated(const Expr& target, Value v, Frame& f, std::vector<Value>& parts) {
  if (auto* n = target.as<Name>()) {
    name_primitives(v, n->id);
    store(n->id, std::move(v), f);
    return;
  }
  if (auto* s = target.as<Subscript>()) {
    Value obj = eval(*s->value, f);
    Value key = eval_subscript_key(*s->slice, f);
    set_item(obj, key, std::move(v));
    return;
  }
  const std::vector<ExprPtr>* elts = nullptr;
  if (auto* t = target.as<Tuple>()) elts = &t->elts;
  if (auto* l = target.as<List>()) elts = &l->elts;
  if (elts) {
    std::vector<Value> items = to_vector(v);
    std::size_t star = elts->size();
    for (std::size_t i = 0; i < elts->size(); ++i)
      if ((*elts)[i]->is<Starred>()) star = i;
    if (star == elts->size()) {
      if (items.size() > elts->size())
        value_error("too many values to unpack (expected " + std::to_string(elts->size()) + ")");
      if (items.size() < elts->size())
        value_error("not enough values to unpack (expected " + std::to_string(elts->size()) + ", got " + std::to_string(items.size()) + ")");
      for (std::size_t i = 0; i < items.size(); ++i) assign_evaluated(*(*elts)[i], std::move(items[i]), f, parts);
      return;
    }
    const std::size_t after = elts->size() - star - 1;
    if (items.size() < elts->size() - 1)
      value_error("not enough values to unpack (expected at least " + std::to_string(elts->size() - 1) + ", got " +
                  std::to_string(items.size()) + ")");
    for (std::size_t i = 0; i < star; ++i) assign_evaluated(*(*elts)[i], items[i], f, parts);
    std::vector<Value> middle(items.begin() + static_cast<std::ptrdiff_t>(star), items.end() - static_cast<std::ptrdiff_t>(after));
    assign_evaluated(*(*elts)[star]->as<Starred>()->value, py_list(std::move(middle)), f, parts);
    for (std::size_t i = 0; i < after; ++i) assign_evaluated(*(*elts)[star + 1 + i], items[items.size() - after + i], f, parts);
    return;
  }
  if (auto* st = target.as<Starred>()) {
    assign_evaluated(*st->value, std::move(v), f, parts);
    return;
  }
  if (target.is<Attribute>()) type_error("attribute assignment is not supported in Loopscope programs");
  raise(types().runtime_error, "cannot assign to this expression");
}

}  // namespace loopscope::python
