#pragma once
// theme.hpp — Loopscope's dark theme and the palette every panel draws with.
// Colours of task states are the same in every panel (timeline, queue, suspended list, code
// markers), so a learner can follow a task by its colour.
#include <cstdint>
#include <imgui.h>

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
inline constexpr ImU32 text_dim = rgb(0x8D95A8);
inline constexpr ImU32 text_faint = rgb(0x5C6375);
inline constexpr ImU32 accent = rgb(0x7C9CFF);
// task states
inline constexpr ImU32 running = rgb(0x4FD1B0);
inline constexpr ImU32 ready = rgb(0x7C9CFF);
inline constexpr ImU32 sleeping = rgb(0xF0B65A);
inline constexpr ImU32 io_wait = rgb(0x5AB8F0);
inline constexpr ImU32 waiting = rgb(0xB48CF2);   // on a task / gather / primitive
inline constexpr ImU32 blocked = rgb(0xF06A6A);
inline constexpr ImU32 done = rgb(0x4A5161);
inline constexpr ImU32 failed = rgb(0xE5484D);
inline constexpr ImU32 cancelled = rgb(0x8A6D3B);
// A distinct colour per task (by id), for markers and lane labels.
ImU32 task_colour(std::uint64_t task_id);
}  // namespace palette

ImVec4 to_vec4(ImU32 colour);

// Applies the theme to the current ImGui style, sized for `scale` (content scale).
void apply_theme(float scale);

}  // namespace loopscope::ui
