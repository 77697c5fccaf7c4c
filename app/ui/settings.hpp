#pragma once
// settings.hpp — what Loopscope remembers between runs: progress per lesson, the last lesson
// and step, window geometry, layout and playback speed. Stored as JSON in the user's config
// directory ($XDG_CONFIG_HOME/loopscope/settings.json, else ~/.config/loopscope/…), written
// atomically (a temporary file in the same directory, fsync, rename): killing the app mid-write
// leaves either the old or the new file, never a torn one. A missing or corrupt file means
// defaults (a corrupt one is kept aside as settings.json.bad).
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace loopscope::ui {

struct LessonProgress {
  std::set<int> steps_done;   // 0-based step indices run to the end
  int last_step = 0;          // 0-based
  std::set<int> quizzes_right;
  std::set<int> exercises_solved;  // 0-based steps whose exercise goal a run of the learner's met
  bool operator==(const LessonProgress&) const = default;
};

struct Settings {
  std::map<std::string, LessonProgress> progress;  // by lesson id
  std::string last_lesson;                          // id, empty = browser
  int window_width = 1280;
  int window_height = 800;
  float left_column = 0.34f;                        // layout: fraction of the width
  float bottom_row = 0.36f;                         // layout: fraction of the height
  double speed = 1.0;
  bool operator==(const Settings&) const = default;
};

std::filesystem::path settings_path();
Settings load_settings(const std::filesystem::path& path = settings_path());
// Why the last unreadable settings file this process set aside was unreadable, handed over
// once ("" when none was): the window reads the settings before the app exists to show it.
std::string take_settings_notice();
// Returns an empty string on success, else why it failed.
std::string save_settings(const Settings& s, const std::filesystem::path& path = settings_path());

}  // namespace loopscope::ui
