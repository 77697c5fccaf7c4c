#pragma once
// detail/interp_objects.hpp — internals shared by the interpreter's source files: the
// declared primitives (ObjectSlot) and a variant index helper. (Temporary form until the
// engine's primitives land.)
#include "lesson/interpreter.hpp"

#include <memory>
#include <variant>

namespace loopscope::lesson {

template <class V, class T, std::size_t I = 0> consteval std::size_t variant_index() {
  static_assert(I < std::variant_size_v<V>, "type not in variant");
  if constexpr (std::is_same_v<std::variant_alternative_t<I, V>, T>) return I;
  else return variant_index<V, T, I + 1>();
}

struct ObjectSlot {
  std::string name;
  ObjectKind kind = ObjectKind::event;
  void clear_values() {}
};

}  // namespace loopscope::lesson
