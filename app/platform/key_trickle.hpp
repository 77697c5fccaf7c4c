#pragma once
// key_trickle.hpp — a key pressed and released between two frames is seen pressed by one frame.
//
// ImGui 1.86's GLFW backend writes a key's state as its events arrive, and ImGui reads that state
// once per frame. When the press and the release of a key both arrive before the next frame (a
// quick tap during a slow frame, or input from a loaded machine), no frame sees the key down and
// the shortcut is lost. Here the release of a key pressed since the last frame is held back and
// handed to ImGui at the start of the next frame, after one frame has seen it pressed (what ImGui
// 1.87's input queue does). Mouse buttons need none of this: the backend already keeps a click
// that was released before the frame.
struct GLFWwindow;

namespace loopscope::platform::key_trickle {

// Takes over the window's key callback; call after ImGui_ImplGlfw_InitForOpenGL(window, true).
// Every key event still reaches ImGui's callback, in order.
void install(GLFWwindow* window);

// At the start of a frame, before its events are polled: hands ImGui the releases held back from
// the last frame's events.
void release_held(GLFWwindow* window);

// How many releases wait for the next frame (for tests).
int held();

}  // namespace loopscope::platform::key_trickle
