// code_panel.cpp — listing view with syntax colours and task markers.
#include "ui/code_panel.hpp"

#include "ui/editor/editor_view.hpp"
#include "ui/probe.hpp"

#include "platform/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <map>

namespace loopscope::ui {
namespace {

ImU32 token_colour(TokenKind k) {
  switch (k) {
    case TokenKind::keyword: return palette::rgb(0xC792EA);
    case TokenKind::builtin: return palette::rgb(0x82AAFF);
    case TokenKind::string: return palette::rgb(0xC3E88D);
    case TokenKind::comment: return palette::code_comment;
    case TokenKind::number: return palette::rgb(0xF78C6C);
    case TokenKind::function: return palette::rgb(0x7FD6F5);
    case TokenKind::type: return palette::rgb(0xFFCB6B);
    case TokenKind::preprocessor: return palette::rgb(0xC792EA);
    case TokenKind::punctuation: return palette::rgb(0x89DDFF);
    case TokenKind::plain: break;
  }
  return palette::text;
}

const char* state_word(TaskState s) {
  switch (s) {
    case TaskState::running: return "running";
    case TaskState::pending: return "ready";
    case TaskState::suspended: return "waiting";
    default: return "";
  }
}

// Task chips after a line's code: "● job-1 waiting". When they do not fit in the visible width,
// the line shows one dot per task and a count instead (hover lists them). Returns where they end.
float draw_task_chips(const ViewState& view, const std::vector<const LineMarker*>& on_line, int number, float x,
                      float y, float line_h, PanelAction& action) {
  const auto& f = platform::fonts();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float chip_size = f.base_size * 0.85f;
  float needed = 0;
  const auto chip_label = [](const LineMarker& m) {
    return m.name + "  " + (m.calls.empty() ? std::string(state_word(m.state)) : "awaits " + m.calls + "()");
  };
  for (const LineMarker* m : on_line) {
    const std::string label = chip_label(*m);
    needed += f.body->CalcTextSizeA(chip_size, FLT_MAX, 0, label.c_str()).x + 28;
  }
  const float visible_right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth();
  const bool compact = on_line.size() > 1 && x + needed > visible_right;
  if (compact) {
    const ImVec2 a{x, y + 3};
    float dx = x + 9;
    std::string names;
    // Dots outside the clip rectangle are not drawn (1,000 tasks on one line are 1,000 dots,
    // nearly all off to the right); they still take their place.
    const float clip_x0 = dl->GetClipRectMin().x - 8, clip_x1 = dl->GetClipRectMax().x + 8;
    for (const LineMarker* m : on_line) {
      if (dx >= clip_x0 && dx <= clip_x1) {
        dl->AddCircleFilled({dx, y + line_h * 0.5f}, 4.0f, palette::task_colour(m->task));
        if (view.selected_task == m->task) dl->AddCircle({dx, y + line_h * 0.5f}, 6.5f, palette::text);
      }
      dx += 11;
      names += (names.empty() ? "" : ", ") + m->name;
    }
    char count[48];
    std::snprintf(count, sizeof count, "%zu tasks", on_line.size());
    dl->AddText(f.body, chip_size, {dx + 2, y + (line_h - chip_size) * 0.5f}, palette::text_dim, count);
    const float end = dx + 2 + f.body->CalcTextSizeA(chip_size, FLT_MAX, 0, count).x;
    if (ImGui::IsMouseHoveringRect(a, {end, y + line_h - 3}) && ImGui::IsWindowHovered())
      ImGui::SetTooltip("On line %d: %s", number, names.c_str());
    return end + 6;
  }
  for (const LineMarker* m : on_line) {
    const ImU32 c = palette::task_colour(m->task);
    const std::string label = chip_label(*m);
    const ImVec2 ts = f.body->CalcTextSizeA(chip_size, FLT_MAX, 0, label.c_str());
    const ImVec2 a{x, y + 3}, b{x + ts.x + 22, y + line_h - 3};
    const bool selected = view.selected_task == m->task;
    dl->AddRectFilled(a, b, (c & 0x00FFFFFF) | (selected ? 0x70000000 : 0x30000000), 9.0f);
    if (selected) dl->AddRect(a, b, c, 9.0f);
    dl->AddCircleFilled({x + 9, (a.y + b.y) * 0.5f}, 3.5f, c);
    dl->AddText(f.body, chip_size, {x + 16, (a.y + b.y - ts.y) * 0.5f}, palette::text, label.c_str());
    if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
      if (m->calls.empty()) ImGui::SetTooltip("%s is %s here (line %d)", m->name.c_str(), state_word(m->state), number);
      else ImGui::SetTooltip("%s awaits %s() here (line %d): a frame one call out from where it waits", m->name.c_str(),
                             m->calls.c_str(), number);
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) action.select = m->task;
    }
    x = b.x + 6;
  }
  return x;
}

