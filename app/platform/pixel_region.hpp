#pragma once
// pixel_region.hpp — rectangles of whole framebuffer pixels, and the part of a frame a set of
// them leaves uncovered (so that backgrounds are painted with few, cheap clears).
#include <cstdint>
#include <vector>

namespace loopscope::platform {

// The pixels [x0, x1) x [y0, y1), rows counted from the top.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  long area() const { return empty() ? 0 : static_cast<long>(x1 - x0) * (y1 - y0); }
  bool operator==(const PixelRect&) const = default;
};

PixelRect intersection(const PixelRect& a, const PixelRect& b);
bool overlap(const PixelRect& a, const PixelRect& b);  // they share at least one pixel

// The pixels of `frame` that no rectangle of `covered` holds, as disjoint rectangles: the frame
// is cut into bands at every horizontal edge, each band into the spans between covered
// intervals, and a span equal to one in the band above extends that rectangle instead of
// starting another (so the gap between two panels is one rectangle, not one per band).
std::vector<PixelRect> uncovered(const PixelRect& frame, const std::vector<PixelRect>& covered);

// An opaque rectangle of one colour.
struct Fill {
  PixelRect rect;
  std::uint32_t colour = 0;
};

// How to paint a frame of `background` with `fills` over it (later fills over earlier ones):
// one clear of the whole frame to `base`, then `fills`, in order. A whole-frame clear is cheap;
// every other pixel is not, so `base` is the colour that leaves the fewest pixels to paint:
// the background, or the colour of fills that never lie over an earlier fill of another colour
// (then the pixels outside them are painted in the background colour first).
struct PaintPlan {
  std::uint32_t base = 0;
  std::vector<Fill> fills;
};
PaintPlan plan_paint(const PixelRect& frame, std::uint32_t background,
                     const std::vector<Fill>& fills);

}  // namespace loopscope::platform
