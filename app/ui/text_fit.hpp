#pragma once
// ui/text_fit.hpp — text cut to the width a panel has for it.
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace loopscope::ui {

// Why a text may be cut. The layout test (tests/ui/test_gui_layout.cpp) allows every cut of a
// `fitted` text and a cut of a `label` only when the label is longer than `long_label_chars`:
// such text comes from the program (a task name in a gather over 1,000 tasks, a printed line, an
// awaited expression) and no layout can promise it room. A shorter label that is cut at one of
// the window sizes the app supports is a layout defect.
enum class Fit {
  label,   // text of a panel row or line: should fit when it is of a reasonable length
  fitted,  // text that is sized to a drawn shape (a timeline bar's label follows the zoom)
};
inline constexpr std::size_t long_label_chars = 48;

// `text` cut to fit max_w pixels at `size` with an ellipsis ("…"), or whole if it fits; empty
// if not even the ellipsis fits. One pass that stops at max_w, so a label of thousands of
// characters (a gather over 1,000 tasks, a long printed line) costs what fits, not what it holds.
// Cuts fall between characters (UTF-8 aware, as ImGui measures).
std::string ellipsised(ImFont* font, float size, std::string_view text, float max_w, Fit fit = Fit::label);

// A cut that ellipsised() made, for the layout report: the ImGui window it was made in, the
// whole text and what was kept of it (without the ellipsis).
struct TextCut {
  std::string window;
  std::string text;  // the whole text, at most 200 bytes of it
  std::size_t text_chars = 0;
  std::string kept;
  Fit fit = Fit::label;
};
// Whether cuts are recorded (off by default: a frame then pays one branch per cut).
void record_text_cuts(bool on);
bool recording_text_cuts();
// The cuts recorded since the last call; clears them.
std::vector<TextCut> take_text_cuts();
// True when `cut` breaks the rule above (a label of at most long_label_chars characters).
bool is_layout_defect(const TextCut& cut);

}  // namespace loopscope::ui
