#pragma once
// scope.hpp — the scope pass: fills every ScopeInfo of a parsed Module (ast.hpp) the way
// CPython's symtable does, and returns the symtable errors CPython would raise
// ("no binding for nonlocal 'x' found", "name 'x' is parameter and global", "name 'x' is
// assigned to before global declaration", ...). python::parse() runs it; it is exposed so that
// a tree built or edited by hand can be (re)analyzed.
// Invariant: after analyze_scopes, for every function-like scope, each name in `free` is in
// `locals` or `free` of some enclosing function-like scope, and in `cells` of the scope binding it.
#include <vector>

#include "python/ast.hpp"
#include "python/diagnostic.hpp"

namespace loopscope::python {

// Clears and refills every ScopeInfo under `module`. Returns errors in source order (empty when
// the program's names are consistent).
std::vector<Diagnostic> analyze_scopes(Module& module);

}  // namespace loopscope::python
