#pragma once
// utf8.hpp — the few UTF-8 operations the editor needs: columns are counted in code points.
#include <cstddef>
#include <string>
#include <string_view>

#include "text/utf8.hpp"

namespace loopscope::ui::editor {

// Number of code points in `s` (a valid UTF-8 string: see sanitize_text).
int code_points(std::string_view s);
// Byte offset of code point column `col` in `s`, clamped to s.size().
std::size_t byte_of_column(std::string_view s, int col);
// The code point starting at byte `at` (0 past the end).
char32_t code_point_at(std::string_view s, std::size_t at);
// Appends a code point encoded as UTF-8 (the one encoder every layer shares).
using text::append_utf8;

// Text as the editor stores it: valid UTF-8 (invalid bytes become U+FFFD), "\r\n" and "\r"
// become "\n", a tab becomes four spaces, other control characters are dropped.
std::string sanitize_text(std::string_view s);

}  // namespace loopscope::ui::editor
