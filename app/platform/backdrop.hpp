#pragma once
// backdrop.hpp — the window background and opaque panel backgrounds, painted by clears instead
// of ImGui triangles.
//
// Why: on Mesa's llvmpipe (software OpenGL) every pixel of an ImGui fill runs the textured,
// blended fragment shader (~15 ns a pixel here), and so does a scissored clear (Mesa draws it as
// a quad, ~6 ns a pixel); only a clear of the whole framebuffer is cheap (a per-tile fill). The
// panel backgrounds covered the window about twice per frame and took most of the frame time.
// So the whole framebuffer is cleared to the colour that covers most pixels, and only the rest
// is painted by scissored clears.
//
// Invariants: backdrops are painted at the start of end_frame, before any ImGui draw list; so a
// backdrop is right only where nothing ImGui draws is meant to lie under it (panel backgrounds,
// the lowest layer). Colours are opaque. When backdrops overlap, later ones cover earlier ones.
// Rounded corners are drawn by ImGui on the background draw list with the vertices
// ImDrawList::AddRectFilled would use, over the window colour; so the picture equals a rounded
// AddRectFilled on the window background.
#include <imgui.h>

#include <cstdint>

namespace loopscope::platform {

// A solid rectangle [min, max) in ImGui screen coordinates (whole pixels) with corners rounded
// by `rounding`, painted under this frame's ImGui drawing and cut to the clip rectangle
// [clip_min, clip_max) (e.g. the scrolling window it lies in). The alpha of `colour` is ignored.
void add_backdrop(ImVec2 min, ImVec2 max, ImU32 colour, float rounding,
                  ImVec2 clip_min = {-1e30f, -1e30f}, ImVec2 clip_max = {1e30f, 1e30f});

namespace detail {
// Called by Window: forget the last frame's backdrops.
void begin_backdrops();
// Called by Window with the GL context current: paints the framebuffer (fb_width x fb_height
// pixels) with `window_colour` and this frame's backdrops over it.
void paint_backdrops(const ImDrawData& draw_data, int fb_width, int fb_height, ImU32 window_colour);
// A hash of this frame's backdrops: equal for frames whose backdrops are the same.
std::uint64_t backdrops_hash();
}  // namespace detail

}  // namespace loopscope::platform
