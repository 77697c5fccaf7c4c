// backdrop.cpp — the window and panel backgrounds as clears, with ImGui-drawn rounded corners.
//
// Sections: state · rectangles in framebuffer pixels · painting
#include "platform/backdrop.hpp"

#include "platform/pixel_region.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace loopscope::platform {
namespace {

// ---- state -----------------------------------------------------------------------------------
struct Backdrop {
  ImVec2 min, max;
  ImU32 colour;
  float rounding;
  ImVec2 clip_min, clip_max;
};

std::vector<Backdrop> g_backdrops;  // this frame's, in the order added

// ---- rectangles in framebuffer pixels --------------------------------------------------------
// The pixels whose centres lie in [min, max), as for ImGui's own rectangles.
PixelRect to_pixels(const ImDrawData& dd, ImVec2 min, ImVec2 max) {
  const float sx = dd.FramebufferScale.x, sy = dd.FramebufferScale.y;
  auto px = [](float v) { return static_cast<int>(std::ceil(v - 0.5f)); };
  return {px((min.x - dd.DisplayPos.x) * sx), px((min.y - dd.DisplayPos.y) * sy),
          px((max.x - dd.DisplayPos.x) * sx), px((max.y - dd.DisplayPos.y) * sy)};
}

// The opaque part of a backdrop as up to three rectangles (a cross), its corner squares left out
// for the anti-aliased corners ImGui draws, cut to its clip rectangle.
int cross_of(const ImDrawData& dd, const Backdrop& b, PixelRect out[3]) {
  const float r = b.rounding;
  int n = 1;
  if (r < 1.0f) {
    out[0] = to_pixels(dd, b.min, b.max);
  } else {
    out[0] = to_pixels(dd, {b.min.x + r, b.min.y}, {b.max.x - r, b.max.y});
    out[1] = to_pixels(dd, {b.min.x, b.min.y + r}, {b.min.x + r, b.max.y - r});
    out[2] = to_pixels(dd, {b.max.x - r, b.min.y + r}, {b.max.x, b.max.y - r});
    n = 3;
  }
  const ImVec2 lo{std::max(b.clip_min.x, dd.DisplayPos.x), std::max(b.clip_min.y, dd.DisplayPos.y)};
  const ImVec2 hi{std::min(b.clip_max.x, dd.DisplayPos.x + dd.DisplaySize.x),
                  std::min(b.clip_max.y, dd.DisplayPos.y + dd.DisplaySize.y)};
  const PixelRect clip = to_pixels(dd, lo, hi);
  for (int i = 0; i < n; ++i) out[i] = intersection(out[i], clip);
  return n;
}

// ---- painting --------------------------------------------------------------------------------
void set_clear_colour(ImU32 colour) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  glClearColor(c.x, c.y, c.z, 1.0f);
}

void clear_rect(const PixelRect& r, int fb_height) {
  if (r.empty()) return;
  glScissor(r.x0, fb_height - r.y1, r.x1 - r.x0, r.y1 - r.y0);  // GL counts rows from the bottom
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

void add_backdrop(ImVec2 min, ImVec2 max, ImU32 colour, float rounding, ImVec2 clip_min,
                  ImVec2 clip_max) {
  if (max.x <= min.x || max.y <= min.y) return;
  if (max.x <= clip_min.x || min.x >= clip_max.x || max.y <= clip_min.y || min.y >= clip_max.y)
    return;
  colour |= IM_COL32_A_MASK;
  rounding = std::max(0.0f, std::min({rounding, (max.x - min.x) * 0.5f, (max.y - min.y) * 0.5f}));
  rounding = std::floor(rounding);
  g_backdrops.push_back({min, max, colour, rounding, clip_min, clip_max});
  if (rounding < 1.0f) return;
  // The four corners, as PathRect builds them for AddRectFilled (12 steps per circle), each a
  // quarter disc filled with ImGui's anti-aliased edge over the window colour.
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const float r = rounding;
  const struct { ImVec2 centre; int a0, a1; } corners[] = {
      {{min.x + r, min.y + r}, 6, 9},   // top left
      {{max.x - r, min.y + r}, 9, 12},  // top right
      {{max.x - r, max.y - r}, 0, 3},   // bottom right
      {{min.x + r, max.y - r}, 3, 6},   // bottom left
  };
  dl->PushClipRect(clip_min, clip_max, true);
  for (const auto& c : corners) {
    dl->PathLineTo(c.centre);
    dl->PathArcToFast(c.centre, r, c.a0, c.a1);
    dl->PathFillConvex(colour);
  }
  dl->PopClipRect();
}

namespace detail {

void begin_backdrops() { g_backdrops.clear(); }

std::uint64_t backdrops_hash() {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (const Backdrop& b : g_backdrops) {
    const float fields[] = {b.min.x, b.min.y, b.max.x, b.max.y, b.rounding,
                            b.clip_min.x, b.clip_min.y, b.clip_max.x, b.clip_max.y};
    for (float f : fields) {
      std::uint32_t v;
      std::memcpy(&v, &f, sizeof v);
      h = (h ^ v) * 0x100000001B3ull;
    }
    h = (h ^ b.colour) * 0x100000001B3ull;
  }
  return h;
}

void paint_backdrops(const ImDrawData& dd, int fb_width, int fb_height, ImU32 window_colour) {
  const PixelRect frame{0, 0, fb_width, fb_height};
  std::vector<Fill> fills;  // each backdrop's opaque cross
  for (const Backdrop& b : g_backdrops) {
    PixelRect cross[3];
    const int n = cross_of(dd, b, cross);
    for (int i = 0; i < n; ++i) fills.push_back({cross[i], b.colour});
  }
  const PaintPlan plan = plan_paint(frame, window_colour | IM_COL32_A_MASK, fills);
  set_clear_colour(plan.base);
  glDisable(GL_SCISSOR_TEST);
  glClear(GL_COLOR_BUFFER_BIT);
  if (plan.fills.empty()) return;
  glEnable(GL_SCISSOR_TEST);
  for (const Fill& f : plan.fills) {
    set_clear_colour(f.colour);
    clear_rect(f.rect, fb_height);
  }
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace detail
}  // namespace loopscope::platform
