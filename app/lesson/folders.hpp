#pragma once
// folders.hpp — where lessons come from: the stack of lesson folders, and the installed schema.
//
// The stack, in order (earlier folders win an id lookup; a later definition of the same id is
// reported as a duplicate, never silently shadowed):
//   1. the shipped lessons: $LOOPSCOPE_LESSONS_DIR if set (it replaces them: tests use it), else
//      <exe dir>/../share/loopscope/lessons if it exists, else LOOPSCOPE_SOURCE_DIR/lessons;
//   2. the learner's own: $XDG_DATA_HOME/loopscope/lessons (default ~/.local/share/…), if it exists;
//   3. every entry of $LOOPSCOPE_LESSONS_PATH (colon-separated), in order;
//   4. every `--lessons DIR` of the command line, in order.
// A folder is a directory of *.json lessons or a `.loopscope` bundle (bundle.hpp). The same
// folder named twice (after resolving symlinks and `..`) appears once, at its first place.
//
// Sections: Origin · the stack · the schema
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::lesson {

// ---- Origin --------------------------------------------------------------------------------
enum class Origin : std::uint8_t { shipped, user, added, file };

// "shipped", "your lessons", "added", "file": how the browser labels a lesson's folder.
const char* to_string(Origin o) noexcept;

struct LessonFolder {
  std::filesystem::path path;  // a directory, or a .loopscope bundle file
  Origin origin = Origin::added;
};

// ---- the stack -----------------------------------------------------------------------------
// The process's inputs to the stack, gathered once so that tests can supply their own.
struct FolderEnvironment {
  std::string lessons_dir;      // $LOOPSCOPE_LESSONS_DIR
  std::string xdg_data_home;    // $XDG_DATA_HOME
  std::string home;             // $HOME
  std::string lessons_path;     // $LOOPSCOPE_LESSONS_PATH
  std::filesystem::path exe;    // this executable ("" when unknown)

  static FolderEnvironment from_process();
};

std::vector<LessonFolder> lesson_folders(const FolderEnvironment& env,
                                         const std::vector<std::filesystem::path>& command_line);
// The stack of this process: its environment and the folders given by set_command_line_folders.
std::vector<LessonFolder> lesson_folders();

// The `--lessons DIR` folders of this process's command line (main.cpp sets them once).
void set_command_line_folders(std::vector<std::filesystem::path> dirs);
const std::vector<std::filesystem::path>& command_line_folders();

// The shipped folder of the stack (first item above).
std::filesystem::path shipped_lessons_dir(const FolderEnvironment& env);

// True when `p` names a lesson bundle (its extension is .loopscope).
bool is_bundle_path(const std::filesystem::path& p);

// ---- the schema ----------------------------------------------------------------------------
// The JSON Schema of the lesson format, as an absolute path: the installed copy
// (<exe dir>/../share/loopscope/lesson.schema.json), the build tree's copy
// (<exe dir>/share/loopscope/lesson.schema.json), else the source tree's lessons/lesson.schema.json.
std::optional<std::filesystem::path> schema_path();

}  // namespace loopscope::lesson
