#pragma once
// loader.hpp — reading lesson files: JSON text -> validated Lesson, with every problem reported.
//
// The loader never stops at the first problem: it reports every one it can find, each as a
// Diagnostic printed `file:line:col: message (at /json/pointer)`. A JSON syntax error is the
// exception (nothing after it can be trusted), and it points at the exact character.
// A LoadResult has a lesson if and only if it has no errors.
//
// Lesson lookup (find_lesson): an id is looked up as `<dir>/<id>.json` in, in order,
// $LOOPSCOPE_LESSONS_DIR, <exe dir>/../share/loopscope/lessons, LOOPSCOPE_SOURCE_DIR/lessons;
// anything else is taken as a path.
//
// Sections: Diagnostic · loading · finding lessons
#include "lesson/lesson.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::lesson {

// ---- Diagnostic ----------------------------------------------------------------------------
struct Diagnostic {
  std::string file;
  int line = 0;
  int col = 0;
  std::string pointer;  // JSON pointer of the offending value ("" for syntax errors)
  std::string message;
  // "file:line:col: message (at /pointer)"; "(at …)" is left out when pointer is empty.
  std::string to_string() const;
};

// ---- loading -------------------------------------------------------------------------------
struct LoadResult {
  std::optional<Lesson> lesson;
  std::vector<Diagnostic> errors;
};

LoadResult load_lesson_file(const std::filesystem::path& path);
// `filename` is used in diagnostics and to resolve a C++ listing's `file` (relative to the
// parent of the lesson's directory, then to the source tree).
LoadResult load_lesson_text(std::string_view text, const std::string& filename);

// Every *.json lesson in `dir` (lesson.schema.json excluded), sorted by `order` then id.
// Broken ones are included with their errors (sorted after the good ones, by file name).
// Unknown prerequisites are reported as errors of the lesson that names them.
std::vector<LoadResult> load_all_lessons(const std::filesystem::path& dir);

// ---- finding lessons -----------------------------------------------------------------------
// The first existing directory of the lookup order above (or the source one if none exists).
std::filesystem::path lessons_dir();
std::optional<std::filesystem::path> find_lesson(std::string_view id_or_path);

// "did you mean" helper: the candidate closest to `word` by edit distance, if close enough.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace loopscope::lesson
