// folders.cpp — the stack of lesson folders and the schema's location (see folders.hpp).
#include "lesson/folders.hpp"

#include <cstdlib>
#include <set>

namespace loopscope::lesson {
namespace fs = std::filesystem;

namespace {
std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::vector<fs::path>& command_line_storage() {
  static std::vector<fs::path> dirs;
  return dirs;
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

// A key that is equal for two spellings of the same folder.
std::string identity_of(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  if (ec) c = fs::absolute(p, ec).lexically_normal();
  std::string s = c.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}
}  // namespace

const char* to_string(Origin o) noexcept {
  switch (o) {
    case Origin::shipped: return "shipped";
    case Origin::user: return "your lessons";
    case Origin::added: return "added";
    case Origin::file: return "file";
  }
  return "?";
}

FolderEnvironment FolderEnvironment::from_process() {
  FolderEnvironment env;
  env.lessons_dir = env_or_empty("LOOPSCOPE_LESSONS_DIR");
  env.xdg_data_home = env_or_empty("XDG_DATA_HOME");
  env.home = env_or_empty("HOME");
  env.lessons_path = env_or_empty("LOOPSCOPE_LESSONS_PATH");
  std::error_code ec;
  env.exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) env.exe.clear();
  return env;
}

fs::path shipped_lessons_dir(const FolderEnvironment& env) {
  if (!env.lessons_dir.empty()) return fs::path(env.lessons_dir);
  if (!env.exe.empty()) {
    const fs::path installed = env.exe.parent_path() / ".." / "share" / "loopscope" / "lessons";
    if (is_dir(installed)) return installed.lexically_normal();
  }
#ifdef LOOPSCOPE_SOURCE_DIR
  return fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons";
#else
  return fs::path("lessons");
#endif
}

std::vector<LessonFolder> lesson_folders(const FolderEnvironment& env, const std::vector<fs::path>& command_line) {
  std::vector<LessonFolder> out;
  std::set<std::string> seen;
  auto add = [&](const fs::path& p, Origin o) {
    if (p.empty()) return;
    if (!seen.insert(identity_of(p)).second) return;
    out.push_back({p, o});
  };
  add(shipped_lessons_dir(env), Origin::shipped);
  fs::path data_home;
  if (!env.xdg_data_home.empty() && fs::path(env.xdg_data_home).is_absolute()) data_home = env.xdg_data_home;
  else if (!env.home.empty()) data_home = fs::path(env.home) / ".local" / "share";
  if (!data_home.empty() && is_dir(data_home / "loopscope" / "lessons")) add(data_home / "loopscope" / "lessons", Origin::user);
  std::size_t start = 0;
  const std::string& lp = env.lessons_path;
  while (start <= lp.size() && !lp.empty()) {
    const std::size_t colon = lp.find(':', start);
    const std::string item = lp.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    add(item, Origin::added);  // empty items (a stray ':') are skipped by add()
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  for (const auto& d : command_line) add(d, Origin::added);
  return out;
}

std::vector<LessonFolder> lesson_folders() {
  return lesson_folders(FolderEnvironment::from_process(), command_line_storage());
}

void set_command_line_folders(std::vector<fs::path> dirs) { command_line_storage() = std::move(dirs); }
const std::vector<fs::path>& command_line_folders() { return command_line_storage(); }

bool is_bundle_path(const fs::path& p) { return p.extension() == ".loopscope"; }

std::optional<fs::path> schema_path() {
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / ".." / "share" / "loopscope" / "lesson.schema.json");
    candidates.push_back(exe.parent_path() / "share" / "loopscope" / "lesson.schema.json");
  }
#ifdef LOOPSCOPE_SOURCE_DIR
  candidates.push_back(fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons" / "lesson.schema.json");
#endif
  for (const auto& c : candidates) {
    if (!fs::is_regular_file(c, ec)) continue;
    fs::path abs = fs::weakly_canonical(c, ec);
    return ec ? fs::absolute(c).lexically_normal() : abs;
  }
  return std::nullopt;
}

}  // namespace loopscope::lesson
