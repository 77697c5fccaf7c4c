// catalog.cpp — loading lesson files and reloading them when they change.
#include "ui/catalog.hpp"

#include "lesson/library.hpp"
#include "lesson/loader.hpp"

namespace loopscope::ui {
namespace fs = std::filesystem;
namespace {

fs::file_time_type mtime_of(const fs::path& p) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  return ec ? fs::file_time_type{} : t;
}

std::vector<std::string> lines_of(const std::vector<lesson::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.to_string());
  return out;
}

bool in_bundle(const CatalogEntry& e) {
  std::error_code ec;
  return lesson::is_bundle_path(e.folder.path) && !fs::is_directory(e.folder.path, ec);
}

}  // namespace

void LessonCatalog::load_folders(const std::vector<lesson::LessonFolder>& folders) {
  m_entries.clear();
  lesson::Library library = lesson::load_library(folders);
  m_problems = lines_of(library.problems);
  for (lesson::LibraryEntry& le : library.entries) {
    CatalogEntry e;
    e.path = le.file;
    e.folder = le.folder;
    e.errors = lines_of(le.result.errors);
    e.notes = lines_of(le.problems);
    e.duplicate = !le.duplicate_of.empty();
    if (le.result.lesson) e.lesson = std::make_shared<const lesson::Lesson>(std::move(*le.result.lesson));
    e.mtime = in_bundle(e) ? fs::file_time_type{} : mtime_of(e.path);
    m_entries.push_back(std::move(e));
  }
}

void LessonCatalog::load_directory(const fs::path& dir) {
  m_entries.clear();
  m_problems.clear();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (lesson::LoadResult& r : lesson::load_all_lessons(dir)) {
    CatalogEntry e;
    if (r.lesson) e.path = r.lesson->path;
    else if (!r.errors.empty()) e.path = r.errors.front().file;
    e.folder = {dir, lesson::Origin::added};
    e.errors = lines_of(r.errors);
    if (r.lesson) e.lesson = std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
    e.mtime = mtime_of(e.path);
    m_entries.push_back(std::move(e));
  }
}

std::size_t LessonCatalog::add_file(const fs::path& path) {
  CatalogEntry e;
  e.path = path;
  e.folder = {path.parent_path(), lesson::Origin::file};
  reload(e);
  m_entries.push_back(std::move(e));
  return m_entries.size() - 1;
}

int LessonCatalog::find(const std::string& name) const {
  int duplicate = -1;
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    const CatalogEntry& e = m_entries[i];
    if (e.path == fs::path(name)) return static_cast<int>(i);
    if (!e.lesson || e.lesson->id != name) continue;
    if (!e.duplicate) return static_cast<int>(i);
    if (duplicate < 0) duplicate = static_cast<int>(i);
  }
  return duplicate;
}

ReloadResult LessonCatalog::poll(std::size_t i) {
  CatalogEntry& e = m_entries.at(i);
  if (in_bundle(e) || mtime_of(e.path) == e.mtime) return ReloadResult::unchanged;
  return reload(e);
}

ReloadResult LessonCatalog::reload(CatalogEntry& e) {
  e.mtime = mtime_of(e.path);
  lesson::LoadResult r = lesson::load_lesson_file(e.path);
  e.errors = lines_of(r.errors);
  if (!r.lesson) return ReloadResult::broken;
  e.lesson = std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
  return ReloadResult::reloaded;
}

std::string origin_label(const CatalogEntry& e) {
  switch (e.folder.origin) {
    case lesson::Origin::shipped: return "shipped";
    case lesson::Origin::user: return "your lessons";
    case lesson::Origin::added:
    case lesson::Origin::file: break;
  }
  return e.folder.path.string();
}

}  // namespace loopscope::ui
