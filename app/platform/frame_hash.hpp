#pragma once
// frame_hash.hpp — a 64-bit hash of everything a frame draws, so that `open` can skip drawing a
// frame that looks exactly like the last one (Redraw::when_changed in window.hpp).
// Invariant: two frames with equal draw data, framebuffer size and backdrops hash equal; any
// change to a vertex, an index, a clip rectangle, a texture, the size or a backdrop changes the
// hash (up to 64-bit collisions).
#include <imgui.h>

#include <cstdint>

namespace loopscope::platform {

std::uint64_t draw_data_hash(const ImDrawData& dd, int fb_width, int fb_height);

}  // namespace loopscope::platform
