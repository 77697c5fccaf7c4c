// interp_sync.cpp — Event, Lock, Semaphore, Queue. (Temporary: the engine's primitives have not
// landed yet; these operations fail with a clear message until they do.)
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

namespace loopscope::lesson {

void Interpreter::create_objects() {
  for (const auto& d : m_step.program.objects) {
    auto slot = std::make_unique<ObjectSlot>();
    slot->name = d.name;
    slot->kind = d.kind;
    m_globals[d.name] = Value(ObjectValue{slot.get()});
    m_objects[d.name] = std::move(slot);
  }
}

ObjectSlot& Interpreter::object(const std::string& name) {
  auto it = m_objects.find(name);
  if (it == m_objects.end() || !it->second) throw ProgramError("NameError", "no object '" + name + "'");
  return *it->second;
}

Coro<Flow> Interpreter::exec_sync(const Op& op, Frame&) {
  throw ProgramError("RuntimeError", "operation '" + op.name + "' is not available in this build yet");
  co_return Flow::next;
}

}  // namespace loopscope::lesson
