#pragma once
// window.hpp — the application window: GLFW + an OpenGL 3.3 core context loaded by glad +
// Dear ImGui with its GLFW and OpenGL3 backends.
//
// Invariants: at most one Window exists; while it exists, ImGui has a current context whose
// fonts are built; frames are begun and ended in pairs (begin_frame / end_frame).
#include <cstdint>
#include <optional>
#include <functional>
#include <string>

struct GLFWwindow;

namespace loopscope::platform {

enum class Visibility { shown, hidden };  // hidden: off-screen rendering for `loopscope shot`

// Whether end_frame draws a frame that looks exactly like the last one drawn.
//   always: draw every frame (hidden windows always do: screenshots and the frame benchmark);
//   when_changed: skip drawing and presenting it unless the window system asked for a redraw.
enum class Redraw { always, when_changed };

struct WindowOptions {
  int width = 1280;
  int height = 800;
  Visibility visibility = Visibility::shown;
  std::string title = "Loopscope";
  // Styles ImGui for the display's content scale, once the ImGui context exists and before the
  // fonts are loaded (the app passes its theme; the platform layer knows no theme).
  std::function<void(float scale)> style;
};

// Why a window could not be opened; `message` is one line a person can act on.
struct WindowError {
  std::string message;
};

class Window {
public:
  // Opens the window or returns nullopt with the reason in `error`.
  static std::optional<Window> open(const WindowOptions& options, WindowError& error);
  Window(Window&& other) noexcept;
  Window& operator=(Window&&) = delete;
  Window(const Window&) = delete;
  ~Window();

  bool should_close() const;
  void request_close();
  // Polls events (waiting up to `max_wait_seconds` when the app is idle), rebuilds the font atlas
  // if text asked for new characters (platform/fonts.hpp) and starts an ImGui frame.
  void begin_frame(double max_wait_seconds = 0.0);
  // Renders the ImGui frame and presents it (unless the window is hidden); returns false when
  // `redraw` let it skip an unchanged frame.
  bool end_frame(Redraw redraw = Redraw::always);
  float content_scale() const { return m_scale; }
  int framebuffer_width() const;
  int framebuffer_height() const;
  int window_width() const;   // in screen coordinates (what the learner resized it to)
  int window_height() const;
  GLFWwindow* handle() const { return m_window; }
  void set_title(const std::string& title);

private:
  explicit Window(GLFWwindow* window, float scale, Visibility visibility)
      : m_window(window), m_scale(scale), m_visibility(visibility) {}
  GLFWwindow* m_window = nullptr;
  float m_scale = 1.0f;
  Visibility m_visibility = Visibility::shown;
  std::uint64_t m_last_hash = 0;  // of the last frame drawn (Redraw::when_changed)
};

}  // namespace loopscope::platform
