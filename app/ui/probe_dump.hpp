#pragma once
// probe_dump.hpp — the state document the interaction tests read (see probe.hpp), written
// atomically (a temporary file renamed over the old one) so a reader never sees half of it.
#include "ui/editor/editor.hpp"
#include "ui/frame_source.hpp"
#include "ui/layout_report.hpp"
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
  std::vector<double> recent_ms;  // the last `kept` frames, oldest first
  static constexpr std::size_t kept = 240;
  void add(double ms) {
    ++frames;
    last_ms = ms;
    if (ms > max_ms) max_ms = ms;
    if (recent_ms.size() == kept) recent_ms.erase(recent_ms.begin());
    recent_ms.push_back(ms);
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

// The Python tab's editor (absent when it is not on screen).
struct ProbeEditor {
  bool focused = false;
  std::string text;                   // the whole text, when at most 64 KiB
  bool text_included = false;
  std::size_t bytes = 0;
  int lines = 0;
  int cursor[2] = {0, 0}, anchor[2] = {0, 0};  // line, column (0-based, code points)
  bool changed = false;               // differs from the lesson's code
  std::size_t undo = 0, redo = 0;
  std::string message;                // a refused edit's message
  std::size_t diagnostics = 0;
  std::vector<std::string> diagnostic_messages;  // "line:col: message"
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
  std::uint64_t frames_task = 0;      // the task the frames view shows (frame_source.hpp), 0 = none
  std::vector<CoroutineFrame> frames; // its frames at the playhead, outermost first
  std::uint64_t session_id = 0;       // changes whenever the run is replaced
  std::string code_tab;               // "python" or "cpp"
  double seconds_per_px = 0;          // timeline camera
  double t_left = 0;
  std::string follow;                 // fit_all / now / free
  float scroll_y = 0;
  std::string axis;                   // "time" or "iterations"
  int timeline_arrows = 0;            // cause -> effect arrows the timeline drew last frame
  struct Ghost {                      // the step's ghost run on the timeline (ui/ghost_run.hpp)
    int step = 0;                     // 1-based step it ran
    double end_time = 0;
    int task_lanes = 0;
  };
  std::optional<Ghost> ghost;
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
  bool want_text_input = false;       // ImGui's io.WantTextInput after the frame
  std::optional<ProbeEditor> editor;
  std::uint64_t run_requests = 0;     // edited runs asked for (RunEdited applied)
  std::size_t run_source_bytes = 0;   // the last one's source size
  bool run_edited = false;            // the current run runs the learner's code
  std::uint64_t saves = 0;            // code written back to a .py file
  std::string open_error;             // why a path typed in the browser did not open
  std::vector<std::string> output;    // the current run's printed lines so far
  std::vector<std::string> console;   // the console's lines (all of them, shown or not yet)
  std::optional<std::string> run_error;  // why it failed, once it has
  bool edits_pending = false;         // an edit not yet written to the edits file
  int width = 0, height = 0;          // the window, in pixels
  LayoutReport layout;                // text the frame cut (ui/layout_report.hpp)
  FrameStats stats;
};

ProbeEditor probe_editor(const editor::Editor& editor);

// Writes `state` and `rects` to probe::path(); returns "" or why it could not.
std::string write_probe(const ProbeState& state, const std::vector<probe::Rect>& rects);

}  // namespace loopscope::ui
