// fonts.cpp — fontconfig lookup and the ImGui font atlas.
#include "platform/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <cstdio>
#include <strings.h>

namespace loopscope::platform {
namespace {

Fonts g_fonts;

// Latin, general punctuation (— “ ” …), arrows, math, geometric shapes (▶ ■ ●).
const ImWchar k_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190, 0x21FF,
                            0x2200, 0x22FF, 0x2300, 0x23FF, 0x25A0, 0x25FF, 0x2700, 0x27BF, 0};

ImFont* add_font(const std::optional<std::filesystem::path>& file, float size) {
  ImGuiIO& io = ImGui::GetIO();
  if (file) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    if (ImFont* f = io.Fonts->AddFontFromFileTTF(file->c_str(), size, &config, k_ranges)) return f;
  }
  ImFontConfig config;
  config.SizePixels = size;
  return io.Fonts->AddFontDefault(&config);
}

}  // namespace

const Fonts& fonts() { return g_fonts; }

std::optional<std::filesystem::path> find_font(const std::string& family, const std::string& style) {
  if (!FcInit()) return std::nullopt;
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddString(pattern, FC_STYLE, reinterpret_cast<const FcChar8*>(style.c_str()));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::optional<std::filesystem::path> found;
  if (match) {
    FcChar8* got_family = nullptr;
    FcChar8* file = nullptr;
    if (FcPatternGetString(match, FC_FAMILY, 0, &got_family) == FcResultMatch &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        strcasecmp(reinterpret_cast<const char*>(got_family), family.c_str()) == 0) {
      found = std::filesystem::path(reinterpret_cast<const char*>(file));
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return found;
}

void load_fonts(float scale) {
  const float body = 15.0f * scale;
  auto regular = find_font("Inter", "Regular");
  auto semibold = find_font("Inter", "SemiBold");
  if (!semibold) semibold = find_font("Inter", "Bold");
  auto italic = find_font("Inter", "Italic");
  auto mono = find_font("JetBrains Mono", "Regular");
  FcFini();  // the lookups are done: release fontconfig's configuration and caches (FcInit
             // builds them again if fonts are looked up later)
  if (!regular)
    std::fprintf(stderr, "loopscope: warning: font 'Inter' not found through fontconfig "
                         "(install fonts-inter); using ImGui's built-in font\n");
  if (!mono)
    std::fprintf(stderr, "loopscope: warning: font 'JetBrains Mono' not found through fontconfig "
                         "(install fonts-jetbrains-mono); using ImGui's built-in font\n");
  ImGui::GetIO().Fonts->Clear();
  g_fonts.base_size = body;
  g_fonts.body = add_font(regular, body);
  g_fonts.bold = add_font(semibold ? semibold : regular, body);
  g_fonts.italic = add_font(italic ? italic : regular, body);
  g_fonts.heading = add_font(semibold ? semibold : regular, body * 1.45f);
  g_fonts.mono = add_font(mono, body * 0.93f);
  ImGui::GetIO().FontDefault = g_fonts.body;
}

}  // namespace loopscope::platform
