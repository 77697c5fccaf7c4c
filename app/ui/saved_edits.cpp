// saved_edits.cpp — the edits file: {"version": 1, "edits": {"tasks/3": "import asyncio\n…"}}.
#include "ui/saved_edits.hpp"

#include "ui/atomic_file.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace loopscope::ui {

std::filesystem::path SavedEdits::default_path() {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = std::filesystem::path(home) / ".local" / "share";
  else base = std::filesystem::temp_directory_path();
  return base / "loopscope" / "edits.json";
}

std::string SavedEdits::key(std::string_view lesson, std::size_t step_index) {
  return std::string(lesson) + "/" + std::to_string(step_index + 1);
}

SavedEdits::SavedEdits(std::filesystem::path path) : m_path(std::move(path)) {
  std::ifstream in(m_path, std::ios::binary);
  if (!in) return;
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    const nlohmann::json j = nlohmann::json::parse(buf.str());
    for (const auto& [k, v] : j.at("edits").items()) m_edits[k] = v.get<std::string>();
  } catch (const std::exception&) {
    m_edits.clear();
    const std::filesystem::path bad = move_aside(m_path);
    m_notice = "Your saved code edits could not be read; the file was kept as " + bad.string() +
               " and editing starts afresh.";
  }
}

const std::string* SavedEdits::find(const std::string& key) const {
  const auto it = m_edits.find(key);
  return it == m_edits.end() ? nullptr : &it->second;
}

void SavedEdits::put(const std::string& key, std::string text, double now) {
  auto& slot = m_edits[key];
  if (slot == text && !text.empty()) return;
  slot = std::move(text);
  m_dirty = true;
  m_changed_at = now;
}

void SavedEdits::erase(const std::string& key, double now) {
  if (m_edits.erase(key) == 0) return;
  m_dirty = true;
  m_changed_at = now;
}

std::string SavedEdits::flush() {
  if (!m_dirty) return {};
  m_dirty = false;
  if (m_path.empty()) return {};
  nlohmann::json j = {{"version", 1}, {"edits", m_edits}};
  // Invalid UTF-8 cannot reach here (the editor sanitizes its input); replace, never throw.
  return write_file_atomically(m_path, j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace loopscope::ui
