#pragma once
// conformance_run.hpp — running one scenario both ways.
#include <string>
#include <vector>

namespace conformance {

// Runs scenarios/<name>.py under /usr/bin/python3 (virtual clock, see run_scenario.py); its
// printed lines. Fails the current test if python exits with an error.
std::vector<std::string> run_python(const std::string& name);
// Runs the C++ scenario as asyncio.run() would (main task, stop one iteration after it is done,
// then close()), checking after EVERY run_once() that replay(trace) equals loop.snapshot().
// Returns the printed lines.
std::vector<std::string> run_engine(const std::string& name, std::size_t* iterations = nullptr);
std::vector<std::string> scenario_names();

}  // namespace conformance
