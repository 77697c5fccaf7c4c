#pragma once
// line_diff.hpp — which lines of an edited text differ from an older version of it: the
// gutter's changed / added / removed markers, and where each old line now is (task markers
// and error spans, which refer to the program that ran, follow the learner's edits).
#include <string>
#include <vector>

namespace loopscope::ui::editor {

enum class LineChange : unsigned char { same, changed, added };

struct LineDiff {
  std::vector<LineChange> lines;   // one per line of the new text
  std::vector<int> removed_before; // new line indices with old lines removed just before them
                                   // (== the new line count: removed at the end); ascending
  std::vector<int> old_to_new;     // per old line: the new line it became (same or changed), -1 if removed
  bool any() const;                // the texts differ
};

// Lines equal at both ends are matched first; the middle is matched by a longest common
// subsequence when it is at most `max_cells` (old x new) large, else its lines count as changed
// in order (a bound on time and memory for very different texts). Unmatched runs pair up as
// changed lines; what is left over is added or removed.
LineDiff diff_lines(const std::vector<std::string>& old_lines, const std::vector<std::string>& new_lines,
                    std::size_t max_cells = 4'000'000);

}  // namespace loopscope::ui::editor
