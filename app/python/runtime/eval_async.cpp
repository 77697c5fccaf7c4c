// eval_async.cpp — expressions that contain `await` (or `asyncio.run(...)` at module level):
// their children are evaluated left to right, each with eval_async if it awaits, else eval.
#include "python/runtime/runtime.hpp"

namespace loopscope::python {

// `asyncio.run(main())` at module level: the module frame (which runs outside any task) is
// suspended while the main task runs; ProgramRun resumes it when main and the shutdown are over.
struct ModuleRunAwaiter {
  Runtime& rt;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { rt.m_module_resume = h; }
  Value await_resume() {
    rt.skip_task_numbers(2);
    Task<Value> main = std::exchange(rt.m_main, Task<Value>());
    return main.result();
  }
};

Coro<Value> Runtime::eval_any(const Expr& e, Frame& f) {
  if (needs_async(e)) {
    try {
      co_return co_await eval_async(e, f);
    } catch (...) {
      note_error_span(f, e.span);
      throw;
    }
  }
  co_return eval(e, f);
}

Coro<Value> Runtime::eval_async(const Expr& e, Frame& f) {
  if (auto* a = e.as<Await>()) {
    Value v = co_await eval_any(*a->value, f);
    co_return co_await await_value(std::move(v));
  }
  if (auto* c = e.as<Call>()) {
    Value func = co_await eval_any(*c->func, f);
    CallArgs args;
    for (const auto& a : c->args) {
      if (auto* st = a->as<Starred>()) {
        Value v = co_await eval_any(*st->value, f);
        for (auto& x : to_vector(v)) args.pos.push_back(std::move(x));
      } else {
        args.pos.push_back(co_await eval_any(*a, f));
      }
    }
    for (const auto& k : c->keywords) {
      Value v = co_await eval_any(*k.value, f);
      if (k.arg) {
        args.kw.emplace_back(*k.arg, std::move(v));
      } else if (auto* d = v.get<DictObject>(ObjKind::dict)) {
        for (const auto& [key, x] : d->entries) args.kw.emplace_back(to_str(key), x);
      } else {
        type_error("argument after ** must be a mapping, not " + type_name(v));
      }
    }
    if (is_asyncio_run(func)) {
      if (!f.scope->is_module || detail::tls.task)
        raise(types().runtime_error, "asyncio.run() cannot be called from a running event loop");
      if (args.pos.size() != 1) type_error("run() takes 1 positional argument but " + std::to_string(args.pos.size()) + " were given");
      if (auto* sleep = as_sleep(args.pos[0])) args.pos[0] = sleep->as_coroutine();  // asyncio.run(asyncio.sleep(1))
      if (!args.pos[0].is(ObjKind::coroutine)) value_error("a coroutine was expected, got " + to_repr(args.pos[0]));
      m_main = create_task(args.pos[0], {}).as<TaskObject>()->task;
      co_return co_await ModuleRunAwaiter{*this};
    }
    co_return call(func, args);
  }
  if (auto* b = e.as<BinOp>()) {
    Value l = co_await eval_any(*b->left, f);
    Value r = co_await eval_any(*b->right, f);
    co_return binary_op(l, b->op, r);
  }
  if (auto* u = e.as<UnaryOp>()) {
    Value v = co_await eval_any(*u->operand, f);
    co_return unary_op(u->op, v);
  }
  if (auto* b = e.as<BoolOp>()) {
    Value v;
    for (const auto& x : b->values) {
      v = co_await eval_any(*x, f);
      if ((b->op == BoolOperator::and_) != truthy(v)) co_return v;
    }
    co_return v;
  }
  if (auto* c = e.as<Compare>()) {
    Value left = co_await eval_any(*c->left, f);
    for (std::size_t i = 0; i < c->ops.size(); ++i) {
      Value right = co_await eval_any(*c->comparators[i], f);
      Value r = compare(left, c->ops[i], right);
      if (!truthy(r) || i + 1 == c->ops.size()) co_return r;
      left = std::move(right);
    }
    co_return py_bool(true);
  }
  if (auto* x = e.as<IfExp>()) {
    Value t = co_await eval_any(*x->test, f);
    if (truthy(t)) co_return co_await eval_any(*x->body, f);
    co_return co_await eval_any(*x->orelse, f);
  }
  if (auto* a = e.as<Attribute>()) {
    Value v = co_await eval_any(*a->value, f);
    co_return get_attr(v, a->attr);
  }
  if (auto* s = e.as<Subscript>()) {
    Value obj = co_await eval_any(*s->value, f);
    Value key = co_await eval_any(*s->slice, f);
    co_return get_item(obj, key);
  }
  if (auto* n = e.as<NamedExpr>()) {
    Value v = co_await eval_any(*n->value, f);
    assign(*n->target, v, f);
    co_return v;
  }
  if (auto* s = e.as<FString>()) {
    std::string out;
    for (const auto& p : s->parts) {
      if (p.kind == FStringPart::Kind::literal) {
        out += p.text;
        continue;
      }
      Value v = co_await eval_any(*p.value, f);
      out += p.debug_text;
      char conv = p.conversion;
      if (!p.debug_text.empty() && !conv && !p.has_format_spec) conv = 'r';
      if (conv == 'r' || conv == 'a') v = py_str(to_repr(v));
      else if (conv == 's') v = py_str(to_str(v));
      const std::string spec = p.has_format_spec ? eval_fparts(p.format_spec, f) : std::string();
      out += format_value(v, spec);
    }
    co_return py_str(std::move(out));
  }
  const std::vector<ExprPtr>* elts = nullptr;
  if (auto* l = e.as<List>()) elts = &l->elts;
  if (auto* t = e.as<Tuple>()) elts = &t->elts;
  if (elts) {
    std::vector<Value> items;
    for (const auto& x : *elts) {
      if (auto* st = x->as<Starred>()) {
        Value v = co_await eval_any(*st->value, f);
        for (auto& y : to_vector(v)) items.push_back(std::move(y));
      } else {
        items.push_back(co_await eval_any(*x, f));
      }
    }
    if (e.is<List>()) co_return py_list(std::move(items));
    co_return py_tuple(std::move(items));
  }
  if (auto* d = e.as<Dict>()) {
    auto out = new_dict();
    for (const auto& it : d->items) {
      if (!it.key) {
        Value other = co_await eval_any(*it.value, f);
        if (auto* od = other.get<DictObject>(ObjKind::dict))
          for (const auto& [k, v] : od->entries) out->set(k, v);
        continue;
      }
      Value k = co_await eval_any(*it.key, f);
      Value v = co_await eval_any(*it.value, f);
      out->set(k, v);
    }
    co_return Value(out);
  }
  const std::vector<Comprehension>* gens = nullptr;
  const ScopeInfo* scope = nullptr;
  if (auto* lc = e.as<ListComp>()) gens = &lc->generators, scope = &lc->scope;
  if (auto* sc = e.as<SetComp>()) gens = &sc->generators, scope = &sc->scope;
  if (auto* dc = e.as<DictComp>()) gens = &dc->generators, scope = &dc->scope;
  if (gens && gens->size() == 1 && !(*gens)[0].is_async) {
    // [await x for x in xs if ...] (and set / dict comprehensions): one generator whose element
    // or conditions await.
    const Comprehension& g = (*gens)[0];
    Value iterable = co_await eval_any(*g.iter, f);
    Frame cf;
    cf.env = new_env(f.env);
    cf.scope = &scope_table(*scope, false);
    cf.function = "<listcomp>";
    cf.line = f.line;
    std::vector<Value> out;
    auto dict = new_dict();
    auto set = make<SetObject>();
    for (auto& item : to_vector(iterable)) {
      assign(*g.target, item, cf);
      bool ok = true;
      for (const auto& c : g.ifs) {
        Value t = co_await eval_any(*c, cf);
        if (!truthy(t)) { ok = false; break; }
      }
      if (!ok) continue;
      if (auto* dc = e.as<DictComp>()) {
        Value k = co_await eval_any(*dc->key, cf);
        Value v = co_await eval_any(*dc->value, cf);
        dict->set(k, v);
      } else if (auto* sc = e.as<SetComp>()) {
        set->add(co_await eval_any(*sc->elt, cf));
      } else {
        out.push_back(co_await eval_any(*e.as<ListComp>()->elt, cf));
      }
    }
    if (e.is<DictComp>()) co_return Value(dict);
    if (e.is<SetComp>()) co_return Value(set);
    co_return py_list(std::move(out));
  }
  if (e.is<Slice>()) co_return eval_subscript_key(e, f);
  raise(types().runtime_error, "'await' in this kind of expression is not supported in Loopscope programs");
}

}  // namespace loopscope::python
