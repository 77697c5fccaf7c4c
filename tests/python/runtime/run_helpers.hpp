#pragma once
// run_helpers.hpp — running a Python source through ProgramRun in tests.
#include "python/runtime/program.hpp"

#include <string>
#include <vector>

namespace loopscope::python::test {

inline ProgramResult run_program(std::string source, ProgramOptions options = {}) {
  ProgramRun run(std::move(source), std::move(options));
  run.run_to_end();
  return run.result();
}

inline std::vector<std::string> texts(const ProgramResult& r) {
  std::vector<std::string> out;
  for (const auto& l : r.output) out.push_back(l.text);
  return out;
}

}  // namespace loopscope::python::test
