// module_asyncio_sync.cpp — asyncio's synchronization primitives on the engine's: Lock, Event,
// Semaphore, BoundedSemaphore, Condition, Barrier. Each Python object owns its engine
// primitive; a coroutine that waits on it holds a reference to the object, so the primitive
// outlives every wait.
//
// Sections: Lock · Event · Semaphore · Condition · Barrier · the module's types
#include "python/runtime/module_asyncio.hpp"

#include <loopscope/barrier.hpp>
#include <loopscope/condition.hpp>
#include <loopscope/event.hpp>
#include <loopscope/lock.hpp>
#include <loopscope/semaphore.hpp>

namespace loopscope::python {

namespace {
// ---- Lock ------------------------------------------------------------------------------------
struct LockObject : NativeObject {
  Lock lock;
  detail::Primitive* primitive() override { return &lock; }
  const char* type_name() const override { return "Lock"; }
  TypeObject* type() const override { return native_type("Lock"); }
  std::string repr() const override { return std::string("<asyncio.locks.Lock object [") + (lock.locked() ? "locked" : "unlocked") + "]>"; }
  bool has_async_with() const override { return true; }
  static Coro<Value> acquire(Ref<LockObject> self) {
    co_await self->lock.acquire();
    co_return py_bool(true);
  }
  Coro<Value> aenter(Runtime&, Value) override {
    co_await lock.acquire();
    co_return Value();
  }
  Coro<bool> aexit(Runtime&, std::exception_ptr) override {
    lock.release();
    co_return false;
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<LockObject> me(this);
    if (name == "acquire") return method("acquire", self, [me](Runtime&, CallArgs& a) { check_args(a, "acquire", 0, 0); return native_coro(acquire(me), "acquire", true); });
    if (name == "release") return method("release", self, [me](Runtime&, CallArgs& a) { check_args(a, "release", 0, 0); me->lock.release(); return Value(); });
    if (name == "locked") return method("locked", self, [me](Runtime&, CallArgs& a) { check_args(a, "locked", 0, 0); return py_bool(me->lock.locked()); });
    return std::nullopt;
  }
};

// ---- Event -----------------------------------------------------------------------------------
struct EventObject : NativeObject {
  Event event;
  detail::Primitive* primitive() override { return &event; }
  const char* type_name() const override { return "Event"; }
  TypeObject* type() const override { return native_type("Event"); }
  std::string repr() const override { return std::string("<asyncio.locks.Event object [") + (event.is_set() ? "set" : "unset") + "]>"; }
  static Coro<Value> wait(Ref<EventObject> self) {
    co_await self->event.wait();
    co_return py_bool(true);
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<EventObject> me(this);
    if (name == "wait") return method("wait", self, [me](Runtime&, CallArgs& a) { check_args(a, "wait", 0, 0); return native_coro(wait(me), "wait", true); });
    if (name == "set") return method("set", self, [me](Runtime&, CallArgs& a) { check_args(a, "set", 0, 0); me->event.set(); return Value(); });
    if (name == "clear") return method("clear", self, [me](Runtime&, CallArgs& a) { check_args(a, "clear", 0, 0); me->event.clear(); return Value(); });
    if (name == "is_set") return method("is_set", self, [me](Runtime&, CallArgs& a) { check_args(a, "is_set", 0, 0); return py_bool(me->event.is_set()); });
    return std::nullopt;
  }
};

// ---- Semaphore -------------------------------------------------------------------------------
// One object for both: a bounded one refuses a release above its initial value (ValueError),
// checked here so that the engine's counter never goes past it.
struct SemaphoreObject : NativeObject {
  explicit SemaphoreObject(int v, bool bounded) : sem(v), initial(v), bounded(bounded) {}
  Semaphore sem;
  detail::Primitive* primitive() override { return &sem; }
  int initial;
  bool bounded;
  const char* type_name() const override { return bounded ? "BoundedSemaphore" : "Semaphore"; }
  TypeObject* type() const override { return native_type(type_name()); }
  std::string repr() const override {
    return std::string("<asyncio.locks.") + type_name() + " object [" + (sem.locked() ? "locked" : "unlocked, value:" + std::to_string(sem.value())) + "]>";
  }
  bool has_async_with() const override { return true; }
  void release() {
    if (bounded && sem.value() >= initial) value_error("BoundedSemaphore released too many times");
    sem.release();
  }
  static Coro<Value> acquire(Ref<SemaphoreObject> self) {
    co_await self->sem.acquire();
    co_return py_bool(true);
  }
  Coro<Value> aenter(Runtime&, Value) override {
    co_await sem.acquire();
    co_return Value();
  }
  Coro<bool> aexit(Runtime&, std::exception_ptr) override {
    release();
    co_return false;
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<SemaphoreObject> me(this);
    if (name == "acquire") return method("acquire", self, [me](Runtime&, CallArgs& a) { check_args(a, "acquire", 0, 0); return native_coro(acquire(me), "acquire", true); });
    if (name == "release") return method("release", self, [me](Runtime&, CallArgs& a) { check_args(a, "release", 0, 0); me->release(); return Value(); });
    if (name == "locked") return method("locked", self, [me](Runtime&, CallArgs& a) { check_args(a, "locked", 0, 0); return py_bool(me->sem.locked()); });
    return std::nullopt;
  }
};

// ---- Condition -------------------------------------------------------------------------------
// Condition(lock=None): the engine's Condition on its own lock, or on a given Lock object's
// (kept alive by `lock_owner`).
struct ConditionObject : NativeObject {
  ConditionObject() : cond(std::make_unique<Condition>()) {}
  explicit ConditionObject(Ref<LockObject> l) : lock_owner(std::move(l)), cond(std::make_unique<Condition>(lock_owner->lock)) {}
  Ref<LockObject> lock_owner;
  std::unique_ptr<Condition> cond;
  detail::Primitive* primitive() override { return cond.get(); }
  const char* type_name() const override { return "Condition"; }
  TypeObject* type() const override { return native_type("Condition"); }
  std::string repr() const override {
    std::string s = std::string("<asyncio.locks.Condition object [") + (cond->locked() ? "locked" : "unlocked");
    if (cond->waiting()) s += ", waiters:" + std::to_string(cond->waiting());
    return s + "]>";
  }
  bool has_async_with() const override { return true; }
  static Coro<Value> acquire(Ref<ConditionObject> self) {
    co_await self->cond->acquire();
    co_return py_bool(true);
  }
  static Coro<Value> wait(Ref<ConditionObject> self) {
    co_await self->cond->wait();
    co_return py_bool(true);
  }
  // CPython's wait_for: the predicate's own (truthy) result is returned.
  static Coro<Value> wait_for(Runtime& rt, Ref<ConditionObject> self, Value predicate) {
    Value result = rt.call(predicate, std::vector<Value>{});
    while (!truthy(result)) {
      co_await self->cond->wait();
      result = rt.call(predicate, std::vector<Value>{});
    }
    co_return result;
  }
  Coro<Value> aenter(Runtime&, Value) override {
    co_await cond->acquire();
    co_return Value();
  }
  Coro<bool> aexit(Runtime&, std::exception_ptr) override {
    cond->release();
    co_return false;
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<ConditionObject> me(this);
    if (name == "acquire") return method("acquire", self, [me](Runtime&, CallArgs& a) { check_args(a, "acquire", 0, 0); return native_coro(acquire(me), "acquire", true); });
    if (name == "release") return method("release", self, [me](Runtime&, CallArgs& a) { check_args(a, "release", 0, 0); me->cond->release(); return Value(); });
    if (name == "locked") return method("locked", self, [me](Runtime&, CallArgs& a) { check_args(a, "locked", 0, 0); return py_bool(me->cond->locked()); });
    if (name == "wait") return method("wait", self, [me](Runtime&, CallArgs& a) { check_args(a, "wait", 0, 0); return native_coro(wait(me), "wait", true); });
    if (name == "wait_for")
      return method("wait_for", self, [me](Runtime& r, CallArgs& a) {
        check_args(a, "wait_for", 1, 1);
        return native_coro(wait_for(r, me, a.pos[0]), "wait_for", true);
      });
    if (name == "notify")
      return method("notify", self, [me](Runtime&, CallArgs& a) {
        std::optional<Value> n = a.take("n");
        check_args(a, "notify", 0, 1);
        if (!a.pos.empty()) n = a.pos[0];
        const std::int64_t k = n ? int_arg(*n, "n") : 1;
        me->cond->notify(k > 0 ? static_cast<std::size_t>(k) : 0);
        return Value();
      });
    if (name == "notify_all") return method("notify_all", self, [me](Runtime&, CallArgs& a) { check_args(a, "notify_all", 0, 0); me->cond->notify_all(); return Value(); });
    return std::nullopt;
  }
};

// ---- Barrier ---------------------------------------------------------------------------------
// `async with barrier as i` waits (i is the arrival index); parties / n_waiting / broken are
// attributes, as in asyncio.
struct BarrierObject : NativeObject {
  explicit BarrierObject(int parties) : barrier(parties) {}
  Barrier barrier;
  detail::Primitive* primitive() override { return &barrier.primitive(); }
  const char* type_name() const override { return "Barrier"; }
  TypeObject* type() const override { return native_type("Barrier"); }
  std::string repr() const override {
    std::string state = barrier.broken() ? "broken" : "filling";
    return "<asyncio.locks.Barrier object [" + state + ", waiters:" + std::to_string(barrier.n_waiting()) + "/" + std::to_string(barrier.parties()) + "]>";
  }
  bool has_async_with() const override { return true; }
  static Coro<Value> wait(Ref<BarrierObject> self) { co_return py_int(co_await self->barrier.wait()); }
  static Coro<Value> reset(Ref<BarrierObject> self) {
    co_await self->barrier.reset();
    co_return Value();
  }
  static Coro<Value> abort(Ref<BarrierObject> self) {
    co_await self->barrier.abort();
    co_return Value();
  }
  Coro<Value> aenter(Runtime&, Value) override { co_return py_int(co_await barrier.wait()); }
  Coro<bool> aexit(Runtime&, std::exception_ptr) override { co_return false; }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<BarrierObject> me(this);
    if (name == "wait") return method("wait", self, [me](Runtime&, CallArgs& a) { check_args(a, "wait", 0, 0); return native_coro(wait(me), "wait", true); });
    if (name == "reset") return method("reset", self, [me](Runtime&, CallArgs& a) { check_args(a, "reset", 0, 0); return native_coro(reset(me), "reset", true); });
    if (name == "abort") return method("abort", self, [me](Runtime&, CallArgs& a) { check_args(a, "abort", 0, 0); return native_coro(abort(me), "abort", true); });
    if (name == "parties") return py_int(barrier.parties());
    if (name == "n_waiting") return py_int(barrier.n_waiting());
    if (name == "broken") return py_bool(barrier.broken());
    return std::nullopt;
  }
};
}  // namespace

