#pragma once
// browser_panel.hpp — the lesson browser: every lesson in order with its summary,
// prerequisites, progress and the folder it comes from; lessons that failed to load are listed
// with their errors, and lessons with notes (a duplicate id, an unknown prerequisite) show them.
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::ui {

enum class Progress { not_started, in_progress, done };

struct BrowserEntry {
  std::string id;
  std::string title;
  std::string summary;
  std::string path;
  std::vector<std::string> prerequisites;  // titles (or ids) of the lessons to take first
  int steps = 0;
  int steps_done = 0;
  Progress progress = Progress::not_started;
  std::vector<std::string> errors;         // non-empty: the lesson failed to load
  std::string origin;                      // where it comes from: "shipped", "your lessons", a folder
  std::vector<std::string> notes;          // problems that do not stop it from opening
};

struct BrowserModel {
  std::string lessons_dir;
  std::vector<BrowserEntry> entries;       // in lesson order
  std::vector<std::string> problems;       // lesson folders that could not be read
};

// What the learner did this frame.
struct BrowserAction {
  int open = -1;                           // index into entries, or -1
  bool playground = false;                 // the playground card was clicked
  std::optional<std::string> open_path;    // "Open" with a path typed in
};

// What the browser keeps between frames: the text of its "open a file" field.
struct BrowserState {
  std::array<char, 1024> open_path{};
};

BrowserAction draw_browser(const BrowserModel& model, BrowserState& state);

}  // namespace loopscope::ui
