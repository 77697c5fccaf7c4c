// task_label_view.cpp — see task_label_view.hpp.
#include "ui/task_label_view.hpp"

#include "platform/fonts.hpp"
#include "ui/text_fit.hpp"

#include <algorithm>
#include <cfloat>

namespace loopscope::ui {

std::string_view task_function(const ViewState& view, TaskId task) {
  return view.labels && task ? view.labels->function(task) : std::string_view();
}

std::string task_text(const ViewState& view, TaskId task, std::string_view name) {
  const std::string_view fn = task_function(view, task);
  std::string out(name);
  if (!fn.empty()) {
    out += ' ';
    out += fn;
  }
  return out;
}

ImU32 function_colour(ImU32 c) {
  const ImU32 a = (c >> IM_COL32_A_SHIFT) & 0xFF;
  return (c & ~IM_COL32_A_MASK) | ((a * 140 / 255) << IM_COL32_A_SHIFT);
}

static float width_of(ImFont* font, float size, std::string_view s) {
  const platform::DisplayText shown = platform::display_text(s);
  return font->CalcTextSizeA(size, FLT_MAX, 0, shown.begin(), shown.end()).x;
}

float task_label_width(ImFont* font, float size, std::string_view name, std::string_view fn) {
  float w = width_of(font, size, name);
  if (!fn.empty()) w += width_of(font, size, " ") + width_of(font, size, fn);
  return w;
}

float draw_task_label(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 name_colour,
                      std::string_view name, std::string_view fn, float max_w, ImFont* fn_font) {
  if (!fn_font) fn_font = font;
  const platform::DisplayText shown_name = platform::display_text(name), shown_fn = platform::display_text(fn);
  name = shown_name.view(), fn = shown_fn.view();
  const float name_w = width_of(font, size, name);
  if (name_w > max_w) {
    const std::string cut = ellipsised(font, size, name, max_w);
    dl->AddText(font, size, pos, name_colour, cut.c_str());
    return width_of(font, size, cut);
  }
  dl->AddText(font, size, pos, name_colour, name.data(), name.data() + name.size());
  if (fn.empty()) return name_w;
  const float gap = width_of(font, size, " ");
  // The function is a hint after the name: shown whole or left out ("fetch_pr…" reads as a
  // label cut short, and the name alone still says which task).
  const float fn_w = width_of(fn_font, size, fn);
  if (name_w + gap + fn_w > max_w) return name_w;
  dl->AddText(fn_font, size, {pos.x + name_w + gap, pos.y}, function_colour(name_colour), fn.data(), fn.data() + fn.size());
  return name_w + gap + fn_w;
}

}  // namespace loopscope::ui
