// Fallback glyphs (platform/fonts.hpp): the fallback fonts are found through fontconfig, the atlas
// starts without a single CJK glyph, and requested characters join every text font after a
// rebuild. No window: an ImGui context builds the atlas on the CPU.
#include "platform/fonts.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

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

TEST_F(FontsTest, BrokenUtf8IsIgnored) {
  load_fonts(1.0f);
  fonts_request("\xE4\xB8");                // a truncated 世
  fonts_request("\xF0\x9F\x8E");            // a truncated 🎉
  fonts_request("\x80\xBF\xFE\xFF abc");    // stray continuation and invalid bytes
  EXPECT_FALSE(fonts_rebuild_if_needed());
  EXPECT_EQ(fonts_fallback_count(), 0u);
  EXPECT_EQ(fonts_slot_count(), 0u);
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

// ---- characters above U+FFFF ----------------------------------------------------------------

const char* const k_party = "\xF0\x9F\x8E\x89";   // 🎉 U+1F389 (Symbola has it)
const char* const k_rocket = "\xF0\x9F\x9A\x80";  // 🚀 U+1F680
const char* const k_smiling = "\xF0\x9F\xA5\xB0"; // 🥰 U+1F970: newer than Symbola 2.60, no font has it
const std::string k_fffd = "\xEF\xBF\xBD";

// The UTF-8 of a BMP character (a slot).
std::string utf8_of(char32_t c) {
  std::string s;
  s += static_cast<char>(0xE0 | (c >> 12));
  s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  s += static_cast<char>(0x80 | (c & 0x3F));
  return s;
}

// How much ink the atlas holds under a glyph.
long ink_of(const ImFontGlyph* g) {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  const int x0 = static_cast<int>(g->U0 * atlas->TexWidth + 0.5f), x1 = static_cast<int>(g->U1 * atlas->TexWidth + 0.5f);
  const int y0 = static_cast<int>(g->V0 * atlas->TexHeight + 0.5f), y1 = static_cast<int>(g->V1 * atlas->TexHeight + 0.5f);
  long sum = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) sum += atlas->TexPixelsAlpha8[y * atlas->TexWidth + x];
  return sum;
}

TEST_F(FontsTest, TextWithoutACharacterAboveU_FFFFIsDrawnAsItIsWithoutACopy) {
  load_fonts(1.0f);
  for (const std::string_view text : {std::string_view(""), std::string_view("print('done')"),
                                      std::string_view("a long line of plain ASCII, longer than a word of eight bytes"),
                                      std::string_view("世界 ☀ é — “quoted” and some more text after them")}) {
    const DisplayText shown = display_text(text);
    EXPECT_FALSE(shown.mapped()) << text;
    EXPECT_EQ(shown.view().data(), text.data()) << "the fast path must hand back the input itself: " << text;
    EXPECT_EQ(shown.view().size(), text.size());
  }
  EXPECT_EQ(fonts_slot_count(), 0u);
  EXPECT_FALSE(fonts_rebuild_pending());
}

