// bundle.cpp — reading, writing and packing lesson bundles (see bundle.hpp).
//
// Sections: paths · the streaming reader · reading · writing and packing
#include "lesson/bundle.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>

namespace loopscope::lesson {
namespace fs = std::filesystem;

// ---- paths ---------------------------------------------------------------------------------
std::string bundle_path_problem(std::string_view path, bool lesson, const BundleLimits& limits) {
  if (path.empty()) return "an empty path";
  if (path.size() > limits.max_path_bytes)
    return "a path longer than " + std::to_string(limits.max_path_bytes) + " bytes";
  if (path.front() == '/') return "an absolute path";
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return "a path with a control character";
    if (c == '\\') return "a path with a backslash";
    if (c == ':' && lesson) return "a lesson name with ':'";
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty()) return "a path with an empty component";
    if (part == "." || part == "..") return "a path that steps out with '" + std::string(part) + "'";
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (lesson) {
    if (path.find('/') != std::string_view::npos) return "a lesson name with a folder in it";
    if (path.size() < 6 || path.substr(path.size() - 5) != ".json") return "a lesson name that does not end in .json";
  }
  return {};
}

// ---- the streaming reader ------------------------------------------------------------------
namespace {
using Json = nlohmann::json;

// Accepts exactly the bundle's shape, keeping only the entries' text; the first deviation
// stops the parse with a message, so nothing else is ever held in memory.
class BundleSax final : public nlohmann::json_sax<Json> {
public:
  explicit BundleSax(const BundleLimits& limits) : m_limits(limits) {}

  Bundle bundle;
  std::string error;
  bool has_version = false;

  bool null() override { return scalar("null"); }
  bool boolean(bool) override { return scalar("a boolean"); }
  bool number_integer(number_integer_t n) override { return number(n == 1); }
  bool number_unsigned(number_unsigned_t n) override { return number(n == 1); }
  bool number_float(number_float_t, const string_t&) override { return number(false); }
  bool binary(binary_t&) override { return fail("binary data is not allowed"); }
  bool start_array(std::size_t) override {
    if (m_depth == 1) return scalar("an array");
    return fail("unexpected array" + where());
  }
  bool end_array() override { return fail("unexpected array"); }

  bool string(string_t& s) override {
    if (m_depth != 2) return scalar("a string");
    auto& target = m_section == Section::lessons ? bundle.lessons : bundle.files;
    target.emplace(std::move(m_key), std::move(s));
    return true;
  }

  bool start_object(std::size_t) override {
    if (m_depth == 0) {
      m_depth = 1;
      return true;
    }
    if (m_depth == 1 && (m_section == Section::lessons || m_section == Section::files)) {
      m_depth = 2;
      return true;
    }
    return fail("unexpected object" + where());
  }

  bool end_object() override {
    --m_depth;
    m_section = Section::none;
    return true;
  }

  bool key(string_t& k) override {
    if (m_depth == 1) {
      if (k == "loopscope_bundle") m_section = Section::version;
      else if (k == "lessons") m_section = Section::lessons;
      else if (k == "files") m_section = Section::files;
      else return fail("unknown member \"" + k.substr(0, 64) + "\" (a bundle has loopscope_bundle, lessons and files)");
      if (!m_seen_sections.insert(k).second) return fail("member \"" + k + "\" appears twice");
      return true;
    }
    const bool lesson = m_section == Section::lessons;
    if (std::string p = bundle_path_problem(k, lesson, m_limits); !p.empty())
      return fail("entry \"" + k.substr(0, 80) + "\" is " + p);
    if (++m_entries > m_limits.max_entries)
      return fail("more than " + std::to_string(m_limits.max_entries) + " entries");
    const auto& target = lesson ? bundle.lessons : bundle.files;
    if (target.contains(k)) return fail("entry \"" + k + "\" appears twice");
    m_key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    if (error.empty()) {
      std::string what = e.what();
      if (auto colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
      error = "not valid JSON at byte " + std::to_string(position) + ": " + what;
    }
    return false;
  }

private:
  enum class Section { none, version, lessons, files };
  const BundleLimits& m_limits;
  int m_depth = 0;
  Section m_section = Section::none;
  std::string m_key;
  std::size_t m_entries = 0;
  std::set<std::string, std::less<>> m_seen_sections;

  std::string where() const {
    if (m_depth == 0) return " (a bundle is a JSON object)";
    if (m_depth >= 2) return " (every entry's value is a string)";
    return "";
  }
  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }
  bool scalar(const char* what) {
    if (m_depth == 0) return fail(std::string("found ") + what + " (a bundle is a JSON object)");
    if (m_depth >= 2) return fail(std::string("entry \"") + m_key + "\" is " + what + ", not a string");
    if (m_section == Section::version) return fail("unsupported bundle version (this Loopscope reads version 1)");
    return fail(std::string("\"lessons\" and \"files\" must be objects, found ") + what);
  }
  bool number(bool is_one) {
    if (m_depth == 1 && m_section == Section::version) {
      if (!is_one) return fail("unsupported bundle version (this Loopscope reads version 1)");
      has_version = true;
      return true;
    }
    return scalar("a number");
  }
};
}  // namespace

