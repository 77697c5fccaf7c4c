// fonts.cpp — fontconfig lookup, the ImGui font atlas and its fallback glyphs.
#include "platform/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <bitset>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <strings.h>

namespace loopscope::platform {
namespace {

// Which characters of the Basic Multilingual Plane a font has (ImWchar is 16 bits in this build
// of ImGui: nothing above U+FFFF can be drawn).
constexpr std::size_t k_bmp = 0x10000;
using Coverage = std::bitset<k_bmp>;

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
  std::vector<unsigned char> data;
  bool unreadable = false;

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

struct State {
  float body = 15.0f;
  std::optional<FontFile> regular, semibold, italic, mono;  // the text fonts (nullopt: ImGui's)
  std::optional<FontFile> cjk, symbols;                      // the fallbacks
  Coverage drawable;  // some font (text or fallback) has the character
  Coverage known;     // in the atlas already, or asked for, or no font has it: nothing to do
  std::vector<ImWchar> wanted;  // the characters asked for that some font has
  bool dirty = false;
  bool warned_missing = false;
  ImVector<ImWchar> text_ranges, cjk_ranges, symbol_ranges;  // alive as long as the atlas
};

Fonts g_fonts;
State g_state;
FallbackFonts g_fallback;

Coverage coverage_of(FcCharSet* charset) {
  Coverage c;
  FcChar32 map[FC_CHARSET_MAP_SIZE];
  FcChar32 next = 0;
  for (FcChar32 base = FcCharSetFirstPage(charset, map, &next);
       base != FC_CHARSET_DONE && base < k_bmp; base = FcCharSetNextPage(charset, map, &next)) {
    for (int i = 0; i < FC_CHARSET_MAP_SIZE; ++i) {
      for (FcChar32 bits = map[i]; bits; bits &= bits - 1)
        c.set(base + static_cast<FcChar32>(i) * 32 + static_cast<FcChar32>(__builtin_ctz(bits)));
    }
  }
  return c;
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
        found->coverage = coverage_of(charset);
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
}

bool fallback_disabled() {
  const char* v = std::getenv("LOOPSCOPE_NO_FONT_FALLBACK");
  return v && *v && std::string_view(v) != "0";
}

void request(char32_t c) {
  State& s = g_state;
  if (c >= k_bmp || s.known[c]) return;
  s.known.set(c);
  if (!s.drawable[c]) {
    if (!s.warned_missing && (!s.cjk || !s.symbols) && !fallback_disabled()) {
      s.warned_missing = true;
      std::fprintf(stderr, "loopscope: warning: no font has U+%04X; CJK and symbol fallback fonts not "
                           "found through fontconfig (install fonts-wqy-microhei fonts-symbola), such "
                           "characters show as '?'\n", static_cast<unsigned>(c));
    }
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
  s.dirty = false;
  s.warned_missing = false;
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
  return true;
}

}  // namespace loopscope::platform
