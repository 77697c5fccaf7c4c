// Compiles Debian's ImGui GLFW backend source (libimgui-dev) into our build.
#include <imgui_impl_glfw.cpp>
