#pragma once
// python_check.hpp — whether a Python program can run before it runs: it parses, and it stays
// within the subset the runtime runs (python/parser.hpp, python/runtime/check.hpp). The loader
// uses it on lesson listings, exercise solutions and .py files, so that a syntax error is a
// load error at file:line:col rather than a failed run.
#include <optional>
#include <string>
#include <vector>

namespace loopscope::lesson {

struct PythonProblem {
  int line = 1;         // in the program, from 1
  int col = 1;          // from 1, in code points
  std::string message;  // "SyntaxError: invalid syntax", "NotSupported: …"
};

std::optional<PythonProblem> python_problem(const std::vector<std::string>& lines);
std::optional<PythonProblem> python_problem(const std::string& source);

// The program's module docstring (a string literal as its first statement), cleaned as
// inspect.cleandoc does: the first line stripped, the common indentation of the others removed,
// blank lines at both ends dropped. Empty when there is none or the program does not parse.
std::string module_docstring(const std::string& source);

}  // namespace loopscope::lesson
