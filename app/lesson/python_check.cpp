// python_check.cpp — parse + subset check of a program (see python_check.hpp).
#include "lesson/python_check.hpp"

#include "python/parser.hpp"
#include "python/runtime/check.hpp"

namespace loopscope::lesson {

std::optional<PythonProblem> python_problem(const std::string& source) {
  python::ParseResult parsed = python::parse(source);
  if (!parsed.ok()) {
    if (parsed.diagnostics.empty()) return PythonProblem{1, 1, "SyntaxError: invalid syntax"};
    const python::Diagnostic& d = parsed.diagnostics.front();
    return PythonProblem{d.line, d.col, std::string(d.kind_name()) + ": " + d.message};
  }
  if (auto r = python::find_unsupported(*parsed.module)) return PythonProblem{r->line, r->col, "NotSupported: " + r->message};
  return std::nullopt;
}

std::optional<PythonProblem> python_problem(const std::vector<std::string>& lines) {
  std::string source;
  for (const auto& l : lines) source += l + "\n";
  return python_problem(source);
}

}  // namespace loopscope::lesson
