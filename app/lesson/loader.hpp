#pragma once
// loader.hpp — reading lesson files: JSON text -> validated Lesson, with every problem reported.
//
// The loader never stops at the first problem: it reports every one it can find, each as a
// Diagnostic printed `file:line:col: message (at /json/pointer)`. A JSON syntax error is the
// exception (nothing after it can be trusted), and it points at the exact character.
// A LoadResult has a lesson if and only if it has no errors (a lesson with errors may still
// offer the steps without any: LoadResult::clean_steps).
//
// A `.py` file loads as a one-step lesson whose listing is the file (load_python_program).
//
// Lesson lookup (find_lesson): an id is looked up as `<folder>/<id>.json` through the folder
// stack of folders.hpp (directories only; library.hpp also finds ids inside bundles);
// anything else is taken as a path.
//
// Sections: Diagnostic · files a lesson names · loading · finding lessons
#include "lesson/lesson.hpp"

#include <filesystem>
#include <functional>
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

// ---- files a lesson names ------------------------------------------------------------------
// Reads a file that a lesson names by a relative path (a C++ listing's `file`); nullopt when
// there is no such file.
using FileReader = std::function<std::optional<std::string>(const std::string& relative)>;

// Where `relative`, named by the lesson file `lesson_file`, is on disk: tried relative to the
// lesson's directory, then to its parent (a project laid out as lessons/ + examples/), then to
// the source tree. nullopt when none is a regular file.
std::optional<std::filesystem::path> resolve_lesson_file(const std::filesystem::path& lesson_file,
                                                         const std::string& relative);
// A FileReader over resolve_lesson_file. Files larger than max_named_file_bytes are not read.
FileReader disk_files_for(const std::filesystem::path& lesson_file);
inline constexpr std::size_t max_named_file_bytes = 1u << 20;  // 1 MiB

// ---- loading -------------------------------------------------------------------------------
struct LoadResult {
  std::optional<Lesson> lesson;
  std::vector<Diagnostic> errors;
  // With errors: the lesson holding only its steps that have none (each such step was checked
  // completely, so it can be run), so that `check` still runs them. Unset without errors, when
  // the text is not JSON, or when the error cap was reached.
  std::optional<Lesson> clean_steps;
};

// A `.py` path is a plain Python program, loaded as a one-step lesson (load_python_program).
LoadResult load_lesson_file(const std::filesystem::path& path);
// A plain Python program as a lesson: one step whose listing is the file's lines, no expect;
// id = the file's stem in lowercase letters, digits and '-' ("my_prog.py" -> "my-prog"),
// title = the file name. A program that does not parse (or leaves the subset) is a load error
// at filename:line:col.
LoadResult load_python_program(std::string_view text, const std::string& filename);
bool is_python_program_path(const std::filesystem::path& path);
// `filename` is used in diagnostics and as the lesson's path; `files` reads its C++ listings
// (default: disk_files_for(filename)).
LoadResult load_lesson_text(std::string_view text, const std::string& filename);
LoadResult load_lesson_text(std::string_view text, const std::string& filename, const FileReader& files);

// Every *.json lesson in `dir` (lesson.schema.json excluded), sorted by `order` then id.
// Broken ones are included with their errors (sorted after the good ones, by file name).
// Unknown prerequisites are reported as errors of the lesson that names them (library.hpp
// resolves them across the whole folder stack instead).
std::vector<LoadResult> load_all_lessons(const std::filesystem::path& dir);

// The lesson files of a directory: every regular *.json but lesson.schema.json, sorted.
std::vector<std::filesystem::path> lesson_files_in(const std::filesystem::path& dir);

// ---- finding lessons -----------------------------------------------------------------------
// The shipped lessons folder (the first of the stack in folders.hpp).
std::filesystem::path lessons_dir();
std::optional<std::filesystem::path> find_lesson(std::string_view id_or_path);

// "did you mean" helper: the candidate closest to `word` by edit distance, if close enough.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace loopscope::lesson
