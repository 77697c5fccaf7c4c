// The editor's horizontal layout: columns (code points) to cells and back, and the runs the text
// is drawn in, on a line with CJK, a combining mark and an emoji.
#include "ui/editor/cell_layout.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace loopscope::ui::editor;

namespace {
struct Seen {
  std::string text;
  int cell, cells;
  bool alone;
  bool operator==(const Seen&) const = default;
};
void PrintTo(const Seen& r, std::ostream* os) {
  *os << '{' << r.text << " @" << r.cell << " x" << r.cells << (r.alone ? " alone}" : "}");
}

// Column:  p r i n t ( " 你 好 ,  w  o  r  l  d  "  )     18 code points
//           0 1 2 3 4 5 6 7  8  9  10 11 12 13 14 15 16 17
// Cell:     0 1 2 3 4 5 6 7  9  11 12 13 14 15 16 17 18 19  20 cells
const std::string cjk = "print(\"你好, world\")";
const std::string accent = "cafe\u0301!";  // "café!" with a combining acute: 6 code points, 5 cells
}  // namespace

TEST(CellLayout, CellsCountWideCharactersTwiceAndMarksNever) {
  EXPECT_EQ(cells(""), 0);
  EXPECT_EQ(cells("print(1)"), 8);
  EXPECT_EQ(cells(cjk), 20);
  EXPECT_EQ(cells(accent), 5);
  EXPECT_EQ(cells("\U0001F389 done"), 7);  // 🎉 is two
}

TEST(CellLayout, ColumnsMapToCellsPastEveryWideCharacter) {
  const std::vector<int> expected{0, 1, 2, 3, 4, 5, 6, 7, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
  for (int col = 0; col <= 18; ++col) EXPECT_EQ(cell_of_column(cjk, col), expected[static_cast<std::size_t>(col)]) << col;
  EXPECT_EQ(cell_of_column(cjk, 19), 21);  // past the end: one cell a column (the selected line break)
  EXPECT_EQ(cell_of_column(accent, 4), 4);
  EXPECT_EQ(cell_of_column(accent, 5), 4);  // the mark adds nothing
  EXPECT_EQ(cell_of_column(accent, 6), 5);
}

TEST(CellLayout, AClickPicksTheNearestColumnEdge) {
  EXPECT_EQ(column_at(cjk, -3.0f), 0);
  EXPECT_EQ(column_at(cjk, 0.4f), 0);
  EXPECT_EQ(column_at(cjk, 6.6f), 7);    // right before 你
  EXPECT_EQ(column_at(cjk, 7.9f), 7);    // 你's left half
  EXPECT_EQ(column_at(cjk, 8.1f), 8);    // its right half: after it
  EXPECT_EQ(column_at(cjk, 8.0f), 8);    // the middle, like lround: after
  EXPECT_EQ(column_at(cjk, 9.0f), 8);    // between 你 and 好
  EXPECT_EQ(column_at(cjk, 10.7f), 9);   // right after 好
  EXPECT_EQ(column_at(cjk, 11.0f), 9);
  EXPECT_EQ(column_at(cjk, 11.6f), 10);  // after the comma
  EXPECT_EQ(column_at(cjk, 19.0f), 17);  // before the last ")"
  EXPECT_EQ(column_at(cjk, 20.2f), 18);  // the line's end
  EXPECT_EQ(column_at(cjk, 22.6f), 21);  // beyond it, a column a cell (the buffer clamps)
  // On ASCII it is the old lround(x / char_w).
  for (float x = 0; x < 8.5f; x += 0.25f) EXPECT_EQ(column_at("print(1)", x), static_cast<int>(std::lround(x))) << x;
}

TEST(CellLayout, AClickAtABaseCharactersEdgeLandsAfterItsMarks) {
  EXPECT_EQ(column_at(accent, 3.6f), 5);  // after "e" and its acute, not between them
  EXPECT_EQ(column_at(accent, 4.4f), 5);
  EXPECT_EQ(column_at(accent, 4.6f), 6);
}

TEST(CellLayout, TheCoveringColumnOfACell) {
  EXPECT_EQ(column_covering(cjk, 0), 0);
  EXPECT_EQ(column_covering(cjk, 7), 7);  // 你 covers cells 7 and 8
  EXPECT_EQ(column_covering(cjk, 8), 7);
  EXPECT_EQ(column_covering(cjk, 9), 8);
  EXPECT_EQ(column_covering(cjk, 11), 9);
  EXPECT_EQ(column_covering(cjk, 19), 17);
  EXPECT_EQ(column_covering(cjk, 20), 18);  // past the end
  EXPECT_EQ(column_covering(cjk, 23), 21);
  EXPECT_EQ(column_covering(accent, 3), 3);  // the "e", whose mark follows it
  EXPECT_EQ(column_covering(accent, 4), 5);  // "!"
}

TEST(CellLayout, RunsBreakAroundOffGridCharactersOnly) {
  auto runs = [](std::string_view text, auto on_grid) {
    std::vector<Seen> out;
    for_each_cell_run(text, on_grid, [&](const CellRun& r) {
      out.push_back({std::string(text.substr(r.begin, r.end - r.begin)), r.cell, r.cells, r.alone});
    });
    return out;
  };
  // A font whose wide glyphs are not two cells wide (WenQuanYi's one em in two cells of 0.6 em).
  auto narrow_cjk = [](char32_t, int width) { return width == 1 || width == 0; };
  EXPECT_EQ(runs(cjk, narrow_cjk), (std::vector<Seen>{{"print(\"", 0, 7, false},
                                                      {"你", 7, 2, true},
                                                      {"好", 9, 2, true},
                                                      {", world\")", 11, 9, false}}));
  // A font that draws them exactly on the grid: one run.
  auto exact = [](char32_t, int) { return true; };
  EXPECT_EQ(runs(cjk, exact), (std::vector<Seen>{{cjk, 0, 20, false}}));
  // A zero-advance combining mark stays in its run; one with an advance is alone, taking no cell.
  EXPECT_EQ(runs(accent, narrow_cjk), (std::vector<Seen>{{accent, 0, 5, false}}));
  auto spacing_marks = [](char32_t c, int) { return c != 0x301; };
  EXPECT_EQ(runs(accent, spacing_marks),
            (std::vector<Seen>{{"cafe", 0, 4, false}, {"\u0301", 4, 0, true}, {"!", 4, 1, false}}));
  EXPECT_TRUE(runs("", exact).empty());
}
