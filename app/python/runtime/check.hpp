#pragma once
// check.hpp — what the parser accepts but the runtime cannot run, refused before the run with
// its position: `async for` (the runtime has no asynchronous iterators), plain `with` (every
// context manager of the subset is asynchronous), and assignments or deletions of attributes
// (programs have no objects of their own to set attributes on).
#include "python/ast.hpp"

#include <optional>
#include <string>

namespace loopscope::python {

struct Refusal {
  int line = 1;
  int col = 1;
  std::string message;
};

std::optional<Refusal> find_unsupported(const Module& module);

}  // namespace loopscope::python
