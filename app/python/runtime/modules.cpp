// modules.cpp — the modules a program may import (asyncio, time, random, aiohttp), made once
// per run on first import.
#include "python/runtime/runtime.hpp"

namespace loopscope::python {

Value make_asyncio_module(Runtime& rt, Value& run_builtin);
Value make_time_module(Runtime& rt);
Value make_random_module(Runtime& rt);
Value make_aiohttp_module(Runtime& rt);

Value Runtime::module_value(std::string_view name) {
  if (auto it = m_modules.find(name); it != m_modules.end()) return it->second;
  Value m;
  if (name == "asyncio") m = make_asyncio_module(*this, m_asyncio_run);
  else if (name == "time") m = make_time_module(*this);
  else if (name == "random") m = make_random_module(*this);
  else if (name == "aiohttp") m = make_aiohttp_module(*this);
  else return Value();
  m_modules.emplace(std::string(name), m);
  return m;
}

Value Runtime::import_module(const std::string& name, int) {
  Value m = module_value(name);
  if (m.is_none()) {
    // The parser refuses other modules before the run; a dotted name such as asyncio.queues
    // maps onto its package here.
    const std::string top = name.substr(0, name.find('.'));
    m = module_value(top);
    if (m.is_none()) raise(types().runtime_error, "module '" + name + "' is not available: asyncio, time, random, aiohttp are");
  }
  return m;
}

bool Runtime::is_asyncio_run(const Value& f) const noexcept {
  return m_asyncio_run.is_object() && f.obj() == m_asyncio_run.obj();
}

}  // namespace loopscope::python
