#pragma once
// backdrop.hpp — opaque panel backgrounds painted by scissored glClear instead of ImGui triangles.
//
// Why: on Mesa's llvmpipe (software OpenGL) every pixel of an ImGui fill runs the textured,
// blended fragment shader; the panel backgrounds covered the window about twice per frame and
// took most of the frame time. A clear writes the same opaque pixels for a fraction of the cost.
//
// Invariants: backdrops are painted at the start of end_frame, before any ImGui draw list, in
// the order they were added this frame; so a backdrop is right only where nothing ImGui draws
// is meant to lie under it (panel backgrounds, the lowest layer). Its colour is opaque. Rounded
// corners are drawn by ImGui on the background draw list with the vertices
// ImDrawList::AddRectFilled would use, so the picture equals a rounded AddRectFilled.
#include <imgui.h>

namespace loopscope::platform {

// A solid rectangle [min, max) in ImGui screen coordinates (whole pixels) with corners rounded
// by `rounding`, painted under this frame's ImGui drawing. The alpha of `colour` is ignored.
void add_backdrop(ImVec2 min, ImVec2 max, ImU32 colour, float rounding);

namespace detail {
// Called by Window: forget the last frame's backdrops; paint this frame's (GL context current,
// framebuffer `fb_height` pixels high).
void begin_backdrops();
void paint_backdrops(const ImDrawData& draw_data, int fb_height);
}  // namespace detail

}  // namespace loopscope::platform
