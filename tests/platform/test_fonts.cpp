// Fallback glyphs (platform/fonts.hpp): the fallback fonts are found through fontconfig, the atlas
// starts without a single CJK glyph, and requested characters join every text font after a
// rebuild. No window: an ImGui context builds the atlas on the CPU.
#include "platform/fonts.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace {
using namespace loopscope::platform;

constexpr ImWchar k_shi = 0x4E16;   // 世
constexpr ImWchar k_jie = 0x754C;   // 界
constexpr ImWchar k_sun = 0x2600;   // ☀: not in the text fonts' own ranges (Inter has it, JetBrains Mono not)

const char* const k_wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
const char* const k_symbola = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf";

bool fallback_installed() { return std::filesystem::exists(k_wqy) && std::filesystem::exists(k_symbola); }

class FontsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ::unsetenv("LOOPSCOPE_NO_FONT_FALLBACK");
    ImGui::CreateContext();
  }
  void TearDown() override {
    ImGui::DestroyContext();
    ::unsetenv("LOOPSCOPE_NO_FONT_FALLBACK");
  }
  static std::vector<ImFont*> text_fonts() {
    const Fonts& f = fonts();
    return {f.body, f.bold, f.italic, f.heading, f.mono};
  }
};

TEST_F(FontsTest, TheFallbackFontsResolveThroughFontconfigWhenInstalled) {
  if (!fallback_installed()) GTEST_SKIP() << "fonts-wqy-microhei or fonts-symbola is not installed";
  load_fonts(1.0f);
  ASSERT_TRUE(fallback_fonts().cjk.has_value());
  ASSERT_TRUE(fallback_fonts().symbols.has_value());
  EXPECT_TRUE(std::filesystem::equivalent(*fallback_fonts().cjk, k_wqy)) << *fallback_fonts().cjk;
  EXPECT_TRUE(std::filesystem::equivalent(*fallback_fonts().symbols, k_symbola)) << *fallback_fonts().symbols;
}

TEST_F(FontsTest, StartupWithoutARequestBuildsNoCjkGlyph) {
  load_fonts(1.0f);
  ASSERT_TRUE(ImGui::GetIO().Fonts->Build());
  EXPECT_FALSE(fonts_rebuild_if_needed());
  EXPECT_EQ(fonts_fallback_count(), 0u);
  EXPECT_EQ(ImGui::GetIO().Fonts->ConfigData.Size, 5) << "a fallback font was merged before any request";
  for (ImFont* f : text_fonts()) {
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->FindGlyphNoFallback(k_shi), nullptr);
    EXPECT_EQ(f->FindGlyphNoFallback(k_sun), nullptr);
    EXPECT_NE(f->FindGlyphNoFallback('A'), nullptr);
  }
}

TEST_F(FontsTest, RequestedCjkAndSymbolGlyphsJoinEveryTextFontAfterARebuild) {
  if (!fallback_installed()) GTEST_SKIP() << "fonts-wqy-microhei or fonts-symbola is not installed";
  load_fonts(1.0f);
  ASSERT_TRUE(ImGui::GetIO().Fonts->Build());
  fonts_request("print(\"世界\")");
  fonts_request(std::vector<std::string>{"sunny ☀", ""});
  EXPECT_TRUE(fonts_rebuild_pending());
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(fonts_rebuild_if_needed());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("rebuild with 3 fallback characters: %.1f ms\n", ms);
  EXPECT_FALSE(fonts_rebuild_pending());
  EXPECT_EQ(fonts_fallback_count(), 3u);
  for (ImFont* f : text_fonts()) {
    EXPECT_NE(f->FindGlyphNoFallback(k_shi), nullptr) << f->GetDebugName();
    EXPECT_NE(f->FindGlyphNoFallback(k_jie), nullptr) << f->GetDebugName();
    EXPECT_NE(f->FindGlyphNoFallback(k_sun), nullptr) << f->GetDebugName();
    EXPECT_EQ(f->FindGlyphNoFallback(0x4E00), nullptr) << "only the requested CJK characters are built";
  }
  EXPECT_EQ(ImGui::GetIO().FontDefault, fonts().body);
  // Once in the atlas, the same characters ask for nothing more.
  fonts_request("世界 ☀ 世界");
  EXPECT_FALSE(fonts_rebuild_if_needed());
}

