// editor_view.cpp — drawing the editor and turning keys and clicks into buffer commands.
#include "ui/editor/editor_view.hpp"

#include "platform/fonts.hpp"
#include "ui/editor/cell_layout.hpp"
#include "ui/editor/utf8.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>

namespace loopscope::ui::editor {
namespace {

// Lines longer than this are drawn in one colour, and only their visible part: tokenizing and
// laying out a megabyte-long pasted line every frame would stall the frame.
constexpr std::size_t max_coloured_line = 2000;
constexpr double typing_pause = 1.0;  // seconds without input that end an undo step

ImU32 token_colour(TokenKind k) {
  switch (k) {
    case TokenKind::keyword: return palette::rgb(0xC792EA);
    case TokenKind::builtin: return palette::rgb(0x82AAFF);
    case TokenKind::string: return palette::rgb(0xC3E88D);
    case TokenKind::comment: return palette::rgb(0x5C6375);
    case TokenKind::number: return palette::rgb(0xF78C6C);
    case TokenKind::function: return palette::rgb(0x7FD6F5);
    case TokenKind::type: return palette::rgb(0xFFCB6B);
    case TokenKind::preprocessor: return palette::rgb(0xC792EA);
    case TokenKind::punctuation: return palette::rgb(0x89DDFF);
    case TokenKind::plain: break;
  }
  return palette::text;
}

struct ImGuiClipboard : Clipboard {
  std::string get() override {
    const char* t = ImGui::GetClipboardText();
    return t ? t : "";
  }
  void set(std::string_view text) override { ImGui::SetClipboardText(std::string(text).c_str()); }
};

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }
// Letters by their GLFW key code, which is the upper-case ASCII letter.
bool letter(char c) { return ImGui::IsKeyPressed(c, true); }

// The keyboard while the editor has focus. Returns true when the cursor moved or the text changed.
bool handle_keys(Editor& ed, EditorResult& result, int page, double now) {
  ImGuiIO& io = ImGui::GetIO();
  TextBuffer& b = ed.buffer();
  const bool ctrl = io.KeyCtrl, shift = io.KeyShift;
  const std::uint64_t rev = b.revision();
  const TextPos cursor = b.cursor(), anchor = b.anchor();
  ImGuiClipboard clipboard;
  auto move = [&](Move m) { b.move(m, shift); };
  // Ctrl+Enter runs once per press (no key repeat); Enter repeats like any typed key.
  const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), !ctrl) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), !ctrl);
  if (enter && ctrl) result.run = true;
  else if (enter) b.newline();
  if (pressed(ImGuiKey_LeftArrow)) move(ctrl ? Move::word_left : Move::left);
  if (pressed(ImGuiKey_RightArrow)) move(ctrl ? Move::word_right : Move::right);
  if (pressed(ImGuiKey_UpArrow)) move(Move::up);
  if (pressed(ImGuiKey_DownArrow)) move(Move::down);
  if (pressed(ImGuiKey_Home)) move(ctrl ? Move::doc_start : Move::home);
  if (pressed(ImGuiKey_End)) move(ctrl ? Move::doc_end : Move::end);
  if (pressed(ImGuiKey_PageUp)) b.move_lines(-page, shift);
  if (pressed(ImGuiKey_PageDown)) b.move_lines(page, shift);
  if (pressed(ImGuiKey_Backspace)) b.backspace(ctrl);
  if (pressed(ImGuiKey_Delete)) b.delete_forward(ctrl);
  if (pressed(ImGuiKey_Tab)) shift ? b.dedent() : b.tab();
  if (ctrl && letter('Z')) shift ? b.redo() : b.undo();
  if (ctrl && letter('Y')) b.redo();
  if (ctrl && letter('A')) b.select_all();
  if (ctrl && letter('C')) b.copy(clipboard);
  if (ctrl && letter('X')) b.cut(clipboard);
  if (ctrl && letter('V')) b.paste(clipboard);
  if (pressed(ImGuiKey_Escape)) ed.focused = false;
  // Typed characters (none come with Ctrl, except AltGr combinations on some layouts).
  if (!(ctrl && !io.KeyAlt)) {
    for (const ImWchar c : io.InputQueueCharacters) {
      if (c < 0x20 || c == 0x7F) continue;
      if (now - ed.last_input_time > typing_pause) b.break_coalescing();
      std::string s;
      append_utf8(s, c);
      b.type(s);
      ed.last_input_time = now;
    }
    io.InputQueueCharacters.resize(0);
  }
  return b.revision() != rev || b.cursor() != cursor || b.anchor() != anchor || result.run;
}

