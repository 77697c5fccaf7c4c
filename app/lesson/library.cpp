// library.cpp — loading the whole folder stack (see library.hpp).
#include "lesson/library.hpp"

#include "lesson/bundle.hpp"

#include <algorithm>
#include <map>

namespace loopscope::lesson {
namespace fs = std::filesystem;

const LibraryEntry* Library::find(std::string_view id) const {
  const LibraryEntry* duplicate = nullptr;
  for (const auto& e : entries) {
    if (!e.result.lesson || e.result.lesson->id != id) continue;
    if (e.duplicate_of.empty()) return &e;
    if (!duplicate) duplicate = &e;
  }
  return duplicate;
}

std::set<std::string> Library::ids() const {
  std::set<std::string> out;
  for (const auto& e : entries)
    if (e.result.lesson) out.insert(e.result.lesson->id);
  return out;
}

std::vector<LibraryEntry> load_folder(const LessonFolder& folder, std::optional<Diagnostic>& problem) {
  std::vector<LibraryEntry> out;
  std::error_code ec;
  if (is_bundle_path(folder.path) && !fs::is_directory(folder.path, ec)) {
    auto read = read_bundle(folder.path);
    if (auto* why = std::get_if<std::string>(&read)) {
      problem = Diagnostic{folder.path.string(), 1, 1, "", "refused lesson bundle: " + *why};
      return out;
    }
    const Bundle& b = std::get<Bundle>(read);
    auto results = load_bundle_lessons(b, folder.path.string());
    auto name = b.lessons.begin();
    for (auto& r : results) {
      out.push_back({folder.path.string() + "/" + name->first, folder, std::move(r), {}, {}});
      ++name;
    }
    return out;
  }
  if (!fs::is_directory(folder.path, ec)) {
    if (folder.origin == Origin::added)
      problem = Diagnostic{folder.path.string(), 1, 1, "", "lesson folder not found (not a directory or a .loopscope bundle)"};
    return out;
  }
  for (const auto& f : lesson_files_in(folder.path)) out.push_back({f.string(), folder, load_lesson_file(f), {}, {}});
  return out;
}

std::vector<Diagnostic> unknown_prerequisites(const Lesson& lesson, const std::set<std::string>& known) {
  std::vector<Diagnostic> out;
  const std::vector<std::string> candidates(known.begin(), known.end());
  for (std::size_t i = 0; i < lesson.prerequisites.size(); ++i) {
    const auto& pre = lesson.prerequisites[i];
    if (known.contains(pre)) continue;
    std::string msg = "unknown prerequisite '" + pre + "'";
    if (auto s = closest_match(pre, candidates)) msg += " (did you mean '" + *s + "'?)";
    else msg += " (no lesson folder defines it)";
    const SourcePos at = i < lesson.prerequisite_pos.size() ? lesson.prerequisite_pos[i] : SourcePos{1, 1};
    out.push_back({lesson.path, at.line, at.col, "/prerequisites/" + std::to_string(i), msg});
  }
  return out;
}

Diagnostic duplicate_id(const Lesson& lesson, const std::string& first_file) {
  const SourcePos at = lesson.id_pos.line ? lesson.id_pos : SourcePos{1, 1};
  return {lesson.path, at.line, at.col, "/id",
          "duplicate lesson id '" + lesson.id + "': already defined by " + first_file + " (that one is opened by id; rename this one)"};
}

void sort_lesson_order(std::vector<LibraryEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
    const auto& la = a.result.lesson;
    const auto& lb = b.result.lesson;
    if (la.has_value() != lb.has_value()) return la.has_value();
    if (la && lb) {
      if (la->order != lb->order) return la->order < lb->order;
      if (la->id != lb->id) return la->id < lb->id;
    }
    return false;  // stack order, then file-name order
  });
}

Library load_library(const std::vector<LessonFolder>& folders) {
  Library lib;
  for (const auto& folder : folders) {
    std::optional<Diagnostic> problem;
    auto entries = load_folder(folder, problem);
    if (problem) lib.problems.push_back(*problem);
    for (auto& e : entries) lib.entries.push_back(std::move(e));
  }
  // Duplicates, in stack order (entries are still in it).
  std::map<std::string, std::string> first_file;
  for (auto& e : lib.entries) {
    if (!e.result.lesson) continue;
    auto [it, inserted] = first_file.emplace(e.result.lesson->id, e.file);
    if (inserted) continue;
    e.duplicate_of = it->second;
    e.problems.push_back(duplicate_id(*e.result.lesson, it->second));
  }
  const std::set<std::string> known = lib.ids();
  for (auto& e : lib.entries) {
    if (!e.result.lesson) continue;
    auto missing = unknown_prerequisites(*e.result.lesson, known);
    e.problems.insert(e.problems.end(), missing.begin(), missing.end());
  }
  sort_lesson_order(lib.entries);
  return lib;
}

std::optional<LibraryEntry> resolve_lesson_argument(std::string_view arg, const std::vector<LessonFolder>& stack) {
  const fs::path path{std::string(arg)};
  std::error_code ec;
  if (is_bundle_path(path) && fs::exists(path, ec)) {
    std::optional<Diagnostic> problem;
    auto entries = load_folder({path, Origin::added}, problem);
    if (problem) return LibraryEntry{path.string(), {path, Origin::added}, LoadResult{std::nullopt, {*problem}, std::nullopt}, {}, {}};
    sort_lesson_order(entries);
    if (entries.empty()) return std::nullopt;
    return std::move(entries.front());
  }
  if (fs::is_regular_file(path, ec)) return LibraryEntry{path.string(), {path, Origin::file}, load_lesson_file(path), {}, {}};
  const bool looks_like_id =
      !arg.empty() && arg.find('/') == std::string_view::npos && !arg.ends_with(".json") && !arg.ends_with(".py");
  if (!looks_like_id) return std::nullopt;
  Library library = load_library(stack);
  if (const LibraryEntry* e = library.find(arg)) return *e;
  // A lesson that does not load has no id: find it by its file name, to show its errors.
  for (const auto& folder : stack) {
    const fs::path file = folder.path / (std::string(arg) + ".json");
    if (!is_bundle_path(folder.path) && fs::is_regular_file(file, ec))
      return LibraryEntry{file.string(), folder, load_lesson_file(file), {}, {}};
  }
  return std::nullopt;
}

}  // namespace loopscope::lesson
