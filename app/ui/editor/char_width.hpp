#pragma once
// char_width.hpp — how many cells of the editor's monospace grid a character takes, the rule of
// wcwidth(): East Asian Wide and Fullwidth characters (CJK, Hangul, kana, fullwidth forms, most
// emoji) take two, combining marks, zero-width format characters and conjoining Hangul vowels
// and finals take none, everything else one. The table follows Unicode 14's EastAsianWidth.txt
// for assigned characters; unassigned code points in the emoji block U+1FA70–U+1FAFF and in
// Planes 2 and 3 count as wide (where later versions put emoji and ideographs).
namespace loopscope::ui::editor {

// 0, 1 or 2. Control characters count one (the buffer holds none: see sanitize_text).
int cell_width(char32_t c);

}  // namespace loopscope::ui::editor
