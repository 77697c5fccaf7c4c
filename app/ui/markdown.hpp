#pragma once
// markdown.hpp — Markdown (CommonMark, via md4c) turned into a flat list of blocks of styled
// runs, ready to lay out. No ImGui here, so it is unit-tested without a window.
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::ui {

enum class RunStyle : unsigned { plain = 0, emphasis = 1, strong = 2, code = 4, link = 8 };
inline RunStyle operator|(RunStyle a, RunStyle b) { return RunStyle(unsigned(a) | unsigned(b)); }
inline bool has(RunStyle s, RunStyle flag) { return (unsigned(s) & unsigned(flag)) != 0; }

struct MdRun {
  std::string text;
  RunStyle style = RunStyle::plain;
  std::string href;  // for links
  bool operator==(const MdRun&) const = default;
};

enum class BlockKind { paragraph, heading, code, list_item, quote, rule };

struct MdBlock {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;           // heading level 1-6; list nesting depth (1 = top) for list items
  std::string marker;      // list item marker: "•" or "3."
  std::vector<MdRun> runs; // inline content; a code block has one run with the verbatim text
  int quote_depth = 0;     // > 0 inside block quotes
};

struct MarkdownDoc {
  std::vector<MdBlock> blocks;
};

// Parses CommonMark (with md4c) into blocks. Never fails: malformed Markdown is still text.
MarkdownDoc parse_markdown(std::string_view source);

}  // namespace loopscope::ui