// ---- reading -------------------------------------------------------------------------------
std::variant<Bundle, std::string> parse_bundle(std::string_view text, const BundleLimits& limits) {
  if (text.size() > limits.max_bytes) return "larger than " + std::to_string(limits.max_bytes) + " bytes";
  BundleSax sax(limits);
  bool ok = false;
  try {
    ok = Json::sax_parse(text.begin(), text.end(), &sax);
  } catch (const std::exception& e) {
    if (sax.error.empty()) sax.error = std::string("not valid JSON: ") + e.what();
  }
  if (!ok || !sax.error.empty()) return sax.error.empty() ? std::string("not valid JSON") : sax.error;
  if (!sax.has_version) return "not a Loopscope bundle (no \"loopscope_bundle\": 1)";
  if (sax.bundle.lessons.empty()) return "the bundle holds no lessons";
  return std::move(sax.bundle);
}

std::variant<Bundle, std::string> read_bundle(const fs::path& file, const BundleLimits& limits) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) return "a folder, not a bundle file";
  const auto size = fs::file_size(file, ec);
  if (ec) return "cannot read the file";
  // The size is checked before anything is read: a huge file costs nothing.
  if (size > limits.max_bytes) return "larger than " + std::to_string(limits.max_bytes) + " bytes";
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot read the file";
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parse_bundle(text, limits);
}

std::vector<LoadResult> load_bundle_lessons(const Bundle& bundle, const std::string& bundle_file) {
  auto files = std::make_shared<const std::map<std::string, std::string>>(bundle.files);
  const FileReader reader = [files](const std::string& relative) -> std::optional<std::string> {
    auto it = files->find(relative);
    if (it == files->end()) return std::nullopt;
    return it->second;
  };
  std::vector<LoadResult> out;
  for (const auto& [name, text] : bundle.lessons) out.push_back(load_lesson_text(text, bundle_file + "/" + name, reader));
  return out;
}

// ---- writing and packing -------------------------------------------------------------------
std::string bundle_json(const Bundle& bundle) {
  Json j;
  j["loopscope_bundle"] = 1;
  j["lessons"] = Json::object();
  j["files"] = Json::object();
  for (const auto& [k, v] : bundle.lessons) j["lessons"][k] = v;
  for (const auto& [k, v] : bundle.files) j["files"][k] = v;
  return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {
std::optional<std::string> read_whole(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

PackResult pack_folder(const fs::path& dir, const BundleLimits& limits) {
  PackResult r;
  auto problem = [&](const fs::path& file, std::string msg) { r.problems.push_back({file.string(), 1, 1, "", std::move(msg)}); };
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    problem(dir, "not a folder of lessons");
    return r;
  }
  Bundle b;
  std::size_t bytes = 0;
  for (const fs::path& file : lesson_files_in(dir)) {
    if (fs::is_symlink(fs::symlink_status(file, ec))) {
      problem(file, "is a symbolic link: a bundle holds only regular files (copy the file instead)");
      continue;
    }
    LoadResult loaded = load_lesson_file(file);
    if (!loaded.lesson) {
      r.problems.insert(r.problems.end(), loaded.errors.begin(), loaded.errors.end());
      continue;
    }
    const std::string name = file.filename().string();
    if (std::string p = bundle_path_problem(name, true, limits); !p.empty()) {
      problem(file, "cannot be bundled: its name is " + p);
      continue;
    }
    auto text = read_whole(file);
    if (!text) {
      problem(file, "cannot read the file");
      continue;
    }
    bytes += text->size();
    b.lessons[name] = std::move(*text);
    for (const Step& step : loaded.lesson->steps) {
      const std::string& rel = step.cpp.file;
      if (rel.empty() || b.files.contains(rel)) continue;
      if (std::string p = bundle_path_problem(rel, false, limits); !p.empty()) {
        problem(file, "C++ listing '" + rel + "' cannot be bundled: it is " + p);
        continue;
      }
      const auto where = resolve_lesson_file(file, rel);
      if (!where) {
        problem(file, "C++ listing '" + rel + "' not found");
        continue;
      }
      if (fs::is_symlink(fs::symlink_status(*where, ec))) {
        problem(*where, "is a symbolic link: a bundle holds only regular files (copy the file instead)");
        continue;
      }
      auto content = read_whole(*where);
      if (!content) {
        problem(*where, "cannot read the file");
        continue;
      }
      bytes += content->size();
      b.files[rel] = std::move(*content);
    }
  }
  if (b.lessons.empty() && r.problems.empty()) problem(dir, "no lessons to pack (no *.json lesson files in this folder)");
  if (b.lessons.size() + b.files.size() > limits.max_entries)
    problem(dir, "more than " + std::to_string(limits.max_entries) + " lessons and files: a bundle cannot hold them");
  // The written bundle (escapes included) must stay readable by read_bundle.
  if (r.problems.empty() && (bytes > limits.max_bytes || bundle_json(b).size() > limits.max_bytes))
    problem(dir, "the lessons and files are too large for one bundle (at most " + std::to_string(limits.max_bytes) + " bytes)");
  if (r.problems.empty()) r.bundle = std::move(b);
  return r;
}

}  // namespace loopscope::lesson
