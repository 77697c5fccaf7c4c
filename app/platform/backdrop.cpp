// backdrop.cpp — the window and panel backgrounds as clears, with ImGui-drawn rounded corners.
//
// Sections: state · rectangles in framebuffer pixels · the uncovered region · painting
#include "platform/backdrop.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
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
// [x0, x1) x [y0, y1), rows counted from the top.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  long area() const { return empty() ? 0 : static_cast<long>(x1 - x0) * (y1 - y0); }
};

// The pixels whose centres lie in [min, max), as for ImGui's own rectangles.
PixelRect to_pixels(const ImDrawData& dd, ImVec2 min, ImVec2 max) {
  const float sx = dd.FramebufferScale.x, sy = dd.FramebufferScale.y;
  auto px = [](float v) { return static_cast<int>(std::ceil(v - 0.5f)); };
  return {px((min.x - dd.DisplayPos.x) * sx), px((min.y - dd.DisplayPos.y) * sy),
          px((max.x - dd.DisplayPos.x) * sx), px((max.y - dd.DisplayPos.y) * sy)};
}

PixelRect intersection(const PixelRect& a, const PixelRect& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
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

// ---- the uncovered region --------------------------------------------------------------------
// The part of `frame` not covered by `covered`, as rectangles: bands between consecutive
// horizontal edges, each split at the covered intervals; equal strips of adjacent bands are
// merged, so a vertical gap between two panels is one rectangle.
std::vector<PixelRect> uncovered(const PixelRect& frame, const std::vector<PixelRect>& covered) {
  std::vector<int> ys{frame.y0, frame.y1};
  for (const PixelRect& r : covered) {
    ys.push_back(std::clamp(r.y0, frame.y0, frame.y1));
    ys.push_back(std::clamp(r.y1, frame.y0, frame.y1));
  }
  std::sort(ys.begin(), ys.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  std::vector<PixelRect> done;
  std::map<std::pair<int, int>, PixelRect> open;  // by [x0, x1): strips reaching the band's top
  for (std::size_t i = 0; i + 1 < ys.size(); ++i) {
    const int ya = ys[i], yb = ys[i + 1];
    std::vector<std::pair<int, int>> spans;
    for (const PixelRect& r : covered)
      if (r.y0 <= ya && r.y1 >= yb && r.x1 > r.x0) spans.push_back({r.x0, r.x1});
    std::sort(spans.begin(), spans.end());
    std::map<std::pair<int, int>, PixelRect> next;
    auto gap = [&](int x0, int x1) {
      x0 = std::max(x0, frame.x0);
      x1 = std::min(x1, frame.x1);
      if (x1 <= x0) return;
      auto it = open.find({x0, x1});
      if (it != open.end() && it->second.y1 == ya) {
        PixelRect grown = it->second;
        grown.y1 = yb;
        open.erase(it);
        next[{x0, x1}] = grown;
      } else {
        next[{x0, x1}] = {x0, ya, x1, yb};
      }
    };
    int x = frame.x0;
    for (const auto& [s0, s1] : spans) {
      if (s0 > x) gap(x, s0);
      x = std::max(x, s1);
    }
    gap(x, frame.x1);
    for (auto& [key, rect] : open) done.push_back(rect);  // strips that stop above this band
    open = std::move(next);
  }
  for (auto& [key, rect] : open) done.push_back(rect);
  return done;
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

bool overlap(const PixelRect& a, const PixelRect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

}  // namespace

void add_backdrop(ImVec2 min, ImVec2 max, ImU32 colour, float rounding, ImVec2 clip_min, ImVec2 clip_max) {
  if (max.x <= min.x || max.y <= min.y) return;
  if (max.x <= clip_min.x || min.x >= clip_max.x || max.y <= clip_min.y || min.y >= clip_max.y) return;
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

void paint_backdrops(const ImDrawData& dd, int fb_width, int fb_height, ImU32 window_colour) {
  window_colour |= IM_COL32_A_MASK;
  const PixelRect frame{0, 0, fb_width, fb_height};
  // Each backdrop's opaque cross, clipped to the framebuffer.
  std::vector<PixelRect> parts;
  std::vector<ImU32> colours;
  for (const Backdrop& b : g_backdrops) {
    PixelRect cross[3];
    const int n = cross_of(dd, b, cross);
    for (int i = 0; i < n; ++i) {
      const PixelRect r = intersection(cross[i], frame);
      if (r.empty()) continue;
      parts.push_back(r);
      colours.push_back(b.colour);
    }
  }
  bool disjoint = true;
  for (std::size_t i = 0; i < parts.size() && disjoint; ++i)
    for (std::size_t j = i + 1; j < parts.size() && disjoint; ++j) disjoint = !overlap(parts[i], parts[j]);

  // The whole-frame clear takes the colour of the largest area, when that is a panel colour
  // and the parts are disjoint (so painting order does not matter); else the window colour.
  std::map<ImU32, long> area;
  long covered = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    area[colours[i]] += parts[i].area();
    covered += parts[i].area();
  }
  ImU32 base = window_colour;
  if (disjoint) {
    long best = frame.area() - covered;
    for (const auto& [colour, a] : area)
      if (a > best) best = a, base = colour;
  }
  set_clear_colour(base);
  glDisable(GL_SCISSOR_TEST);
  glClear(GL_COLOR_BUFFER_BIT);
  if (parts.empty()) return;

  glEnable(GL_SCISSOR_TEST);
  if (base != window_colour) {
    // Everything outside the base-coloured parts is window colour (or another panel's, below).
    std::vector<PixelRect> base_parts;
    for (std::size_t i = 0; i < parts.size(); ++i)
      if (colours[i] == base) base_parts.push_back(parts[i]);
    set_clear_colour(window_colour);
    for (const PixelRect& r : uncovered(frame, base_parts)) clear_rect(r, fb_height);
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (colours[i] == base) continue;
    set_clear_colour(colours[i]);
    clear_rect(parts[i], fb_height);
  }
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace detail
}  // namespace loopscope::platform
