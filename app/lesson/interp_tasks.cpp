// interp_tasks.cpp — gather, wait, wait_for, timeout, cancel. (Temporary: the engine's
// combinators have not landed yet; these operations fail with a clear message until they do.)
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

namespace loopscope::lesson {

Coro<Flow> Interpreter::exec_tasks(const Op& op, Frame& f) {
  if (auto* o = std::get_if<CancelOp>(&op.data)) {
    const Value v = eval(o->task, f);
    auto* t = v.get_if<TaskValue>();
    if (!t) throw ProgramError("TypeError", "cancel expects a task, got " + v.type_name());
    const std::string msg = o->message ? render(*o->message, f) : std::string();
    AnyTask task = t->task;
    assign(f, o->into, Value(task.cancel(msg)));
    co_return Flow::next;
  }
  throw ProgramError("RuntimeError", "operation '" + op.name + "' is not available in this build yet");
}

}  // namespace loopscope::lesson