// ---- the module's types ----------------------------------------------------------------------
void install_asyncio_sync(ModuleObject& mod) {
  def_type(mod, "Lock", [](Runtime&, CallArgs& a) { check_args(a, "Lock", 0, 0); return Value(make<LockObject>()); });
  def_type(mod, "Event", [](Runtime&, CallArgs& a) { check_args(a, "Event", 0, 0); return Value(make<EventObject>()); });
  auto sem = [](bool bounded) {
    return [bounded](Runtime&, CallArgs& a) {
      std::optional<Value> v = a.take("value");
      check_args(a, bounded ? "BoundedSemaphore" : "Semaphore", 0, 1);
      if (!a.pos.empty()) v = a.pos[0];
      const std::int64_t n = v ? int_arg(*v, "value") : 1;
      if (n < 0) value_error("Semaphore initial value must be >= 0");
      return Value(make<SemaphoreObject>(static_cast<int>(n), bounded));
    };
  };
  def_type(mod, "Semaphore", sem(false));
  def_type(mod, "BoundedSemaphore", sem(true));
  def_type(mod, "Condition", [](Runtime&, CallArgs& a) {
    std::optional<Value> lock = a.take("lock");
    check_args(a, "Condition", 0, 1);
    if (!a.pos.empty()) lock = a.pos[0];
    if (!lock || lock->is_none()) return Value(make<ConditionObject>());
    auto* n = lock->get<NativeObject>(ObjKind::native);
    auto* l = n ? dynamic_cast<LockObject*>(n) : nullptr;
    if (!l) type_error("Condition(lock): the lock must be an asyncio.Lock, not " + type_name(*lock));
    return Value(make<ConditionObject>(Ref<LockObject>(l)));
  });
  def_type(mod, "Barrier", [](Runtime&, CallArgs& a) {
    std::optional<Value> p = a.take("parties");
    check_args(a, "Barrier", 0, 1);
    if (!a.pos.empty()) p = a.pos[0];
    if (!p) type_error("Barrier.__init__() missing 1 required positional argument: 'parties'");
    const std::int64_t n = int_arg(*p, "parties");
    if (n < 1) value_error("parties must be > 0");
    return Value(make<BarrierObject>(static_cast<int>(n)));
  });
}

}  // namespace loopscope::python
