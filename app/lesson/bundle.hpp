#pragma once
// bundle.hpp — a lesson bundle: a folder of lessons and the C++ listings they name, in one file
// a teacher can hand to a class (`loopscope pack DIR -o class.loopscope`).
//
// The file is one JSON document:
//   {"loopscope_bundle": 1,
//    "lessons": {"my-lesson.json": "<the lesson file's text>", ...},
//    "files":   {"examples/my.cpp": "<the file's text>", ...}}
// Lessons keep their exact text, so problems are reported at their own lines and columns, as
// `class.loopscope/my-lesson.json:12:5: …`. A C++ listing `{"file": "examples/my.cpp"}` of a
// bundled lesson is read from "files" only, never from the disk.
// Invariants (read_bundle refuses anything else, with one message, before using any of it):
//   - every path is relative, made of non-empty components, none of them "." or "..", no
//     backslash or control character, at most max_path_bytes long; lesson names end in .json
//     and have no '/';
//   - the file is at most max_bytes (checked before it is read), has at most max_entries
//     lessons + files, and the reader holds nothing but the entries' text (a streaming parse).
//
// Sections: limits · Bundle · reading · writing and packing
#include "lesson/loader.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace loopscope::lesson {

// ---- limits --------------------------------------------------------------------------------
struct BundleLimits {
  std::size_t max_bytes = 64u << 20;   // 64 MiB: the whole bundle file
  std::size_t max_entries = 1000;      // lessons + files
  std::size_t max_path_bytes = 255;    // one entry's path
};

// ---- Bundle --------------------------------------------------------------------------------
struct Bundle {
  std::map<std::string, std::string> lessons;  // file name (x.json) -> lesson text
  std::map<std::string, std::string> files;    // relative path -> content
};

// Why `path` may not be a path inside a bundle, or "" when it may. `lesson` also requires a
// plain file name ending in .json.
std::string bundle_path_problem(std::string_view path, bool lesson, const BundleLimits& limits = {});

// ---- reading -------------------------------------------------------------------------------
// A bundle, or the one message that says why the file is refused.
std::variant<Bundle, std::string> parse_bundle(std::string_view text, const BundleLimits& limits = {});
std::variant<Bundle, std::string> read_bundle(const std::filesystem::path& file, const BundleLimits& limits = {});

// Loads every lesson of a bundle; each one's diagnostics name `bundle_file/<lesson name>`.
// In file-name order (the caller sorts).
std::vector<LoadResult> load_bundle_lessons(const Bundle& bundle, const std::string& bundle_file);

// ---- writing and packing -------------------------------------------------------------------
std::string bundle_json(const Bundle& bundle);

struct PackResult {
  std::optional<Bundle> bundle;
  std::vector<Diagnostic> problems;  // why the folder cannot be packed (then no bundle)
};
// Packs every lesson file of `dir` (not its subfolders) and every C++ listing file they name.
// Refused: a lesson that does not load, a symbolic link among the files, a path a bundle may
// not hold, a bundle over the limits.
PackResult pack_folder(const std::filesystem::path& dir, const BundleLimits& limits = {});

}  // namespace loopscope::lesson
