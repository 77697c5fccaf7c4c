#pragma once
// ui/clipped_text.hpp — text that a frame drew only in part: cut at the edge of a panel, a column,
// a child region or a button, found in what ImGui actually drew (the frame's ImDrawData).
//
// A glyph is a textured quad whose UVs are those of a glyph of the font atlas. ImGui draws a
// glyph whenever any of it overlaps the clip rectangle, and leaves the GPU scissor (the draw
// command's ClipRect) or a CPU "fine clip" (RenderTextClipped: buttons, selectables) to cut the
// rest; so a cut glyph is either a quad that crosses its command's ClipRect or a quad whose UV
// span is narrower than its glyph's. Glyphs wholly outside are never drawn, so the crossing glyph
// is the evidence of a cut. When the edge falls between two glyphs, the last one drawn is whole;
// then the pen having gone past the edge (the glyph's advance ends beyond it) is the evidence.
// An edge that falls in a space, or in the left bearing of a glyph, leaves no trace in the draw
// data: such a cut is missed (the layout test sees a text at three widths, and catches a cut at
// one of them).
//
// Not reported (cuts by design):
//   - a vertical cut in a window that scrolls vertically (it shows a vertical scrollbar or is
//     scrolled), or inside one (a scrolled console), or in a region declared below (timeline);
//   - a horizontal cut in a window that scrolls horizontally, or inside one: the listing;
//   - ink cut by at most `tolerance_px`, a pen past the edge by at most half a pixel (sub-pixel
//     placement, anti-aliased edges).
// A window without a scrollbar that is not scrolled cuts for good: text below its end is reported.
// Deliberate ellipses (ui/text_fit.hpp) are not cuts here: the text drawn fits. Neither is text
// that merely reads as cut (a label ending in "…" of its own): the draw data cannot tell.
#include <imgui.h>

#include <string>
#include <vector>

namespace loopscope::ui {

enum class ClipEdge { left, right, top, bottom };
const char* clip_edge_name(ClipEdge e);

struct ClippedText {
  std::string window;  // the ImGui window whose draw list holds the text ("" if none owns it)
  std::string text;    // the glyphs of the cut run of text as drawn (spaces guessed from gaps)
  ClipEdge edge = ClipEdge::right;
  ImVec2 min, max;     // the run's drawn extent, window pixels
  ImVec4 clip;         // the rectangle it was cut by (x0, y0, x1, y1)
};

// A panel that scrolls vertically by its own camera (not by an ImGui window's scroll: the
// timeline's lanes) declares the rectangle it scrolls, in each frame it shows its scrollbar;
// text cut at the top or bottom of a clip rectangle inside it is then scrolled, not cut.
// Kept only while text cuts are recorded (ui/text_fit.hpp); find_clipped_text() consumes them.
void declare_vertical_scrolling(ImVec2 min, ImVec2 max);

// The clipped runs of text in `data`, drawn by the current ImGui context (its windows name the
// draw lists; its font atlas names the glyphs). Call between ImGui::Render() and the next
// NewFrame().
std::vector<ClippedText> find_clipped_text(const ImDrawData& data, float tolerance_px = 1.0f);

}  // namespace loopscope::ui
