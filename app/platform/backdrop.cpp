// backdrop.cpp — panel backgrounds as scissored clears, with ImGui-drawn rounded corners.
#include "platform/backdrop.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace loopscope::platform {
namespace {

struct Backdrop {
  ImVec2 min, max;
  ImU32 colour;
  float rounding;
};

std::vector<Backdrop> g_backdrops;  // this frame's, in the order added

// Clears the framebuffer rectangle covering [min, max) in ImGui coordinates.
void clear_rect(const ImDrawData& dd, int fb_height, ImVec2 min, ImVec2 max) {
  const float sx = dd.FramebufferScale.x, sy = dd.FramebufferScale.y;
  // A pixel belongs to a fill when its centre lies inside, as for ImGui's own rectangles.
  const int x0 = static_cast<int>(std::ceil((min.x - dd.DisplayPos.x) * sx - 0.5f));
  const int x1 = static_cast<int>(std::ceil((max.x - dd.DisplayPos.x) * sx - 0.5f));
  const int y0 = static_cast<int>(std::ceil((min.y - dd.DisplayPos.y) * sy - 0.5f));
  const int y1 = static_cast<int>(std::ceil((max.y - dd.DisplayPos.y) * sy - 0.5f));
  if (x1 <= x0 || y1 <= y0) return;
  glScissor(x0, fb_height - y1, x1 - x0, y1 - y0);  // GL counts rows from the bottom
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

void add_backdrop(ImVec2 min, ImVec2 max, ImU32 colour, float rounding) {
  if (max.x <= min.x || max.y <= min.y) return;
  colour |= IM_COL32_A_MASK;
  rounding = std::max(0.0f, std::min({rounding, (max.x - min.x) * 0.5f, (max.y - min.y) * 0.5f}));
  rounding = std::floor(rounding);
  g_backdrops.push_back({min, max, colour, rounding});
  if (rounding < 1.0f) return;
  // The four corners, as PathRect builds them for AddRectFilled (12 steps per circle), each a
  // quarter disc filled with ImGui's anti-aliased edge; the clears below leave them out.
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const float r = rounding;
  const struct { ImVec2 centre; int a0, a1; } corners[] = {
      {{min.x + r, min.y + r}, 6, 9},   // top left
      {{max.x - r, min.y + r}, 9, 12},  // top right
      {{max.x - r, max.y - r}, 0, 3},   // bottom right
      {{min.x + r, max.y - r}, 3, 6},   // bottom left
  };
  for (const auto& c : corners) {
    dl->PathLineTo(c.centre);
    dl->PathArcToFast(c.centre, r, c.a0, c.a1);
    dl->PathFillConvex(colour);
  }
}

namespace detail {

void begin_backdrops() { g_backdrops.clear(); }

void paint_backdrops(const ImDrawData& dd, int fb_height) {
  if (g_backdrops.empty()) return;
  glEnable(GL_SCISSOR_TEST);
  for (const Backdrop& b : g_backdrops) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(b.colour);
    glClearColor(c.x, c.y, c.z, 1.0f);
    const float r = b.rounding;
    if (r < 1.0f) {
      clear_rect(dd, fb_height, b.min, b.max);
      continue;
    }
    // A cross: the full-height middle and the two side strips between the corners.
    clear_rect(dd, fb_height, {b.min.x + r, b.min.y}, {b.max.x - r, b.max.y});
    clear_rect(dd, fb_height, {b.min.x, b.min.y + r}, {b.min.x + r, b.max.y - r});
    clear_rect(dd, fb_height, {b.max.x - r, b.min.y + r}, {b.max.x, b.max.y - r});
  }
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace detail
}  // namespace loopscope::platform
