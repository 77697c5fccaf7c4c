#pragma once
// fonts.hpp — finds Inter (text) and JetBrains Mono (code) through fontconfig and loads them
// into ImGui's atlas at the window's content scale. A missing family gives one clear warning on
// stderr and ImGui's built-in font in its place; the app still runs.
//
// Fallback glyphs: characters the text fonts lack (CJK, symbols, emoji) come from WenQuanYi Micro
// Hei (fonts-wqy-microhei) and Symbola (fonts-symbola), merged into every text font
// (ImFontConfig::MergeMode). Only the characters that text has asked for are in the atlas:
// fonts_request() notes them as text enters the app (a lesson opens, the program prints, the
// learner edits) and fonts_rebuild_if_needed(), called by the window between frames, builds the
// atlas again with them. Without those fonts, or with LOOPSCOPE_NO_FONT_FALLBACK set, the
// characters stay '?'.
//
// Characters above U+FFFF (most emoji: 🎉 🚀 🐍): ImGui is built with 16-bit ImWchar and decodes
// them to U+FFFD. Each one a fallback font has gets a slot, a code point of the Private Use Area
// (k_first_slot…, which no font the app loads uses), when it is first requested; the slot's glyph
// is rasterized from the fallback font into the atlas after each build (a custom rectangle per
// font size). Text is drawn through display_text(), which replaces each such character by its
// slot; the models keep the real characters. In the mono font a slot glyph is two cells wide
// (emoji are East Asian Wide; the editor gives such characters two cells). A real character of
// the slot range in text is drawn with whatever glyph holds that slot (no font we load has one).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct ImFont;

namespace loopscope::platform {

struct Fonts {
  ImFont* body = nullptr;     // Inter Regular, the default font
  ImFont* bold = nullptr;     // Inter SemiBold/Bold: strong text
  ImFont* italic = nullptr;   // Inter Italic: emphasis
  ImFont* heading = nullptr;  // Inter SemiBold, larger
  ImFont* mono = nullptr;     // JetBrains Mono: code, console, timeline labels
  float base_size = 15.0f;    // body size in pixels, already scaled
};

// The fonts of the running app (valid after load_fonts; the pointers change when the atlas is
// rebuilt, between frames: read them through fonts() every frame, never keep them).
const Fonts& fonts();

// Asks fontconfig for `family` in `style`; returns the file only if fontconfig's match really is
// that family (fontconfig always returns *something*; a fallback counts as missing).
std::optional<std::filesystem::path> find_font(const std::string& family, const std::string& style);

// Builds the ImGui font atlas. Call once, after ImGui::CreateContext (again: starts over, with no
// fallback glyph requested).
void load_fonts(float scale);

// ---- fallback glyphs --------------------------------------------------------------------------
// The fallback font files load_fonts found (nullopt: not installed, or LOOPSCOPE_NO_FONT_FALLBACK).
struct FallbackFonts {
  std::optional<std::filesystem::path> cjk;      // WenQuanYi Micro Hei
  std::optional<std::filesystem::path> symbols;  // Symbola
};
const FallbackFonts& fallback_fonts();

// Notes the characters of `utf8` that the atlas lacks and a fallback font has; the next
// fonts_rebuild_if_needed() adds them; a character above U+FFFF gets its slot now. Cheap: ASCII is
// skipped byte by byte, any other character costs one bit test (a hash look-up above U+FFFF) once
// it was seen. UI thread only (like all of ImGui).
void fonts_request(std::string_view utf8);
void fonts_request(const std::vector<std::string>& lines);
template <class... Texts>
void fonts_request_all(const Texts&... texts) {
  (fonts_request(texts), ...);
}

// Between frames (never between NewFrame and Render): when characters were requested since the
// last build, clears the atlas and builds it again with them (fonts() then has new pointers) and
// returns true; the caller uploads the new texture to the GPU. Otherwise returns false.
bool fonts_rebuild_if_needed();
// Whether characters were requested since the last build (the window then does not wait for
// input before its next frame, so that they show at once).
bool fonts_rebuild_pending();

// How many fallback characters the atlas has (the requested ones a fallback font covers).
std::size_t fonts_fallback_count();

// ---- characters above U+FFFF ------------------------------------------------------------------
inline constexpr char32_t k_first_slot = 0xF100;   // U+F100–U+F4FF: no loaded font has a glyph there
inline constexpr std::size_t k_slot_count = 1024;  // later characters show as '?' (reported)
inline constexpr char32_t k_replacement = 0xFFFD;  // drawn as the font's '?'

// Text ready for ImGui: the input itself when it has no character above U+FFFF (no copy), else a
// copy in which each such character is its slot, or U+FFFD when no font has it or the slots are
// all taken. Keep it no longer than the input (it may point into it). c_str() is null-terminated
// when the input was (a std::string, a literal).
class DisplayText {
public:
  explicit DisplayText(std::string_view same) : m_view(same) {}
  explicit DisplayText(std::string mapped) : m_mapped(std::move(mapped)), m_is_mapped(true) {}
  std::string_view view() const { return m_is_mapped ? std::string_view(m_mapped) : m_view; }
  const char* begin() const { return view().data(); }
  const char* end() const { return view().data() + view().size(); }
  const char* c_str() const { return m_is_mapped ? m_mapped.c_str() : m_view.data(); }
  int size() const { return static_cast<int>(view().size()); }  // for printf's "%.*s"
  bool mapped() const { return m_is_mapped; }

private:
  std::string_view m_view;
  std::string m_mapped;
  bool m_is_mapped = false;
};

// Maps `utf8` for drawing. A character above U+FFFF seen here for the first time is requested
// (as by fonts_request), so its glyph shows from the next rebuild on. UI thread only.
DisplayText display_text(std::string_view utf8);

// The slot of a character above U+FFFF: k_first_slot… once requested and a fallback font has it,
// k_replacement when no font has it or no slot was left, 0 when it was never requested.
char32_t fonts_slot_of(char32_t c);
// How many slots are taken, and how many characters found none free (each warned about once on
// stderr, the first time).
std::size_t fonts_slot_count();
std::size_t fonts_slots_refused();

}  // namespace loopscope::platform
