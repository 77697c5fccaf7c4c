#pragma once
// scenarios.hpp — the C++ side of the conformance scenarios: each one is the same program as
// scenarios/<name>.py, written on the engine. Lines are printed with EventLoop::print.
#include <loopscope/engine.hpp>

#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace conformance {

using Scenario = std::function<loopscope::Coro<>()>;
// name -> the scenario's main coroutine (run as the main task, like asyncio.run(main())).
const std::map<std::string, Scenario>& scenarios();
// The scenarios of the API added by the engine issue (scenarios_api.cpp); part of scenarios().
const std::map<std::string, Scenario>& api_scenarios();

// ---- helpers: Python's way of printing ------------------------------------------------------
inline void say(const std::string& s) { loopscope::EventLoop::current()->print(s); }
// f"{loop.time():.2f}"
inline std::string fmt2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
inline std::string T() { return fmt2(loopscope::EventLoop::current()->time()); }
// str(float) for short decimals (0.35, 0.1)
inline std::string py_float(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
inline const char* py_bool(bool b) { return b ? "True" : "False"; }
// str(list): quoted strings, or items already formatted
inline std::string py_list(const std::vector<std::string>& v, bool quote = true) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += ", ";
    s += quote ? "'" + v[i] + "'" : v[i];
  }
  return s + "]";
}

}  // namespace conformance
