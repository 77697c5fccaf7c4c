// module_asyncio_future.cpp — asyncio.Future on the engine's Future<Value>, asyncio.shield, the
// tasks-or-futures that gather accepts, and wait_for / wait / as_completed when a future is
// among their arguments.
//
// Invariants:
//   - a FutureObject owns one engine future; its done callbacks run through the ready queue,
//     each as its own handle, in registration order (asyncio's __schedule_callbacks);
//   - a callback removed before the future is done never runs; once the future is done the
//     callbacks are scheduled and remove_done_callback finds none (returns 0), as in asyncio;
//   - shield(x) returns x itself when x is already done, else a new outer future; cancelling the
//     outer future leaves the inner task or future running.
//
// Sections: exceptions · the Future object · shield · wait_for of a future · wait and
// as_completed with futures · tasks or futures · the module
#include "python/runtime/module_asyncio.hpp"

#include <loopscope/queue.hpp>
#include <loopscope/shield.hpp>

namespace loopscope::python {

// ---- exceptions ------------------------------------------------------------------------------
namespace {
// set_exception's argument as the C++ carrier the engine stores: an exception instance, or an
// exception type (instantiated with no arguments).
std::exception_ptr exception_arg(Runtime& rt, Value exc) {
  if (auto* t = exc.get<TypeObject>(ObjKind::type); t && t->is_exception) exc = rt.call(exc, std::vector<Value>{});
  auto* e = exc.get<ExceptionObject>(ObjKind::exception);
  if (!e) type_error("invalid exception object");
  if (e->type == types().stop_iteration)
    type_error("StopIteration interacts badly with generators and cannot be raised into a Future");
  try {
    throw_exception(Ref<ExceptionObject>(e));
  } catch (...) {
    return std::current_exception();
  }
}
}  // namespace

// ---- the Future object -----------------------------------------------------------------------
struct FutureObject : NativeObject {
  FutureObject(Runtime& rt, Future<Value> f) : rt(&rt), fut(std::move(f)) {}
  Runtime* rt;
  Future<Value> fut;
  std::vector<DoneCallback> callbacks;
  const char* type_name() const override { return "Future"; }
  TypeObject* type() const override { return native_type("Future"); }
  std::string repr() const override {
    if (!fut.done()) return "<Future pending>";
    if (fut.cancelled()) return "<Future cancelled>";
    if (const std::exception_ptr& e = fut.core()->exception()) return "<Future finished exception=" + to_repr(Value(rt->exception_object(e))) + ">";
    return "<Future finished result=" + to_repr(*fut.core()->m_value) + ">";
  }
  bool is_awaitable() const override { return true; }
  Coro<Value> await_(Runtime&, Value) override {
    Future<Value> f = fut;
    co_return co_await f;
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<FutureObject> me(this);
    if (name == "done") return method("done", self, [me](Runtime&, CallArgs& a) { check_args(a, "done", 0, 0); return py_bool(me->fut.done()); });
    if (name == "cancelled") return method("cancelled", self, [me](Runtime&, CallArgs& a) { check_args(a, "cancelled", 0, 0); return py_bool(me->fut.cancelled()); });
    if (name == "cancel")
      return method("cancel", self, [me](Runtime&, CallArgs& a) {
        std::optional<Value> msg = a.take("msg");
        check_args(a, "cancel", 0, 1);
        if (!a.pos.empty()) msg = a.pos[0];
        return py_bool(me->fut.cancel(msg && !msg->is_none() ? to_str(*msg) : std::string()));
      });
    if (name == "set_result")
      return method("set_result", self, [me](Runtime&, CallArgs& a) {
        check_args(a, "set_result", 1, 1);
        if (me->fut.done()) raise(types().invalid_state_error, "invalid state");
        me->fut.set_result(a.pos[0]);
        return Value();
      });
    if (name == "set_exception")
      return method("set_exception", self, [me](Runtime& r, CallArgs& a) {
        check_args(a, "set_exception", 1, 1);
        if (me->fut.done()) raise(types().invalid_state_error, "invalid state");
        me->fut.set_exception(exception_arg(r, a.pos[0]));
        return Value();
      });
    if (name == "result")
      return method("result", self, [me](Runtime&, CallArgs& a) {
        check_args(a, "result", 0, 0);
        if (!me->fut.done()) raise(types().invalid_state_error, "Result is not set.");
        return me->fut.result();
      });
    if (name == "exception")
      return method("exception", self, [me](Runtime& r, CallArgs& a) {
        check_args(a, "exception", 0, 0);
        if (!me->fut.done()) raise(types().invalid_state_error, "Exception is not set.");
        std::exception_ptr e = me->fut.exception();
        return e ? Value(r.exception_object(e)) : Value();
      });
    if (name == "add_done_callback")
      return method("add_done_callback", self, [me, self](Runtime& r, CallArgs& a) {
        (void)a.take("context");
        check_args(a, "add_done_callback", 1, 1);
        DoneCallback cb{a.pos[0]};
        me->callbacks.push_back(cb);
        auto run = callback(r, cb.fn, {self});
        me->fut.add_done_callback([run, removed = cb.removed](Future<Value>) {
          if (!*removed) run();
        });
        return Value();
      });
    if (name == "remove_done_callback")
      return method("remove_done_callback", self, [me](Runtime&, CallArgs& a) {
        check_args(a, "remove_done_callback", 1, 1);
        if (me->fut.done()) return py_int(0);
        return py_int(remove_done_callbacks(me->callbacks, a.pos[0]));
      });
    if (name == "get_loop") return method("get_loop", self, [](Runtime&, CallArgs& a) { check_args(a, "get_loop", 0, 0); return loop_value(); });
    return std::nullopt;
  }
};

FutureObject* as_future(const Value& v) {
  auto* n = v.get<NativeObject>(ObjKind::native);
  return n ? dynamic_cast<FutureObject*>(n) : nullptr;
}

Value new_future_value(Runtime& rt) { return Value(make<FutureObject>(rt, create_future<Value>(rt.loop()))); }
Value future_value(Runtime& rt, Future<Value> f) { return Value(make<FutureObject>(rt, std::move(f))); }

std::int64_t remove_done_callbacks(std::vector<DoneCallback>& callbacks, const Value& fn) {
  std::int64_t n = 0;
  std::erase_if(callbacks, [&](const DoneCallback& cb) {
    if (*cb.removed || !truthy(compare(cb.fn, CompareOperator::eq, fn))) return false;
    *cb.removed = true;
    ++n;
    return true;
  });
  return n;
}

// ---- shield ----------------------------------------------------------------------------------
namespace {
// shield() of a future: the engine's shield logic (shield.hpp) for a future inner; 3.11's
// _inner_done_callback cancels the outer future without a message.
Future<Value> shield_future(Runtime& rt, Future<Value> inner) {
  Future<Value> outer = create_future<Value>(rt.loop());
  inner.add_done_callback([outer](Future<Value> in) mutable {
    if (outer.cancelled()) {
      in.core()->m_retrieved = true;
      return;
    }
    if (in.cancelled()) outer.cancel();
    else if (std::exception_ptr e = in.exception()) outer.set_exception(e);
    else outer.set_result(in.result());
  });
  return outer;
}
}  // namespace

// ---- wait_for of a future ---------------------------------------------------------------------
// CPython 3.11's wait_for and _cancel_and_wait, step for step, for a future (the engine's
// wait_for takes tasks): a waiter future released by the future's done callback or by the
// timeout handle, whichever comes first.
namespace {
struct Release {
  Future<Value> waiter;
  std::shared_ptr<bool> removed = std::make_shared<bool>(false);
  void operator()() {
    if (!*removed && !waiter.done()) waiter.set_result(Value());
  }
};

Coro<> cancel_and_wait(EventLoop& loop, Future<Value> fut) {
  Release release{create_future<Value>(loop)};
  fut.add_done_callback([release](Future<Value>) mutable { release(); });
  fut.cancel();
  std::exception_ptr err;
  try {
    co_await release.waiter;
  } catch (...) {
    err = std::current_exception();
  }
  *release.removed = true;
  if (err) std::rethrow_exception(err);
}

Value result_or_timeout(const Future<Value>& fut) {
  if (fut.cancelled()) throw loopscope::TimeoutError();
  return fut.result();
}
}  // namespace

Coro<Value> wait_for_future(Runtime& rt, Future<Value> fut, double timeout) {
  EventLoop& loop = rt.loop();
  if (timeout <= 0) {
    if (fut.done()) co_return fut.result();
    co_await cancel_and_wait(loop, fut);
    co_return result_or_timeout(fut);
  }
  Release release{create_future<Value>(loop)};
  HandleRef timer = loop.call_later(timeout, [release]() mutable { release(); }, "wait_for timeout");
  fut.add_done_callback([release](Future<Value>) mutable { release(); });
  std::exception_ptr cancelled;
  try {
    co_await release.waiter;
  } catch (...) {
    cancelled = std::current_exception();
  }
  timer.cancel();
  if (fut.done()) co_return fut.result();
  *release.removed = true;
  co_await cancel_and_wait(loop, fut);
  if (cancelled) std::rethrow_exception(cancelled);
  co_return result_or_timeout(fut);
}

// ---- wait and as_completed with futures ------------------------------------------------------
bool Awaitable::failed() const {
  if (task) return task.done() && !task.cancelled() && task.exception();
  return future.done() && !future.cancelled() && future.core()->exception();
}

void Awaitable::on_done(std::function<void()> fn) const {
  if (task) task.add_done_callback([fn = std::move(fn)](AnyTask) { fn(); });
  else future.add_done_callback([fn = std::move(fn)](Future<Value>) { fn(); });
}

Coro<Value> wait_with_futures(Runtime& rt, std::vector<Value> items, std::string when, std::optional<double> timeout) {
  EventLoop& loop = rt.loop();
  std::vector<Awaitable> aws;
  for (const auto& v : items) aws.push_back(as_awaitable(rt, v, "wait"));
  Release release{create_future<Value>(loop)};
  HandleRef timer;
  if (timeout) timer = loop.call_later(*timeout, [release]() mutable { release(); }, "wait timeout");
  auto counter = std::make_shared<std::size_t>(aws.size());
  for (const auto& aw : aws)
    aw.on_done([release, counter, when, aw, timer]() mutable {
      if (*release.removed) return;
      --*counter;
      if (*counter == 0 || when == "FIRST_COMPLETED" || (when == "FIRST_EXCEPTION" && aw.failed())) {
        timer.cancel();
        release();
      }
    });
  std::exception_ptr err;
  try {
    co_await release.waiter;
  } catch (...) {
    err = std::current_exception();
  }
  timer.cancel();
  *release.removed = true;
  if (err) std::rethrow_exception(err);
  auto done = make<SetObject>(), pending = make<SetObject>();
  for (std::size_t i = 0; i < aws.size(); ++i) (aws[i].done() ? done : pending)->add(items[i]);
  co_return py_tuple({Value(done), Value(pending)});
}

namespace {
// as_completed's shared state: indexes of finished awaitables in completion order (-1: the
// timeout), handed to the _wait_for_one coroutines through a queue.
struct AsCompletedFutures {
  explicit AsCompletedFutures(std::vector<Awaitable> a) : aws(std::move(a)), todo(aws.size(), true), left(aws.size()) {}
  std::vector<Awaitable> aws;
  std::vector<bool> todo;
  std::size_t left;
  Queue<std::ptrdiff_t> done;
  HandleRef timer;
};

Coro<Value> wait_for_one(std::shared_ptr<AsCompletedFutures> s) {
  const std::ptrdiff_t i = co_await s->done.get();
  if (i < 0) throw loopscope::TimeoutError();
  co_return s->aws[static_cast<std::size_t>(i)].result();
}
}  // namespace

Value as_completed_with_futures(Runtime& rt, std::vector<Value> items, std::optional<double> timeout) {
  std::vector<Awaitable> aws;
  for (const auto& v : items) aws.push_back(as_awaitable(rt, v, "as_completed"));
  auto s = std::make_shared<AsCompletedFutures>(std::move(aws));
  std::weak_ptr<AsCompletedFutures> weak = s;
  for (std::size_t i = 0; i < s->aws.size(); ++i)
    s->aws[i].on_done([weak, i] {
      auto st = weak.lock();
      if (!st || st->left == 0 || !st->todo[i]) return;
      st->todo[i] = false;
      --st->left;
      st->done.put_nowait(static_cast<std::ptrdiff_t>(i));
      if (st->left == 0) st->timer.cancel();
    });
  if (timeout && s->left)
    s->timer = rt.loop().call_later(*timeout, [weak] {
      auto st = weak.lock();
      if (!st) return;
      for (std::size_t i = 0; i < st->todo.size(); ++i)
        if (st->todo[i]) st->todo[i] = false, st->done.put_nowait(-1);
      st->left = 0;
    }, "as_completed timeout");
  std::vector<Value> coros;
  for (std::size_t i = 0; i < s->aws.size(); ++i) coros.push_back(native_coro(wait_for_one(s), "_wait_for_one", true));
  auto it = iterate(py_list(std::move(coros)));
  it->type_name = "generator";
  return Value(it);
}

// ---- tasks or futures ------------------------------------------------------------------------
Awaitable as_awaitable(Runtime& rt, const Value& v, const char* what) {
  if (auto* f = as_future(v)) return Awaitable{{}, f->fut};
  return Awaitable{rt.as_task(v, what), {}};
}

Future<Value> future_of(const Value& v) { return as_future(v)->fut; }

// ---- the module ------------------------------------------------------------------------------
void install_asyncio_futures(ModuleObject& mod) {
  def_type(mod, "Future", [](Runtime& r, CallArgs& a) {
    (void)a.take("loop");
    check_args(a, "Future", 0, 0);
    return new_future_value(r);
  });
  mod.attrs["shield"] = builtin("shield", [](Runtime& r, CallArgs& a) {
    check_args(a, "shield", 1, 1);
    if (auto* f = as_future(a.pos[0])) {
      if (f->fut.done()) return a.pos[0];
      return Value(make<FutureObject>(r, shield_future(r, f->fut)));
    }
    Task<Value> t = r.as_task(a.pos[0], "shield");
    if (t.done()) return r.task_value(t);
    return Value(make<FutureObject>(r, loopscope::shield(t)));
  });
  mod.attrs["isfuture"] = builtin("isfuture", [](Runtime&, CallArgs& a) {
    check_args(a, "isfuture", 1, 1);
    return py_bool(a.pos[0].is(ObjKind::task) || as_future(a.pos[0]));
  });
}

}  // namespace loopscope::python