TEST_F(FontsTest, AnEmojiMapsToItsSlotAndJoinsEveryTextFontAfterARebuild) {
  if (!fallback_installed()) GTEST_SKIP() << "fonts-symbola is not installed";
  load_fonts(1.0f);
  ASSERT_TRUE(ImGui::GetIO().Fonts->Build());
  const std::string text = std::string(k_party) + " done";
  const DisplayText shown = display_text(text);
  EXPECT_TRUE(shown.mapped());
  EXPECT_EQ(std::string(shown.view()), utf8_of(k_first_slot) + " done");
  EXPECT_EQ(std::string(shown.c_str()), utf8_of(k_first_slot) + " done");
  EXPECT_EQ(fonts_slot_of(0x1F389), k_first_slot);
  EXPECT_TRUE(fonts_rebuild_pending()) << "display_text requests an emoji it has not seen";
  for (ImFont* f : text_fonts()) EXPECT_EQ(f->FindGlyphNoFallback(static_cast<ImWchar>(k_first_slot)), nullptr);
  ASSERT_TRUE(fonts_rebuild_if_needed());
  const ImFontGlyph* m = fonts().mono->FindGlyphNoFallback('M');
  ASSERT_NE(m, nullptr);
  for (ImFont* f : text_fonts()) {
    const ImFontGlyph* g = f->FindGlyphNoFallback(static_cast<ImWchar>(k_first_slot));
    ASSERT_NE(g, nullptr) << f->GetDebugName();
    EXPECT_TRUE(g->Visible);
    EXPECT_GT(g->X1 - g->X0, f->FontSize * 0.5f) << "an emoji is about as wide as the font is tall";
    EXPECT_GT(g->Y1 - g->Y0, f->FontSize * 0.5f);
    EXPECT_GE(g->Y0, 0.0f) << "the glyph sits inside the line";
    EXPECT_LE(g->Y1, f->FontSize * 1.3f);
    EXPECT_GT(ink_of(g), 255L * 6) << "the glyph was rasterized into the atlas (a line drawing: thin)";
    const float width = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shown.begin(), shown.end()).x;
    const float question = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "? done").x;
    EXPECT_NE(width, question) << "measured with the emoji's advance, not the '?'";
  }
  // In the mono font an emoji takes two cells (the editor's grid counts it as wide).
  EXPECT_FLOAT_EQ(fonts().mono->FindGlyphNoFallback(static_cast<ImWchar>(k_first_slot))->AdvanceX, 2 * m->AdvanceX);
  EXPECT_FALSE(fonts_rebuild_if_needed()) << "the same emoji asks for nothing more";
  fonts_request(text);
  EXPECT_FALSE(fonts_rebuild_pending());
}

TEST_F(FontsTest, ACharacterNoFontHasMapsToTheReplacementCharacter) {
  load_fonts(1.0f);
  EXPECT_EQ(std::string(display_text(std::string("a") + k_smiling + "b").view()), "a" + k_fffd + "b");
  EXPECT_EQ(fonts_slot_of(0x1F970), k_replacement);
  EXPECT_EQ(std::string(display_text("\xF4\x90\x80\x80").view()), k_fffd) << "above U+10FFFF";
  EXPECT_EQ(std::string(display_text("x\xF0\x9F\x8E").view()), "x\xF0\x9F\x8E") << "a truncated sequence is left to ImGui";
  EXPECT_FALSE(fonts_rebuild_pending());
  EXPECT_EQ(fonts_slot_count(), 0u);
}

TEST_F(FontsTest, WithoutTheFallbackFontsAnEmojiIsTheReplacementCharacter) {
  ::setenv("LOOPSCOPE_NO_FONT_FALLBACK", "1", 1);
  load_fonts(1.0f);
  EXPECT_EQ(std::string(display_text(k_party).view()), k_fffd);
  EXPECT_FALSE(fonts_rebuild_if_needed());
}

TEST_F(FontsTest, SlotsAreStableAcrossRequestsAndRebuilds) {
  if (!fallback_installed()) GTEST_SKIP() << "fonts-symbola is not installed";
  load_fonts(1.0f);
  fonts_request(std::string(k_party) + k_rocket + k_party);
  EXPECT_EQ(fonts_slot_count(), 2u);
  const char32_t party = fonts_slot_of(0x1F389), rocket = fonts_slot_of(0x1F680);
  EXPECT_EQ(party, k_first_slot);
  EXPECT_EQ(rocket, k_first_slot + 1);
  ASSERT_TRUE(fonts_rebuild_if_needed());
  EXPECT_EQ(std::string(display_text(std::string(k_rocket) + "!" + k_party).view()),
            utf8_of(rocket) + "!" + utf8_of(party));
  display_text("\xF0\x9F\x90\x8D");  // 🐍 joins
  ASSERT_TRUE(fonts_rebuild_if_needed());
  EXPECT_EQ(fonts_slot_of(0x1F389), party);
  EXPECT_EQ(fonts_slot_of(0x1F680), rocket);
  EXPECT_EQ(fonts_slot_of(0x1F40D), k_first_slot + 2);
  for (ImFont* f : text_fonts())
    for (char32_t slot : {party, rocket, static_cast<char32_t>(k_first_slot + 2)})
      EXPECT_NE(f->FindGlyphNoFallback(static_cast<ImWchar>(slot)), nullptr) << f->GetDebugName();
}

