// fuzz_parse.cpp — libFuzzer harness for the Python front end: any bytes must give a Module or
// exactly one Diagnostic, within the nesting limits, without a crash or sanitizer report.
// Built only with clang (tests/python/CMakeLists.txt): seed it with tests/programs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "python/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  const loopscope::python::ParseResult r = loopscope::python::parse(source);
  if (!r.ok() && r.diagnostics.size() != 1) std::abort();
  if (r.ok() && !r.diagnostics.empty()) std::abort();
  return 0;
}
