#pragma once
// ui/text_fit.hpp — text cut to the width a panel has for it.
#include <string>
#include <string_view>

struct ImFont;

namespace loopscope::ui {

// `text` cut to fit max_w pixels at `size` with an ellipsis ("…"), or whole if it fits; empty
// if not even the ellipsis fits. One pass that stops at max_w, so a label of thousands of
// characters (a gather over 1,000 tasks, a long printed line) costs what fits, not what it holds.
// Cuts fall between characters (UTF-8 aware, as ImGui measures).
std::string ellipsised(ImFont* font, float size, std::string_view text, float max_w);

}  // namespace loopscope::ui
