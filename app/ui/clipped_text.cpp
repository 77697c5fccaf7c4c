// clipped_text.cpp — see ui/clipped_text.hpp.
#include "ui/clipped_text.hpp"

#include "ui/text_fit.hpp"

#include <imgui_internal.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace loopscope::ui {
namespace {

struct GlyphRef {
  const ImFont* font = nullptr;
  const ImFontGlyph* glyph = nullptr;
};

std::uint64_t uv_key(float u, float v) {
  std::uint32_t a = 0, b = 0;
  std::memcpy(&a, &u, 4);
  std::memcpy(&b, &v, 4);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

// Every glyph of the atlas by its top-left UV and by its bottom-right UV: a fine clip moves one
// corner's UVs, rarely both.
struct GlyphIndex {
  std::unordered_map<std::uint64_t, GlyphRef> by_min, by_max;
  explicit GlyphIndex(const ImFontAtlas& atlas) {
    for (const ImFont* font : atlas.Fonts)
      for (const ImFontGlyph& g : font->Glyphs) {
        if (!g.Visible) continue;
        by_min.emplace(uv_key(g.U0, g.V0), GlyphRef{font, &g});
        by_max.emplace(uv_key(g.U1, g.V1), GlyphRef{font, &g});
      }
  }
  const GlyphRef* find(const ImDrawVert& tl, const ImDrawVert& br) const {
    if (auto it = by_min.find(uv_key(tl.uv.x, tl.uv.y)); it != by_min.end()) return &it->second;
    if (auto it = by_max.find(uv_key(br.uv.x, br.uv.y)); it != by_max.end()) return &it->second;
    return nullptr;
  }
};

// The index of the atlas as it is now: rebuilt when the atlas or its glyphs change (fonts are
// rebuilt with more glyphs when text asks for new characters, platform/fonts.hpp), so the probe
// does not pay for it every frame.
const GlyphIndex& glyph_index(const ImFontAtlas& atlas) {
  struct Cached {
    std::vector<const void*> key;
    std::unique_ptr<GlyphIndex> index;
  };
  static Cached cache;
  std::vector<const void*> key{&atlas, reinterpret_cast<const void*>(static_cast<std::uintptr_t>(atlas.TexWidth)),
                               reinterpret_cast<const void*>(static_cast<std::uintptr_t>(atlas.TexHeight))};
  for (const ImFont* font : atlas.Fonts) {
    key.push_back(font);
    key.push_back(font->Glyphs.Data);
    key.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(font->Glyphs.Size)));
  }
  if (!cache.index || key != cache.key) {
    cache.index = std::make_unique<GlyphIndex>(atlas);
    cache.key = std::move(key);
  }
  return *cache.index;
}

// Which way a draw list's text may be cut by design: its window, or a window it sits in, has a
// scrollbar that way or is scrolled.
struct Scrolling {
  bool vertical = false;
  bool horizontal = false;
};

struct Owner {
  std::string name;
  Scrolling scrolling;
};

std::unordered_map<const ImDrawList*, Owner> draw_list_owners() {
  std::unordered_map<const ImDrawList*, Owner> out;
  if (!GImGui) return out;
  for (ImGuiWindow* w : GImGui->Windows) {
    Owner o;
    o.name = w->Name;
    for (const ImGuiWindow* p = w; p; p = (p->Flags & ImGuiWindowFlags_ChildWindow) ? p->ParentWindow : nullptr) {
      // Content past the end of a window that shows no scrollbar (and is not scrolled) cannot
      // be reached: that is a cut, not a scroll.
      if (p->ScrollbarY || p->Scroll.y > 0) o.scrolling.vertical = true;
      if (p->ScrollbarX || p->Scroll.x > 0) o.scrolling.horizontal = true;
    }
    out.emplace(w->DrawList, std::move(o));
  }
  return out;
}

