// catalog.cpp — loading lesson files and reloading them when they change.
#include "ui/catalog.hpp"

#include "lesson/loader.hpp"

namespace loopscope::ui {
namespace fs = std::filesystem;
namespace {

fs::file_time_type mtime_of(const fs::path& p) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  return ec ? fs::file_time_type{} : t;
}

std::vector<std::string> error_lines(const lesson::LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(d.to_string());
  return out;
}

}  // namespace

void LessonCatalog::load_directory(const fs::path& dir) {
  m_entries.clear();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (lesson::LoadResult& r : lesson::load_all_lessons(dir)) {
    CatalogEntry e;
    if (r.lesson) e.path = r.lesson->path;
    else if (!r.errors.empty()) e.path = r.errors.front().file;
    e.errors = error_lines(r);
    if (r.lesson) e.lesson = std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
    e.mtime = mtime_of(e.path);
    m_entries.push_back(std::move(e));
  }
}

std::size_t LessonCatalog::add_file(const fs::path& path) {
  CatalogEntry e;
  e.path = path;
  reload(e);
  m_entries.push_back(std::move(e));
  return m_entries.size() - 1;
}

int LessonCatalog::find(const std::string& name) const {
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    const CatalogEntry& e = m_entries[i];
    if ((e.lesson && e.lesson->id == name) || e.path == fs::path(name)) return static_cast<int>(i);
  }
  return -1;
}

ReloadResult LessonCatalog::poll(std::size_t i) {
  CatalogEntry& e = m_entries.at(i);
  if (mtime_of(e.path) == e.mtime) return ReloadResult::unchanged;
  return reload(e);
}

ReloadResult LessonCatalog::reload(CatalogEntry& e) {
  e.mtime = mtime_of(e.path);
  lesson::LoadResult r = lesson::load_lesson_file(e.path);
  e.errors = error_lines(r);
  if (!r.lesson) return ReloadResult::broken;
  e.lesson = std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
  return ReloadResult::reloaded;
}

}  // namespace loopscope::ui
