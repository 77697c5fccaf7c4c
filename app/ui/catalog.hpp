#pragma once
// catalog.hpp — the lessons the app knows about, where each comes from, and hot reload.
//
// Each entry is one lesson file with the last version of it that loaded cleanly and the errors
// of the latest load. Invariant: `lesson` only ever changes to a version without errors — a
// broken save keeps the last good version (and shows its errors) so the learner never loses the
// running step. Entries loaded from the folder stack (load_folders) also say which folder they
// come from and carry the library's notes (a duplicate id, an unknown prerequisite): a note
// never stops a lesson from opening. No ImGui here: it is unit-tested with temporary files.
#include "lesson/folders.hpp"
#include "lesson/lesson.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::ui {

struct CatalogEntry {
  std::filesystem::path path;                    // the file (in a bundle: "b.loopscope/x.json")
  std::shared_ptr<const lesson::Lesson> lesson;  // the last good version (null: never loaded)
  std::vector<std::string> errors;               // the latest load's errors (empty: fine)
  std::vector<std::string> notes;                // duplicate id, unknown prerequisite (file:line:col: …)
  lesson::LessonFolder folder;                   // where it comes from
  bool duplicate = false;                        // a later definition of an id (see find)
  std::filesystem::file_time_type mtime{};
};

enum class ReloadResult { unchanged, reloaded, broken };

class LessonCatalog {
public:
  // Loads every lesson of every folder of the stack (folders.hpp), in lesson order.
  void load_folders(const std::vector<lesson::LessonFolder>& folders);
  // Loads every lesson in `dir`, in lesson order; broken files are entries with errors.
  void load_directory(const std::filesystem::path& dir);
  // Adds one file (e.g. a lesson given by path) and returns its index.
  std::size_t add_file(const std::filesystem::path& path);
  // The entry whose lesson id or path is `name`, or -1. For an id defined twice, the first
  // definition in stack order (the later ones carry a "duplicate lesson id" note).
  int find(const std::string& name) const;
  // Re-reads entry `i` if its file changed on disk since it was last read (a lesson inside a
  // bundle is never re-read: the bundle is read once).
  ReloadResult poll(std::size_t i);

  const std::vector<CatalogEntry>& entries() const { return m_entries; }
  const CatalogEntry& operator[](std::size_t i) const { return m_entries[i]; }
  std::size_t size() const { return m_entries.size(); }
  // Folders of the stack that could not be read (a missing --lessons folder, a refused bundle).
  const std::vector<std::string>& problems() const { return m_problems; }

private:
  ReloadResult reload(CatalogEntry& e);
  std::vector<CatalogEntry> m_entries;
  std::vector<std::string> m_problems;
};

// How the browser names an entry's folder: "shipped", "your lessons", or the folder's path.
std::string origin_label(const CatalogEntry& e);

}  // namespace loopscope::ui
