// fonts.cpp — fontconfig lookup, the ImGui font atlas and its fallback glyphs.
#include "platform/fonts.hpp"

#include "text/utf8.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <stb_truetype.h>  // the implementation is in libstb, which ImGui's own builder uses too

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <strings.h>
#include <unordered_map>

namespace loopscope::platform {
namespace {

// Which characters of the Basic Multilingual Plane a font has (ImWchar is 16 bits in this build
// of ImGui: characters above U+FFFF are drawn through slots, see fonts.hpp).
constexpr std::size_t k_bmp = 0x10000;
using Coverage = std::bitset<k_bmp>;
constexpr char32_t k_max_code_point = 0x10FFFF;

// At most this many fallback characters go into the atlas (each one in five fonts); later ones
// stay '?' rather than grow the texture without bound.
constexpr std::size_t k_max_wanted = 2000;

// Latin, general punctuation (— “ ” …), arrows, math, geometric shapes (▶ ■ ●).
const ImWchar k_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190, 0x21FF,
                            0x2200, 0x22FF, 0x2300, 0x23FF, 0x25A0, 0x25FF, 0x2700, 0x27BF, 0};

// A font file found through fontconfig; its bytes are read once (when a build first needs them)
// and kept for every later build of the atlas (the atlas does not own them: keep_font_data).
struct FontFile {
  std::filesystem::path path;
  int index = 0;  // the face in a collection (.ttc)
  Coverage coverage;
  std::vector<char32_t> supplementary;  // the characters above U+FFFF it has, sorted
  std::vector<unsigned char> data;
  bool unreadable = false;
  std::optional<stbtt_fontinfo> outlines;  // for the slot glyphs, parsed once from `data`

  bool has(char32_t c) const {
    return c < k_bmp ? coverage[c] : std::binary_search(supplementary.begin(), supplementary.end(), c);
  }
  // The parsed font, or nullptr when the file cannot be read or parsed.
  const stbtt_fontinfo* info() {
    if (outlines) return &*outlines;
    if (!load()) return nullptr;
    const int offset = stbtt_GetFontOffsetForIndex(data.data(), index);
    stbtt_fontinfo f;
    if (offset < 0 || !stbtt_InitFont(&f, data.data(), offset)) return nullptr;
    outlines = f;
    return &*outlines;
  }

