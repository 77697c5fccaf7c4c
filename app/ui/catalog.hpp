#pragma once
// catalog.hpp — the lessons the app knows about, and hot reload.
//
// Each entry is one lesson file with the last version of it that loaded cleanly and the errors
// of the latest load. Invariant: `lesson` only ever changes to a version without errors — a
// broken save keeps the last good lesson (and shows its errors) so the learner never loses the
// running step. No ImGui here: it is unit-tested with temporary files.
#include "lesson/lesson.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::ui {

struct CatalogEntry {
  std::filesystem::path path;
  std::shared_ptr<const lesson::Lesson> lesson;  // the last good version (null: never loaded)
  std::vector<std::string> errors;               // the latest load's errors (empty: fine)
  std::filesystem::file_time_type mtime{};
};

enum class ReloadResult { unchanged, reloaded, broken };

class LessonCatalog {
public:
  // Loads every lesson in `dir`, in lesson order; broken files are entries with errors.
  void load_directory(const std::filesystem::path& dir);
  // Adds one file (e.g. a lesson given by path) and returns its index.
  std::size_t add_file(const std::filesystem::path& path);
  // The entry whose lesson id or path is `name`, or -1.
  int find(const std::string& name) const;
  // Re-reads entry `i` if its file changed on disk since it was last read.
  ReloadResult poll(std::size_t i);

  const std::vector<CatalogEntry>& entries() const { return m_entries; }
  const CatalogEntry& operator[](std::size_t i) const { return m_entries[i]; }
  std::size_t size() const { return m_entries.size(); }

private:
  ReloadResult reload(CatalogEntry& e);
  std::vector<CatalogEntry> m_entries;
};

}  // namespace loopscope::ui
