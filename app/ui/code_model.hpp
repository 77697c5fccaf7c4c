#pragma once
// code_model.hpp — what the code panel shows, without ImGui: syntax tokens of a listing line
// (Python or C++) and the marker lines of the tasks (where each live task is).
#include <loopscope/snapshot.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::ui {

enum class Language { python, cpp };

enum class TokenKind { plain, keyword, builtin, string, comment, number, function, type, preprocessor, punctuation };

struct Token {
  std::size_t begin = 0, end = 0;  // byte range in the line
  TokenKind kind = TokenKind::plain;
  bool operator==(const Token&) const = default;
};

// Splits one line into coloured tokens. Multi-line strings/comments are not tracked across
// lines (lesson listings are short and do not use them).
std::vector<Token> tokenize_line(std::string_view line, Language language);

// One task's marker: it is at `line` (1-based) of the listing in `language`.
struct LineMarker {
  int line = 0;
  TaskId task = 0;
  std::string name;
  TaskState state = TaskState::pending;
  std::string calls;        // a suspended task's outer frame: the function it awaits, one call
                            // deeper ("fetch_price"); "" for the task's own (innermost) line
  bool operator==(const LineMarker&) const = default;
};

// The markers to draw: every task that is not finished and has a known line in that language,
// in task order. The running task is first. In Python, a suspended task's outer frames (its
// frames text, frame_source.hpp) are marked too, each with the function it calls, after the rest.
// A task's C++ line is the one its run reports; a run of the Python listing reports none, and
// then `cpp_for_python` ([Python line] -> C++ line, from the example's anchors) gives it.
std::vector<LineMarker> marker_lines(const LoopSnapshot& snapshot, Language language,
                                     const std::vector<std::int32_t>* cpp_for_python = nullptr);

}  // namespace loopscope::ui
