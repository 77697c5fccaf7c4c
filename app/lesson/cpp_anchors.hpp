#pragma once
// cpp_anchors.hpp — which line of a C++ example does what a line of the Python listing does.
//
// An example marks the C++ line that stands for a Python line with a trailing comment that
// quotes the Python line:
//
//     co_await sleep(1);  // py: await asyncio.sleep(1)
//
// The quoted text is compared with each Python line stripped of its indentation and of a
// trailing `# comment`. The k-th anchor quoting a text maps to the k-th Python line with that
// text, so repeated lines map in order. Nothing is counted by hand: inserting a line in either
// listing moves nothing.
//
// Invariants: every anchor either maps to a non-blank Python line or is reported as a problem
// (its text occurs in no line, or more anchors quote it than the listing has lines); an anchor
// on a line with no C++ code is reported too. A Python line without an anchor shows the C++ line
// of the nearest earlier Python line that has one.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::lesson {

struct AnchorProblem {
  int cpp_line = 0;     // 1-based line of the example file
  int col = 0;          // 1-based column of the `// py:` comment
  std::string message;
};

struct AnchorMap {
  std::vector<std::int32_t> cpp_for_py;  // [python line] -> C++ line (both 1-based; 0 = none)
  std::vector<AnchorProblem> problems;
  std::size_t anchors = 0;               // anchors found in the example
  // The C++ line shown for Python line `py`: its own anchor's, else the nearest earlier one's.
  std::int32_t cpp_line(std::int32_t py) const;
};

// The Python line as anchors quote it: no indentation, no trailing comment, no trailing blanks.
std::string anchor_text(std::string_view python_line);

AnchorMap map_anchors(const std::vector<std::string>& python, const std::vector<std::string>& cpp);

}  // namespace loopscope::lesson
