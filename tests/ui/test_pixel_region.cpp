// Tests for platform/pixel_region: the uncovered part of a frame and the paint plan that the
// backdrops use (one whole-frame clear, then as few pixels as possible).
#include "platform/pixel_region.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace loopscope::platform {
namespace {

using Grid = std::vector<std::uint32_t>;  // w * h colours, row by row

void paint(Grid& g, int w, const PixelRect& r, std::uint32_t colour) {
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x) g[static_cast<std::size_t>(y * w + x)] = colour;
}

// The frame as the painter's algorithm leaves it: background, then every fill in order.
Grid painted_in_order(const PixelRect& frame, std::uint32_t background,
                      const std::vector<Fill>& fills) {
  Grid g(static_cast<std::size_t>(frame.area()), background);
  for (const Fill& f : fills) paint(g, frame.x1, intersection(f.rect, frame), f.colour);
  return g;
}

Grid painted_by_plan(const PixelRect& frame, const PaintPlan& plan) {
  Grid g(static_cast<std::size_t>(frame.area()), plan.base);
  for (const Fill& f : plan.fills) paint(g, frame.x1, f.rect, f.colour);
  return g;
}

long painted_pixels(const PaintPlan& plan) {
  long n = 0;
  for (const Fill& f : plan.fills) n += f.rect.area();
  return n;
}

TEST(PixelRegion, UncoveredPartOfAFrameWithTwoPanelsIsTheirMarginsAndTheGapBetween) {
  const PixelRect frame{0, 0, 100, 50};
  const std::vector<PixelRect> panels{{10, 10, 45, 40}, {55, 10, 90, 40}};
  const std::vector<PixelRect> gaps = uncovered(frame, panels);
  Grid g(static_cast<std::size_t>(frame.area()), 0);
  long area = 0;
  for (const PixelRect& r : gaps) {
    paint(g, frame.x1, r, 1);
    area += r.area();
  }
  for (const PixelRect& p : panels) paint(g, frame.x1, p, 2);
  for (std::uint32_t c : g) EXPECT_NE(c, 0u);           // every pixel: a gap or a panel
  EXPECT_EQ(area, frame.area() - panels[0].area() - panels[1].area());  // and no gap twice
  // Top band, bottom band, and three columns (left margin, middle gap, right margin).
  EXPECT_EQ(gaps.size(), 5u);
}

TEST(PixelRegion, AFrameMostlyCoveredByPanelsIsClearedToThePanelColour) {
  const PixelRect frame{0, 0, 100, 50};
  const std::vector<Fill> fills{{{2, 2, 49, 48}, 7}, {{51, 2, 98, 48}, 7}};
  const PaintPlan plan = plan_paint(frame, 1, fills);
  EXPECT_EQ(plan.base, 7u);
  EXPECT_EQ(painted_pixels(plan), frame.area() - 2 * 47 * 46);  // only the gaps
  EXPECT_EQ(painted_by_plan(frame, plan), painted_in_order(frame, 1, fills));
}

TEST(PixelRegion, SmallPanelsAreFillsOverTheBackground) {
  const PixelRect frame{0, 0, 100, 50};
  const std::vector<Fill> fills{{{2, 2, 12, 12}, 7}};
  const PaintPlan plan = plan_paint(frame, 1, fills);
  EXPECT_EQ(plan.base, 1u);
  EXPECT_EQ(painted_pixels(plan), 100);
  EXPECT_EQ(painted_by_plan(frame, plan), painted_in_order(frame, 1, fills));
}

TEST(PixelRegion, APanelOverAnEarlierFillOfAnotherColourIsNeverTheBase) {
  // A large panel (7) lies over a small box (3) drawn before it: clearing to 7 first would let
  // the box show through, so the plan paints in order over the background.
  const PixelRect frame{0, 0, 40, 40};
  const std::vector<Fill> fills{{{10, 10, 20, 20}, 3}, {{0, 0, 40, 38}, 7}};
  const PaintPlan plan = plan_paint(frame, 1, fills);
  EXPECT_NE(plan.base, 7u);
  EXPECT_EQ(painted_by_plan(frame, plan), painted_in_order(frame, 1, fills));
}

TEST(PixelRegion, AnyPlanPaintsWhatThePaintersAlgorithmPaints) {
  std::mt19937 rng(12345);
  auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const PixelRect frame{0, 0, 48, 32};
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<Fill> fills;
    const int n = between(0, 7);
    for (int i = 0; i < n; ++i) {
      const int x0 = between(-4, 44), y0 = between(-4, 28);
      fills.push_back({{x0, y0, x0 + between(0, 40), y0 + between(0, 30)},
                       static_cast<std::uint32_t>(between(1, 3))});
    }
    const PaintPlan plan = plan_paint(frame, 1, fills);
    ASSERT_EQ(painted_by_plan(frame, plan), painted_in_order(frame, 1, fills)) << "trial " << trial;
    for (const Fill& f : plan.fills) {
      EXPECT_FALSE(f.rect.empty());
      EXPECT_EQ(intersection(f.rect, frame), f.rect);  // scissors stay inside the frame
    }
  }
}

}  // namespace
}  // namespace loopscope::platform
