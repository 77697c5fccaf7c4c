#pragma once
// diagnostic.hpp — one error found in a Python program before it runs.
//
// Positions follow CPython's SyntaxError: `line` and `col` are 1-based, `col` counts Unicode
// code points (not bytes), and (end_line, end_col) is the position just past the offending text
// (exclusive, also 1-based), so a one-character error at column 5 has end_col 6.
// Invariant: line >= 1, col >= 1, and (end_line, end_col) is not before (line, col).
#include <string>

namespace loopscope::python {

enum class DiagnosticKind {
  syntax_error,       // CPython would raise SyntaxError
  indentation_error,  // CPython would raise IndentationError
  tab_error,          // CPython would raise TabError
  refused,            // valid Python, but outside the Loopscope subset
};

struct Diagnostic {
  int line = 1;
  int col = 1;
  int end_line = 1;
  int end_col = 1;
  std::string message;
  DiagnosticKind kind = DiagnosticKind::syntax_error;

  // "SyntaxError", "IndentationError", "TabError" or "NotSupported" (a refusal).
  [[nodiscard]] const char* kind_name() const {
    switch (kind) {
      case DiagnosticKind::syntax_error: return "SyntaxError";
      case DiagnosticKind::indentation_error: return "IndentationError";
      case DiagnosticKind::tab_error: return "TabError";
      case DiagnosticKind::refused: return "NotSupported";
    }
    return "SyntaxError";
  }
};

}  // namespace loopscope::python
