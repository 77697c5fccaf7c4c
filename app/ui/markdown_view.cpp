// markdown_view.cpp — a small rich-text layout engine over ImGui's draw list.
//
// Sections: fonts and colours per style · word layout · blocks · links
#include "ui/markdown_view.hpp"

#include "ui/probe.hpp"

#include "platform/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <cfloat>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace loopscope::ui {
namespace {

// ---- fonts and colours per style -----------------------------------------------------------
struct Look {
  ImFont* font;
  float size;
  ImU32 colour;
};

Look look_for(RunStyle style, const MdBlock& block) {
  const auto& f = platform::fonts();
  Look l{f.body, f.base_size, palette::text};
  if (block.kind == BlockKind::heading) {
    l.font = block.level <= 2 ? f.heading : f.bold;
    l.size = block.level <= 2 ? f.base_size * 1.25f : f.base_size * 1.05f;
    l.colour = palette::text;
  }
  if (has(style, RunStyle::strong)) l.font = f.bold;
  if (has(style, RunStyle::emphasis)) l.font = has(style, RunStyle::strong) ? f.bold : f.italic;
  if (has(style, RunStyle::code)) {
    l.font = f.mono;
    l.size = f.base_size * 0.93f;
    l.colour = palette::rgb(0xC9D4FF);
  }
  if (has(style, RunStyle::link)) l.colour = palette::accent;
  if (block.quote_depth > 0 && !has(style, RunStyle::code)) l.colour = palette::text_dim;
  return l;
}

void open_link(const std::string& href) {
  if (href.rfind("http://", 0) != 0 && href.rfind("https://", 0) != 0) return;
  // Under the interaction tests (ui/probe.hpp) a click on a link must not start a browser.
  if (probe::enabled()) return;
  if (fork() == 0) {
    execlp("xdg-open", "xdg-open", href.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
}

// ---- word layout ---------------------------------------------------------------------------
struct Cursor {
  float x0, x, y, right, line_h;
};

void layout_runs(const MdBlock& block, Cursor& c, ImDrawList* dl) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (const MdRun& run : block.runs) {
    const Look l = look_for(run.style, block);
    const bool code = has(run.style, RunStyle::code);
    const platform::DisplayText shown = platform::display_text(run.text);
    const char* p = shown.begin();
    const char* end = shown.end();
    // An inline code run is one chip per line it spans, with room of its own on both sides: the
    // chip never covers the space or the punctuation next to it.
    const float pad = code ? 4.0f : 0.0f;
    c.x += pad;
    while (p < end) {
      if (*p == '\n') {
        c.x = c.x0 + pad;
        c.y += c.line_h;
        ++p;
        continue;
      }
      // A token is a word plus the spaces after it.
      const char* q = p;
      while (q < end && *q != ' ' && *q != '\n') ++q;
      while (q < end && *q == ' ') ++q;
      const ImVec2 sz = l.font->CalcTextSizeA(l.size, FLT_MAX, 0.0f, p, q);
      if (c.x + sz.x + (q == end ? pad : 0.0f) > c.right && c.x > c.x0 + pad) {
        c.x = c.x0 + pad;
        c.y += c.line_h;
        if (*p == ' ') continue;
      }
      const float dy = (c.line_h - l.size) * 0.5f;
      const ImVec2 pos{c.x, c.y + dy};
      if (code) {
        // The token's spaces belong to the chip when more of the run follows on this line, so
        // `await asyncio.sleep` is one chip, not two.
        const char* trimmed = q;
        if (q == end) while (trimmed > p && trimmed[-1] == ' ') --trimmed;
        const ImVec2 w = l.font->CalcTextSizeA(l.size, FLT_MAX, 0.0f, p, trimmed);
        dl->AddRectFilled({pos.x - pad + 1, pos.y - 1}, {pos.x + w.x + pad - 1, pos.y + l.size + 2},
                          palette::rgb(0x262C3A), 4.0f);
      }
      dl->AddText(l.font, l.size, pos, l.colour, p, q);
      if (has(run.style, RunStyle::link)) {
        dl->AddLine({pos.x, pos.y + l.size + 1}, {pos.x + sz.x, pos.y + l.size + 1},
                    palette::rgb(0x7C9CFF, 120));
        if (mouse.x >= pos.x && mouse.x < pos.x + sz.x && mouse.y >= c.y && mouse.y < c.y + c.line_h &&
            ImGui::IsWindowHovered()) {
          ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
          ImGui::SetTooltip("%s", run.href.c_str());
          if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) open_link(run.href);
        }
      }
      c.x += sz.x;
      p = q;
    }
    c.x += pad;
  }
}

}  // namespace

