// pixel_region.cpp — the uncovered part of a frame, band by band.
#include "platform/pixel_region.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace loopscope::platform {

PixelRect intersection(const PixelRect& a, const PixelRect& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

bool overlap(const PixelRect& a, const PixelRect& b) {
  return !a.empty() && !b.empty() && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

std::vector<PixelRect> uncovered(const PixelRect& frame, const std::vector<PixelRect>& covered) {
  if (frame.empty()) return {};
  std::vector<int> ys{frame.y0, frame.y1};
  for (const PixelRect& r : covered) {
    if (r.empty()) continue;
    ys.push_back(std::clamp(r.y0, frame.y0, frame.y1));
    ys.push_back(std::clamp(r.y1, frame.y0, frame.y1));
  }
  std::sort(ys.begin(), ys.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());

  std::vector<PixelRect> done;
  using Span = std::pair<int, int>;  // [x0, x1)
  std::map<Span, PixelRect> open;    // rectangles whose bottom is the current band's top
  for (std::size_t i = 0; i + 1 < ys.size(); ++i) {
    const int ya = ys[i], yb = ys[i + 1];
    std::vector<Span> spans;
    for (const PixelRect& r : covered)
      if (!r.empty() && r.y0 <= ya && r.y1 >= yb) spans.push_back({r.x0, r.x1});
    std::sort(spans.begin(), spans.end());
    std::map<Span, PixelRect> next;
    auto gap = [&](int x0, int x1) {
      x0 = std::max(x0, frame.x0);
      x1 = std::min(x1, frame.x1);
      if (x1 <= x0) return;
      auto it = open.find({x0, x1});
      if (it != open.end()) {
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
    for (const auto& [span, rect] : open) done.push_back(rect);  // not continued in this band
    open = std::move(next);
  }
  for (const auto& [span, rect] : open) done.push_back(rect);
  return done;
}

PaintPlan plan_paint(const PixelRect& frame, std::uint32_t background,
                     const std::vector<Fill>& fills) {
  std::vector<Fill> parts;
  for (const Fill& f : fills) {
    const PixelRect r = intersection(f.rect, frame);
    if (!r.empty()) parts.push_back({r, f.colour});
  }
  // Colours that may be the base: none of their fills lies over an earlier fill of another colour.
  std::map<std::uint32_t, long> area;  // pixels of each colour's fills (overlaps count twice)
  std::map<std::uint32_t, bool> eligible;
  long all = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    all += parts[i].rect.area();
    area[parts[i].colour] += parts[i].rect.area();
    bool& ok = eligible.try_emplace(parts[i].colour, true).first->second;
    for (std::size_t j = 0; j < i && ok; ++j)
      if (parts[j].colour != parts[i].colour && overlap(parts[j].rect, parts[i].rect)) ok = false;
  }
  PaintPlan plan{background, parts};
  long best = all;  // pixels painted after a clear to the background
  std::vector<PixelRect> best_gaps;
  for (const auto& [colour, ok] : eligible) {
    if (!ok || colour == background) continue;
    std::vector<PixelRect> own;
    for (const Fill& f : parts)
      if (f.colour == colour) own.push_back(f.rect);
    std::vector<PixelRect> gaps = uncovered(frame, own);
    long cost = all - area[colour];
    for (const PixelRect& g : gaps) cost += g.area();
    if (cost < best) {
      best = cost;
      plan.base = colour;
      best_gaps = std::move(gaps);
    }
  }
  if (plan.base == background) return plan;
  plan.fills.clear();
  for (const PixelRect& g : best_gaps) plan.fills.push_back({g, background});
  for (const Fill& f : parts)
    if (f.colour != plan.base) plan.fills.push_back(f);
  return plan;
}

}  // namespace loopscope::platform
