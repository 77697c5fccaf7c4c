#pragma once
// editor_view.hpp — the editor as an ImGui widget: line numbers, syntax colours, selection,
// cursor, task markers, errors in place and the diff against the lesson's code in the gutter.
//
// Focus: a click in the text gives the editor the keyboard; a click anywhere else or Escape
// takes it away. While it has it, io.WantTextInput is set (so the app's single-key shortcuts
// stay quiet) and its window takes no ImGui navigation input (arrows, Tab, Space are text).
#include "ui/code_model.hpp"
#include "ui/editor/editor.hpp"

#include <imgui.h>

#include <functional>
#include <vector>

namespace loopscope::ui::editor {

struct EditorDecor {
  const std::vector<LineMarker>* markers = nullptr;  // their lines are the run source's
  // Draws the task chips of line `number` (1-based, of the text shown) from x at the line's top y;
  // returns where they end.
  std::function<float(const std::vector<const LineMarker*>&, int number, float x, float y, float line_h)> chips;
};

struct EditorResult {
  bool run = false;  // Ctrl+Enter was pressed
};

// Draws the editor in a child window of `size` and applies this frame's input to it.
EditorResult draw_editor(Editor& editor, const EditorDecor& decor, ImVec2 size);

}  // namespace loopscope::ui::editor
