#pragma once
// value.hpp — the values a lesson program computes with, and how they print.
//
// Values follow Python: None, bool, int, float, str, list, plus the program's own objects —
// a task, a coroutine object, an HTTP response, an exception, a declared primitive (Event,
// Lock, Semaphore, Queue) and a type (what type(x) returns). They print the way Python prints
// them (str() and repr()), so a listing and the engine print the same lines.
// Invariant: lists and responses are shared (copying a Value aliases them, as Python names do).
//
// Sections: Value · printing and formatting · ProgramError
#include <loopscope/errors.hpp>
#include <loopscope/task.hpp>

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace loopscope::lesson {

class Value;
struct ObjectSlot;  // a declared primitive, owned by the interpreter

struct ListValue {
  std::vector<Value> items;
};
struct ResponseValue {
  int status = 0;
  std::string body;
};
struct ExceptionValue {
  std::exception_ptr error;
  std::string type;     // "ValueError"
  std::string message;  // str(e)
};
// A coroutine object made by `call` with "await": false; awaited at most once.
struct CoroValue;
struct TaskValue {
  AnyTask task;
};
struct ObjectValue {
  ObjectSlot* slot = nullptr;
};
struct TypeValue {
  std::string name;
};
struct NoneValue {};

// ---- Value ---------------------------------------------------------------------------------
class Value {
public:
  using Data = std::variant<NoneValue, bool, std::int64_t, double, std::string,
                            std::shared_ptr<ListValue>, TaskValue, std::shared_ptr<CoroValue>,
                            std::shared_ptr<ResponseValue>, ExceptionValue, ObjectValue, TypeValue>;

  Value() = default;
  Value(bool b) : m_data(b) {}
  Value(std::int64_t i) : m_data(i) {}
  Value(int i) : m_data(static_cast<std::int64_t>(i)) {}
  Value(double d) : m_data(d) {}
  Value(std::string s) : m_data(std::move(s)) {}
  Value(const char* s) : m_data(std::string(s)) {}
  template <class T>
    requires std::is_constructible_v<Data, T> &&
             (!std::is_same_v<std::decay_t<T>, Value>) && (!std::is_arithmetic_v<std::decay_t<T>>)
  Value(T&& v) : m_data(std::forward<T>(v)) {}

  static Value list(std::vector<Value> items = {});

  const Data& data() const noexcept { return m_data; }
  Data& data() noexcept { return m_data; }
  template <class T> bool is() const noexcept { return std::holds_alternative<T>(m_data); }
  template <class T> const T* get_if() const noexcept { return std::get_if<T>(&m_data); }
  bool is_none() const noexcept { return is<NoneValue>(); }
  bool is_number() const noexcept { return is<std::int64_t>() || is<double>() || is<bool>(); }
  double as_double() const;   // for int/float/bool; TypeError otherwise
  bool truthy() const;
  // Python's type(x).__name__: "int", "str", "Task", "ValueError"…
  std::string type_name() const;

private:
  Data m_data;
};

// ---- printing and formatting ---------------------------------------------------------------
std::string to_str(const Value& v);   // str(v)
std::string to_repr(const Value& v);  // repr(v)
// format(v, spec) for the subset check_format_spec() accepts.
std::string format_value(const Value& v, std::string_view spec);
// Python's repr of a float: the shortest text that reads back the same ("0.1", "2.0", "1e-05").
std::string float_repr(double d);
bool values_equal(const Value& a, const Value& b);

// ---- ProgramError --------------------------------------------------------------------------
// An exception raised by the program (`raise ValueError(...)`) or by a failing expression
// (TypeError, NameError, ZeroDivisionError…). Its type name is what `except` matches.
class ProgramError : public std::exception, public NamedError {
public:
  ProgramError(std::string type, std::string message) : m_type(std::move(type)), m_message(std::move(message)) {}
  const char* what() const noexcept override { return m_message.c_str(); }
  const char* type_name() const noexcept override { return m_type.c_str(); }
  const std::string& type() const noexcept { return m_type; }
  const std::string& message() const noexcept { return m_message; }

private:
  std::string m_type;
  std::string m_message;
};

// Exception type name and message of any exception, for `except` matching and str(e).
ExceptionValue describe_error(std::exception_ptr e);

}  // namespace loopscope::lesson
