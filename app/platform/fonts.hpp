#pragma once
// fonts.hpp — finds Inter (text) and JetBrains Mono (code) through fontconfig and loads them
// into ImGui's atlas at the window's content scale. A missing family gives one clear warning on
// stderr and ImGui's built-in font in its place; the app still runs.
//
// Fallback glyphs: characters the text fonts lack (CJK, symbols, the emoji of the Basic
// Multilingual Plane) come from WenQuanYi Micro Hei (fonts-wqy-microhei) and Symbola
// (fonts-symbola), merged into every text font (ImFontConfig::MergeMode). Only the characters
// that text has asked for are in the atlas: fonts_request() notes them as text enters the app
// (a lesson opens, the program prints, the learner edits) and fonts_rebuild_if_needed(), called
// by the window between frames, builds the atlas again with them. Without those fonts, or with
// LOOPSCOPE_NO_FONT_FALLBACK set, the characters stay '?'. ImGui is built with 16-bit ImWchar,
// so characters above U+FFFF (most colour emoji, 😀) cannot be drawn and are ignored.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
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
// fonts_rebuild_if_needed() adds them. Cheap: ASCII is skipped byte by byte, any other character
// costs one bit test once it was seen. UI thread only (like all of ImGui).
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

}  // namespace loopscope::platform