// ---- blocks --------------------------------------------------------------------------------
void draw_markdown(const MarkdownDoc& doc, float width, MarkdownSpacing spacing) {
  const auto& f = platform::fonts();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float body_line = f.base_size * 1.5f;
  const float gap = f.base_size * 0.75f;
  float y = origin.y;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const MdBlock& b = doc.blocks[i];
    const float quote_indent = b.quote_depth * 16.0f;
    float x0 = origin.x + quote_indent;
    const float right = origin.x + width;
    if (b.kind == BlockKind::rule) {
      dl->AddLine({x0, y + gap}, {right, y + gap}, palette::border);
      y += gap * 2;
      continue;
    }
    if (b.kind == BlockKind::code) {
      const float pad = 10.0f;
      const float mono = f.base_size * 0.93f;
      const float line = mono * 1.45f;
      const std::string& text = b.runs.empty() ? std::string() : b.runs.front().text;
      int lines = 1;
      for (char ch : text) lines += ch == '\n';
      const float h = lines * line + pad * 2;
      dl->AddRectFilled({x0, y}, {right, y + h}, palette::rgb(0x12151B), 6.0f);
      dl->AddRect({x0, y}, {right, y + h}, palette::border, 6.0f);
      float ly = y + pad;
      std::size_t start = 0;
      while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        dl->PushClipRect({x0, y}, {right - pad, y + h}, true);
        const auto shown = platform::display_text(std::string_view(text).substr(start, nl - start));
        dl->AddText(f.mono, mono, {x0 + pad, ly + (line - mono) * 0.5f}, palette::rgb(0xC9D4FF),
                    shown.begin(), shown.end());
        dl->PopClipRect();
        ly += line;
        start = nl + 1;
      }
      y += h + gap;
      continue;
    }
    float line_h = body_line;
    if (b.kind == BlockKind::heading) {
      line_h = (b.level <= 2 ? f.base_size * 1.25f : f.base_size * 1.05f) * 1.4f;
      if (i > 0) y += gap * 0.5f;
    }
    if (b.kind == BlockKind::list_item) {
      const float indent = 8.0f + (b.level - 1) * 18.0f;
      dl->AddText(f.body, f.base_size, {x0 + indent, y + (line_h - f.base_size) * 0.5f},
                  palette::text_dim, b.marker.c_str());
      x0 += indent + (b.marker == "•" ? 14.0f : 22.0f);
    }
    Cursor c{x0, x0, y, right, line_h};
    const float top = y;
    layout_runs(b, c, dl);
    y = c.y + line_h;
    if (b.quote_depth > 0)
      dl->AddRectFilled({origin.x + 2, top}, {origin.x + 5, y}, palette::rgb(0x7C9CFF, 110), 2.0f);
    const bool next_is_item = i + 1 < doc.blocks.size() && doc.blocks[i + 1].kind == BlockKind::list_item;
    const bool last = i + 1 == doc.blocks.size();
    if (!(last && spacing == MarkdownSpacing::tight))
      y += (b.kind == BlockKind::list_item && next_is_item) ? gap * 0.25f : gap;
  }
  ImGui::Dummy({width, y - origin.y});
}

}  // namespace loopscope::ui
