// settings.cpp — JSON persistence with atomic replacement.
#include "ui/settings.hpp"

#include "ui/atomic_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

namespace loopscope::ui {

using nlohmann::json;

std::filesystem::path settings_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  std::filesystem::path base;
  if (xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".config";
  else base = std::filesystem::temp_directory_path();
  return base / "loopscope" / "settings.json";
}

namespace {
std::string& pending_notice() {
  static std::string notice;
  return notice;
}
}  // namespace

std::string take_settings_notice() { return std::exchange(pending_notice(), {}); }

Settings load_settings(const std::filesystem::path& path) {
  Settings s;
  std::ifstream in(path);
  if (!in) return s;
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    const json j = json::parse(buf.str());
    s.last_lesson = j.value("last_lesson", std::string{});
    s.window_width = std::clamp(j.value("window_width", 1280), 320, 16384);
    s.window_height = std::clamp(j.value("window_height", 800), 240, 16384);
    s.left_column = std::clamp(j.value("left_column", 0.34f), 0.2f, 0.6f);
    s.bottom_row = std::clamp(j.value("bottom_row", 0.36f), 0.2f, 0.6f);
    s.speed = std::clamp(j.value("speed", 1.0), 0.1, 10.0);
    if (j.contains("progress") && j["progress"].is_object()) {
      for (const auto& [id, p] : j["progress"].items()) {
        LessonProgress lp;
        lp.last_step = std::max(0, p.value("last_step", 0));
        for (int i : p.value("steps_done", std::vector<int>{})) lp.steps_done.insert(i);
        for (int i : p.value("quizzes_right", std::vector<int>{})) lp.quizzes_right.insert(i);
        for (int i : p.value("exercises_solved", std::vector<int>{})) lp.exercises_solved.insert(i);
        s.progress[id] = std::move(lp);
      }
    }
  } catch (const std::exception&) {
    const std::filesystem::path bad = move_aside(path);
    pending_notice() = "Your progress file could not be read; it was kept as " + bad.string() + " and progress starts afresh.";
    std::fprintf(stderr, "loopscope: warning: %s was unreadable; starting with defaults (kept as .bad)\n",
                 path.c_str());
    return Settings{};
  }
  return s;
}

std::string save_settings(const Settings& s, const std::filesystem::path& path) {
  json j;
  j["last_lesson"] = s.last_lesson;
  j["window_width"] = s.window_width;
  j["window_height"] = s.window_height;
  j["left_column"] = s.left_column;
  j["bottom_row"] = s.bottom_row;
  j["speed"] = s.speed;
  json progress = json::object();
  for (const auto& [id, p] : s.progress) {
    progress[id] = {{"last_step", p.last_step},
                    {"steps_done", std::vector<int>(p.steps_done.begin(), p.steps_done.end())},
                    {"quizzes_right", std::vector<int>(p.quizzes_right.begin(), p.quizzes_right.end())},
                    {"exercises_solved", std::vector<int>(p.exercises_solved.begin(), p.exercises_solved.end())}};
  }
  j["progress"] = progress;
  return write_file_atomically(path, j.dump(2) + "\n");
}

}  // namespace loopscope::ui
