#pragma once
// detail/interp_objects.hpp — internals shared by the interpreter's source files: the
// declared primitives (ObjectSlot) and a variant index helper.
#include "lesson/interpreter.hpp"

#include <loopscope/event.hpp>
#include <loopscope/lock.hpp>
#include <loopscope/queue.hpp>
#include <loopscope/semaphore.hpp>

#include <memory>
#include <variant>

namespace loopscope::lesson {

// The index of alternative T in variant V, at compile time.
template <class V, class T, std::size_t I = 0> consteval std::size_t variant_index() {
  static_assert(I < std::variant_size_v<V>, "type not in variant");
  if constexpr (std::is_same_v<std::variant_alternative_t<I, V>, T>) return I;
  else return variant_index<V, T, I + 1>();
}

// One declared primitive. Exactly one of the pointers is set, matching `kind`.
struct ObjectSlot {
  std::string name;
  ObjectKind kind = ObjectKind::event;
  std::unique_ptr<Event> event;
  std::unique_ptr<Lock> lock;
  std::unique_ptr<Semaphore> semaphore;
  std::unique_ptr<Queue<Value>> queue;

  // Drops queued values (they may hold tasks) before the loop goes away.
  void clear_values() {
    if (queue) {
      while (queue->qsize() > 0) (void)queue->get_nowait();
    }
  }
};

}  // namespace loopscope::lesson
