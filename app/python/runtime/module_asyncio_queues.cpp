// module_asyncio_queues.cpp — asyncio.Queue, PriorityQueue and LifoQueue on the engine's Queue
// and its store policies. A PriorityQueue orders its items with Python's `<` (as heapq does),
// so a comparison that fails raises the program's TypeError from put().
//
// Sections: items · the queue object · the module's types
#include "python/runtime/module_asyncio.hpp"

#include <loopscope/queue.hpp>

namespace loopscope::python {

namespace {
// ---- items -----------------------------------------------------------------------------------
// A PriorityQueue item: the engine's heap asks `a > b`, which is Python's `b < a`.
struct Ordered {
  Value v;
  friend bool operator>(const Ordered& a, const Ordered& b) { return truthy(compare(b.v, CompareOperator::lt, a.v)); }
};
Value unwrap(Value v) { return v; }
Value unwrap(Ordered o) { return std::move(o.v); }

// ---- the queue object ------------------------------------------------------------------------
template <class Q, class Item> struct QueueObject : NativeObject {
  explicit QueueObject(std::int64_t maxsize) : queue(maxsize > 0 ? static_cast<std::size_t>(maxsize) : 0), declared(maxsize) {}
  Q queue;
  std::int64_t declared;  // maxsize as given (<= 0: unbounded)
  detail::Primitive* primitive() override { return &queue; }
  const char* type_name() const override { return Q::store_type_name; }
  TypeObject* type() const override { return native_type(type_name()); }
  std::string repr() const override {
    return std::string("<") + type_name() + " maxsize=" + std::to_string(declared) +
           (queue.qsize() ? " _queue=… tasks=" + std::to_string(queue.qsize()) : "") + ">";
  }
  static Coro<Value> put(Ref<QueueObject> self, Value v) {
    co_await self->queue.put(Item{std::move(v)});
    co_return Value();
  }
  static Coro<Value> get(Ref<QueueObject> self) { co_return unwrap(co_await self->queue.get()); }
  static Coro<Value> join(Ref<QueueObject> self) {
    co_await self->queue.join();
    co_return Value();
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<QueueObject> me(this);
    if (name == "put") return method("put", self, [me](Runtime&, CallArgs& a) { check_args(a, "put", 1, 1); return native_coro(put(me, a.pos[0]), "put", true); });
    if (name == "get") return method("get", self, [me](Runtime&, CallArgs& a) { check_args(a, "get", 0, 0); return native_coro(get(me), "get", true); });
    if (name == "join") return method("join", self, [me](Runtime&, CallArgs& a) { check_args(a, "join", 0, 0); return native_coro(join(me), "join", true); });
    if (name == "put_nowait")
      return method("put_nowait", self, [me](Runtime&, CallArgs& a) {
        check_args(a, "put_nowait", 1, 1);
        if (me->queue.full()) throw_exception(new_exception_args(types().queue_full, {}));
        me->queue.put_nowait(Item{a.pos[0]});
        return Value();
      });
    if (name == "get_nowait")
      return method("get_nowait", self, [me](Runtime&, CallArgs& a) {
        check_args(a, "get_nowait", 0, 0);
        if (me->queue.empty()) throw_exception(new_exception_args(types().queue_empty, {}));
        return unwrap(me->queue.get_nowait());
      });
    if (name == "task_done")
      return method("task_done", self, [me](Runtime&, CallArgs& a) {
        check_args(a, "task_done", 0, 0);
        try {
          me->queue.task_done();
        } catch (const loopscope::EngineError&) {
          value_error("task_done() called too many times");
        }
        return Value();
      });
    if (name == "qsize") return method("qsize", self, [me](Runtime&, CallArgs& a) { check_args(a, "qsize", 0, 0); return py_int(static_cast<std::int64_t>(me->queue.qsize())); });
    if (name == "empty") return method("empty", self, [me](Runtime&, CallArgs& a) { check_args(a, "empty", 0, 0); return py_bool(me->queue.empty()); });
    if (name == "full") return method("full", self, [me](Runtime&, CallArgs& a) { check_args(a, "full", 0, 0); return py_bool(me->queue.full()); });
    if (name == "maxsize") return py_int(declared);
    return std::nullopt;
  }
};

template <class Store> struct NamedQueue : Queue<typename Store::value_type, Store> {
  using Queue<typename Store::value_type, Store>::Queue;
  static constexpr const char* store_type_name = Store::type_name;
};
template <class T> struct Fifo : detail::FifoStore<T> { using value_type = T; };
template <class T> struct Lifo : detail::LifoStore<T> { using value_type = T; };
template <class T> struct Prio : detail::PriorityStore<T> { using value_type = T; };

using FifoQueueObject = QueueObject<NamedQueue<Fifo<Value>>, Value>;
using LifoQueueObject = QueueObject<NamedQueue<Lifo<Value>>, Value>;
using PriorityQueueObject = QueueObject<NamedQueue<Prio<Ordered>>, Ordered>;

template <class Obj> NativeFn queue_ctor(const char* name) {
  return [name](Runtime&, CallArgs& a) {
    std::optional<Value> m = a.take("maxsize");
    check_args(a, name, 0, 1);
    if (!a.pos.empty()) m = a.pos[0];
    const std::int64_t n = m ? int_arg(*m, "maxsize") : 0;
    return Value(make<Obj>(n));
  };
}
}  // namespace

// ---- the module's types ----------------------------------------------------------------------
void install_asyncio_queues(ModuleObject& mod) {
  def_type(mod, "Queue", queue_ctor<FifoQueueObject>("Queue"));
  def_type(mod, "LifoQueue", queue_ctor<LifoQueueObject>("LifoQueue"));
  def_type(mod, "PriorityQueue", queue_ctor<PriorityQueueObject>("PriorityQueue"));
}

}  // namespace loopscope::python