// The glyph ImGui draws for `c`: above U+FFFF (16-bit ImWchar), the slot display_text maps it
// to (platform/fonts.hpp), or U+FFFD when it has none.
ImWchar drawn_char(char32_t c) {
  if (c <= 0xFFFF) return static_cast<ImWchar>(c);
  const char32_t slot = platform::fonts_slot_of(c);
  return static_cast<ImWchar>(slot != 0 ? slot : 0xFFFD);
}

// The advance of the glyph ImGui draws for `c`.
float glyph_advance(const ImFont* font, char32_t c) { return font->GetCharAdvance(drawn_char(c)); }

// Whether the font's own advance for `c` is `width` cells, so that the glyph after it lands on the
// grid without being placed: true for JetBrains Mono's glyphs and its zero-advance marks, false
// for the fallback fonts' CJK (one em in two cells of 0.6 em) and for characters the atlas lacks.
bool on_grid(const ImFont* font, float char_w, char32_t c, int width) {
  return std::abs(glyph_advance(font, c) - char_w * static_cast<float>(width)) < 0.01f;
}

// A zero-width character the font has no glyph for is not drawn: its "?" would have no cell and
// would cover the character before it (a variation selector or a tag after an emoji).
bool hidden(const ImFont* font, const CellRun& r, std::string_view text) {
  if (!r.alone || r.cells > 0) return false;
  const char32_t c = decode_at(text, r.begin).c;
  const ImWchar d = drawn_char(c);
  return (c > 0xFFFF && d == 0xFFFD) || !font->FindGlyphNoFallback(d);
}

int digits(int n) {
  int d = 1;
  while (n >= 10) n /= 10, ++d;
  return d;
}

}  // namespace