  bool load() {
    if (!data.empty()) return true;
    if (unreadable) return false;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamsize size = in ? static_cast<std::streamsize>(in.tellg()) : 0;
    if (size > 0) {
      data.resize(static_cast<std::size_t>(size));
      in.seekg(0);
      if (!in.read(reinterpret_cast<char*>(data.data()), size)) data.clear();
    }
    unreadable = data.empty();
    if (unreadable)
      std::fprintf(stderr, "loopscope: warning: cannot read the font file %s\n", path.c_str());
    return !unreadable;
  }
};

// A character above U+FFFF and where its glyph comes from.
enum class Source { cjk, symbols };
struct Slot {
  char32_t code;
  Source from;
};

// A slot glyph rasterized at one font size (the text fonts share the body size): its box around
// the pen on the baseline, in pixels, and its rectangle in the atlas (-1: an empty glyph).
struct SlotGlyph {
  int x0 = 0, y0 = 0, w = 0, h = 0;
  float advance = 0;
  int rect = -1;
};
struct SizedSlots {
  float size;
  std::vector<SlotGlyph> glyphs;  // by slot
};

struct State {
  float body = 15.0f;
  std::optional<FontFile> regular, semibold, italic, mono;  // the text fonts (nullopt: ImGui's)
  std::optional<FontFile> cjk, symbols;                      // the fallbacks
  Coverage drawable;  // some font (text or fallback) has the character
  Coverage known;     // in the atlas already, or asked for, or no font has it: nothing to do
  std::vector<ImWchar> wanted;  // the characters asked for that some font has
  std::vector<Slot> slots;      // slot k_first_slot + i holds slots[i]
  std::unordered_map<char32_t, char32_t> slot_of;  // every character above U+FFFF requested
  std::vector<SizedSlots> slot_glyphs;             // of the atlas being built
  std::size_t refused = 0;
  bool dirty = false;
  bool warned_missing = false;
  bool warned_full = false;
  ImVector<ImWchar> text_ranges, cjk_ranges, symbol_ranges;  // alive as long as the atlas
};

Fonts g_fonts;
State g_state;
FallbackFonts g_fallback;

// Fills the font's coverage from its fontconfig character set (pages come in ascending order).
void read_coverage(FcCharSet* charset, FontFile& f) {
  FcChar32 map[FC_CHARSET_MAP_SIZE];
  FcChar32 next = 0;
  for (FcChar32 base = FcCharSetFirstPage(charset, map, &next); base != FC_CHARSET_DONE;
       base = FcCharSetNextPage(charset, map, &next)) {
    for (int i = 0; i < FC_CHARSET_MAP_SIZE; ++i) {
      for (FcChar32 bits = map[i]; bits; bits &= bits - 1) {
        const FcChar32 c = base + static_cast<FcChar32>(i) * 32 + static_cast<FcChar32>(__builtin_ctz(bits));
        if (c < k_bmp) f.coverage.set(c);
        else f.supplementary.push_back(c);
      }
    }
  }
}

// fontconfig's match for family/style, if it really is that family.
// Whether one of the font's style names is `style` (case aside). For a style it lacks,
// fontconfig still matches the family's closest face (asking Inter for "SemiBold", whose face is
// named "Semi Bold", gives Inter Regular): that counts as missing, not as the style.
bool has_style(FcPattern* font, const std::string& style) {
  FcChar8* got = nullptr;
  for (int i = 0; FcPatternGetString(font, FC_STYLE, i, &got) == FcResultMatch; ++i)
    if (strcasecmp(reinterpret_cast<const char*>(got), style.c_str()) == 0) return true;
  return false;
}

std::optional<FontFile> match_font(const std::string& family, const std::string& style) {
  if (!FcInit()) return std::nullopt;
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddString(pattern, FC_STYLE, reinterpret_cast<const FcChar8*>(style.c_str()));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::optional<FontFile> found;
  if (match) {
    FcChar8* got_family = nullptr;
    FcChar8* file = nullptr;
    if (FcPatternGetString(match, FC_FAMILY, 0, &got_family) == FcResultMatch &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        strcasecmp(reinterpret_cast<const char*>(got_family), family.c_str()) == 0 && has_style(match, style)) {
      found.emplace();
      found->path = std::filesystem::path(reinterpret_cast<const char*>(file));
      int index = 0;
      if (FcPatternGetInteger(match, FC_INDEX, 0, &index) == FcResultMatch) found->index = index;
      FcCharSet* charset = nullptr;
      if (FcPatternGetCharSet(match, FC_CHARSET, 0, &charset) == FcResultMatch && charset)
        read_coverage(charset, *found);
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return found;
}

// What ImGui's built-in font (ProggyClean) has.
Coverage default_font_coverage() {
  Coverage c;
  for (unsigned v = 0x20; v <= 0xFF; ++v) c.set(v);
  return c;
}

const Coverage& coverage(const std::optional<FontFile>& f) {
  static const Coverage builtin = default_font_coverage();
  return f ? f->coverage : builtin;
}

// The font file bytes stay ours (FontFile::data): ImGui 1.86 copies data it does not own in every
// AddFont (5 MB of WenQuanYi for each of the five fonts, at every rebuild), so each font is added
// as owned by the atlas, without a copy, and then marked as not owned, so that Clear() and the
// atlas's destructor leave the bytes alone.
void keep_font_data() { ImGui::GetIO().Fonts->ConfigData.back().FontDataOwnedByAtlas = false; }

// A text font at `size` with the fallback glyphs merged into it.
ImFont* add_font(std::optional<FontFile>& file, float size) {
  State& s = g_state;
  ImGuiIO& io = ImGui::GetIO();
  ImFont* font = nullptr;
  if (file && file->load()) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.FontNo = file->index;
    font = io.Fonts->AddFontFromMemoryTTF(file->data.data(), static_cast<int>(file->data.size()), size,
                                          &config, s.text_ranges.Data);
    if (font) keep_font_data();
  }
  if (!font) {
    ImFontConfig config;
    config.SizePixels = size;
    font = io.Fonts->AddFontDefault(&config);
  }
  auto merge = [&](std::optional<FontFile>& fallback, const ImVector<ImWchar>& ranges) {
    if (!fallback || ranges.Size <= 1 || !fallback->load()) return;
    ImFontConfig config;
    config.MergeMode = true;
    config.OversampleH = 1;  // CJK glyphs are large and many: no horizontal oversampling
    config.OversampleV = 1;
    config.FontNo = fallback->index;
    if (io.Fonts->AddFontFromMemoryTTF(fallback->data.data(), static_cast<int>(fallback->data.size()), size,
                                       &config, ranges.Data))
      keep_font_data();
  };
  merge(s.cjk, s.cjk_ranges);
  merge(s.symbols, s.symbol_ranges);
  return font;
}

// The glyph ranges of this build: the text fonts' own ranges and every wanted character (a font
// only gets the glyphs it has), and for each fallback the wanted characters it is the first to have.
void build_ranges() {
  State& s = g_state;
  ImFontGlyphRangesBuilder text, cjk, symbols;
  text.AddRanges(k_ranges);
  for (const ImWchar c : s.wanted) {
    text.AddChar(c);
    if (s.cjk && s.cjk->coverage[c]) cjk.AddChar(c);
    else if (s.symbols && s.symbols->coverage[c]) symbols.AddChar(c);
  }
  s.text_ranges.clear();
  s.cjk_ranges.clear();
  s.symbol_ranges.clear();
  text.BuildRanges(&s.text_ranges);
  cjk.BuildRanges(&s.cjk_ranges);
  symbols.BuildRanges(&s.symbol_ranges);
}

FontFile* source_file(Source from) {
  auto& f = from == Source::cjk ? g_state.cjk : g_state.symbols;
  return f ? &*f : nullptr;
}

// The text fonts in use, each once (bold and heading may share a file, never an ImFont).
std::vector<ImFont*> atlas_fonts() {
  std::vector<ImFont*> all;
  for (ImFont* f : {g_fonts.body, g_fonts.bold, g_fonts.italic, g_fonts.heading, g_fonts.mono})
    if (f && std::find(all.begin(), all.end(), f) == all.end()) all.push_back(f);
  return all;
}

// Before a build: one atlas rectangle per slot and font size, as large as the glyph's bitmap.
void add_slot_rects() {
  State& s = g_state;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  s.slot_glyphs.clear();
  if (s.slots.empty()) return;
  for (const ImFontConfig& config : atlas->ConfigData) {
    if (config.MergeMode) continue;
    const float size = config.SizePixels;  // ImFont::FontSize is only set by the build
    const auto same = [&](const SizedSlots& z) { return z.size == size; };
    if (std::any_of(s.slot_glyphs.begin(), s.slot_glyphs.end(), same)) continue;
    SizedSlots& sized = s.slot_glyphs.emplace_back(SizedSlots{size, {}});
    for (const Slot& slot : s.slots) {
      SlotGlyph& g = sized.glyphs.emplace_back();
      FontFile* file = source_file(slot.from);
      const stbtt_fontinfo* info = file ? file->info() : nullptr;
      if (!info) continue;
      const float scale = stbtt_ScaleForPixelHeight(info, size);  // as ImGui scales merged glyphs
      int advance = 0, bearing = 0, x1 = 0, y1 = 0;
      stbtt_GetCodepointHMetrics(info, static_cast<int>(slot.code), &advance, &bearing);
      stbtt_GetCodepointBitmapBox(info, static_cast<int>(slot.code), scale, scale, &g.x0, &g.y0, &x1, &y1);
      g.advance = static_cast<float>(advance) * scale;
      g.w = x1 - g.x0;
      g.h = y1 - g.y0;
      // One pixel more on the right and below keeps neighbours out of the bilinear sampling.
      if (g.w > 0 && g.h > 0) g.rect = atlas->AddCustomRectRegular(g.w + 1, g.h + 1);
    }
  }
}

// After a build: rasterizes the slot glyphs into the atlas and adds them to every text font.
void finish_slot_glyphs() {
  State& s = g_state;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (s.slot_glyphs.empty() || !atlas->TexPixelsAlpha8) return;
  for (const SizedSlots& sized : s.slot_glyphs) {
    for (std::size_t i = 0; i < sized.glyphs.size(); ++i) {
      const SlotGlyph& g = sized.glyphs[i];
      FontFile* file = source_file(s.slots[i].from);
      if (g.rect < 0 || !file || !file->info()) continue;
      const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(g.rect);
      unsigned char* at = atlas->TexPixelsAlpha8 + r->Y * atlas->TexWidth + r->X;
      const float scale = stbtt_ScaleForPixelHeight(file->info(), sized.size);
      stbtt_MakeCodepointBitmap(file->info(), at, g.w, g.h, atlas->TexWidth, scale, scale,
                                static_cast<int>(s.slots[i].code));
    }
  }
  for (ImFont* font : atlas_fonts()) {
    const auto sized = std::find_if(s.slot_glyphs.begin(), s.slot_glyphs.end(),
                                    [&](const SizedSlots& z) { return z.size == font->FontSize; });
    if (sized == s.slot_glyphs.end()) continue;
    // The mono font keeps its grid: a slot glyph (an emoji, East Asian Wide) takes two cells,
    // centred in them.
    const ImFontGlyph* m = font == g_fonts.mono ? font->FindGlyphNoFallback('M') : nullptr;
    const float top = std::round(font->Ascent);  // the baseline, from the line's top
    for (std::size_t i = 0; i < sized->glyphs.size(); ++i) {
      const SlotGlyph& g = sized->glyphs[i];
      const float advance = m ? 2 * m->AdvanceX : g.advance;
      const float x0 = m ? std::floor((advance - static_cast<float>(g.w)) * 0.5f) : static_cast<float>(g.x0);
      const float y0 = top + static_cast<float>(g.y0);
      ImVec2 uv0{0, 0}, uv1{0, 0};
      if (g.rect >= 0) {
        // The glyph's own pixels: the rectangle without its padding.
        const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(g.rect);
        uv0 = {static_cast<float>(r->X) * atlas->TexUvScale.x, static_cast<float>(r->Y) * atlas->TexUvScale.y};
        uv1 = {static_cast<float>(r->X + g.w) * atlas->TexUvScale.x,
               static_cast<float>(r->Y + g.h) * atlas->TexUvScale.y};
      }
      const auto code = static_cast<ImWchar>(k_first_slot + i);
      font->AddGlyph(nullptr, code, x0, y0, x0 + static_cast<float>(g.w), y0 + static_cast<float>(g.h),
                     uv0.x, uv0.y, uv1.x, uv1.y, advance);
    }
    font->BuildLookupTable();
  }
}

void add_fonts() {
  State& s = g_state;
  const float body = s.body;
  ImGui::GetIO().Fonts->Clear();
  build_ranges();
  g_fonts.base_size = body;
  g_fonts.body = add_font(s.regular, body);
  g_fonts.bold = add_font(s.semibold ? s.semibold : s.regular, body);
  g_fonts.italic = add_font(s.italic ? s.italic : s.regular, body);
  g_fonts.heading = add_font(s.semibold ? s.semibold : s.regular, body * 1.45f);
  g_fonts.mono = add_font(s.mono, body * 0.93f);
  ImGui::GetIO().FontDefault = g_fonts.body;
  add_slot_rects();
}

bool fallback_disabled() {
  const char* v = std::getenv("LOOPSCOPE_NO_FONT_FALLBACK");
  return v && *v && std::string_view(v) != "0";
}

void warn_missing(char32_t c) {
  State& s = g_state;
  if (!s.warned_missing && (!s.cjk || !s.symbols) && !fallback_disabled()) {
    s.warned_missing = true;
    std::fprintf(stderr, "loopscope: warning: no font has U+%04X; CJK and symbol fallback fonts not "
                         "found through fontconfig (install fonts-wqy-microhei fonts-symbola), such "
                         "characters show as '?'\n", static_cast<unsigned>(c));
  }
}

// A character above U+FFFF: its slot, taken now if a fallback font has it and one is free.
void request_supplementary(char32_t c) {
  State& s = g_state;
  if (c > k_max_code_point || s.slot_of.count(c)) return;
  std::optional<Source> from;
  if (s.cjk && s.cjk->has(c)) from = Source::cjk;
  else if (s.symbols && s.symbols->has(c)) from = Source::symbols;
  if (!from) {
    s.slot_of.emplace(c, k_replacement);
    warn_missing(c);
    return;
  }
  if (s.slots.size() >= k_slot_count) {
    s.slot_of.emplace(c, k_replacement);
    ++s.refused;
    if (!s.warned_full) {
      s.warned_full = true;
      std::fprintf(stderr, "loopscope: warning: more than %zu distinct characters above U+FFFF; U+%04X "
                           "and later ones show as '?'\n", k_slot_count, static_cast<unsigned>(c));
    }
    return;
  }
  s.slot_of.emplace(c, k_first_slot + static_cast<char32_t>(s.slots.size()));
  s.slots.push_back({c, *from});
  s.dirty = true;
}

void request(char32_t c) {
  State& s = g_state;
  if (c >= k_bmp) return request_supplementary(c);
  if (s.known[c]) return;
  s.known.set(c);
  if (!s.drawable[c]) {
    warn_missing(c);
    return;
  }
  if (s.wanted.size() >= k_max_wanted) return;
  s.wanted.push_back(static_cast<ImWchar>(c));
  s.dirty = true;
}

}  // namespace

const Fonts& fonts() { return g_fonts; }
const FallbackFonts& fallback_fonts() { return g_fallback; }
std::size_t fonts_fallback_count() { return g_state.wanted.size(); }
std::size_t fonts_slot_count() { return g_state.slots.size(); }
std::size_t fonts_slots_refused() { return g_state.refused; }

char32_t fonts_slot_of(char32_t c) {
  const auto it = g_state.slot_of.find(c);
  return it == g_state.slot_of.end() ? 0 : it->second;
}
bool fonts_rebuild_pending() { return g_state.dirty; }

std::optional<std::filesystem::path> find_font(const std::string& family, const std::string& style) {
  auto f = match_font(family, style);
  if (!f) return std::nullopt;
  return f->path;
}

void load_fonts(float scale) {
  State& s = g_state;
  // Member by member: ImVector has no move, and its copy memcpy's from a null pointer when it
  // is empty (undefined behaviour that UBSan stops on), so the ranges are cleared, not copied.
  s.text_ranges.clear();
  s.cjk_ranges.clear();
  s.symbol_ranges.clear();
  s.regular.reset(), s.semibold.reset(), s.italic.reset(), s.mono.reset(), s.cjk.reset(), s.symbols.reset();
  s.drawable = Coverage{};
  s.known = Coverage{};
  s.wanted.clear();
  s.slots.clear();
  s.slot_of.clear();
  s.slot_glyphs.clear();
  s.refused = 0;
  s.dirty = false;
  s.warned_missing = false;
  s.warned_full = false;
  s.body = 15.0f * scale;
  s.regular = match_font("Inter", "Regular");
  s.semibold = match_font("Inter", "Semi Bold");
  if (!s.semibold) s.semibold = match_font("Inter", "Bold");
  s.italic = match_font("Inter", "Italic");
  s.mono = match_font("JetBrains Mono", "Regular");
  if (!fallback_disabled()) {
    s.cjk = match_font("WenQuanYi Micro Hei", "Regular");
    s.symbols = match_font("Symbola", "Regular");
  }
  FcFini();  // the lookups are done: release fontconfig's configuration and caches (FcInit
             // builds them again if fonts are looked up later)
  if (!s.regular)
    std::fprintf(stderr, "loopscope: warning: font 'Inter' not found through fontconfig "
                         "(install fonts-inter); using ImGui's built-in font\n");
  if (!s.mono)
    std::fprintf(stderr, "loopscope: warning: font 'JetBrains Mono' not found through fontconfig "
                         "(install fonts-jetbrains-mono); using ImGui's built-in font\n");
  g_fallback = {};
  if (s.cjk) g_fallback.cjk = s.cjk->path;
  if (s.symbols) g_fallback.symbols = s.symbols->path;

  // Known from the start: ASCII, and the characters of the text fonts' own ranges that every text
  // font in use has. Drawable: what any of the fonts has.
  const Coverage& r = coverage(s.regular);
  const Coverage& b = s.semibold ? coverage(s.semibold) : r;
  const Coverage& i = s.italic ? coverage(s.italic) : r;
  const Coverage& m = coverage(s.mono);
  for (unsigned c = 0; c < 0x80; ++c) s.known.set(c);
  for (const ImWchar* range = k_ranges; range[0]; range += 2)
    for (unsigned c = range[0]; c <= range[1]; ++c)
      if (r[c] && b[c] && i[c] && m[c]) s.known.set(c);
  s.drawable = r | b | i | m;
  if (s.cjk) s.drawable |= s.cjk->coverage;
  if (s.symbols) s.drawable |= s.symbols->coverage;
  add_fonts();
}

void fonts_request(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) {
    const unsigned char lead = *p;
    if (lead < 0x80) {
      ++p;
      continue;
    }
    // Decodes one UTF-8 sequence; a malformed one is skipped a byte at a time.
    int len = 0;
    char32_t c = 0;
    if ((lead & 0xE0) == 0xC0) len = 2, c = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0) len = 3, c = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0) len = 4, c = lead & 0x07;
    if (len == 0 || end - p < len) {
      ++p;
      continue;
    }
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      if ((p[k] & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (p[k] & 0x3F);
    }
    if (!ok) {
      ++p;
      continue;
    }
    p += len;
    request(c);
  }
}

