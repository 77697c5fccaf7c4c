// Compiles Debian's ImGui OpenGL3 backend source against our glad2 loader.
// IMGUI_IMPL_OPENGL_LOADER_CUSTOM is defined by CMake; glad must come first.
#include <glad/gl.h>
#include <imgui_impl_opengl3.cpp>
