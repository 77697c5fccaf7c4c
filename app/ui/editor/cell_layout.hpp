#pragma once
// cell_layout.hpp — the editor's horizontal layout without ImGui. The text sits on a grid of
// cells, one advance of the mono font's "M" each; a character takes cell_width() of them (two
// for CJK and emoji, none for a combining mark). Columns (TextPos::col, the Python front end's
// error columns) stay code points: these functions map between the two. Past a line's end
// every further column is one cell (the selection's line break, a column beyond the text).
#include "ui/editor/char_width.hpp"

#include <cstddef>
#include <string_view>

namespace loopscope::ui::editor {

// Cells `text` takes (a valid UTF-8 string).
int cells(std::string_view text);
// Cells before column `col` of `line`: the x of the column, in cells from the line's start.
int cell_of_column(std::string_view line, int col);
// The column whose left edge is nearest `x` (in cells from the line's start, fractional): a
// click's column. A click on a wide character's right half is after it. Where several columns
// share an edge (a base character and its combining marks), the last of them: the cursor lands
// after the marks.
int column_at(std::string_view line, float x);
// The column of the character that covers cell `cell` (the first one that ends past it).
int column_covering(std::string_view line, int cell);

// A piece of text the font draws in one call and that stays on the grid: either characters whose
// glyph advances are exactly their cells (`on_grid`), or a single character whose advance is not
// (a CJK glyph one em wide in two cells of 0.6 em), drawn alone, centred in its cells.
struct CellRun {
  std::size_t begin = 0, end = 0;  // bytes of the text
  int cell = 0;                    // first cell, from the text's start
  int cells = 0;                   // cells covered
  bool alone = false;              // one off-grid character
};

// The code point at byte `at` of valid UTF-8 and the byte after it.
struct Decoded {
  char32_t c;
  std::size_t next;
};
Decoded decode_at(std::string_view s, std::size_t at);

// Calls visit(CellRun) for each run of `text`, in order. on_grid(char32_t c, int width) tells
// whether the font's advance for c is width cells.
template <class OnGrid, class Visit>
void for_each_cell_run(std::string_view text, OnGrid&& on_grid, Visit&& visit) {
  CellRun run;
  int cell = 0;
  for (std::size_t at = 0; at < text.size();) {
    const auto [c, next] = decode_at(text, at);
    const int w = cell_width(c);
    if (c < 0x80 || on_grid(c, w)) {
      if (run.end == run.begin) run = {at, at, cell, 0, false};
      run.end = next;
      run.cells += w;
    } else {
      if (run.end > run.begin) visit(run);
      visit(CellRun{at, next, cell, w, true});
      run = {next, next, cell + w, 0, false};
    }
    cell += w;
    at = next;
  }
  if (run.end > run.begin) visit(run);
}

}  // namespace loopscope::ui::editor