PanelAction draw_listing(const ViewState& view, const std::vector<std::string>& lines, Language lang,
                         CodePanelState& state, const std::vector<std::int32_t>* cpp_for_python = nullptr) {
  PanelAction action;
  const auto& f = platform::fonts();
  const float size = f.mono->FontSize;
  const float line_h = size * 1.6f;
  const std::vector<LineMarker> markers = marker_lines(*view.snapshot, lang, cpp_for_python);
  std::map<int, std::vector<const LineMarker*>> by_line;
  for (const auto& m : markers) by_line[m.line].push_back(&m);

  // No background: the card under it has the same colour (a second fill only costs pixels).
  ImGui::BeginChild(lang == Language::python ? "py" : "cpp", {0, 0}, false,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoBackground);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float gutter = f.mono->CalcTextSizeA(size, FLT_MAX, 0, "000").x + 26.0f;
  const float width = std::max(ImGui::GetContentRegionAvail().x, 200.0f);
  const float scroll_y = ImGui::GetScrollY();
  const float view_h = ImGui::GetWindowHeight();
  int running_line = 0;
  for (const auto& m : markers)
    if (m.state == TaskState::running) running_line = m.line;

  float max_x = width;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    const float y = origin.y + i * line_h;
    // Cull lines outside the visible region (the child scrolls).
    const float rel = y - (origin.y - 0) - scroll_y;
    if (rel < -line_h || rel > view_h + line_h) continue;
    auto it = by_line.find(number);
    const bool has_marker = it != by_line.end();
    if (has_marker) {
      const LineMarker& first = *it->second.front();
      const ImU32 c = palette::task_colour(first.task);
      const ImU32 bg = (number == running_line) ? (c & 0x00FFFFFF) | 0x38000000 : (c & 0x00FFFFFF) | 0x18000000;
      dl->AddRectFilled({origin.x, y}, {origin.x + width, y + line_h}, bg);
      dl->AddRectFilled({origin.x, y}, {origin.x + 3, y + line_h}, c);
    }
    char num[16];
    std::snprintf(num, sizeof num, "%3d", number);
    dl->AddText(f.mono, size, {origin.x + 8, y + (line_h - size) * 0.5f},
                has_marker ? palette::text_dim : palette::text_faint, num);
    const std::string& text = lines[i];
    float x = origin.x + gutter;
    for (const Token& t : tokenize_line(text, lang)) {
      const char* b = text.data() + t.begin;
      const char* e = text.data() + t.end;
      const auto shown = platform::display_text({b, static_cast<std::size_t>(e - b)});
      dl->AddText(f.mono, size, {x, y + (line_h - size) * 0.5f}, token_colour(t.kind), shown.begin(), shown.end());
      x += f.mono->CalcTextSizeA(size, FLT_MAX, 0, shown.begin(), shown.end()).x;
    }
    if (has_marker) x = draw_task_chips(view, it->second, number, x + 18.0f, y, line_h, action);
    max_x = std::max(max_x, x - origin.x);
  }
  ImGui::Dummy({max_x, lines.size() * line_h + 8});
  // Keep the running task's line in view while playing.
  if (running_line > 0 && running_line != state.scroll_to_line) {
    const float y = (running_line - 1) * line_h;
    if (y < scroll_y || y + line_h > scroll_y + view_h) ImGui::SetScrollY(std::max(0.0f, y - view_h * 0.3f));
    state.scroll_to_line = running_line;
  }
  ImGui::EndChild();
  return action;
}

}  // namespace

