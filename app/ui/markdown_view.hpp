#pragma once
// markdown_view.hpp — draws a MarkdownDoc in the current ImGui window: wrapped mixed-style
// text (Inter, Inter SemiBold, JetBrains Mono for code), headings, lists, block quotes, code
// blocks and links (hover shows the address; click opens it with xdg-open).
#include "ui/markdown.hpp"

namespace loopscope::ui {

// normal: a paragraph gap after every block; tight: none after the last (inline text in a
// row of other widgets, e.g. a quiz option).
enum class MarkdownSpacing { normal, tight };

// Lays the document out at the current cursor, wrapping at `width` pixels.
void draw_markdown(const MarkdownDoc& doc, float width, MarkdownSpacing spacing = MarkdownSpacing::normal);

}  // namespace loopscope::ui
