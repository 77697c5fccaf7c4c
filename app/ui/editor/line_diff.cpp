// line_diff.cpp — a line diff: common ends, then an LCS over the middle (see line_diff.hpp).
#include "ui/editor/line_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace loopscope::ui::editor {

bool LineDiff::any() const {
  return !removed_before.empty() ||
         std::any_of(lines.begin(), lines.end(), [](LineChange c) { return c != LineChange::same; });
}

LineDiff diff_lines(const std::vector<std::string>& a, const std::vector<std::string>& b, std::size_t max_cells) {
  LineDiff d;
  const std::size_t n = a.size(), m = b.size();
  d.lines.assign(m, LineChange::same);
  d.old_to_new.assign(n, -1);
  std::size_t pre = 0;
  while (pre < n && pre < m && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf]) ++suf;
  for (std::size_t i = 0; i < pre; ++i) d.old_to_new[i] = static_cast<int>(i);
  for (std::size_t i = 0; i < suf; ++i) d.old_to_new[n - 1 - i] = static_cast<int>(m - 1 - i);
  const std::size_t an = n - pre - suf, bm = m - pre - suf;

  // Matched pairs (old index, new index) in the middle, ascending; the end is a sentinel.
  std::vector<std::pair<std::size_t, std::size_t>> matches;
  if (an > 0 && bm > 0 && an * bm <= max_cells) {
    std::vector<std::uint32_t> len((an + 1) * (bm + 1), 0);  // len[i][j]: LCS of a[i..], b[j..]
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return len[i * (bm + 1) + j]; };
    for (std::size_t i = an; i-- > 0;)
      for (std::size_t j = bm; j-- > 0;)
        at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    for (std::size_t i = 0, j = 0; i < an && j < bm;) {
      if (a[pre + i] == b[pre + j]) matches.push_back({i++, j++});
      else if (at(i + 1, j) >= at(i, j + 1)) ++i;
      else ++j;
    }
  }
  matches.push_back({an, bm});
  std::size_t i = 0, j = 0;
  for (const auto& [mi, mj] : matches) {
    // The unmatched run old [i, mi) / new [j, mj): pairs are changed lines, the rest added/removed.
    const std::size_t paired = std::min(mi - i, mj - j);
    for (std::size_t k = 0; k < paired; ++k) {
      d.lines[pre + j + k] = LineChange::changed;
      d.old_to_new[pre + i + k] = static_cast<int>(pre + j + k);
    }
    for (std::size_t k = paired; k < mj - j; ++k) d.lines[pre + j + k] = LineChange::added;
    if (mi - i > paired) d.removed_before.push_back(static_cast<int>(pre + mj));
    if (mi < an) d.old_to_new[pre + mi] = static_cast<int>(pre + mj);
    i = mi + 1;
    j = mj + 1;
  }
  return d;
}

}  // namespace loopscope::ui::editor
