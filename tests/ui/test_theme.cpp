// test_theme.cpp — the palette's readability: WCAG contrast of every text colour on every surface
// it is drawn on, and task colours that cannot be mistaken for state colours.
#include "ui/theme.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace loopscope::ui {
namespace {

TEST(Theme, ComputesTheWcagContrastRatio) {
  EXPECT_NEAR(contrast_ratio(palette::rgb(0x000000), palette::rgb(0xFFFFFF)), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio(palette::rgb(0x777777), palette::rgb(0xFFFFFF)), 4.48, 0.01);
  EXPECT_DOUBLE_EQ(contrast_ratio(palette::accent, palette::accent), 1.0);
}

TEST(Theme, EveryTextColourIsAtLeast4Point5To1OnEverySurfaceItIsDrawnOn) {
  double lowest = 21;
  const char* lowest_what = "";
  for (const ContrastPair& p : text_contrast_pairs()) {
    const double r = contrast_ratio(p.text, p.background);
    EXPECT_GE(r, 4.5) << p.what << ": " << r << ":1";
    if (r < lowest) {
      lowest = r;
      lowest_what = p.what;
    }
  }
  std::printf("lowest contrast in the theme: %.2f:1 (%s)\n", lowest, lowest_what);
}

TEST(Theme, TaskColoursAreDistinctFromStateColoursAndFromEachOther) {
  // CIE76 distance: about 2.3 is just noticeable; 20 reads as a different colour at a glance.
  for (int i = 1; i <= palette::task_colour_count; ++i) {
    for (ImU32 state : palette::state_colours())
      EXPECT_GE(colour_difference(palette::task_colour(i), state), 20.0) << "task colour " << i;
    for (int j = i + 1; j <= palette::task_colour_count; ++j)
      EXPECT_GE(colour_difference(palette::task_colour(i), palette::task_colour(j)), 15.0) << i << " vs " << j;
  }
}

TEST(Theme, CompositesAColourWithItsAlpha) {
  const ImU32 half_white = IM_COL32(255, 255, 255, 128);
  const ImU32 c = composite(half_white, palette::rgb(0x000000));
  EXPECT_EQ((c >> IM_COL32_R_SHIFT) & 0xFF, 128u);
  EXPECT_EQ((c >> IM_COL32_A_SHIFT) & 0xFF, 255u);
}

}  // namespace
}  // namespace loopscope::ui
