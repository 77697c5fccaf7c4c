// module_asyncio.cpp — the `asyncio` module on the engine: run, sleep, create_task, gather,
// wait, wait_for, timeout, as_completed, TaskGroup, to_thread, current_task, all_tasks,
// get_running_loop (call_soon / call_later / call_at handles, time, create_future,
// create_task), and Task's methods. The primitives, the queues and Future / shield live in
// the files module_asyncio.hpp lists.
//
// Sections: helpers · scopes (timeout, TaskGroup) · loop · tasks · the module
#include "python/runtime/module_asyncio.hpp"
#include "python/runtime/thread_work.hpp"

#include <loopscope/as_completed.hpp>
#include <loopscope/executor.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/task_group.hpp>
#include <loopscope/timeout.hpp>
#include <loopscope/wait.hpp>
#include <loopscope/wait_for.hpp>

namespace loopscope::python {

// ---- helpers ---------------------------------------------------------------------------------
Value native_coro(Coro<Value> c, std::string name, bool warn_unawaited) {
  if (warn_unawaited) c.set_name(name);
  auto co = make<CoroutineObject>(std::move(c), std::move(name));
  co->native = true;
  return Value(co);
}

std::optional<double> opt_seconds(const std::optional<Value>& v, const char* what) {
  if (!v || v->is_none()) return std::nullopt;
  return number_arg(*v, what);
}

TypeObject* native_type(const char* name) {
  // Process-wide, never freed (reachable through this pointer), like the built-in types.
  static auto& made = *new std::map<std::string, TypeObject*, std::less<>>();
  auto it = made.find(name);
  if (it != made.end()) return it->second;
  // asyncio's one subclassing among these: TimerHandle is a Handle.
  TypeObject* base = std::string_view(name) == "TimerHandle" ? native_type("Handle") : types().object;
  auto* t = new TypeObject(name, {base});
  t->refs = 1;
  t->module = "asyncio";
  made.emplace(name, t);
  return t;
}

void def_type(ModuleObject& mod, const char* name, NativeFn construct) {
  TypeObject* ty = native_type(name);
  if (!ty->construct) ty->construct = std::move(construct);
  mod.attrs[name] = Value(static_cast<Object*>(ty));
}

// Runs a program callback from the ready queue; an exception is reported like asyncio's
// "Exception in callback".
std::function<void()> callback(Runtime& rt, Value fn, std::vector<Value> args) {
  return [&rt, fn, args]() {
    try {
      rt.call(fn, args);
    } catch (const Halt&) {
    } catch (...) {
      auto e = rt.exception_object(std::current_exception());
      rt.loop().warn("Exception in callback " + to_repr(fn) + ": " + exception_line(*e));
    }
  };
}

namespace {
// ---- scopes (timeout, TaskGroup) -------------------------------------------------------------
struct TimeoutObject : NativeObject {
  explicit TimeoutObject(std::optional<double> d, bool absolute) : delay(d), absolute(absolute) {}
  std::optional<double> delay;
  bool absolute;
  std::unique_ptr<Timeout> scope;  // the engine's scope, from `async with` on
  bool expired_at_exit = false;
  const char* type_name() const override { return "Timeout"; }
  bool has_async_with() const override { return true; }
  Coro<Value> aenter(Runtime& rt, Value self) override {
    if (!detail::tls.task) raise(types().runtime_error, "Timeout should be used inside a task");
    std::optional<double> when = delay;
    if (when && !absolute) *when += rt.loop().time();
    scope = std::make_unique<Timeout>(when);
    scope->enter();
    co_return self;
  }
  // The engine's exit raises TimeoutError when the error is the cancellation this scope caused;
  // otherwise the body's own error (if any) goes on.
  Coro<bool> aexit(Runtime&, std::exception_ptr err) override {
    if (!scope) co_return false;
    expired_at_exit = scope->expired();
    scope->exit(err);
    co_return false;
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<TimeoutObject> me(this);
    if (name == "reschedule")
      return method("reschedule", self, [me](Runtime&, CallArgs& a) {
        check_args(a, "reschedule", 1, 1);
        std::optional<double> when = opt_seconds(a.pos[0], "when");
        if (me->scope) me->scope->reschedule(when);
        else me->delay = when, me->absolute = true;
        return Value();
      });
    if (name == "when")
      return method("when", self, [me](Runtime&, CallArgs&) {
        const std::optional<double> w = me->scope ? me->scope->when() : std::nullopt;
        return w ? py_float(*w) : Value();
      });
    if (name == "expired") return method("expired", self, [me](Runtime&, CallArgs&) { return py_bool(me->expired_at_exit || (me->scope && me->scope->expired())); });
    return std::nullopt;
  }
};

struct TaskGroupObject : NativeObject {
  std::unique_ptr<TaskGroup> group;
  const char* type_name() const override { return "TaskGroup"; }
  TypeObject* type() const override { return native_type("TaskGroup"); }
  bool has_async_with() const override { return true; }
  Coro<Value> aenter(Runtime&, Value self) override {
    if (group) raise(types().runtime_error, "TaskGroup has already been entered");
    if (!detail::tls.task) raise(types().runtime_error, "TaskGroup cannot determine the parent task");
    group = std::make_unique<TaskGroup>();
    co_return self;
  }
  Coro<bool> aexit(Runtime&, std::exception_ptr err) override {
    co_await group->join(err);
    co_return err != nullptr;  // join returned: a body cancellation was the group's own
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<TaskGroupObject> me(this);
    if (name == "create_task")
      return method("create_task", self, [me](Runtime& rt, CallArgs& a) {
        std::optional<Value> nm = a.take("name");
        check_args(a, "create_task", 1, 1);
        if (!me->group) raise(types().runtime_error, "TaskGroup has not been entered");
        auto* c = a.pos[0].get<CoroutineObject>(ObjKind::coroutine);
        if (!c || c->consumed) type_error("a coroutine was expected, got " + to_repr(a.pos[0]));
        if (static_cast<std::int64_t>(rt.loop().statistics().tasks_alive) >= rt.limits().max_tasks)
          rt.halt("limit exceeded: more than " + std::to_string(rt.limits().max_tasks) + " tasks alive at once", 0);
        c->consumed = true;
        std::string name = nm && !nm->is_none() ? to_str(*nm) : std::string();
        Task<Value> t;
        try {
          t = me->group->create_task(std::move(c->coro), rt.next_task_name(name, true));
        } catch (const loopscope::RuntimeError& e) {
          raise(types().runtime_error, e.what());
        }
        Value v = rt.task_value(t);
        v.as<TaskObject>()->coro_name = c->name;
        return v;
      });
    return std::nullopt;
  }
};

// ---- loop ------------------------------------------------------------------------------------
// What call_soon (Handle) and call_later / call_at (TimerHandle, with when()) return.
struct HandleObject : NativeObject {
  HandleRef handle;
  bool timer = false;
  const char* type_name() const override { return timer ? "TimerHandle" : "Handle"; }
  TypeObject* type() const override { return native_type(type_name()); }
  std::string repr() const override {
    std::string s = std::string("<") + type_name() + (handle.cancelled() ? " cancelled" : "");
    if (timer) s += " when=" + to_repr(py_float(handle.when()));
    return s + " " + handle.label() + ">";
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<HandleObject> me(this);
    if (name == "cancel") return method("cancel", self, [me](Runtime&, CallArgs& a) { check_args(a, "cancel", 0, 0); me->handle.cancel(); return Value(); });
    if (name == "cancelled") return method("cancelled", self, [me](Runtime&, CallArgs& a) { check_args(a, "cancelled", 0, 0); return py_bool(me->handle.cancelled()); });
    if (timer && name == "when") return method("when", self, [me](Runtime&, CallArgs& a) { check_args(a, "when", 0, 0); return py_float(me->handle.when()); });
    return std::nullopt;
  }
};

struct LoopObject : NativeObject {
  const char* type_name() const override { return "_UnixSelectorEventLoop"; }
  std::string repr() const override { return "<_UnixSelectorEventLoop running=True closed=False debug=False>"; }
  std::optional<Value> getattr(Runtime& rt, const Value& self, std::string_view name) override {
    (void)rt;
    if (name == "time") return method("time", self, [](Runtime& r, CallArgs& a) { check_args(a, "time", 0, 0); return py_float(r.loop().time()); });
    auto schedule = [self](std::string n, int kind) {
      return method(n, self, [kind, n](Runtime& r, CallArgs& a) {
        (void)a.take("context");
        const std::size_t first = kind == 0 ? 1 : 2;
        if (a.pos.size() < first) type_error(n + "() missing required arguments");
        std::vector<Value> args(a.pos.begin() + static_cast<std::ptrdiff_t>(first), a.pos.end());
        auto h = make<HandleObject>();
        h->timer = kind != 0;
        const Value fn = a.pos[first - 1];
        std::string label = "callback " + (fn.is(ObjKind::function) ? fn.as<FunctionObject>()->name : to_repr(fn));
        auto ran = std::make_shared<bool>(false);
        auto run = [ran, cb = callback(r, fn, args)] {
          *ran = true;
          cb();
        };
        if (kind == 0) h->handle = r.loop().call_soon(run, label);
        else if (kind == 1) h->handle = r.loop().call_later(number_arg(a.pos[0], "delay"), run, label);
        else h->handle = r.loop().call_at(number_arg(a.pos[0], "when"), run, label);
        r.track_handle(h->handle, std::move(ran));
        return Value(h);
      });
    };
    if (name == "call_soon") return schedule("call_soon", 0);
    if (name == "call_later") return schedule("call_later", 1);
    if (name == "call_at") return schedule("call_at", 2);
    if (name == "run_in_executor")
      return method("run_in_executor", self, [](Runtime& r, CallArgs& a) {
        if (a.pos.size() < 2) type_error("run_in_executor() missing required arguments");
        if (!a.pos[0].is_none()) type_error("run_in_executor(): only the default executor (None) is available");
        std::vector<Value> args(a.pos.begin() + 2, a.pos.end());
        return to_thread_value(r, a.pos[1], std::move(args), {});
      });
    if (name == "create_task") return r_create_task(self);
    if (name == "create_future") return method("create_future", self, [](Runtime& r, CallArgs& a) { check_args(a, "create_future", 0, 0); return new_future_value(r); });
    return std::nullopt;
  }
  static Value r_create_task(const Value& self) {
    return method("create_task", self, [](Runtime& r, CallArgs& a) {
      std::optional<Value> nm = a.take("name");
      check_args(a, "create_task", 1, 1);
      return r.create_task(a.pos[0], nm && !nm->is_none() ? to_str(*nm) : std::string(), false);
    });
  }
};

}  // namespace

Value loop_value() { return Value(make<LoopObject>()); }

namespace {
// ---- tasks -----------------------------------------------------------------------------------
// asyncio.gather: the engine's gathering future, its result a list in argument order (with
// return_exceptions, a child's exception takes its place). Returned at once, as asyncio does:
// cancel() cancels the children, and it can be awaited, nested and shielded like any future.
Value gather_future(Runtime& rt, std::vector<Awaitable> children, bool return_exceptions) {
  std::vector<detail::GatherChild> cs;
  cs.reserve(children.size());
  for (const auto& c : children) cs.push_back(detail::GatherTraits<Awaitable>::child(c));
  Runtime* r = &rt;
  auto fill = [children = std::move(children), r, return_exceptions](detail::GatherState<Value>& s) {
    std::vector<Value> out;
    out.reserve(children.size());
    for (const auto& c : children) {
      if (!return_exceptions) {
        out.push_back(c.result());
        continue;
      }
      const detail::GatherChild g = detail::GatherTraits<Awaitable>::child(c);
      const Outcome<Value> o = detail::outcome_of<Value>(g, [&c]() { return c.result(); });
      out.push_back(o.ok() ? *o.value : Value(r->exception_object(o.error)));
      g.mark_retrieved();
    }
    s.m_value.emplace(py_list(std::move(out)));
  };
  return future_value(rt, detail::make_gather<Value>(std::move(cs), return_exceptions, std::move(fill)));
}

Value task_set(Runtime& rt, const std::vector<Task<Value>>& tasks) {
  auto s = make<SetObject>();
  for (const auto& t : tasks) s->add(rt.task_value(t));
  return Value(s);
}

Coro<Value> wait_coro(Runtime& rt, std::vector<Task<Value>> tasks, ReturnWhen when, std::optional<double> timeout) {
  auto r = co_await wait(std::move(tasks), when, timeout);
  co_return py_tuple({task_set(rt, r.done), task_set(rt, r.pending)});
}

Coro<Value> wait_for_coro(Task<Value> task, std::optional<double> timeout) {
  if (!timeout) co_return co_await task;
  co_return co_await wait_for(std::move(task), *timeout);
}

Coro<Value> sleep_coro(double d, Value result) {
  co_await loopscope::sleep(d);
  co_return result;
}

struct AsCompletedState {
  explicit AsCompletedState(std::vector<Task<Value>> t, std::optional<double> timeout) : ac(std::move(t), timeout) {}
  AsCompleted<Value> ac;
};

Coro<Value> as_completed_next(std::shared_ptr<AsCompletedState> s) {
  Task<Value> t = co_await s->ac.next();
  co_return co_await t;
}
}  // namespace

std::optional<Value> task_attr(Runtime& rt, const Value& self, std::string_view name) {
  (void)rt;
  Task<Value> t = self.as<TaskObject>()->task;
  auto m = [&](const char* n, auto fn) { return method(n, self, fn); };
  if (name == "cancel")
    return m("cancel", [t](Runtime&, CallArgs& a) {
      std::optional<Value> msg = a.take("msg");
      check_args(a, "cancel", 0, 1);
      if (!a.pos.empty()) msg = a.pos[0];
      AnyTask task = t;
      return py_bool(task.cancel(msg && !msg->is_none() ? to_str(*msg) : std::string()));
    });
  if (name == "cancelled") return m("cancelled", [t](Runtime&, CallArgs&) { return py_bool(t.cancelled()); });
  if (name == "done") return m("done", [t](Runtime&, CallArgs&) { return py_bool(t.done()); });
  if (name == "result")
    return m("result", [t](Runtime&, CallArgs&) {
      if (!t.done()) raise(types().invalid_state_error, "Result is not set.");
      return t.result();
    });
  if (name == "exception")
    return m("exception", [t](Runtime& r, CallArgs&) {
      if (!t.done()) raise(types().invalid_state_error, "Exception is not set.");
      std::exception_ptr e = t.exception();
      return e ? Value(r.exception_object(e)) : Value();
    });
  if (name == "get_name") return m("get_name", [self](Runtime&, CallArgs&) { return py_str(self.as<TaskObject>()->name()); });
  if (name == "set_name")
    return m("set_name", [self](Runtime&, CallArgs& a) {
      check_args(a, "set_name", 1, 1);
      self.as<TaskObject>()->renamed = to_str(a.pos[0]);
      return Value();
    });
  if (name == "get_loop") return m("get_loop", [](Runtime&, CallArgs& a) { check_args(a, "get_loop", 0, 0); return loop_value(); });
  if (name == "get_coro") return m("get_coro", [](Runtime&, CallArgs&) { return Value(); });
  if (name == "cancelling") return m("cancelling", [t](Runtime&, CallArgs&) { return py_int(t.cancelling()); });
  if (name == "uncancel") return m("uncancel", [t](Runtime&, CallArgs&) { AnyTask x = t; return py_int(x.uncancel()); });
  if (name == "add_done_callback")
    return m("add_done_callback", [t, self](Runtime& r, CallArgs& a) {
      (void)a.take("context");
      check_args(a, "add_done_callback", 1, 1);
      DoneCallback cb{a.pos[0]};
      self.as<TaskObject>()->done_callbacks.push_back(cb);
      auto run = callback(r, cb.fn, {self});
      t.add_done_callback([run, removed = cb.removed](AnyTask) {
        if (!*removed) run();
      });
      return Value();
    });
  if (name == "remove_done_callback")
    return m("remove_done_callback", [t, self](Runtime&, CallArgs& a) {
      check_args(a, "remove_done_callback", 1, 1);
      if (t.done()) return py_int(0);
      return py_int(remove_done_callbacks(self.as<TaskObject>()->done_callbacks, a.pos[0]));
    });
  return std::nullopt;
}

Value SleepObject::as_coroutine() const { return native_coro(sleep_coro(delay, result), "sleep", false); }

// ---- the module ------------------------------------------------------------------------------
Value make_asyncio_module(Runtime& rt, Value& run_builtin) {
  const auto& t = types();
  auto mod = make<ModuleObject>("asyncio");
  auto def = [&](const std::string& n, NativeFn fn) { mod->attrs[n] = builtin(n, std::move(fn)); };
  def("run", [](Runtime&, CallArgs&) -> Value {
    raise(types().runtime_error, "asyncio.run() cannot be called from a running event loop");
  });
  run_builtin = mod->attrs["run"];
  def("sleep", [](Runtime&, CallArgs& a) {
    std::optional<Value> result = a.take("result");
    check_args(a, "sleep", 1, 2);
    if (a.pos.size() == 2) result = a.pos[1];
    const double d = number_arg(a.pos[0], "delay");
    return Value(make<SleepObject>(d, result.value_or(Value())));
  });
  def("create_task", [](Runtime& r, CallArgs& a) {
    std::optional<Value> nm = a.take("name");
    (void)a.take("context");
    check_args(a, "create_task", 1, 1);
    return r.create_task(a.pos[0], nm && !nm->is_none() ? to_str(*nm) : std::string());
  });
  def("ensure_future", [](Runtime& r, CallArgs& a) {
    check_args(a, "ensure_future", 1, 1);
    if (a.pos[0].is(ObjKind::task) || as_future(a.pos[0])) return a.pos[0];
    return r.create_task(a.pos[0], {});
  });
  def("gather", [](Runtime& r, CallArgs& a) {
    std::optional<Value> re = a.take("return_exceptions");
    check_args(a, "gather", 0, SIZE_MAX);
    std::vector<Awaitable> tasks;
    for (const auto& v : a.pos) tasks.push_back(as_awaitable(r, v, "gather"));
    return gather_future(r, std::move(tasks), re && truthy(*re));
  });
  def("wait", [](Runtime& r, CallArgs& a) {
    std::optional<Value> timeout = a.take("timeout"), when = a.take("return_when");
    check_args(a, "wait", 1, 1);
    if (a.pos[0].is(ObjKind::coroutine) || a.pos[0].is(ObjKind::task))
      type_error("expect a list of futures, not " + type_name(a.pos[0]));
    std::vector<Value> items = to_vector(a.pos[0]);
    if (items.empty()) value_error("Set of Tasks/Futures is empty.");
    ReturnWhen rw = ReturnWhen::all_completed;
    if (when && !when->is_none()) {
      const std::string& w = str_arg(*when, "return_when");
      if (w == "FIRST_COMPLETED") rw = ReturnWhen::first_completed;
      else if (w == "FIRST_EXCEPTION") rw = ReturnWhen::first_exception;
      else if (w != "ALL_COMPLETED") value_error("Invalid return_when value: " + w);
    }
    if (std::any_of(items.begin(), items.end(), [](const Value& v) { return as_future(v) != nullptr; })) {
      const char* name = rw == ReturnWhen::all_completed ? "ALL_COMPLETED" : rw == ReturnWhen::first_completed ? "FIRST_COMPLETED" : "FIRST_EXCEPTION";
      return native_coro(wait_with_futures(r, std::move(items), name, opt_seconds(timeout, "timeout")), "wait", true);
    }
    std::vector<Task<Value>> tasks;
    for (const auto& v : items) tasks.push_back(r.as_task(v, "wait"));
    return native_coro(wait_coro(r, std::move(tasks), rw, opt_seconds(timeout, "timeout")), "wait", true);
  });
  def("wait_for", [](Runtime& r, CallArgs& a) {
    std::optional<Value> timeout = a.take("timeout");
    check_args(a, "wait_for", 1, 2);
    if (a.pos.size() == 2) timeout = a.pos[1];
    if (!timeout) type_error("wait_for() missing 1 required positional argument: 'timeout'");
    std::optional<double> secs = opt_seconds(timeout, "timeout");
    if (!secs && a.pos[0].is(ObjKind::coroutine)) return a.pos[0];  // wait_for(coro, None) just awaits it
    if (as_future(a.pos[0])) {
      if (!secs) return native_coro(r.await_value(a.pos[0]), "wait_for", true);
      return native_coro(wait_for_future(r, future_of(a.pos[0]), *secs), "wait_for", true);
    }
    return native_coro(wait_for_coro(r.as_task(a.pos[0], "wait_for"), secs), "wait_for", true);
  });
  def("timeout", [](Runtime&, CallArgs& a) {
    check_args(a, "timeout", 1, 1);
    return Value(make<TimeoutObject>(opt_seconds(a.pos[0], "delay"), false));
  });
  def("timeout_at", [](Runtime&, CallArgs& a) {
    check_args(a, "timeout_at", 1, 1);
    return Value(make<TimeoutObject>(opt_seconds(a.pos[0], "when"), true));
  });
  def("as_completed", [](Runtime& r, CallArgs& a) {
    std::optional<Value> timeout = a.take("timeout");
    check_args(a, "as_completed", 1, 1);
    std::vector<Value> items = to_vector(a.pos[0]);
    if (std::any_of(items.begin(), items.end(), [](const Value& v) { return as_future(v) != nullptr; }))
      return as_completed_with_futures(r, std::move(items), opt_seconds(timeout, "timeout"));
    std::vector<Task<Value>> tasks;
    for (const auto& v : items) tasks.push_back(r.as_task(v, "as_completed"));
    const std::size_t n = tasks.size();
    auto state = std::make_shared<AsCompletedState>(std::move(tasks), opt_seconds(timeout, "timeout"));
    std::vector<Value> coros;
    for (std::size_t i = 0; i < n; ++i) coros.push_back(native_coro(as_completed_next(state), "_wait_for_one", true));
    auto it = iterate(py_list(std::move(coros)));
    it->type_name = "generator";
    return Value(it);
  });
  def("current_task", [](Runtime& r, CallArgs& a) {
    check_args(a, "current_task", 0, 1);
    detail::TaskCore* core = detail::tls.task;
    if (!core) return Value();
    return r.task_value(AnyTask(core));
  });
  def("all_tasks", [](Runtime& r, CallArgs& a) {
    check_args(a, "all_tasks", 0, 1);
    auto s = make<SetObject>();
    for (const auto& task : r.live_tasks()) s->add(r.task_value(task));
    return Value(s);
  });
  auto loop_fn = [](Runtime& r, CallArgs& a) {
    check_args(a, "get_running_loop", 0, 0);
    if (!detail::tls.task && !r.waiting_for_main()) raise(types().runtime_error, "no running event loop");
    return loop_value();
  };
  def("get_running_loop", loop_fn);
  def("get_event_loop", loop_fn);
  def("iscoroutine", [](Runtime&, CallArgs& a) {
    check_args(a, "iscoroutine", 1, 1);
    return py_bool(a.pos[0].is(ObjKind::coroutine) || as_sleep(a.pos[0]));
  });
  def("to_thread", [](Runtime& r, CallArgs& a) {
    if (a.pos.empty()) type_error("to_thread() missing 1 required positional argument: 'func'");
    Value fn = a.pos[0];
    std::vector<Value> args(a.pos.begin() + 1, a.pos.end());
    return to_thread_value(r, fn, std::move(args), std::move(a.kw));
  });
  // types
  def_type(*mod, "TaskGroup", [](Runtime&, CallArgs& a) { check_args(a, "TaskGroup", 0, 0); return Value(make<TaskGroupObject>()); });
  mod->attrs["Handle"] = Value(static_cast<Object*>(native_type("Handle")));
  mod->attrs["TimerHandle"] = Value(static_cast<Object*>(native_type("TimerHandle")));
  install_asyncio_sync(*mod);
  install_asyncio_queues(*mod);
  install_asyncio_futures(*mod);
  mod->attrs["Task"] = Value(static_cast<Object*>(t.task));
  mod->attrs["CancelledError"] = Value(static_cast<Object*>(t.cancelled_error));
  mod->attrs["TimeoutError"] = Value(static_cast<Object*>(t.timeout_error));
  mod->attrs["InvalidStateError"] = Value(static_cast<Object*>(t.invalid_state_error));
  mod->attrs["QueueEmpty"] = Value(static_cast<Object*>(t.queue_empty));
  mod->attrs["QueueFull"] = Value(static_cast<Object*>(t.queue_full));
  mod->attrs["BrokenBarrierError"] = Value(static_cast<Object*>(t.broken_barrier_error));
  mod->attrs["FIRST_COMPLETED"] = py_str("FIRST_COMPLETED");
  mod->attrs["FIRST_EXCEPTION"] = py_str("FIRST_EXCEPTION");
  mod->attrs["ALL_COMPLETED"] = py_str("ALL_COMPLETED");
  (void)rt;
  return Value(mod);
}

}  // namespace loopscope::python
