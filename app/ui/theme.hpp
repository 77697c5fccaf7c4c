#pragma once
// theme.hpp — Loopscope's dark theme and the palette every panel draws with.
// Colours of task states are the same in every panel (timeline, queue, suspended list, code
// markers), so a learner can follow a task by its colour; task colours (one per task) are kept
// apart from the state colours, so a lane's name never reads as a state.
// Invariant (tests/ui/test_theme.cpp): every text colour has a contrast ratio of at least 4.5:1
// (WCAG 2 AA) against every surface it is drawn on, as listed by text_contrast_pairs().
#include <cstdint>
#include <imgui.h>
#include <vector>

namespace loopscope::ui {

namespace palette {
inline constexpr ImU32 rgb(std::uint32_t hex, std::uint8_t alpha = 255) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}
inline constexpr ImU32 background = rgb(0x0F1116);
inline constexpr ImU32 panel = rgb(0x161920);
inline constexpr ImU32 panel_raised = rgb(0x1D2129);
inline constexpr ImU32 border = rgb(0x2A2F3A);
inline constexpr ImU32 grid = rgb(0x252A34);
inline constexpr ImU32 text = rgb(0xE6E8EE);
inline constexpr ImU32 text_dim = rgb(0xAAB1C2);
inline constexpr ImU32 text_faint = rgb(0x9AA2B4);  // hints: still 4.5:1 on every surface
inline constexpr ImU32 accent = rgb(0x7C9CFF);
// surfaces that text is drawn on, besides background / panel / panel_raised
inline constexpr ImU32 frame = rgb(0x222733);          // slider and input frames
inline constexpr ImU32 button = rgb(0x242A36);
inline constexpr ImU32 button_hovered = rgb(0x2F3748);
inline constexpr ImU32 selected_row = rgb(0x252C3A);
inline constexpr ImU32 loop_lane = rgb(0x1B1F27);      // the timeline's pinned loop lane
inline constexpr ImU32 well = rgb(0x12151B);           // code blocks, the ready queue's trough
inline constexpr ImU32 inline_code = rgb(0x262C3A);    // `code` in narration
inline constexpr ImU32 code_comment = rgb(0x98A0B4);
// task states
inline constexpr ImU32 running = rgb(0x4FD1B0);
inline constexpr ImU32 ready = rgb(0x7C9CFF);
inline constexpr ImU32 sleeping = rgb(0xF0B65A);
inline constexpr ImU32 io_wait = rgb(0x5AB8F0);
inline constexpr ImU32 waiting = rgb(0xB48CF2);   // on a task / gather / primitive
inline constexpr ImU32 blocked = rgb(0xF06A6A);
inline constexpr ImU32 done = rgb(0x4A5161);
inline constexpr ImU32 failed = rgb(0xE5484D);
inline constexpr ImU32 failed_text = rgb(0xFF8589);  // "failed" as words, not as a bar
inline constexpr ImU32 cancelled = rgb(0xD9936F);
// A distinct colour per task (by id), for markers and lane labels.
ImU32 task_colour(std::uint64_t task_id);
inline constexpr int task_colour_count = 8;
// The state colours (running … cancelled, done), which task colours must not resemble.
std::vector<ImU32> state_colours();
}  // namespace palette

ImVec4 to_vec4(ImU32 colour);

// WCAG 2 contrast ratio of two opaque colours (alpha ignored): 1 to 21.
double contrast_ratio(ImU32 a, ImU32 b);
// CIE76 colour difference (Euclidean distance in CIE L*a*b*, D65).
double colour_difference(ImU32 a, ImU32 b);
// `over` with its alpha, composited on the opaque `under`.
ImU32 composite(ImU32 over, ImU32 under);

struct ContrastPair {
  const char* what;   // e.g. "console timestamp on panel"
  ImU32 text;
  ImU32 background;
};
// Every (text colour, surface) pair the panels draw, for the contrast test.
std::vector<ContrastPair> text_contrast_pairs();

// Applies the theme to the current ImGui style, sized for `scale` (content scale).
void apply_theme(float scale);

}  // namespace loopscope::ui