TEST_F(FontsTest, SlotsRunOutAtABoundAndLaterCharactersAreReportedAndShowAsReplacement) {
  if (!fallback_installed()) GTEST_SKIP() << "fonts-symbola is not installed";
  load_fonts(1.0f);
  fonts_request(k_party);
  // Every code point of the emoji and mathematical alphanumeric blocks: Symbola has more of them
  // than there are slots.
  std::string all;
  for (char32_t c : {0x1F300u, 0x1D400u})
    for (char32_t k = c; k < c + 0x400; ++k) {
      all += static_cast<char>(0xF0 | (k >> 18));
      all += static_cast<char>(0x80 | ((k >> 12) & 0x3F));
      all += static_cast<char>(0x80 | ((k >> 6) & 0x3F));
      all += static_cast<char>(0x80 | (k & 0x3F));
    }
  fonts_request(all);
  EXPECT_EQ(fonts_slot_count(), k_slot_count);
  EXPECT_GT(fonts_slots_refused(), 0u);
  EXPECT_EQ(fonts_slot_of(0x1F389), k_first_slot) << "a slot, once given, stays";
  EXPECT_EQ(fonts_slot_of(0x1D7FF), k_replacement) << "the last one requested found no slot";
  EXPECT_EQ(std::string(display_text("\xF0\x9D\x9F\xBF").view()), k_fffd);
  const std::size_t refused = fonts_slots_refused();
  fonts_request(all);
  EXPECT_EQ(fonts_slots_refused(), refused) << "a refused character is counted once";
}

TEST_F(FontsTest, FiftyEmojiInTheAtlasCostThisMuch) {
  if (!fallback_installed()) GTEST_SKIP() << "fonts-symbola is not installed";
  load_fonts(1.0f);
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(atlas->Build());
  const double before_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const int before_w = atlas->TexWidth, before_h = atlas->TexHeight;
  std::string fifty;
  for (char32_t k = 0x1F600; k < 0x1F600 + 50; ++k) {  // the emoticons block: Symbola has them all
    fifty += static_cast<char>(0xF0 | (k >> 18));
    fifty += static_cast<char>(0x80 | ((k >> 12) & 0x3F));
    fifty += static_cast<char>(0x80 | ((k >> 6) & 0x3F));
    fifty += static_cast<char>(0x80 | (k & 0x3F));
  }
  fonts_request(fifty);
  ASSERT_EQ(fonts_slot_count(), 50u);
  t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(fonts_rebuild_if_needed());
  const double after_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("atlas without emoji: %dx%d, %.1f ms; with 50 emoji: %dx%d, %.1f ms\n", before_w, before_h, before_ms,
              atlas->TexWidth, atlas->TexHeight, after_ms);
  EXPECT_EQ(atlas->TexWidth, before_w);
  EXPECT_LE(atlas->TexHeight, before_h * 2) << "50 emoji at three sizes should not more than double the atlas";
  for (ImFont* f : text_fonts())
    for (char32_t slot = k_first_slot; slot < k_first_slot + 50; ++slot)
      EXPECT_NE(f->FindGlyphNoFallback(static_cast<ImWchar>(slot)), nullptr);
  // The fast path: what display_text costs on a line with no emoji (every frame, every line).
  const std::string line = "    print(f\"{name}: fetched {len(data)} bytes in {elapsed:.2f} s\")";
  std::size_t sink = 0;
  t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000000; ++i) sink += display_text(line).view().size();
  const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / 1e6;
  std::printf("display_text on a %zu-byte line without emoji: %.1f ns\n", line.size(), ns);
  EXPECT_EQ(sink, line.size() * 1000000);
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
