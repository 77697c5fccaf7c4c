#pragma once
// parser.hpp — Python source text -> Module (ast.hpp), or the first error as a Diagnostic.
//
// A hand-written recursive-descent parser following CPython 3.11's Grammar/python.gram for the
// Loopscope subset (docs/python-subset.md). It reports the FIRST error only, as CPython does:
// on failure `module` is null and `diagnostics` holds exactly one Diagnostic. Errors are
//   * syntax errors, with CPython 3.11's message and position where practical;
//   * refusals: valid Python outside the subset ("`class` statements are not supported in
//     Loopscope programs", "module 'os' is not available: asyncio, time, random, aiohttp are").
// On success the scope pass has filled every ScopeInfo (ast.hpp).
// Invariant: parse() never throws on any input and never recurses deeper than
// ParseOptions::max_depth nesting levels (deeper input is a diagnostic, not a crash).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "python/ast.hpp"
#include "python/diagnostic.hpp"

namespace loopscope::python {

struct ParseOptions {
  // Modules `import` / `from ... import` may name (the first dotted component is checked);
  // "*" allows every module (for tools).
  std::vector<std::string> modules = {"asyncio", "time", "random", "aiohttp"};
  // Nesting limit for brackets, expressions and blocks together.
  int max_depth = 200;
  // false: report only what CPython itself would (syntax and compile-time errors), no refusals;
  // what the tree cannot hold is then dropped or stands in: class statements and decorators
  // are dropped, a yield expression becomes a NoneLiteral, a complex literal FloatLiteral 0.0,
  // an integer beyond 64 bits IntLiteral 0, a `\N{...}` escape nothing. `match` statements stay
  // refused (they are not parsed at all).
  // For tools and tests; a program to run always uses true.
  bool refuse_outside_subset = true;
};

struct ParseResult {
  std::unique_ptr<Module> module;       // null on failure
  std::vector<Diagnostic> diagnostics;  // empty on success; exactly one on failure
  [[nodiscard]] bool ok() const { return module != nullptr; }
};

// `source` is UTF-8 (a leading BOM is skipped). Never throws.
ParseResult parse(std::string_view source, const ParseOptions& options = {});

}  // namespace loopscope::python
