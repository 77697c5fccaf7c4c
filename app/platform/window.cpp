// window.cpp — GLFW window, glad-loaded GL 3.3 core context, ImGui backends.
#include "platform/key_trickle.hpp"
#include "platform/window.hpp"

#include "platform/backdrop.hpp"
#include "platform/fonts.hpp"
#include "platform/frame_hash.hpp"

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

namespace loopscope::platform {
namespace {

std::string g_last_glfw_error;
bool g_damaged = true;  // the window system asked for a redraw (exposed, resized)

void on_refresh(GLFWwindow* /*window*/) { g_damaged = true; }


void on_glfw_error(int /*code*/, const char* description) {
  g_last_glfw_error = description ? description : "unknown GLFW error";
}

bool display_available() {
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (w && *w);
}

}  // namespace

std::optional<Window> Window::open(const WindowOptions& options, WindowError& error) {
  if (!display_available()) {
    error.message = "this command needs a display (DISPLAY is not set); run it under `xvfb-run -a`";
    return std::nullopt;
  }
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    error.message = "cannot open a window: " + g_last_glfw_error;
    return std::nullopt;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visibility == Visibility::shown ? GLFW_TRUE : GLFW_FALSE);
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!window) {
    error.message = "cannot create an OpenGL 3.3 window: " + g_last_glfw_error;
    glfwTerminate();
    return std::nullopt;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (gladLoadGL(glfwGetProcAddress) == 0) {
    error.message = "cannot load OpenGL 3.3 core functions";
    glfwDestroyWindow(window);
    glfwTerminate();
    return std::nullopt;
  }

  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(window, &xscale, &yscale);
  const float scale = xscale > 0.5f ? xscale : 1.0f;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is persisted by the app itself (ui/settings)
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  if (options.style) options.style(scale);
  load_fonts(scale);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  key_trickle::install(window);  // a key tapped between two frames is not lost
  glfwSetWindowRefreshCallback(window, on_refresh);  // ImGui's backend does not use this one
  g_damaged = true;
  ImGui_ImplOpenGL3_Init("#version 330 core");
  return Window(window, scale, options.visibility);
}

Window::Window(Window&& other) noexcept
    : m_window(other.m_window), m_scale(other.m_scale), m_visibility(other.m_visibility),
      m_last_hash(other.m_last_hash) {
  other.m_window = nullptr;
}

Window::~Window() {
  if (!m_window) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(m_window); }
void Window::request_close() { glfwSetWindowShouldClose(m_window, GLFW_TRUE); }
void Window::set_title(const std::string& title) { glfwSetWindowTitle(m_window, title.c_str()); }

void Window::begin_frame(double max_wait_seconds) {
  // Characters that the last frame drew as '?' and asked for (platform/fonts.hpp) show at once.
  key_trickle::release_held(m_window);
  if (max_wait_seconds > 0 && !fonts_rebuild_pending()) glfwWaitEventsTimeout(max_wait_seconds);
  else glfwPollEvents();
  detail::begin_backdrops();
  // Characters requested since the last frame (platform/fonts.hpp) join the atlas now, between
  // frames; a texture already on the GPU is replaced (before the first frame the backend uploads
  // the atlas itself in ImGui_ImplOpenGL3_NewFrame).
  const bool uploaded = ImGui::GetIO().Fonts->TexID != nullptr;
  if (fonts_rebuild_if_needed() && uploaded) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

bool Window::end_frame(Redraw redraw) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  if (m_visibility == Visibility::shown && redraw == Redraw::when_changed) {
    // An unchanged frame is not drawn again: the last one stays on screen.
    const std::uint64_t hash = draw_data_hash(*ImGui::GetDrawData(), w, h);
    if (hash == m_last_hash && !g_damaged) return false;
    m_last_hash = hash;
  }
  g_damaged = false;
  glViewport(0, 0, w, h);
  // The clear, in WindowBg and the panels' backdrops (platform/backdrop.hpp).
  detail::paint_backdrops(*ImGui::GetDrawData(), w, h, ImGui::GetColorU32(ImGuiCol_WindowBg));
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (m_visibility == Visibility::shown) glfwSwapBuffers(m_window);
  else glFinish();
  return true;
}

int Window::framebuffer_width() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  return w;
}
int Window::framebuffer_height() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  return h;
}

int Window::window_width() const {
  int w = 0, h = 0;
  glfwGetWindowSize(m_window, &w, &h);
  return w;
}
int Window::window_height() const {
  int w = 0, h = 0;
  glfwGetWindowSize(m_window, &w, &h);
  return h;
}

}  // namespace loopscope::platform