void append_utf8(std::string& s, unsigned c) {
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// One glyph as drawn, with the quad it would have had uncut (recovered from its UVs).
struct DrawnGlyph {
  const GlyphRef* ref = nullptr;
  ImVec2 a, b;          // drawn quad
  ImVec2 whole_a, whole_b;  // the quad before any fine clip
  float scale = 1;      // pixels per font unit
  ImVec2 origin;        // the pen position the glyph was drawn at
  bool cut = false;
  ClipEdge edge = ClipEdge::right;
};

bool quad_at(const ImDrawIdx* idx) {
  return idx[1] == idx[0] + 1 && idx[2] == idx[0] + 2 && idx[3] == idx[0] && idx[4] == idx[0] + 2 &&
         idx[5] == idx[0] + 3;
}

DrawnGlyph measure(const GlyphRef& ref, const ImDrawVert& tl, const ImDrawVert& br) {
  const ImFontGlyph& g = *ref.glyph;
  DrawnGlyph d;
  d.ref = &ref;
  d.a = tl.pos;
  d.b = br.pos;
  const float du = g.U1 - g.U0, dv = g.V1 - g.V0;
  const float dx = g.X1 - g.X0, dy = g.Y1 - g.Y0;
  const float su = br.uv.x - tl.uv.x;
  const float sv = br.uv.y - tl.uv.y;
  if (du > 0 && dx > 0 && su > 0) d.scale = (d.b.x - d.a.x) * du / (dx * su);
  else if (dv > 0 && dy > 0 && sv > 0) d.scale = (d.b.y - d.a.y) * dv / (dy * sv);
  const float w = dx * d.scale, h = dy * d.scale;
  d.whole_a = {du > 0 ? d.a.x - (tl.uv.x - g.U0) / du * w : d.a.x, dv > 0 ? d.a.y - (tl.uv.y - g.V0) / dv * h : d.a.y};
  d.whole_b = {d.whole_a.x + w, d.whole_a.y + h};
  d.origin = {d.whole_a.x - g.X0 * d.scale, d.whole_a.y - g.Y0 * d.scale};
  return d;
}

// The edge the glyph was cut at, if more than `tol` of it is missing: by the command's clip
// rectangle (the GPU cuts what crosses it) or by a fine clip (the quad itself was shortened).
bool cut_edge(const DrawnGlyph& d, const ImVec4& clip, float tol, ClipEdge& edge) {
  const float left = std::max(clip.x - d.a.x, d.a.x - d.whole_a.x);
  const float right = std::max(d.b.x - clip.z, d.whole_b.x - d.b.x);
  const float top = std::max(clip.y - d.a.y, d.a.y - d.whole_a.y);
  const float bottom = std::max(d.b.y - clip.w, d.whole_b.y - d.b.y);
  if (right > tol) edge = ClipEdge::right;
  else if (left > tol) edge = ClipEdge::left;
  else if (bottom > tol) edge = ClipEdge::bottom;
  else if (top > tol) edge = ClipEdge::top;
  else return false;
  return true;
}

bool exempt(ClipEdge e, const Scrolling& s) {
  const bool vertical = e == ClipEdge::top || e == ClipEdge::bottom;
  return vertical ? s.vertical : s.horizontal;
}

// Splits a command's glyphs (in drawing order) into runs of text: same line, pen moving right.
void report_runs(const std::vector<DrawnGlyph>& glyphs, const ImVec4& clip, const Owner* owner,
                 std::vector<ClippedText>& out) {
  std::size_t i = 0;
  while (i < glyphs.size()) {
    std::size_t j = i + 1;
    float pen = glyphs[i].origin.x + glyphs[i].ref->glyph->AdvanceX * glyphs[i].scale;
    std::string text;
    append_utf8(text, glyphs[i].ref->glyph->Codepoint);
    for (; j < glyphs.size(); ++j) {
      const DrawnGlyph& g = glyphs[j];
      const float size = g.ref->font->FontSize * g.scale;
      if (std::fabs(g.origin.y - glyphs[j - 1].origin.y) > 0.25f * size) break;
      const float gap = g.origin.x - pen;
      if (gap < -1.0f || gap > 3.0f * size) break;
      if (gap > 0.15f * size) text += ' ';
      append_utf8(text, g.ref->glyph->Codepoint);
      pen = g.origin.x + g.ref->glyph->AdvanceX * g.scale;
    }
    const DrawnGlyph* first_cut = nullptr;
    ImVec2 a = glyphs[i].a, b = glyphs[i].b;
    for (std::size_t k = i; k < j; ++k) {
      a = {std::min(a.x, glyphs[k].a.x), std::min(a.y, glyphs[k].a.y)};
      b = {std::max(b.x, glyphs[k].b.x), std::max(b.y, glyphs[k].b.y)};
      if (glyphs[k].cut && !first_cut) first_cut = &glyphs[k];
    }
    // The clip edge fell between the last glyph's ink and the next one's: that glyph is whole
    // and the next was not drawn, but the pen went past the edge.
    const bool pen_past = pen > clip.z + 0.5f && !(owner && owner->scrolling.horizontal);
    if (first_cut || pen_past)
      out.push_back({owner ? owner->name : std::string(), std::move(text),
                     first_cut ? first_cut->edge : ClipEdge::right, a, b, clip});
    i = j;
  }
}

std::vector<ImVec4>& declared_regions() {
  static std::vector<ImVec4> regions;
  return regions;
}

bool inside_declared_region(const ImVec4& clip) {
  for (const ImVec4& r : declared_regions())
    if (clip.x >= r.x - 1 && clip.y >= r.y - 1 && clip.z <= r.z + 1 && clip.w <= r.w + 1) return true;
  return false;
}

}  // namespace

