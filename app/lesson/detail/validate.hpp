#pragma once
// detail/validate.hpp — the checker that turns a parsed JSON tree into a Lesson.
// It visits the whole tree and records a Diagnostic for every problem; the Lesson is returned
// only when there were none. Used by loader.cpp.
#include "lesson/json.hpp"
#include "lesson/loader.hpp"

#include <string>

namespace loopscope::lesson::detail {

// `filename` appears in diagnostics; C++ listing files (`code.cpp.file`) are read through `files`.
LoadResult validate_lesson(const JsonValue& root, const std::string& filename, const FileReader& files);

}  // namespace loopscope::lesson::detail
