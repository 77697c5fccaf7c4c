// interp_sync.cpp — the declared primitives (Event, Lock, Semaphore, Queue) and their operations,
// all backed by the engine's own primitives so that waiting tasks show what they wait on.
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

namespace loopscope::lesson {

void Interpreter::create_objects() {
  Frame f;
  for (const auto& d : m_step.program.objects) {
    auto slot = std::make_unique<ObjectSlot>();
    slot->name = d.name;
    slot->kind = d.kind;
    switch (d.kind) {
      case ObjectKind::event: slot->event = std::make_unique<Event>(); break;
      case ObjectKind::lock: slot->lock = std::make_unique<Lock>(); break;
      case ObjectKind::semaphore: {
        const Value v = eval(d.value, f);
        if (!v.is<std::int64_t>() || *v.get_if<std::int64_t>() < 0 || *v.get_if<std::int64_t>() > 1000000)
          throw ProgramError("ValueError", "Semaphore '" + d.name + "' initial value must be an integer >= 0");
        slot->semaphore = std::make_unique<Semaphore>(static_cast<int>(*v.get_if<std::int64_t>()));
        break;
      }
      case ObjectKind::queue: {
        const Value v = eval(d.value, f);
        if (!v.is<std::int64_t>()) throw ProgramError("TypeError", "Queue '" + d.name + "' maxsize must be an integer");
        slot->queue = std::make_unique<Queue<Value>>(static_cast<std::size_t>(std::max<std::int64_t>(0, *v.get_if<std::int64_t>())));
        break;
      }
    }
    m_globals[d.name] = Value(ObjectValue{slot.get()});
    m_objects[d.name] = std::move(slot);
  }
}

ObjectSlot& Interpreter::object(const std::string& name) {
  auto it = m_objects.find(name);
  if (it == m_objects.end() || !it->second) throw ProgramError("NameError", "no object '" + name + "'");
  return *it->second;
}

Coro<Flow> Interpreter::exec_sync(const Op& op, Frame& f) {
  if (auto* o = std::get_if<EventOp>(&op.data)) {
    Event& ev = *object(o->object).event;
    switch (o->action) {
      case EventAction::set: ev.set(); break;
      case EventAction::clear: ev.clear(); break;
      case EventAction::wait: co_await ev.wait(); break;
    }
    co_return Flow::next;
  }
  if (auto* o = std::get_if<LockOp>(&op.data)) {
    ObjectSlot& s = object(o->object);
    if (o->action == LockAction::acquire) {
      if (s.lock) co_await s.lock->acquire();
      else co_await s.semaphore->acquire();
    } else {
      if (s.lock) s.lock->release();
      else s.semaphore->release();
    }
    co_return Flow::next;
  }
  if (auto* o = std::get_if<AsyncWithOp>(&op.data)) {
    ObjectSlot& s = object(o->object);
    if (s.lock) co_await s.lock->acquire();
    else co_await s.semaphore->acquire();
    Flow flow = Flow::next;
    std::exception_ptr err;
    try {
      flow = co_await exec_block(o->body, f);
    } catch (...) {
      err = std::current_exception();
    }
    if (s.lock) s.lock->release();
    else s.semaphore->release();
    if (err) std::rethrow_exception(err);
    co_return flow;
  }
  if (auto* o = std::get_if<QueuePutOp>(&op.data)) {
    Queue<Value>& q = *object(o->queue).queue;
    Value v = eval(o->value, f);
    if (o->nowait == Nowait::yes) q.put_nowait(std::move(v));
    else co_await q.put(std::move(v));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<QueueGetOp>(&op.data)) {
    Queue<Value>& q = *object(o->queue).queue;
    Value v;
    if (o->nowait == Nowait::yes) v = q.get_nowait();
    else v = co_await q.get();  // (no co_await inside ?: — g++ 12 miscompiles it)
    assign(f, o->into, std::move(v));
    co_return Flow::next;
  }
  if (auto* o = std::get_if<QueueCtlOp>(&op.data)) {
    Queue<Value>& q = *object(o->queue).queue;
    if (o->action == QueueAction::task_done) q.task_done();
    else co_await q.join();
    co_return Flow::next;
  }
  throw ProgramError("RuntimeError", "operation '" + op.name + "' is not implemented");
}

}  // namespace loopscope::lesson
