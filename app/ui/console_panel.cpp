// console_panel.cpp — drawing the console.
#include "ui/console_panel.hpp"

#include "ui/probe.hpp"
#include "ui/task_label_view.hpp"
#include "ui/task_labels.hpp"

#include "platform/fonts.hpp"
#include "ui/text_fit.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_set>

namespace loopscope::ui {

PanelAction draw_console(const ViewState& view, const ConsoleModel& model) {
  PanelAction action;
  const auto& f = platform::fonts();
  const float s = f.base_size / 15.0f;
  const std::size_t count = model.visible_count(view.cursor);

  // Title row.
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted("Console");
  ImGui::PopFont();
  ImGui::SameLine();
  if (count == 0) ImGui::TextDisabled("virtual timestamps");
  else ImGui::TextDisabled("%zu line%s · virtual timestamps", count, count == 1 ? "" : "s");

  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::BeginChild("##console_lines", {0, 0}, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  ImGui::PushFont(f.mono);
  // Rows touch (no item spacing), so the clipper's row height is exactly line_h.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {ImGui::GetStyle().ItemSpacing.x, 0});
  const float size = ImGui::GetFontSize();
  const float line_h = std::floor(size + 8 * s);
  ImDrawList* dl = ImGui::GetWindowDrawList();

  if (count == 0) {
    ImGui::Dummy({0, 4 * s});
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::text_faint));
    ImGui::TextUnformatted(view.cursor == 0 ? "Nothing printed yet. Press Play."
                                            : "Nothing printed yet.");
    ImGui::PopStyleColor();
  } else {
    const float width = ImGui::GetContentRegionAvail().x;
    const float stamp_w = ImGui::CalcTextSize("[000.000s]").x;
    // Room for "Task-12 fetch()" (a name and its coroutine function) or the widest label of the
    // last lines' tasks if wider, at most 28% of the row (a function that does not fit is left
    // out, see task_label_view.hpp).
    const bool functions = view.labels && view.labels->any_function();
    float widest_label = ImGui::CalcTextSize(functions ? "MMMMMMMMMMMMMMM" : "MMMMMMMMMMMM").x;
    std::unordered_set<TaskId> measured;
    for (std::size_t i = count > 2000 ? count - 2000 : 0; i < count; ++i) {
      const TaskId t = model.lines()[i].task;
      if (!measured.insert(t).second) continue;
      widest_label = std::max(widest_label, task_label_width(f.mono, size, model.task_name(t), task_function(view, t)));
    }
    const float name_w = std::min(widest_label, width * 0.28f);
    const float gap = 8 * s;
    // A row is one line when every line's text fits its column (up to long_label_chars: a
    // longer one may be cut); else the stamp and the task take a line of their own and the text
    // wraps under them at the row's full width, on as many lines as the longest line needs (at
    // most 3). Rows stay of one height, as the clipper needs. Only the last 2,000 lines are
    // measured: bounded work per frame.
    const std::size_t first = count > 2000 ? count - 2000 : 0;
    const float inline_text_w = width - 6 * s - stamp_w - gap - name_w - gap - 4 * s;
    const float inline_need = std::min(
        [&] {
          float widest = 0;
          for (std::size_t i = first; i < count; ++i) {
            const std::string& t = model.lines()[i].text;
            widest = std::max(widest, f.mono->CalcTextSizeA(size, FLT_MAX, 0, t.data(), t.data() + t.size()).x);
          }
          return widest;
        }(),
        ImGui::CalcTextSize("M").x * static_cast<float>(long_label_chars));
    const bool stacked = inline_need > inline_text_w;
    const float wrap_w = std::max(width - 12 * s, 10.0f);
    const float text_line_h = std::floor(size + 2 * s);
    int text_lines = 1;
    if (stacked) {
      for (std::size_t i = first; i < count && text_lines < 3; ++i) {
        const std::string& t = model.lines()[i].text;
        const float h = f.mono->CalcTextSizeA(size, FLT_MAX, wrap_w, t.data(), t.data() + t.size()).y;
        text_lines = std::max(text_lines, std::min(3, static_cast<int>(std::ceil(h / size - 0.01f))));
      }
    }
    const float row_h = stacked ? std::floor(8 * s + size + 2 * s + text_lines * text_line_h) : line_h;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count), row_h);
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const ConsoleLine& line = model.lines()[static_cast<std::size_t>(i)];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushID(i);
        ImGui::InvisibleButton("##line", {std::max(width, 1.0f), row_h});
        ImGui::PopID();
        if (probe::enabled()) probe::item("console_line_" + std::to_string(i));
        const bool hovered = ImGui::IsItemHovered();
        if (ImGui::IsItemClicked()) {
          action.seek_cursor = model.seek_cursor_for(static_cast<std::size_t>(i));
          if (line.task != 0) action.select = line.task;
          if (line.source_line > 0) action.show_line = line.source_line;
        }
        const bool mine = line.task != 0 && line.task == view.selected_task;
        const bool error = line.kind == ConsoleLineKind::error;
        const bool warning = line.kind == ConsoleLineKind::warning;
        const ImVec2 q = {p.x + width, p.y + row_h};
        if (hovered) dl->AddRectFilled(p, q, IM_COL32(255, 255, 255, 14), 4 * s);
        else if (error) dl->AddRectFilled(p, q, (palette::failed & 0x00FFFFFF) | 0x1C000000, 4 * s);
        else if (warning) dl->AddRectFilled(p, q, (palette::sleeping & 0x00FFFFFF) | 0x1C000000, 4 * s);
        else if (mine) dl->AddRectFilled(p, q, (palette::accent & 0x00FFFFFF) | 0x18000000, 4 * s);
        if (i + 1 == static_cast<int>(count))  // the newest line: a small marker at the left
          dl->AddRectFilled({p.x, p.y + 3 * s}, {p.x + 2 * s, q.y - 3 * s}, palette::accent);

        const float ty = stacked ? p.y + 4 * s : p.y + (line_h - size) * 0.5f;
        float x = p.x + 6 * s;
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "[%6.3fs]", line.time);
        dl->AddText({x, ty}, palette::text_faint, stamp);
        x += stamp_w + gap;
        draw_task_label(dl, f.mono, size, {x, ty},
                        line.task == 0 ? palette::text_dim : palette::task_colour(line.task),
                        model.task_name(line.task), task_function(view, line.task),
                        stacked ? p.x + width - x - 4 * s : name_w);
        const ImU32 colour = error ? palette::failed_text : warning ? palette::sleeping : palette::text;
        // Drawn with emoji mapped to their glyphs (platform/fonts.hpp); the model keeps the text.
        const platform::DisplayText shown_line = platform::display_text(line.text);
        const std::string_view lt = shown_line.view();
        bool cut = false;
        if (stacked) {
          // Word-wrapped lines under the stamp; the last allowed one ends with an ellipsis if
          // the text goes on.
          const char* t = lt.data();
          const char* end = t + lt.size();
          const float scale = size / f.mono->FontSize;
          float y = ty + size + 2 * s;
          for (int k = 0; k < text_lines && t < end; ++k, y += text_line_h) {
            const char* brk = k + 1 < text_lines ? f.mono->CalcWordWrapPositionA(scale, t, end, wrap_w) : end;
            if (brk == t) brk = t + 1;  // a character wider than the row still advances
            const std::string piece = ellipsised(f.mono, size, std::string_view(t, static_cast<std::size_t>(brk - t)), wrap_w);
            cut |= piece.size() != static_cast<std::size_t>(brk - t);
            dl->AddText({p.x + 6 * s, y}, colour, piece.c_str());
            t = brk;
            while (t < end && *t == ' ') ++t;
          }
        } else {
          x += name_w + gap;
          const float text_w = p.x + width - x - 4 * s;
          const std::string text = ellipsised(f.mono, size, lt, std::max(text_w, 10.0f));
          cut = text.size() != lt.size();
          dl->AddText({x, ty}, colour, text.c_str());
        }
        if (hovered) {
          if (cut) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
            const std::string_view shown = shown_line.view().substr(0, 2000);
            ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
          }
          else ImGui::SetTooltip("click to go to %.3f s", line.time);
        }
      }
    }
    clipper.End();
    // Follow the newest line unless the learner scrolled up (ScrollMaxY is last frame's).
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f) ImGui::SetScrollHereY(1.0f);
  }
  ImGui::PopStyleVar();
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return action;
}

}  // namespace loopscope::ui
