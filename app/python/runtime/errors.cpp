// errors.cpp — the built-in types and exception hierarchy, and raising (see errors.hpp).
#include "python/runtime/errors.hpp"

#include "python/runtime/ops.hpp"

namespace loopscope::python {

namespace {
TypeObject* make_type(const char* name, std::vector<TypeObject*> bases, bool exc = false) {
  auto* t = new TypeObject(name, std::move(bases));
  t->refs = 1;  // never freed: built-in types live for the process
  t->is_exception = exc;
  return t;
}

BuiltinTypes build() {
  BuiltinTypes b{};
  b.object = make_type("object", {});
  auto plain = [&](const char* n) { return make_type(n, {b.object}); };
  b.none = plain("NoneType");
  b.int_ = plain("int");
  b.bool_ = make_type("bool", {b.int_});
  b.float_ = plain("float");
  b.str = plain("str");
  b.list = plain("list");
  b.tuple = plain("tuple");
  b.dict = plain("dict");
  b.set = plain("set");
  b.range = plain("range");
  b.function = plain("function");
  b.builtin_function = plain("builtin_function_or_method");
  b.method = plain("method");
  b.coroutine = plain("coroutine");
  b.task = plain("Task");
  b.task->module = "_asyncio";
  b.type = plain("type");
  b.module = plain("module");
  b.slice = plain("slice");
  b.iterator = plain("iterator");

  auto exc = [&](const char* n, TypeObject* base, bool builtin = true) {
    TypeObject* t = make_type(n, {base}, true);
    if (builtin) b.builtin_exceptions.push_back(t);
    return t;
  };
  b.base_exception = exc("BaseException", b.object);
  b.exception = exc("Exception", b.base_exception);
  b.arithmetic_error = exc("ArithmeticError", b.exception);
  b.zero_division_error = exc("ZeroDivisionError", b.arithmetic_error);
  b.overflow_error = exc("OverflowError", b.arithmetic_error);
  b.lookup_error = exc("LookupError", b.exception);
  b.key_error = exc("KeyError", b.lookup_error);
  b.index_error = exc("IndexError", b.lookup_error);
  b.value_error = exc("ValueError", b.exception);
  b.unicode_error = exc("UnicodeError", b.value_error);
  b.type_error = exc("TypeError", b.exception);
  b.name_error = exc("NameError", b.exception);
  b.unbound_local_error = exc("UnboundLocalError", b.name_error);
  b.attribute_error = exc("AttributeError", b.exception);
  b.runtime_error = exc("RuntimeError", b.exception);
  b.not_implemented_error = exc("NotImplementedError", b.runtime_error);
  b.recursion_error = exc("RecursionError", b.runtime_error);
  b.assertion_error = exc("AssertionError", b.exception);
  b.stop_iteration = exc("StopIteration", b.exception);
  b.stop_async_iteration = exc("StopAsyncIteration", b.exception);
  b.os_error = exc("OSError", b.exception);
  b.timeout_error = exc("TimeoutError", b.os_error);
  b.connection_error = exc("ConnectionError", b.os_error);
  b.keyboard_interrupt = exc("KeyboardInterrupt", b.base_exception);
  b.system_exit = exc("SystemExit", b.base_exception);
  b.base_exception_group = exc("BaseExceptionGroup", b.base_exception);
  b.exception_group = make_type("ExceptionGroup", {b.base_exception_group, b.exception}, true);
  b.builtin_exceptions.push_back(b.exception_group);
  b.cancelled_error = exc("CancelledError", b.base_exception, false);
  b.cancelled_error->module = "asyncio.exceptions";
  b.invalid_state_error = exc("InvalidStateError", b.exception, false);
  b.invalid_state_error->module = "asyncio.exceptions";
  b.queue_empty = exc("QueueEmpty", b.exception, false);
  b.queue_empty->module = "asyncio.queues";
  b.queue_full = exc("QueueFull", b.exception, false);
  b.queue_full->module = "asyncio.queues";
  b.broken_barrier_error = exc("BrokenBarrierError", b.runtime_error, false);
  b.broken_barrier_error->module = "asyncio.exceptions";
  b.client_error = exc("ClientError", b.exception, false);
  b.client_error->module = "aiohttp";
  b.client_response_error = exc("ClientResponseError", b.client_error, false);
  b.client_response_error->module = "aiohttp";
  b.client_connection_error = exc("ClientConnectionError", b.client_error, false);
  b.client_connection_error->module = "aiohttp";
  return b;
}
}  // namespace

const BuiltinTypes& types() {
  static const BuiltinTypes t = build();
  return t;
}

PyError::PyError(Ref<ExceptionObject> e) : m_exc(std::move(e)), m_what(exception_str(*m_exc)) {}

const char* PyError::type_name() const noexcept { return m_exc->type->name.c_str(); }

Ref<ExceptionObject> new_exception(TypeObject* t, std::string message) {
  auto e = make<ExceptionObject>(t);
  e->args.push_back(py_str(std::move(message)));
  return e;
}

Ref<ExceptionObject> new_exception_args(TypeObject* t, std::vector<Value> args) {
  auto e = make<ExceptionObject>(t);
  e->args = std::move(args);
  return e;
}

void throw_exception(const Ref<ExceptionObject>& e) {
  if (e->type->is_subclass_of(types().cancelled_error)) throw PyCancelled(e, exception_str(*e));
  throw PyError(e);
}

void raise(TypeObject* t, std::string message) { throw_exception(new_exception(t, std::move(message))); }
void type_error(std::string message) { raise(types().type_error, std::move(message)); }
void value_error(std::string message) { raise(types().value_error, std::move(message)); }

std::string exception_str(const ExceptionObject& e) {
  if (e.type->is_subclass_of(types().base_exception_group)) {
    const std::size_t n = e.group.size();
    return e.group_message + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")";
  }
  if (e.args.empty()) return {};
  if (e.args.size() == 1) {
    if (e.type->is_subclass_of(types().key_error)) return to_repr(e.args[0]);
    return to_str(e.args[0]);
  }
  return to_repr(py_tuple(e.args));
}

std::string exception_line(const ExceptionObject& e) {
  std::string name = e.type->name;
  if (!e.type->module.empty() && e.type->module != "builtins") name = e.type->module + "." + name;
  const std::string s = exception_str(e);
  return s.empty() ? name : name + ": " + s;
}

}  // namespace loopscope::python
