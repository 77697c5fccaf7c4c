// loader.cpp — reading lesson files and finding them on disk (see loader.hpp).
//
// Sections: Diagnostic · did you mean · files a lesson names · loading · finding lessons
#include "lesson/loader.hpp"

#include "lesson/detail/validate.hpp"
#include "lesson/folders.hpp"
#include "lesson/json.hpp"
#include "lesson/python_check.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace loopscope::lesson {

// ---- Diagnostic ----------------------------------------------------------------------------
std::string Diagnostic::to_string() const {
  std::string s = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + message;
  if (!pointer.empty()) s += " (at " + pointer + ")";
  return s;
}

// ---- did you mean --------------------------------------------------------------------------
namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      // A swap of two neighbours counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_d = 0;
  for (const auto& c : candidates) {
    if (c.size() > 64) continue;
    const std::size_t d = edit_distance(word, c);
    // Close enough: at most a third of the longer word, and never more than 3 edits.
    const std::size_t allowed = std::min<std::size_t>(3, std::max(word.size(), c.size()) / 3 + 1);
    if (d == 0 || d > allowed) continue;
    if (!best || d < best_d) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

// ---- files a lesson names ------------------------------------------------------------------
std::optional<std::filesystem::path> resolve_lesson_file(const std::filesystem::path& lesson_file, const std::string& relative) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(lesson_file, ec);
  if (ec) abs = lesson_file;
  std::vector<std::filesystem::path> roots = {abs.parent_path(), abs.parent_path().parent_path()};
#ifdef LOOPSCOPE_SOURCE_DIR
  roots.emplace_back(LOOPSCOPE_SOURCE_DIR);
#endif
  for (const auto& r : roots) {
    const auto p = r / relative;
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  return std::nullopt;
}

FileReader disk_files_for(const std::filesystem::path& lesson_file) {
  return [lesson_file](const std::string& relative) -> std::optional<std::string> {
    const auto p = resolve_lesson_file(lesson_file, relative);
    if (!p) return std::nullopt;
    std::error_code ec;
    if (std::filesystem::file_size(*p, ec) > max_named_file_bytes || ec) return std::nullopt;
    std::ifstream in(*p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
}

// ---- loading -------------------------------------------------------------------------------
LoadResult load_lesson_text(std::string_view text, const std::string& filename, const FileReader& files) {
  auto parsed = parse_json(text);
  if (auto* err = std::get_if<JsonError>(&parsed)) {
    LoadResult r;
    r.errors.push_back({filename, err->pos.line, err->pos.col, "", err->message});
    return r;
  }
  LoadResult r = detail::validate_lesson(std::get<JsonValue>(parsed), filename, files);
  if (r.lesson) r.lesson->path = filename;
  return r;
}

LoadResult load_lesson_text(std::string_view text, const std::string& filename) {
  return load_lesson_text(text, filename, disk_files_for(filename));
}

LoadResult load_lesson_file(const std::filesystem::path& path) {
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, ec)) {
    LoadResult r;
    r.errors.push_back({path.string(), 1, 1, "", "cannot read the file"});
    return r;
  }
  // The parser refuses texts over its byte limit; a file far larger is not even read.
  const JsonParseOptions limits;
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > limits.max_bytes) {
    LoadResult r;
    r.errors.push_back({path.string(), 1, 1, "", "the file is larger than " + std::to_string(limits.max_bytes) + " bytes"});
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (is_python_program_path(path)) return load_python_program(ss.str(), path.string());
  return load_lesson_text(ss.str(), path.string());
}

bool is_python_program_path(const std::filesystem::path& path) { return path.extension() == ".py"; }

LoadResult load_python_program(std::string_view text, const std::string& filename) {
  LoadResult r;
  Lesson l;
  const std::filesystem::path file(filename);
  for (char c : file.stem().string()) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) l.id += static_cast<char>(std::tolower(u));
    else if (!l.id.empty() && l.id.back() != '-') l.id += '-';
  }
  while (!l.id.empty() && l.id.back() == '-') l.id.pop_back();
  if (l.id.empty()) l.id = "program";
  l.title = file.filename().string();
  l.path = filename;
  l.id_pos = {1, 1};
  Step s;
  s.title = l.title;
  s.pos = {1, 1};
  s.pointer = "/steps/0";
  // The narration: the program's docstring, so that a teacher's .py file explains itself;
  // without one, how to work with the file.
  s.text = module_docstring(std::string(text));
  if (s.text.empty())
    s.text = "`" + file.filename().string() + "`: edit it in the **Python** tab and press **Run** (Ctrl+Enter); every "
             "panel shows that run. **Save** (Ctrl+S) writes it back to the file, and a save from another "
             "editor reloads it here.\n\nA docstring at the top of the file becomes this text.";
  std::string cur;
  for (char c : text) {
    if (c == '\n') {
      if (!cur.empty() && cur.back() == '\r') cur.pop_back();
      s.python.lines.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) s.python.lines.push_back(std::move(cur));
  for (std::size_t i = 0; i < s.python.lines.size(); ++i) s.python.line_pos.push_back({static_cast<int>(i) + 1, 1});
  s.python.exact_pos = true;
  if (auto p = python_problem(std::string(text))) {
    r.errors.push_back({filename, p->line, p->col, "", p->message});
    return r;
  }
  l.steps.push_back(std::move(s));
  r.lesson = std::move(l);
  return r;
}

