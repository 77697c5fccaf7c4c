// eval_stmt.cpp — executing statements. Simple statements without `await` run inline in
// exec_block; compound statements and awaiting ones are coroutines of their own.
//
// Sections: blocks · simple statements · raise · compound statements · with · try
#include "python/runtime/runtime.hpp"

#include <loopscope/sleep.hpp>

#include <chrono>

namespace loopscope::python {

namespace {
bool is_halt(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const Halt&) {
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

double wall_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// ---- blocks ----------------------------------------------------------------------------------
void Runtime::tick(const Stmt& s, Frame& f) {
  f.line = s.span.line;
  f.error_span.line = 0;
  m_last_line = f.line;
  if (m_halted) throw Halt{};
  if (++m_ops > m_limits.max_ops)
    halt("limit exceeded: more than " + std::to_string(m_limits.max_ops) + " operations executed (a runaway loop?)", f.line);
  if ((m_ops & 1023) == 0) {
    if (m_loop.time() > m_limits.max_time)
      halt("limit exceeded: the run went past " + float_repr(m_limits.max_time) + " s", f.line);
    if (m_loop.clock_kind() == ClockKind::real_time) {
      if (wall_now() - m_wall_start > m_limits.max_wall)
        halt("limit exceeded: the run took longer than " + float_repr(m_limits.max_wall) + " s of real time", f.line);
    }
  }
  m_loop.annotate(Annotation::location(f.line, 0));
}

bool Runtime::is_simple(const Stmt& s) {
  if (auto it = m_simple_cache.find(&s); it != m_simple_cache.end()) return it->second;
  bool simple = std::visit(
      [&](const auto& n) -> bool {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, For> || std::is_same_v<T, While> || std::is_same_v<T, If> ||
                      std::is_same_v<T, With> || std::is_same_v<T, Try>)
          return false;
        else if constexpr (std::is_same_v<T, Return>) return !n.value || !needs_async(*n.value);
        else if constexpr (std::is_same_v<T, Assign>) return !needs_async(*n.value);
        else if constexpr (std::is_same_v<T, AugAssign>) return !needs_async(*n.value);
        else if constexpr (std::is_same_v<T, AnnAssign>) return !n.value || !needs_async(*n.value);
        else if constexpr (std::is_same_v<T, ExprStmt>) return !needs_async(*n.value);
        else if constexpr (std::is_same_v<T, Raise>) return (!n.exc || !needs_async(*n.exc)) && (!n.cause || !needs_async(*n.cause));
        else if constexpr (std::is_same_v<T, Assert>) return !needs_async(*n.test) && (!n.msg || !needs_async(*n.msg));
        else return true;
      },
      s.node);
  m_simple_cache.emplace(&s, simple);
  return simple;
}

// `await X`, `v = await X` and `return await X` (X without awaits of its own) are the statements
// every asyncio program is made of: they await here, without frames of their own.
const Expr* Runtime::direct_await(const Stmt& s) {
  const Expr* value = nullptr;
  if (auto* e = s.as<ExprStmt>()) value = e->value.get();
  else if (auto* a = s.as<Assign>(); a && a->targets.size() == 1) value = a->value.get();
  else if (auto* r = s.as<Return>()) value = r->value.get();
  if (!value) return nullptr;
  auto* aw = value->as<Await>();
  if (!aw || needs_async(*aw->value)) return nullptr;
  return aw->value.get();
}

Coro<Flow> Runtime::exec_block(const Body& body, Frame& f) {
  for (const StmtPtr& s : body) {
    tick(*s, f);
    Flow flow;
    if (is_simple(*s)) {
      flow = exec_simple(*s, f);
    } else if (const Expr* target = direct_await(*s)) {
      Value v = eval(*target, f);
      Value result;
      if (SleepObject* sl = as_sleep(v)) {
        note_frames();
        co_await loopscope::sleep(sl->delay);
        result = sl->result;
      } else if (auto* c = v.get<CoroutineObject>(ObjKind::coroutine); c && !c->consumed) {
        c->consumed = true;
        Coro<Value> coro = std::move(c->coro);
        v = Value();
        result = co_await std::move(coro);
      } else if (auto* t = v.get<TaskObject>(ObjKind::task)) {
        Task<Value> task = t->task;
        note_frames();
        result = co_await task;
      } else {
        result = co_await await_value(std::move(v));
      }
      flow = Flow::next;
      if (auto* a = s->as<Assign>()) {
        assign(*a->targets[0], std::move(result), f);
      } else if (s->is<Return>()) {
        f.ret = std::move(result);
        flow = Flow::returned;
      }
    } else {
      flow = co_await exec_compound(*s, f);
    }
    if (flow != Flow::next) co_return flow;
  }
  co_return Flow::next;
}

// ---- simple statements -----------------------------------------------------------------------
namespace {
// `x += v` on a list extends it in place, as Python's list.__iadd__ does.
Value augmented(const Value& cur, BinaryOperator op, const Value& v) {
  if (op == BinaryOperator::add && cur.is(ObjKind::list)) {
    auto* l = cur.as<ListObject>();
    for (auto& x : to_vector(v)) l->items.push_back(std::move(x));
    return cur;
  }
  return binary_op(cur, op, v);
}
}  // namespace

Flow Runtime::exec_simple(const Stmt& s, Frame& f) {
  return std::visit(
      [&](const auto& n) -> Flow {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ExprStmt>) {
          eval(*n.value, f);
        } else if constexpr (std::is_same_v<T, Assign>) {
          Value v = eval(*n.value, f);
          if (f.scope->is_module && n.targets.size() == 1 && !m_overrides.empty()) {
            // A param overrides the module-level constant it names (`JOBS = 3`).
            if (auto* name = n.targets[0]->template as<Name>())
              if (auto it = m_overrides.find(name->id); it != m_overrides.end()) v = it->second;
          }
          for (const auto& t : n.targets) assign(*t, v, f);
        } else if constexpr (std::is_same_v<T, AugAssign>) {
          if (auto* name = n.target->template as<Name>()) {
            Value cur = load(name->id, f);
            store(name->id, augmented(cur, n.op, eval(*n.value, f)), f);
          } else if (auto* sub = n.target->template as<Subscript>()) {
            Value obj = eval(*sub->value, f);
            Value key = eval_subscript_key(*sub->slice, f);
            Value cur = get_item(obj, key);
            set_item(obj, key, augmented(cur, n.op, eval(*n.value, f)));
          } else {
            type_error("augmented assignment to this target is not supported in Loopscope programs");
          }
        } else if constexpr (std::is_same_v<T, AnnAssign>) {
          if (n.value) assign(*n.target, eval(*n.value, f), f);
        } else if constexpr (std::is_same_v<T, Return>) {
          f.ret = n.value ? eval(*n.value, f) : Value();
          return Flow::returned;
        } else if constexpr (std::is_same_v<T, FunctionDef>) {
          if (f.scope->is_module && n.name == "cpu_work" && !n.is_async && n.params.args.size() == 1 &&
              m_loop.clock_kind() == ClockKind::virtual_time) {
            // As in the CPython harness (tests/lessons/run_listing.py): `cpu_work(seconds)` stands
            // for CPU-bound work, which on the virtual clock blocks the loop for `seconds`.
            store(n.name, builtin("cpu_work", [](Runtime& rt, CallArgs& a) {
                    if (a.pos.size() != 1 || !a.pos[0].is_number()) type_error("cpu_work() takes one number of seconds");
                    rt.loop().blocking(a.pos[0].as_float(), "cpu_work");
                    return Value();
                  }), f);
          } else {
            store(n.name, make_function(&n, nullptr, f), f);
          }
        } else if constexpr (std::is_same_v<T, Delete>) {
          for (const auto& t : n.targets) {
            if (auto* name = t->template as<Name>()) erase(name->id, f);
            else if (auto* sub = t->template as<Subscript>()) {
              Value obj = eval(*sub->value, f);
              del_item(obj, eval_subscript_key(*sub->slice, f));
            } else type_error("cannot delete this expression");
          }
        } else if constexpr (std::is_same_v<T, Raise>) {
          Value exc = n.exc ? eval(*n.exc, f) : Value();
          Value cause = n.cause ? eval(*n.cause, f) : Value();
          raise_stmt(n, f, exc, cause);
        } else if constexpr (std::is_same_v<T, Assert>) {
          if (!truthy(eval(*n.test, f))) {
            if (n.msg) throw_exception(new_exception_args(types().assertion_error, {eval(*n.msg, f)}));
            throw_exception(new_exception_args(types().assertion_error, {}));
          }
        } else if constexpr (std::is_same_v<T, Import>) {
          for (const auto& a : n.names) {
            const std::string top = a.name.substr(0, a.name.find('.'));
            Value m = import_module(a.name, s.span.line);
            store(a.asname.empty() ? top : a.asname, a.asname.empty() ? import_module(top, s.span.line) : m, f);
          }
        } else if constexpr (std::is_same_v<T, ImportFrom>) {
          Value m = import_module(n.module, s.span.line);
          for (const auto& a : n.names) {
            auto* mod = m.as<ModuleObject>();
            auto it = mod->attrs.find(a.name);
            if (it == mod->attrs.end())
              raise(types().runtime_error, "cannot import name '" + a.name + "' from '" + n.module + "' (not available in Loopscope programs)");
            store(a.asname.empty() ? a.name : a.asname, it->second, f);
          }
        } else if constexpr (std::is_same_v<T, Break>) {
          return Flow::broke;
        } else if constexpr (std::is_same_v<T, Continue>) {
          return Flow::continued;
        }
        return Flow::next;
      },
      s.node);
}

Coro<Flow> Runtime::exec_async_simple(const Stmt& s, Frame& f) {
  if (auto* n = s.as<ExprStmt>()) {
    co_await eval_any(*n->value, f);
  } else if (auto* a = s.as<Assign>()) {
    Value v = co_await eval_any(*a->value, f);
    for (const auto& t : a->targets) assign(*t, v, f);
  } else if (auto* r = s.as<Return>()) {
    f.ret = co_await eval_any(*r->value, f);
    co_return Flow::returned;
  } else if (auto* aa = s.as<AnnAssign>()) {
    Value v = co_await eval_any(*aa->value, f);
    assign(*aa->target, v, f);
  } else if (auto* au = s.as<AugAssign>()) {
    Value v = co_await eval_any(*au->value, f);
    if (auto* name = au->target->as<Name>()) {
      Value cur = load(name->id, f);
      store(name->id, augmented(cur, au->op, v), f);
    } else if (auto* sub = au->target->as<Subscript>()) {
      Value obj = eval(*sub->value, f);
      Value key = eval_subscript_key(*sub->slice, f);
      Value cur = get_item(obj, key);
      set_item(obj, key, augmented(cur, au->op, v));
    }
  } else if (auto* rs = s.as<Raise>()) {
    Value exc = rs->exc ? co_await eval_any(*rs->exc, f) : Value();
    Value cause = rs->cause ? co_await eval_any(*rs->cause, f) : Value();
    raise_stmt(*rs, f, exc, cause);
  } else if (auto* as = s.as<Assert>()) {
    Value t = co_await eval_any(*as->test, f);
    if (!truthy(t)) {
      std::vector<Value> args;
      if (as->msg) args.push_back(co_await eval_any(*as->msg, f));
      throw_exception(new_exception_args(types().assertion_error, std::move(args)));
    }
  }
  co_return Flow::next;
}

// ---- raise -----------------------------------------------------------------------------------
void Runtime::raise_stmt(const Raise& r, Frame& f, Value exc, Value cause) {
  if (!r.exc) {
    if (f.handling.empty()) raise(types().runtime_error, "No active exception to reraise");
    std::rethrow_exception(f.handling.back());
  }
  if (auto* t = exc.get<TypeObject>(ObjKind::type)) {
    if (!t->is_exception) type_error("exceptions must derive from BaseException");
    exc = call(exc, std::vector<Value>{});
  }
  auto* eo = exc.get<ExceptionObject>(ObjKind::exception);
  if (!eo) type_error("exceptions must derive from BaseException");
  if (r.cause) {
    if (auto* ct = cause.get<TypeObject>(ObjKind::type)) cause = call(Value(static_cast<Object*>(ct)), std::vector<Value>{});
    if (!cause.is_none() && !cause.is(ObjKind::exception)) type_error("exception causes must derive from BaseException");
    eo->cause = cause;
    eo->suppress_context = true;
  }
  if (!f.handling.empty()) {
    auto ctx = exception_object(f.handling.back());
    if (ctx.get() != eo) eo->context = Value(ctx);
  }
  eo->traceback.clear();
  if (eo->origin) std::rethrow_exception(eo->origin);
  throw_exception(Ref<ExceptionObject>(eo));
}

// ---- compound statements ---------------------------------------------------------------------
Coro<Flow> Runtime::exec_compound(const Stmt& s, Frame& f) {
  if (auto* n = s.as<If>()) {
    Value t = co_await eval_any(*n->test, f);
    if (truthy(t)) co_return co_await exec_block(n->body, f);
    if (!n->orelse.empty()) co_return co_await exec_block(n->orelse, f);
    co_return Flow::next;
  }
  if (auto* n = s.as<While>()) {
    while (true) {
      Value t = co_await eval_any(*n->test, f);
      if (!truthy(t)) break;
      const Flow flow = co_await exec_block(n->body, f);
      if (flow == Flow::returned) co_return flow;
      if (flow == Flow::broke) co_return Flow::next;
      if (m_halted) throw Halt{};
      if (++m_ops > m_limits.max_ops)
        halt("limit exceeded: more than " + std::to_string(m_limits.max_ops) + " operations executed (a runaway loop?)", s.span.line);
      f.line = s.span.line;
    }
    if (!n->orelse.empty()) co_return co_await exec_block(n->orelse, f);
    co_return Flow::next;
  }
  if (auto* n = s.as<For>()) co_return co_await exec_for(*n, f);
  if (auto* n = s.as<With>()) co_return co_await exec_with(*n, f, 0);
  if (auto* n = s.as<Try>()) co_return co_await exec_try(*n, f);
  co_return co_await exec_async_simple(s, f);
}

Coro<Flow> Runtime::exec_for(const For& s, Frame& f) {
  if (s.is_async) type_error("'async for' is not supported in Loopscope programs");
  Value iterable = co_await eval_any(*s.iter, f);
  auto it = iterate(iterable);
  const int line = f.line;
  while (auto item = it->next()) {
    assign(*s.target, std::move(*item), f);
    const Flow flow = co_await exec_block(s.body, f);
    if (flow == Flow::returned) co_return flow;
    if (flow == Flow::broke) co_return Flow::next;
    f.line = line;
  }
  if (!s.orelse.empty()) co_return co_await exec_block(s.orelse, f);
  co_return Flow::next;
}

// ---- with ------------------------------------------------------------------------------------
Coro<Flow> Runtime::exec_with(const With& w, Frame& f, std::size_t item) {
  if (item == w.items.size()) co_return co_await exec_block(w.body, f);
  const WithItem& wi = w.items[item];
  Value mgr = co_await eval_any(*wi.context_expr, f);
  auto* native = mgr.get<NativeObject>(ObjKind::native);
  if (w.is_async) {
    if (!native || !native->has_async_with())
      type_error("'" + type_name(mgr) + "' object does not support the asynchronous context manager protocol");
  } else {
    if (!native || !native->has_sync_with()) {
      if (native && native->has_async_with())
        type_error("'" + type_name(mgr) + "' object does not support the context manager protocol (use 'async with')");
      type_error("'" + type_name(mgr) + "' object does not support the context manager protocol");
    }
  }
  Ref<NativeObject> keep(native);
  Value entered = co_await native->aenter(*this, mgr);
  if (wi.optional_vars) assign(*wi.optional_vars, entered, f);
  const int line = f.line;
  Flow flow = Flow::next;
  std::exception_ptr err;
  try {
    flow = co_await exec_with(w, f, item + 1);
  } catch (...) {
    err = std::current_exception();
  }
  if (err && is_halt(err)) std::rethrow_exception(err);
  f.line = line;
  const bool swallow = co_await native->aexit(*this, err);
  if (err && !swallow) std::rethrow_exception(err);
  co_return err ? Flow::next : flow;
}

// ---- try -------------------------------------------------------------------------------------
bool Runtime::handler_matches(const Expr* type, const ExceptionObject& e, Frame& f) {
  if (!type) return true;
  Value t = eval(*type, f);
  auto check = [&](const Value& one) {
    auto* to = one.get<TypeObject>(ObjKind::type);
    if (!to || !to->is_exception) type_error("catching classes that do not inherit from BaseException is not allowed");
    return e.type->is_subclass_of(to);
  };
  if (auto* tup = t.get<TupleObject>(ObjKind::tuple)) {
    for (const auto& x : tup->items)
      if (check(x)) return true;
    return false;
  }
  return check(t);
}

// C++ forbids co_await inside a catch block, so each part captures its exception and the next
// part runs outside the handler.
Coro<Flow> Runtime::exec_try(const Try& t, Frame& f) {
  Flow flow = Flow::next;
  std::exception_ptr err;
  const int line = f.line;
  try {
    flow = co_await exec_block(t.body, f);
  } catch (...) {
    err = std::current_exception();
  }
  if (err && is_halt(err)) std::rethrow_exception(err);
  if (err && t.is_star) {
    std::exception_ptr e = err;
    err = nullptr;
    try {
      flow = co_await exec_try_star(t, f, e);
    } catch (...) {
      err = std::current_exception();
    }
  } else if (err) {
    Ref<ExceptionObject> eo = exception_object(err);
    for (const auto& h : t.handlers) {
      if (!handler_matches(h.type.get(), *eo, f)) continue;
      std::exception_ptr handled = err;
      err = nullptr;
      if (!h.name.empty()) store(h.name, Value(eo), f);
      f.handling.push_back(handled);
      f.line = h.span.line;
      try {
        flow = co_await exec_block(h.body, f);
      } catch (...) {
        err = std::current_exception();
      }
      f.handling.pop_back();
      if (!h.name.empty()) {
        try {
          erase(h.name, f);
        } catch (...) {
        }
      }
      break;
    }
  } else if (flow == Flow::next && !t.orelse.empty()) {
    try {
      flow = co_await exec_block(t.orelse, f);
    } catch (...) {
      err = std::current_exception();
    }
  }
  if (!t.finalbody.empty() && !(err && is_halt(err)) && !m_halted) {
    const Value saved_ret = f.ret;
    Flow fin = Flow::next;
    std::exception_ptr ferr;
    if (err) f.handling.push_back(err);
    try {
      fin = co_await exec_block(t.finalbody, f);
    } catch (...) {
      ferr = std::current_exception();
    }
    if (err) f.handling.pop_back();
    if (ferr) {
      err = ferr;  // an exception in finally replaces the pending one, as in Python
    } else if (fin != Flow::next) {
      err = nullptr;  // return/break/continue in finally swallows the pending exception
      flow = fin;
    } else if (flow == Flow::returned) {
      f.ret = saved_ret;
    }
  }
  (void)line;
  if (err) std::rethrow_exception(err);
  co_return flow;
}

// except*: the exception (wrapped in an ExceptionGroup when it is not one) is split among the
// handlers in order; what no handler matched is raised again as a group.
Coro<Flow> Runtime::exec_try_star(const Try& t, Frame& f, std::exception_ptr err) {
  const auto& ty = types();
  Ref<ExceptionObject> eo = exception_object(err);
  const bool was_group = eo->type->is_subclass_of(ty.base_exception_group);
  std::vector<Value> rest = was_group ? eo->group : std::vector<Value>{Value(eo)};
  const std::string message = was_group ? eo->group_message : std::string();
  std::exception_ptr raised;
  Flow flow = Flow::next;
  for (const auto& h : t.handlers) {
    if (rest.empty()) break;
    std::vector<Value> matched, unmatched;
    for (const auto& x : rest) (handler_matches(h.type.get(), *x.as<ExceptionObject>(), f) ? matched : unmatched).push_back(x);
    if (matched.empty()) continue;
    rest = std::move(unmatched);
    auto group = make<ExceptionObject>(ty.exception_group);
    for (const auto& m : matched)
      if (!m.as<ExceptionObject>()->type->is_subclass_of(ty.exception)) group->type = ty.base_exception_group;
    group->group_message = message;
    group->group = matched;
    group->args = {py_str(message), py_list(matched)};
    if (!h.name.empty()) store(h.name, Value(group), f);
    f.handling.push_back(err);
    try {
      const Flow fl = co_await exec_block(h.body, f);
      if (fl != Flow::next) flow = fl;
    } catch (...) {
      if (!raised) raised = std::current_exception();
    }
    f.handling.pop_back();
  }
  if (raised) std::rethrow_exception(raised);
  if (!rest.empty()) {
    if (!was_group) std::rethrow_exception(err);
    if (rest.size() == eo->group.size()) std::rethrow_exception(err);
    auto group = make<ExceptionObject>(eo->type);
    group->group_message = message;
    group->group = rest;
    group->args = {py_str(message), py_list(rest)};
    throw_exception(group);
  }
  co_return flow;
}

}  // namespace loopscope::python