void fonts_request(const std::vector<std::string>& lines) {
  for (const std::string& l : lines) fonts_request(l);
}

bool fonts_rebuild_if_needed() {
  if (!g_state.dirty) return false;
  g_state.dirty = false;
  add_fonts();
  ImGui::GetIO().Fonts->Build();
  finish_slot_glyphs();
  return true;
}

namespace {

// The length of the run of bytes below 0xF0 (no 4-byte sequence starts there) from `from`.
std::size_t plain_prefix(const unsigned char* from, std::size_t n) {
  std::size_t i = 0;
  // Eight ASCII bytes at a time: the common case of code and narration.
  for (std::uint64_t word; i + 8 <= n; i += 8) {
    std::memcpy(&word, from + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < n && from[i] < 0xF0) ++i;
  return i;
}

}  // namespace

DisplayText display_text(std::string_view utf8) {
  const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::size_t i = plain_prefix(b, n);
  if (i == n) return DisplayText(utf8);
  std::string out;
  out.reserve(n);
  out.append(utf8.data(), i);
  while (i < n) {
    // At a byte >= 0xF0: a 4-byte sequence becomes its slot; anything malformed is left to ImGui.
    const bool whole = (b[i] & 0xF8) == 0xF0 && n - i >= 4 && (b[i + 1] & 0xC0) == 0x80 &&
                       (b[i + 2] & 0xC0) == 0x80 && (b[i + 3] & 0xC0) == 0x80;
    if (!whole) {
      out.push_back(static_cast<char>(b[i++]));
    } else {
      const char32_t c = (static_cast<char32_t>(b[i] & 0x07) << 18) | (static_cast<char32_t>(b[i + 1] & 0x3F) << 12) |
                         (static_cast<char32_t>(b[i + 2] & 0x3F) << 6) | static_cast<char32_t>(b[i + 3] & 0x3F);
      i += 4;
      char32_t shown = k_replacement;
      if (c >= k_bmp && c <= k_max_code_point) {
        request_supplementary(c);
        shown = fonts_slot_of(c);
      }
      text::append_utf8(out, shown);
    }
    const std::size_t run = plain_prefix(b + i, n - i);
    out.append(utf8.data() + i, run);
    i += run;
  }
  return DisplayText(std::move(out));
}

}  // namespace loopscope::platform
