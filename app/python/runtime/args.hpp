#pragma once
// args.hpp — checking the arguments of built-in functions, with CPython's messages.
#include "python/runtime/errors.hpp"
#include "python/runtime/ops.hpp"

#include <string>

namespace loopscope::python {

// Raises TypeError unless min <= positional count <= max and no keyword is left.
inline void check_args(const CallArgs& a, const std::string& name, std::size_t min, std::size_t max) {
  if (!a.kw.empty()) type_error(name + "() got an unexpected keyword argument '" + a.kw.front().first + "'");
  const std::size_t n = a.pos.size();
  if (n >= min && n <= max) return;
  if (min == max) {
    if (min == 0) type_error(name + "() takes no arguments (" + std::to_string(n) + " given)");
    if (min == 1) type_error(name + "() takes exactly one argument (" + std::to_string(n) + " given)");
    type_error(name + " expected " + std::to_string(min) + " arguments, got " + std::to_string(n));
  }
  if (n < min) type_error(name + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") + ", got " + std::to_string(n));
  type_error(name + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") + ", got " + std::to_string(n));
}

inline double number_arg(const Value& v, const std::string& what) {
  if (!v.is_number()) type_error(what + " must be a number, not " + type_name(v));
  return v.as_float();
}

inline std::int64_t int_arg(const Value& v, const std::string& what) {
  if (!v.is_intlike()) type_error("'" + type_name(v) + "' object cannot be interpreted as an integer" + (what.empty() ? "" : ""));
  return v.as_int();
}

inline const std::string& str_arg(const Value& v, const std::string& what) {
  if (!v.is(ObjKind::str)) type_error(what + " must be str, not " + type_name(v));
  return str_of(v);
}

}  // namespace loopscope::python
