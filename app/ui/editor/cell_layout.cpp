// cell_layout.cpp — columns to cells and back, one pass over the line's code points.
#include "ui/editor/cell_layout.hpp"

#include "ui/editor/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace loopscope::ui::editor {

Decoded decode_at(std::string_view s, std::size_t at) {
  const auto b = static_cast<unsigned char>(s[at]);
  if (b < 0x80) return {b, at + 1};
  std::size_t next = at + 1;  // past the sequence's continuation bytes
  while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
  return {code_point_at(s, at), next};
}

int cells(std::string_view text) {
  int n = 0;
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {  // ASCII: one cell, no lookup
      ++n, ++at;
      continue;
    }
    const auto [c, next] = decode_at(text, at);
    n += cell_width(c);
    at = next;
  }
  return n;
}

int cell_of_column(std::string_view line, int col) {
  int cell = 0, k = 0;
  std::size_t at = 0;
  for (; k < col && at < line.size(); ++k) {
    const auto [c, next] = decode_at(line, at);
    cell += cell_width(c);
    at = next;
  }
  return cell + (col - k);  // past the end: one cell a column
}

int column_at(std::string_view line, float x) {
  if (x <= 0) return 0;
  int best = 0, cell = 0, k = 0;
  float best_d = x;
  for (std::size_t at = 0; at < line.size();) {
    const auto [c, next] = decode_at(line, at);
    cell += cell_width(c);
    ++k;
    at = next;
    const float d = std::abs(static_cast<float>(cell) - x);
    if (d <= best_d) best = k, best_d = d;  // <=: ties go to the later column
    else if (static_cast<float>(cell) > x) return best;  // edges only move away from here on
  }
  if (x > static_cast<float>(cell)) return k + static_cast<int>(std::lround(x - static_cast<float>(cell)));
  return best;
}

int column_covering(std::string_view line, int cell) {
  int start = 0, k = 0;
  for (std::size_t at = 0; at < line.size(); ++k) {
    const auto [c, next] = decode_at(line, at);
    const int w = cell_width(c);
    if (start + w > cell) return k;
    start += w;
    at = next;
  }
  return k + std::max(0, cell - start);
}

}  // namespace loopscope::ui::editor
