#pragma once
// app.hpp — the application: which screen is shown (lesson browser or a lesson), and the frame
// that draws it. The App owns the session (the running step) and the view state; the panels in
// ui/*.cpp are functions of that state and own nothing.
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace loopscope::ui {

struct AppOptions {
  std::optional<std::string> lesson;  // id or path; none = the browser (or the last lesson)
  int step = 1;                       // 1-based
  std::optional<double> at;           // shot: virtual seconds into the step
  bool at_end = false;                // shot: the end of the step
  bool restore_last = true;           // `loopscope` with no lesson reopens the last one
};

class App {
public:
  explicit App(const AppOptions& options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Draws one frame over the whole window. `dt` is the real time since the last frame (seconds).
  void frame(float dt);
  // Called after each frame has been rendered, with the time the whole frame took (ms).
  void after_frame(double frame_ms);
  // Seconds the window may sleep waiting for input before the next frame (0 = animate now).
  double idle_wait() const;
  std::string window_title() const;
  // Persists progress and layout (called on exit and at checkpoints).
  void save_settings();
  // The window size the learner last used (from settings), and the size to remember.
  std::pair<int, int> window_size() const;
  void remember_window_size(int width, int height);

  // What the open step holds, for the frame benchmark: trace events and tasks (0 if none).
  struct Load {
    std::size_t events = 0;
    std::size_t tasks = 0;
  };
  Load load() const;

  struct State;  // defined in app.cpp

private:
  std::unique_ptr<State> m;
};

}  // namespace loopscope::ui
