#pragma once
// help_overlay.hpp — the keyboard shortcuts, over the app (F1 or ?; Esc closes).
namespace loopscope::ui {

// Draws the overlay while `open`; the Close button or a click outside clears it.
void draw_help_overlay(bool& open);

}  // namespace loopscope::ui
