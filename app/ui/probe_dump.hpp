#pragma once
// probe_dump.hpp — the state document the interaction tests read (see probe.hpp), written
// atomically (a temporary file renamed over the old one) so a reader never sees half of it.
#include "ui/probe.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::ui {

// How long frames take, measured by the window loop around a whole frame (build + render).
struct FrameStats {
  std::uint64_t frames = 0;
  double last_ms = 0;
  double max_ms = 0;
  void add(double ms) {
    ++frames;
    last_ms = ms;
    if (ms > max_ms) max_ms = ms;
  }
};

struct ProbeQuiz {
  int choice = -1;
  std::vector<int> order;
  bool checked = false;
  bool correct = false;
  int tries = 0;
  bool revealed = false;
};

struct ProbeState {
  std::string screen;                 // "browser" or "lesson"
  std::string lesson;                 // id of the open lesson ("" on the browser)
  int step = 0;                       // 1-based; 0 when no lesson is open
  int steps = 0;
  std::string step_title;
  bool playing = false;
  double speed = 1;
  std::size_t cursor = 0;             // events applied at the playhead
  double time = 0;                    // virtual time at the playhead
  double end_time = 0;
  bool finished = false;
  std::uint64_t selected_task = 0;
  std::uint64_t session_id = 0;       // changes whenever the run is replaced
  std::string code_tab;               // "python" or "cpp"
  double seconds_per_px = 0;          // timeline camera
  double t_left = 0;
  std::string follow;                 // fit_all / now / free
  float scroll_y = 0;
  std::string axis;                   // "time" or "iterations"
  std::map<std::string, double> params;
  std::optional<ProbeQuiz> quiz;
  struct Exercise {
    int hints_shown = 0;
    bool solution_shown = false;
    std::optional<bool> met;          // the shown run's verdict, once it has finished
    bool solved = false;
  };
  std::optional<Exercise> exercise;
  std::string banner;
  bool help_open = false;
  int width = 0, height = 0;          // the window, in pixels
  FrameStats stats;
};

// Writes `state` and `rects` to probe::path(); returns "" or why it could not.
std::string write_probe(const ProbeState& state, const std::vector<probe::Rect>& rects);

}  // namespace loopscope::ui
