// python_check.cpp — parse + subset check of a program (see python_check.hpp).
#include "lesson/python_check.hpp"

#include "python/parser.hpp"
#include "python/runtime/check.hpp"

#include <algorithm>

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

std::string module_docstring(const std::string& source) {
  const python::ParseResult parsed = python::parse(source);
  if (!parsed.ok() || parsed.module->body.empty()) return {};
  const auto* stmt = parsed.module->body.front()->as<python::ExprStmt>();
  const auto* str = stmt && stmt->value ? stmt->value->as<python::StrLiteral>() : nullptr;
  if (!str) return {};
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at <= str->value.size()) {
    const std::size_t nl = std::min(str->value.find('\n', at), str->value.size());
    lines.push_back(str->value.substr(at, nl - at));
    at = nl + 1;
  }
  std::size_t indent = std::string::npos;  // common indentation of the lines after the first
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (const std::size_t first = lines[i].find_first_not_of(" \t"); first != std::string::npos)
      indent = std::min(indent, first);
  lines[0].erase(0, lines[0].find_first_not_of(" \t") == std::string::npos ? lines[0].size() : lines[0].find_first_not_of(" \t"));
  for (std::size_t i = 1; i < lines.size(); ++i)
    lines[i].erase(0, std::min(indent, lines[i].size()));
  while (!lines.empty() && lines.back().find_first_not_of(" \t") == std::string::npos) lines.pop_back();
  while (!lines.empty() && lines.front().find_first_not_of(" \t") == std::string::npos) lines.erase(lines.begin());
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::optional<PythonProblem> python_problem(const std::vector<std::string>& lines) {
  std::string source;
  for (const auto& l : lines) source += l + "\n";
  return python_problem(source);
}

}  // namespace loopscope::lesson
