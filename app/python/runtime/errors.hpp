#pragma once
// errors.hpp — Python exceptions as C++ exceptions, and the built-in types.
//
// A Python exception travels as a C++ exception so that the engine's own propagation and
// cancellation apply unchanged:
//   - PyError carries an ExceptionObject (ValueError, KeyError, … and any raised instance);
//   - a raised CancelledError travels as PyCancelled, a loopscope::CancelledError, so that the
//     engine sees a cancellation; the engine's own errors (CancelledError, TimeoutError,
//     InvalidStateError, QueueEmpty/QueueFull, ExceptionGroup) are converted to Python objects
//     where a program looks at them (Runtime::exception_object).
// Invariant: builtin_types() are process-wide and immutable once built; they are never freed.
//
// Sections: built-in types · C++ carriers · raising
#include "python/runtime/objects.hpp"

#include <loopscope/errors.hpp>

#include <string>

namespace loopscope::python {

// ---- built-in types --------------------------------------------------------------------------
struct BuiltinTypes {
  TypeObject *object, *none, *bool_, *int_, *float_, *str, *list, *tuple, *dict, *set, *range,
      *function, *builtin_function, *method, *coroutine, *task, *type, *module, *slice, *iterator;
  // exceptions
  TypeObject *base_exception, *exception, *arithmetic_error, *zero_division_error, *overflow_error,
      *lookup_error, *key_error, *index_error, *value_error, *type_error, *name_error,
      *unbound_local_error, *attribute_error, *runtime_error, *not_implemented_error,
      *recursion_error, *assertion_error, *stop_iteration, *stop_async_iteration, *os_error,
      *timeout_error, *connection_error, *cancelled_error, *invalid_state_error, *queue_empty,
      *queue_full, *broken_barrier_error, *base_exception_group, *exception_group, *keyboard_interrupt, *system_exit,
      *unicode_error, *client_error, *client_response_error, *client_connection_error;
  std::vector<TypeObject*> builtin_exceptions;  // those reachable as builtins by name
};
const BuiltinTypes& types();

// ---- C++ carriers ----------------------------------------------------------------------------
class PyError : public std::exception, public NamedError {
public:
  explicit PyError(Ref<ExceptionObject> e);
  const char* what() const noexcept override { return m_what.c_str(); }
  const char* type_name() const noexcept override;
  const Ref<ExceptionObject>& exception() const noexcept { return m_exc; }

private:
  Ref<ExceptionObject> m_exc;
  std::string m_what;
};

struct PyCancelled : CancelledError {
  PyCancelled(Ref<ExceptionObject> e, std::string msg) : CancelledError(std::move(msg)), exc(std::move(e)) {}
  Ref<ExceptionObject> exc;
};

// Thrown when a limit is crossed: no `except` of the program matches it (not a Python error).
struct Halt : std::exception, NamedError {
  const char* what() const noexcept override { return "the run was stopped"; }
  const char* type_name() const noexcept override { return "Halt"; }
};

// ---- raising ---------------------------------------------------------------------------------
Ref<ExceptionObject> new_exception(TypeObject* t, std::string message);
Ref<ExceptionObject> new_exception_args(TypeObject* t, std::vector<Value> args);
// Throws the C++ carrier for `e` (PyCancelled for CancelledError, else PyError).
[[noreturn]] void throw_exception(const Ref<ExceptionObject>& e);
[[noreturn]] void raise(TypeObject* t, std::string message);
[[noreturn]] void type_error(std::string message);
[[noreturn]] void value_error(std::string message);
// str(e) and "Type: message" (the traceback's last line).
std::string exception_str(const ExceptionObject& e);
std::string exception_line(const ExceptionObject& e);

}  // namespace loopscope::python
