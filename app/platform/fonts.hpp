#pragma once
// fonts.hpp — finds Inter (text) and JetBrains Mono (code) through fontconfig and loads them
// into ImGui's atlas at the window's content scale. A missing family gives one clear warning on
// stderr and ImGui's built-in font in its place; the app still runs.
#include <filesystem>
#include <optional>
#include <string>

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

// The fonts of the running app (valid after load_fonts).
const Fonts& fonts();

// Asks fontconfig for `family` in `style`; returns the file only if fontconfig's match really is
// that family (fontconfig always returns *something*; a fallback counts as missing).
std::optional<std::filesystem::path> find_font(const std::string& family, const std::string& style);

// Builds the ImGui font atlas. Call once, after ImGui::CreateContext.
void load_fonts(float scale);

}  // namespace loopscope::platform
