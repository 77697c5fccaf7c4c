#pragma once
// task_label_view.hpp — a task's label drawn the same way in every panel: its name, then, for
// an automatic name, its coroutine function in a dimmer colour ("Task-1 main()"). The words come
// from ui/task_labels.hpp through ViewState::labels.
#include "ui/task_labels.hpp"
#include "ui/view_state.hpp"

#include <imgui.h>

#include <string>
#include <string_view>

namespace loopscope::ui {

// The task's coroutine function ("main()"), or "" (no labels, or none for this task).
std::string_view task_function(const ViewState& view, TaskId task);
// `name` followed by the function, in plain text (tooltips, sentences).
std::string task_text(const ViewState& view, TaskId task, std::string_view name);

// The colour for the function after a name drawn in `name_colour`: the same, dimmer.
ImU32 function_colour(ImU32 name_colour);

// Width of name + " " + fn at `size` (fn may be empty).
float task_label_width(ImFont* font, float size, std::string_view name, std::string_view fn);

// Draws name (in name_colour) and " fn" (in function_colour(name_colour)) at `pos`, within
// max_w pixels: the function is left out when it does not fit whole, then the name is cut with
// an ellipsis. Returns the
// width drawn. The function is drawn in `fn_font` (null: `font`).
float draw_task_label(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 name_colour,
                      std::string_view name, std::string_view fn, float max_w,
                      ImFont* fn_font = nullptr);

}  // namespace loopscope::ui