void declare_vertical_scrolling(ImVec2 min, ImVec2 max) {
  if (recording_text_cuts()) declared_regions().push_back({min.x, min.y, max.x, max.y});
}

const char* clip_edge_name(ClipEdge e) {
  switch (e) {
    case ClipEdge::left: return "left";
    case ClipEdge::right: return "right";
    case ClipEdge::top: return "top";
    case ClipEdge::bottom: return "bottom";
  }
  return "?";
}

std::vector<ClippedText> find_clipped_text(const ImDrawData& data, float tolerance_px) {
  std::vector<ClippedText> out;
  if (!GImGui) return out;
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const GlyphIndex& index = glyph_index(atlas);
  const auto owners = draw_list_owners();
  std::vector<DrawnGlyph> glyphs;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* dl = data.CmdLists[n];
    const auto found = owners.find(dl);
    const Owner* owner = found == owners.end() ? nullptr : &found->second;
    for (const ImDrawCmd& cmd : dl->CmdBuffer) {
      if (cmd.UserCallback || cmd.TextureId != atlas.TexID) continue;
      Scrolling scrolling = owner ? owner->scrolling : Scrolling{};
      if (inside_declared_region(cmd.ClipRect)) scrolling.vertical = true;
      glyphs.clear();
      const ImDrawIdx* idx = dl->IdxBuffer.Data + cmd.IdxOffset;
      // Every primitive is made of triangles; a glyph is two that share the quad's diagonal.
      for (unsigned e = 0; e + 6 <= cmd.ElemCount;) {
        if (!quad_at(idx + e)) {
          e += 3;
          continue;
        }
        const ImDrawVert& tl = dl->VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[e])];
        const ImDrawVert& br = dl->VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[e + 2])];
        e += 6;
        const GlyphRef* ref = index.find(tl, br);
        if (!ref || (tl.col & IM_COL32_A_MASK) == 0) continue;
        DrawnGlyph d = measure(*ref, tl, br);
        ClipEdge edge{};
        if (cut_edge(d, cmd.ClipRect, tolerance_px, edge) && !exempt(edge, scrolling)) {
          d.cut = true;
          d.edge = edge;
        }
        glyphs.push_back(d);
      }
      if (!glyphs.empty()) report_runs(glyphs, cmd.ClipRect, owner, out);
    }
  }
  declared_regions().clear();
  return out;
}

}  // namespace loopscope::ui
