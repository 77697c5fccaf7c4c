#pragma once
// scaffold.hpp — the skeleton that `loopscope new ID` writes: a complete lesson whose first step
// is a runnable asyncio program (CPython prints what its `expect` says) and which passes
// `loopscope check` as written.
//
// The template lives in scaffold.cpp, in one place, so that it follows the lesson format when
// the format changes (a test checks the skeleton with `check` and runs its Python listing).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::lesson {

// The text of a new lesson `id` (an id the loader accepts). `schema`, when given, becomes its
// "$schema" (an absolute path, so that editors find the schema wherever the lesson is).
std::string lesson_skeleton(std::string_view id, const std::optional<std::filesystem::path>& schema);

// "my-first-lesson" -> "My first lesson".
std::string title_from_id(std::string_view id);

// Why `id` cannot be a lesson id, or "" when it can (lowercase letters, digits and '-', not
// starting with '-', at most 64 characters).
std::string lesson_id_problem(std::string_view id);

}  // namespace loopscope::lesson