EditorResult draw_editor(Editor& ed, const EditorDecor& decor, ImVec2 size) {
  EditorResult result;
  ImGuiIO& io = ImGui::GetIO();
  const auto& f = platform::fonts();
  ImFont* font = f.mono;
  const float fs = font->FontSize;
  const float line_h = std::floor(fs * 1.6f);
  const float char_w = font->CalcTextSizeA(fs, FLT_MAX, 0, "M").x;
  TextBuffer& b = ed.buffer();
  const double now = ImGui::GetTime();

  // Keys first, so that this frame shows their result and the scroll that keeps the cursor seen.
  if (ed.focused) {
    const int page = std::max(1, static_cast<int>(ed.view_h / line_h) - 1);
    if (handle_keys(ed, result, page, now)) {
      ed.last_input_time = now;
      ed.scroll_to_cursor = true;
    }
  }
  const float gutter = char_w * static_cast<float>(std::max(3, digits(b.line_count()))) + 30.0f;
  if (ed.scroll_to_cursor && ed.view_h > 0) {
    ImVec2 s{ed.scroll_x, ed.scroll_y};
    const float cy = static_cast<float>(b.cursor().line) * line_h;
    const float cx = static_cast<float>(cell_of_column(b.lines()[static_cast<std::size_t>(b.cursor().line)], b.cursor().col)) * char_w;
    const float text_w = ed.view_w - gutter - char_w * 2;
    if (cy < s.y) s.y = cy;
    else if (cy + line_h > s.y + ed.view_h) s.y = cy + line_h - ed.view_h;
    if (cx < s.x) s.x = std::max(0.0f, cx - char_w * 8);
    else if (cx > s.x + text_w) s.x = cx - text_w + char_w * 8;
    ImGui::SetNextWindowScroll(s);
    ed.scroll_to_cursor = false;
  }

  ImGui::BeginChild("py_editor", size, false,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_NoBackground);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 win = ImGui::GetWindowPos();
  const ImVec2 origin = ImGui::GetCursorScreenPos();  // content origin (moves with the scroll)
  const ImVec2 scroll{ImGui::GetScrollX(), ImGui::GetScrollY()};
  const ImVec2 view = ImGui::GetContentRegionAvail();
  ed.scroll_x = scroll.x;
  ed.scroll_y = scroll.y;
  ed.view_w = ImGui::GetWindowWidth() - (ImGui::GetScrollMaxY() > 0 ? ImGui::GetStyle().ScrollbarSize : 0);
  ed.view_h = ImGui::GetWindowHeight() - (ImGui::GetScrollMaxX() > 0 ? ImGui::GetStyle().ScrollbarSize : 0);

  if (ed.width_revision != b.revision()) {
    ed.widest_line = 0;
    for (const std::string& l : b.lines()) ed.widest_line = std::max(ed.widest_line, cells(l));
    platform::fonts_request(b.lines());  // typed or pasted characters the font atlas lacks join it
    ed.width_revision = b.revision();
  }
  const int n = b.line_count();
  const ImVec2 content{std::max(view.x, gutter + char_w * static_cast<float>(ed.widest_line + 60)),
                       std::max(view.y, line_h * static_cast<float>(n + 1))};
  const ImVec2 text0{origin.x + gutter, origin.y};  // where column 0 of line 0 is
  ImGui::InvisibleButton("##text", content);
  probe::item("editor_text");
  const bool hovered = ImGui::IsItemHovered();
  auto pos_at = [&](ImVec2 m) {
    const int line = static_cast<int>(std::floor((m.y - text0.y) / line_h));
    const int l = std::clamp(line, 0, n - 1);
    return b.clamp({l, column_at(b.lines()[static_cast<std::size_t>(l)], (m.x - text0.x) / char_w)});
  };
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
    ed.focused = true;
    ed.last_input_time = now;
    if (io.MouseDoubleClicked[0]) b.select_word_at(pos_at(io.MousePos));
    else b.set_cursor(pos_at(io.MousePos), io.KeyShift);
  } else if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
    b.set_cursor(pos_at(io.MousePos), true);
    ed.scroll_to_cursor = true;
    ed.last_input_time = now;
  }
  if (ed.focused && (io.MouseClicked[0] || io.MouseClicked[1]) &&
      !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
    ed.focused = false;  // a click elsewhere
  if (ed.focused) {
    io.WantTextInput = true;                // this frame: the app's shortcuts read it after us
    GImGui->WantTextInputNextFrame = 1;     // and the next, from its start
  }

  // ---- what each visible line carries ----
  const int first = std::clamp(static_cast<int>(scroll.y / line_h), 0, n - 1);
  const int last = std::clamp(static_cast<int>((scroll.y + view.y) / line_h) + 1, 0, n - 1);
  const LineDiff& lesson = ed.lesson_diff();
  const LineDiff& run = ed.run_diff();
  auto now_line = [&](int run_line) {  // 0-based run-source line -> 0-based line shown, or -1
    return run_line >= 0 && run_line < static_cast<int>(run.old_to_new.size()) ? run.old_to_new[static_cast<std::size_t>(run_line)] : -1;
  };
  std::map<int, std::vector<const LineMarker*>> markers;
  int running = -1;
  if (decor.markers)
    for (const LineMarker& m : *decor.markers)
      if (const int l = now_line(m.line - 1); l >= 0) {
        markers[l].push_back(&m);
        if (m.state == TaskState::running) running = l;
      }
  std::map<int, std::vector<const Diagnostic*>> errors;
  if (!ed.diagnostics().empty()) {
    const LineDiff& moved = ed.diagnostics_diff();
    for (const Diagnostic& d : ed.diagnostics())
      if (d.line >= 1 && d.line <= static_cast<int>(moved.old_to_new.size()))
        if (const int l = moved.old_to_new[static_cast<std::size_t>(d.line - 1)]; l >= 0) errors[l].push_back(&d);
  }

  // ---- drawing ----
  const float text_left = win.x + gutter;  // text is clipped here; the gutter does not scroll
  const ImVec2 clip_max{win.x + ed.view_w, win.y + ed.view_h};
  const auto [sel_a, sel_b] = b.selection();
  const int first_cell = std::max(0, static_cast<int>(scroll.x / char_w) - 1);
  const int last_cell = first_cell + static_cast<int>(view.x / char_w) + 2;
  // The x of column `col` of `line` (cells, not code points: cell_layout.hpp).
  auto col_x = [&](const std::string& line, int col) { return text0.x + static_cast<float>(cell_of_column(line, col)) * char_w; };
  auto grid = [&](char32_t c, int width) { return on_grid(font, char_w, c, width); };
  // Where a run of `text` (drawn from `left`) starts: an off-grid character is centred in its
  // cells; a zero-width one that has an advance ends where it stands, over the character it marks.
  auto run_x = [&](float left, const CellRun& r, std::string_view text) {
    const float x = left + static_cast<float>(r.cell) * char_w;
    if (!r.alone) return x;
    const float adv = glyph_advance(font, decode_at(text, r.begin).c);
    return r.cells == 0 ? x - adv : x + (static_cast<float>(r.cells) * char_w - adv) * 0.5f;
  };
  const bool blink_on = ed.focused && std::fmod(now - ed.last_input_time, 1.0) < 0.6;
  dl->PushClipRect({text_left, win.y}, clip_max, true);
  for (int l = first; l <= last; ++l) {
    const float y = text0.y + static_cast<float>(l) * line_h;
    const float ty = y + (line_h - fs) * 0.5f;
    const std::string& line = b.lines()[static_cast<std::size_t>(l)];
    const auto mk = markers.find(l);
    if (mk != markers.end()) {
      const ImU32 c = palette::task_colour(mk->second.front()->task);
      dl->AddRectFilled({text_left, y}, {clip_max.x, y + line_h}, (c & 0x00FFFFFF) | (l == running ? 0x38000000 : 0x18000000));
    } else if (ed.focused && !b.has_selection() && l == b.cursor().line) {
      dl->AddRectFilled({text_left, y}, {clip_max.x, y + line_h}, palette::rgb(0xFFFFFF, 10));
    }
    if (b.has_selection() && l >= sel_a.line && l <= sel_b.line) {
      const int c0 = l == sel_a.line ? sel_a.col : 0;
      const int c1 = l == sel_b.line ? sel_b.col : code_points(line) + 1;  // +1: the line break
      dl->AddRectFilled({col_x(line, c0), y}, {col_x(line, c1), y + line_h}, palette::rgb(0x7C9CFF, 80));
    }
    if (line.size() <= max_coloured_line) {
      float left = text0.x;
      for (const Token& t : tokenize_line(line, Language::python)) {
        const std::string_view token{line.data() + t.begin, t.end - t.begin};
        for_each_cell_run(token, grid, [&](const CellRun& r) {
          if (hidden(font, r, token)) return;
          const auto drawn = platform::display_text(token.substr(r.begin, r.end - r.begin));
          dl->AddText(font, fs, {run_x(left, r, token), ty}, token_colour(t.kind), drawn.begin(), drawn.end());
        });
        left += static_cast<float>(cells(token)) * char_w;
      }
    } else {  // only the visible columns
      const int first_col = column_covering(line, first_cell), last_col = column_covering(line, last_cell) + 1;
      const std::size_t a = byte_of_column(line, first_col), z = byte_of_column(line, last_col);
      const std::string_view shown{line.data() + a, z - a};
      const float left = col_x(line, first_col);
      for_each_cell_run(shown, grid, [&](const CellRun& r) {
        if (hidden(font, r, shown)) return;
        const auto drawn = platform::display_text(shown.substr(r.begin, r.end - r.begin));
        dl->AddText(font, fs, {run_x(left, r, shown), ty}, palette::text, drawn.begin(), drawn.end());
      });
    }
    float end_x = text0.x + static_cast<float>(cells(line)) * char_w;
    if (const auto er = errors.find(l); er != errors.end()) {
      for (const Diagnostic* d : er->second) {
        const int c0 = std::max(0, d->col - 1);
        const int c1 = d->end_line == d->line ? std::max(c0 + 1, d->end_col - 1) : code_points(line);
        const float x0 = col_x(line, c0), x1 = std::max(col_x(line, c1), x0 + char_w);  // a zero-width span too
        const float uy = y + line_h - 3;
        for (float x = x0; x < x1; x += 4)  // a wavy underline
          dl->AddLine({x, uy + ((static_cast<int>((x - x0) / 4) & 1) ? 1.5f : -0.5f)},
                      {std::min(x + 4, x1), uy + ((static_cast<int>((x - x0) / 4) & 1) ? -0.5f : 1.5f)}, palette::failed, 1.2f);
      }
      // The message beside the line; when the line runs past the visible width, over its end
      // (on a plate) so that it is always seen. Hovering the line shows every message in full.
      const std::string& msg = er->second.front()->message;
      const float ms = f.base_size * 0.9f;
      const float mw = f.body->CalcTextSizeA(ms, FLT_MAX, 0, msg.c_str()).x;
      const float mx = std::max(text_left + 4, std::min(end_x + char_w * 3, clip_max.x - mw - 10));
      const float my = y + (line_h - ms) * 0.5f;
      if (mx < end_x + char_w * 3)
        dl->AddRectFilled({mx - 6, y + 2}, {mx + mw + 6, y + line_h - 2}, palette::panel_raised, 4.0f);
      dl->AddText(f.body, ms, {mx, my}, palette::failed, msg.c_str());
      end_x = std::max(end_x, mx - char_w * 3) + char_w * 3 + mw;
      if (hovered && pos_at(io.MousePos).line == l) {
        std::string all;
        for (const Diagnostic* d : er->second) all += (all.empty() ? "" : "\n") + ("line " + std::to_string(d->line) + ": " + d->message);
        ImGui::SetTooltip("%s", all.c_str());
      }
    }
    if (mk != markers.end() && decor.chips) decor.chips(mk->second, l + 1, end_x + 18.0f, y, line_h);
    if (l == b.cursor().line) {
      const float cx = col_x(line, b.cursor().col);
      if (blink_on) dl->AddRectFilled({cx - 1, y + 2}, {cx + 1, y + line_h - 2}, palette::text);
      if (probe::enabled()) probe::rect("editor_cursor", {cx - 1, y}, {cx + 1, y + line_h});
    }
  }
  dl->PopClipRect();

  // The gutter: diff marks, line numbers, error dots, the running task's bar. Hovering a
  // changed line's number shows the lesson's line it replaced.
  dl->PushClipRect(win, {text_left, clip_max.y}, true);
  const ImVec2 mouse = io.MousePos;
  const bool in_gutter = hovered && mouse.x < text_left;
  for (int l = first; l <= last; ++l) {
    const float y = text0.y + static_cast<float>(l) * line_h;
    const auto change = lesson.lines[static_cast<std::size_t>(l)];
    if (change != LineChange::same)
      dl->AddRectFilled({text_left - 9, y + 1}, {text_left - 6, y + line_h - 1},
                        change == LineChange::added ? palette::running : palette::sleeping);
    if (in_gutter && mouse.y >= y && mouse.y < y + line_h && change != LineChange::same) {
      const auto was = std::find(lesson.old_to_new.begin(), lesson.old_to_new.end(), l);
      if (change == LineChange::changed && was != lesson.old_to_new.end())
        ImGui::SetTooltip("Changed. The lesson's line %d was:\n%s", static_cast<int>(was - lesson.old_to_new.begin()) + 1,
                          ed.lesson_code()[static_cast<std::size_t>(was - lesson.old_to_new.begin())].c_str());
      else
        ImGui::SetTooltip("Added: not in the lesson's code");
    }
    if (std::binary_search(lesson.removed_before.begin(), lesson.removed_before.end(), l))
      dl->AddTriangleFilled({text_left - 11, y - 4}, {text_left - 11, y + 4}, {text_left - 5, y}, palette::failed);
    const auto mk = markers.find(l);
    if (mk != markers.end()) dl->AddRectFilled({win.x, y}, {win.x + 3, y + line_h}, palette::task_colour(mk->second.front()->task));
    char num[32];
    std::snprintf(num, sizeof num, "%*d", std::clamp(digits(n), 3, 10), l + 1);
    const bool current = ed.focused && l == b.cursor().line;
    dl->AddText(font, fs, {win.x + 8, y + (line_h - fs) * 0.5f},
                current || mk != markers.end() ? palette::text_dim : palette::text_faint, num);
    if (errors.count(l)) dl->AddCircleFilled({text_left - 16, y + line_h * 0.5f}, 3.0f, palette::failed);
  }
  if (std::binary_search(lesson.removed_before.begin(), lesson.removed_before.end(), n)) {
    const float y = text0.y + static_cast<float>(n) * line_h;
    dl->AddTriangleFilled({text_left - 11, y - 4}, {text_left - 11, y + 4}, {text_left - 5, y}, palette::failed);
  }
  dl->PopClipRect();

  // Follow the running task's line while playing, unless the learner is typing.
  if (!ed.focused && running >= 0 && running + 1 != ed.followed_line) {
    const float y = static_cast<float>(running) * line_h;
    if (y < scroll.y || y + line_h > scroll.y + view.y) ImGui::SetScrollY(std::max(0.0f, y - view.y * 0.3f));
    ed.followed_line = running + 1;
  }
  ImGui::EndChild();
  return result;
}

}  // namespace loopscope::ui::editor