TEST_F(FontsTest, CharactersTheTextFontsHaveAskForNoRebuild) {
  load_fonts(1.0f);
  fonts_request("plain ASCII, Latin-1 é ü ß, punctuation — “quoted” … → ≤");
  EXPECT_FALSE(fonts_rebuild_if_needed());
  EXPECT_EQ(fonts_fallback_count(), 0u);
}

TEST_F(FontsTest, WithoutTheFallbackFontsTheCharactersStayQuestionMarks) {
  ::setenv("LOOPSCOPE_NO_FONT_FALLBACK", "1", 1);
  load_fonts(1.0f);
  EXPECT_FALSE(fallback_fonts().cjk.has_value());
  EXPECT_FALSE(fallback_fonts().symbols.has_value());
  fonts_request("世界");
  EXPECT_FALSE(fonts_rebuild_if_needed()) << "no font has 世: nothing to build";
  ASSERT_TRUE(ImGui::GetIO().Fonts->Build());
  ImFont* body = fonts().body;
  EXPECT_EQ(body->FindGlyphNoFallback(k_shi), nullptr);
  EXPECT_EQ(body->FindGlyph(k_shi), body->FallbackGlyph);
}

TEST_F(FontsTest, CharactersAboveU_FFFFAndBrokenUtf8AreIgnored) {
  load_fonts(1.0f);
  fonts_request("\xF0\x9F\x98\x80");        // 😀: ImWchar is 16 bits in this ImGui build
  fonts_request("\xE4\xB8");                // a truncated 世
  fonts_request("\x80\xBF\xFE\xFF abc");    // stray continuation and invalid bytes
  EXPECT_FALSE(fonts_rebuild_if_needed());
  EXPECT_EQ(fonts_fallback_count(), 0u);
}

TEST_F(FontsTest, LoadingAgainStartsOverWithoutFallbackGlyphs) {
  if (!fallback_installed()) GTEST_SKIP() << "fonts-wqy-microhei or fonts-symbola is not installed";
  load_fonts(1.0f);
  fonts_request("世界");
  ASSERT_TRUE(fonts_rebuild_if_needed());
  load_fonts(2.0f);
  ASSERT_TRUE(ImGui::GetIO().Fonts->Build());
  EXPECT_EQ(fonts_fallback_count(), 0u);
  EXPECT_EQ(fonts().body->FindGlyphNoFallback(k_shi), nullptr);
  fonts_request("世");
  EXPECT_TRUE(fonts_rebuild_if_needed());
  EXPECT_NE(fonts().body->FindGlyphNoFallback(k_shi), nullptr);
}

}  // namespace

TEST(FontFaces, AStyleTheFamilyLacksIsMissingNotItsRegularFace) {
  if (!find_font("Inter", "Regular")) GTEST_SKIP() << "fonts-inter is not installed";
  const auto semibold = find_font("Inter", "Semi Bold");
  ASSERT_TRUE(semibold);
  EXPECT_EQ(semibold->filename(), "Inter-SemiBold.otf");
  EXPECT_FALSE(find_font("Inter", "SemiBold"));  // fontconfig would answer with Inter Regular
}

TEST(FontFaces, StrongTextIsDrawnWithABolderFaceThanBodyText) {
  if (!find_font("Inter", "Semi Bold")) GTEST_SKIP() << "fonts-inter is not installed";
  ImGui::CreateContext();
  load_fonts(1.0f);
  ImGui::GetIO().Fonts->Build();
  const ImFontGlyph* body = fonts().body->FindGlyph('W');
  const ImFontGlyph* bold = fonts().bold->FindGlyph('W');
  ASSERT_TRUE(body && bold);
  EXPECT_GT(bold->AdvanceX, body->AdvanceX);  // a heavier W is wider
  ImGui::DestroyContext();
}
