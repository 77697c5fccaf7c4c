#pragma once
// errors.hpp — the exceptions the engine raises, modelled on asyncio's.
//
// They are ordinary C++ exceptions. describe_exception() turns any exception_ptr into the
// "Type: message" text that traces and reports use. A user exception type can choose the Type
// part by deriving from NamedError (a language runtime on the engine does this for its ValueError & co).
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace loopscope {

// Mix-in that names an exception type in reports ("ValueError: bad input").
struct NamedError {
  virtual ~NamedError() = default;
  virtual const char* type_name() const noexcept = 0;
};

// Base of the engine's own errors: a message and a type name.
class EngineError : public std::exception, public NamedError {
public:
  explicit EngineError(std::string message = {}) : m_message(std::move(message)) {}
  const char* what() const noexcept override { return m_message.c_str(); }
  const std::string& message() const noexcept { return m_message; }

private:
  std::string m_message;
};

// Raised at a task's suspension point after task.cancel(); the message is cancel()'s argument.
struct CancelledError : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "CancelledError"; }
};
// Raised by wait_for / timeout when the deadline passes.
struct TimeoutError : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "TimeoutError"; }
};
// Raised when an operation is not valid in the object's current state (result() of a pending task).
struct InvalidStateError : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "InvalidStateError"; }
};
// Queue.get_nowait() on an empty queue / put_nowait() on a full one.
struct QueueEmpty : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "QueueEmpty"; }
};
struct QueueFull : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "QueueFull"; }
};
// asyncio's "RuntimeError" cases: lock released twice, loop stopped before the task completed…
struct RuntimeError : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "RuntimeError"; }
};
// An argument or an operation with a wrong value (BoundedSemaphore released too many times).
struct ValueError : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "ValueError"; }
};
// Barrier.wait() on a barrier that was aborted or reset (asyncio: a RuntimeError).
struct BrokenBarrierError : RuntimeError {
  using RuntimeError::RuntimeError;
  const char* type_name() const noexcept override { return "BrokenBarrierError"; }
};
// run_until_complete found nothing left to run while its task was still not done (asyncio would
// hang forever; the engine reports it instead).
struct DeadlockError : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "DeadlockError"; }
};

// Several errors surfacing together (TaskGroup). what() lists them, one "Type: message" each.
class ExceptionGroup : public std::exception, public NamedError {
public:
  ExceptionGroup(std::string message, std::vector<std::exception_ptr> errors);
  const char* what() const noexcept override { return m_what.c_str(); }
  const char* type_name() const noexcept override { return "ExceptionGroup"; }
  const std::vector<std::exception_ptr>& exceptions() const noexcept { return m_errors; }
  const std::string& message() const noexcept { return m_message; }

private:
  std::string m_message;
  std::vector<std::exception_ptr> m_errors;
  std::string m_what;
};

// "Type: message" (or just "Type" when the message is empty). Type is NamedError::type_name(),
// else the demangled C++ type name of a std::exception, else "exception".
std::string describe_exception(const std::exception_ptr& e);
// Just the Type part.
std::string exception_type_name(const std::exception_ptr& e);
// True when e holds a CancelledError.
bool is_cancelled_error(const std::exception_ptr& e) noexcept;

}  // namespace loopscope