namespace {

// The Python tab: Run / Reset / the changed mark, then the editor. Keeps the edit in `saved`.
void draw_python_editor(const ViewState& view, const CodeListings& code, CodePanelState& state,
                        CodePanelResult& result) {
  // A new step, or the same step whose code changed under it (hot reload, a .py file saved from
  // here): the editor's "changed" is measured against the code the lesson has now, and the
  // learner's kept edit is laid over it again.
  if (!state.editor || state.editor_key != code.edit_key || state.editor->lesson_code() != *code.python) {
    state.editor = std::make_unique<editor::Editor>(*code.python);
    if (code.saved && !code.edit_key.empty())
      if (const std::string* text = code.saved->find(code.edit_key)) state.editor->restore(*text);
    state.editor_key = code.edit_key;
    state.saved_revision = state.editor->buffer().revision();
  }
  editor::Editor& ed = *state.editor;
  const bool changed = ed.changed();

  const bool run = ImGui::Button("Run");
  probe::item("editor_run");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run this code  (Ctrl+Enter)");
  ImGui::SameLine();
  if (!code.file.empty()) {
    ImGui::BeginDisabled(!changed);
    if (ImGui::Button("Save")) result.save = ed.text();
    ImGui::EndDisabled();
    probe::item("editor_save");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Write this code to %s  (Ctrl+S)", code.file.c_str());
    ImGui::SameLine();
    if (changed && ed.focused && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('S', false)) result.save = ed.text();
  }
  ImGui::BeginDisabled(!changed);
  if (ImGui::Button("Reset")) ed.reset();
  ImGui::EndDisabled();
  probe::item("editor_reset");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(changed ? "Back to the lesson's code (Ctrl+Z undoes it)" : "This is the lesson's code");
  ImGui::SameLine(0, 14);
  const std::string& refusal = ed.buffer().message();
  if (!refusal.empty() || !state.save_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::sleeping));
    ImGui::TextUnformatted(!refusal.empty() ? refusal.c_str() : ("Edits not saved: " + state.save_error).c_str());
    ImGui::PopStyleColor();
  } else if (changed) {
    const editor::LineDiff& d = ed.lesson_diff();
    const auto differ = std::count_if(d.lines.begin(), d.lines.end(),
                                      [](editor::LineChange c) { return c != editor::LineChange::same; });
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::sleeping));
    if (differ > 0) ImGui::Text("edited: %d line%s", static_cast<int>(differ), differ == 1 ? " differs" : "s differ");
    else ImGui::TextUnformatted("edited: lines removed");
    ImGui::PopStyleColor();
  } else {
    ImGui::TextDisabled("the lesson's code: click to edit");
  }
  probe::item("editor_status");

  const std::vector<LineMarker> markers = marker_lines(*view.snapshot, Language::python);
  editor::EditorDecor decor;
  decor.markers = &markers;
  decor.chips = [&](const std::vector<const LineMarker*>& on_line, int number, float x, float y, float line_h) {
    return draw_task_chips(view, on_line, number, x, y, line_h, result.panel);
  };
  const editor::EditorResult er = editor::draw_editor(ed, decor, {0, 0});
  if (run || er.run) result.run = ed.text();

  // The edit is kept as soon as it changes; the file is written once typing pauses.
  if (code.saved && !code.edit_key.empty()) {
    const double now = ImGui::GetTime();
    if (ed.buffer().revision() != state.saved_revision) {
      if (ed.changed()) code.saved->put(code.edit_key, ed.text(), now);
      else code.saved->erase(code.edit_key, now);
      state.saved_revision = ed.buffer().revision();
    }
    if (code.saved->flush_due(now)) state.save_error = code.saved->flush();
  }
}

}  // namespace

CodePanelResult draw_code_panel(const ViewState& view, const CodeListings& code, CodePanelState& state) {
  CodePanelResult result;
  if (ImGui::BeginTabBar("code_tabs")) {
    const bool has_py = code.python && !code.python->empty();
    const bool has_cpp = code.cpp && !code.cpp->empty();
    const bool edited = has_py && state.editor && state.editor->changed();
    // "###" keeps the tab's identity while its label gains the edited mark.
    const ImGuiTabItemFlags py_flags = state.show_python ? ImGuiTabItemFlags_SetSelected : 0;
    state.show_python = false;
    const bool py_open =
        has_py && ImGui::BeginTabItem(edited ? "Python asyncio *###py" : "Python asyncio###py", nullptr, py_flags);
    if (has_py) probe::item("tab_python");
    if (py_open) {
      state.tab = Language::python;
      draw_python_editor(view, code, state, result);
      ImGui::EndTabItem();
    }
    const bool cpp_open = has_cpp && ImGui::BeginTabItem("C++ engine");
    if (has_cpp) probe::item("tab_cpp");
    if (cpp_open) {
      if (state.tab != Language::cpp) state.scroll_to_line = 0;
      if (state.editor) state.editor->focused = false;  // the keyboard goes back to the app
      state.tab = Language::cpp;
      if (!code.cpp_file.empty()) {
        ImGui::PushFont(platform::fonts().mono);
        ImGui::TextDisabled("%s", code.cpp_file.c_str());
        ImGui::PopFont();
      }
      result.panel.merge(draw_listing(view, *code.cpp, Language::cpp, state, code.cpp_for_python));
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  return result;
}

}  // namespace loopscope::ui
