#pragma once
// library.hpp — every lesson of the folder stack (folders.hpp), loaded together so that
// prerequisites resolve across folders and an id defined twice is reported.
//
// Invariants of a Library:
//   - entries are in lesson order (by `order`, then id, then file), broken lessons last;
//   - an entry's `result` follows loader.hpp (a lesson iff no load errors); its `problems` are
//     the library's findings about a lesson that loaded (unknown prerequisite, duplicate id):
//     they do not stop the lesson from being opened or run;
//   - find(id) returns the first entry in stack order that defines `id`; every later one has a
//     "duplicate lesson id" problem naming the first, at its `id` member.
//
// Sections: LibraryEntry · Library · cross-lesson checks · a LESSON argument
#include "lesson/folders.hpp"
#include "lesson/loader.hpp"

#include <set>
#include <string>
#include <vector>

namespace loopscope::lesson {

// ---- LibraryEntry --------------------------------------------------------------------------
struct LibraryEntry {
  std::string file;                  // the lesson file (in a bundle: "b.loopscope/x.json")
  LessonFolder folder;               // where it comes from
  LoadResult result;
  std::vector<Diagnostic> problems;  // unknown prerequisites, duplicate id
  std::string duplicate_of;          // non-empty: its id was first defined by this file
};

// ---- Library -------------------------------------------------------------------------------
struct Library {
  std::vector<LibraryEntry> entries;
  std::vector<Diagnostic> problems;  // folders that could not be read (a missing folder, a refused bundle)

  // The first entry (in stack order) whose lesson has id `id`, or nullptr.
  const LibraryEntry* find(std::string_view id) const;
  // Every id defined by a lesson that loaded.
  std::set<std::string> ids() const;
};

// Loads every folder of the stack. The shipped folder and the user folder may be missing
// (they are then empty); a missing added folder is a problem.
Library load_library(const std::vector<LessonFolder>& folders);

// The lessons of one folder (a directory or a bundle), in file-name order; `problem` receives
// why the folder could not be read at all.
std::vector<LibraryEntry> load_folder(const LessonFolder& folder, std::optional<Diagnostic>& problem);

// ---- cross-lesson checks -------------------------------------------------------------------
// The prerequisites of `lesson` that are not in `known`, each at its own position.
std::vector<Diagnostic> unknown_prerequisites(const Lesson& lesson, const std::set<std::string>& known);
// "duplicate lesson id 'x': already defined by FILE", at the `id` member of `lesson`.
Diagnostic duplicate_id(const Lesson& lesson, const std::string& first_file);

// Sorts entries into lesson order (see the invariants above).
void sort_lesson_order(std::vector<LibraryEntry>& entries);

// ---- a LESSON argument ---------------------------------------------------------------------
// What `run`/`open LESSON` names: a lesson file, a `.py` program (a one-step lesson, see
// load_python_program), a .loopscope bundle (its first lesson in lesson order), or an id looked
// up through `stack` (first definition in stack order).
// nullopt when it is none of these.
std::optional<LibraryEntry> resolve_lesson_argument(std::string_view arg, const std::vector<LessonFolder>& stack);

}  // namespace loopscope::lesson
