#pragma once
// run_python.hpp — `loopscope run prog.py` and `loopscope check prog.py`: a plain Python file
// run on the engine by the Python front end (python/runtime/program.hpp).
#include <loopscope/clock.hpp>

#include <optional>
#include <string>

namespace loopscope::cli {

struct PythonRunOptions {
  std::string path;
  std::optional<ClockKind> clock;
  bool json = false;
  std::string trace_file;
  bool big_limits = false;  // --limits large: benchmarks (more tasks and operations)
};

bool is_python_path(const std::string& path);
// Prints the program's output line by line as it is printed (plain text, like python3 does);
// an uncaught exception prints a traceback on stderr. Exit 0, or 1 when the program failed.
int run_python_file(const PythonRunOptions& o);
// Parses and runs the file in virtual time; problems as `file:line:col: message`. 0 or 1.
int check_python_file(const std::string& path);

}  // namespace loopscope::cli
