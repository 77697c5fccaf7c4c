// key_trickle.cpp — holding back a key's release for one frame (key_trickle.hpp).
#include "platform/key_trickle.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <bitset>
#include <vector>

namespace loopscope::platform::key_trickle {
namespace {

struct Release {
  int key, scancode, mods;
};

// Invariant: a key is in `pressed` when its press arrived since the last release_held(); its
// release then waits in `held` until the next release_held().
std::bitset<GLFW_KEY_LAST + 1> g_pressed;
std::vector<Release> g_held;

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (key >= 0 && key <= GLFW_KEY_LAST) {
    if (action == GLFW_PRESS) {
      g_pressed.set(static_cast<std::size_t>(key));
    } else if (action == GLFW_RELEASE && g_pressed.test(static_cast<std::size_t>(key))) {
      g_held.push_back({key, scancode, mods});
      return;
    }
  }
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

}  // namespace

void install(GLFWwindow* window) {
  g_pressed.reset();
  g_held.clear();
  glfwSetKeyCallback(window, on_key);
}

void release_held(GLFWwindow* window) {
  g_pressed.reset();
  std::vector<Release> held;
  held.swap(g_held);
  for (const Release& r : held) ImGui_ImplGlfw_KeyCallback(window, r.key, r.scancode, GLFW_RELEASE, r.mods);
}

int held() { return static_cast<int>(g_held.size()); }

}  // namespace loopscope::platform::key_trickle