std::vector<std::filesystem::path> lesson_files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const auto& p = it->path();
    if (p.extension() == ".json" && p.filename() != "lesson.schema.json" && it->is_regular_file(ec)) files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<LoadResult> load_all_lessons(const std::filesystem::path& dir) {
  std::vector<LoadResult> out;
  for (const auto& f : lesson_files_in(dir)) out.push_back(load_lesson_file(f));
  // Prerequisites must name lessons of the same directory.
  std::map<std::string, bool> ids;
  for (const auto& r : out)
    if (r.lesson) ids[r.lesson->id] = true;
  for (auto& r : out) {
    if (!r.lesson) continue;
    std::vector<std::string> known;
    for (const auto& [k, _] : ids) known.push_back(k);
    for (std::size_t i = 0; i < r.lesson->prerequisites.size(); ++i) {
      const auto& pre = r.lesson->prerequisites[i];
      if (ids.contains(pre)) continue;
      std::string msg = "unknown prerequisite '" + pre + "'";
      if (auto s = closest_match(pre, known)) msg += " (did you mean '" + *s + "'?)";
      const SourcePos at = i < r.lesson->prerequisite_pos.size() ? r.lesson->prerequisite_pos[i] : SourcePos{1, 1};
      r.errors.push_back({r.lesson->path, at.line, at.col, "/prerequisites/" + std::to_string(i), msg});
    }
    if (!r.errors.empty()) r.lesson.reset();
  }
  std::stable_sort(out.begin(), out.end(), [](const LoadResult& a, const LoadResult& b) {
    if (a.lesson.has_value() != b.lesson.has_value()) return a.lesson.has_value();
    if (a.lesson && b.lesson)
      return a.lesson->order != b.lesson->order ? a.lesson->order < b.lesson->order : a.lesson->id < b.lesson->id;
    return false;  // broken ones keep file-name order
  });
  return out;
}

// ---- finding lessons -----------------------------------------------------------------------
std::filesystem::path lessons_dir() { return shipped_lessons_dir(FolderEnvironment::from_process()).lexically_normal(); }

std::optional<std::filesystem::path> find_lesson(std::string_view id_or_path) {
  const std::string s(id_or_path);
  std::error_code ec;
  const bool looks_like_id = !s.empty() && s.find('/') == std::string::npos && s.find(".json") == std::string::npos &&
                             !is_python_program_path(s);
  if (looks_like_id) {
    for (const auto& folder : lesson_folders()) {
      const auto p = folder.path / (s + ".json");
      if (std::filesystem::is_regular_file(p, ec)) return p.lexically_normal();
    }
  }
  if (std::filesystem::is_regular_file(s, ec)) return std::filesystem::path(s);
  return std::nullopt;
}

}  // namespace loopscope::lesson
