// test_clipped_text.cpp — ui::find_clipped_text on frames ImGui draws headless (no window, no
// GL): it reports text cut at a window's or a button's edge, by window and with the text, and
// leaves alone text that fits, text scrolled out of a scrolling region, and ellipsised text.
#include "ui/clipped_text.hpp"
#include "ui/layout_report.hpp"
#include "ui/text_fit.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace {

using loopscope::ui::ClipEdge;
using loopscope::ui::ClippedText;
using loopscope::ui::find_clipped_text;

class Headless : public ::testing::Test {
protected:
  Headless() {
    m_ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~Headless() override { ImGui::DestroyContext(m_ctx); }

  // Draws `body` inside a 200x100 window "panel" for a few frames (ImGui lays a new window out
  // over two) and returns what the last one cut.
  std::vector<ClippedText> clipped(const std::function<void()>& body, ImGuiWindowFlags flags = 0) {
    std::vector<ClippedText> out;
    for (int i = 0; i < 3; ++i) {
      ImGui::NewFrame();
      ImGui::SetNextWindowPos({10, 10});
      ImGui::SetNextWindowSize({200, 100});
      ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoSavedSettings | flags);
      body();
      ImGui::End();
      ImGui::Render();
      out = find_clipped_text(*ImGui::GetDrawData());
    }
    return out;
  }

private:
  ImGuiContext* m_ctx = nullptr;
};

TEST_F(Headless, TextThatFitsIsNotReported) {
  EXPECT_TRUE(clipped([] { ImGui::TextUnformatted("fits"); }).empty());
  EXPECT_TRUE(clipped([] { ImGui::Button("ok"); }).empty());
}

TEST_F(Headless, AGlyphCrossingTheWindowsRightEdgeIsReportedWithItsWindowAndText) {
  const auto cut = clipped([] { ImGui::TextUnformatted("1.500 s / 2.000 s and a lot more text here"); });
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].window, "panel");
  EXPECT_EQ(cut[0].edge, ClipEdge::right);
  EXPECT_EQ(cut[0].text.rfind("1.500 s / 2.000 s", 0), 0u) << cut[0].text;
  EXPECT_GE(cut[0].max.x, cut[0].clip.z);
}

TEST_F(Headless, AGlyphAddedByHandAcrossTheClipRectIsReported) {
  // A draw list fed directly: the clip rectangle ends in the middle of the second word.
  const auto cut = clipped([] {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->PushClipRect(p, {p.x + 40, p.y + 30}, true);
    dl->AddText(p, IM_COL32_WHITE, "awaits sleep");
    dl->PopClipRect();
  });
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].edge, ClipEdge::right);
  EXPECT_EQ(cut[0].text.rfind("awai", 0), 0u) << cut[0].text;
}

TEST_F(Headless, AButtonLabelCutByItsFrameIsReported) {
  // RenderTextClipped cuts on the CPU: the quad is shortened, not left to the scissor. (The
  // frame ends 3 px into the 9th glyph of the 7 px font.)
  const auto cut = clipped([] { ImGui::Button("a label far wider than its button", {63, 0}); });
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].edge, ClipEdge::right);
  EXPECT_EQ(cut[0].window, "panel");
}

TEST_F(Headless, TextBelowTheEndOfANonScrollingPanelIsReported) {
  const auto cut = clipped(
      [] {
        ImGui::Dummy({10, 76});
        ImGui::TextUnformatted("the last quiz option");
      },
      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoTitleBar);
  // A 100 px panel from y = 10: the line starts at 18 + 76 + 4 = 98 and is cut at 106 (4 px in).
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].edge, ClipEdge::bottom);
}

TEST_F(Headless, TextScrolledOutOfAScrollingRegionIsNotReported) {
  EXPECT_TRUE(clipped([] {
                for (int i = 0; i < 20; ++i) ImGui::Text("console line %d", i);
              }).empty());
}

TEST_F(Headless, AHorizontallyScrollingRegionMayCutText) {
  EXPECT_TRUE(clipped([] { ImGui::TextUnformatted("a listing line that is wider than the panel by far"); },
                      ImGuiWindowFlags_HorizontalScrollbar)
                  .empty());
}

TEST_F(Headless, EllipsisedTextIsNotClippedButIsCountedAsACut) {
  loopscope::ui::record_text_cuts(true);
  loopscope::ui::take_text_cuts();
  const auto cut = clipped([] {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string s = loopscope::ui::ellipsised(ImGui::GetFont(), ImGui::GetFontSize(),
                                                    "awaits sleep(1.0)", 60);
    dl->AddText(ImGui::GetCursorScreenPos(), IM_COL32_WHITE, s.c_str());
  });
  EXPECT_TRUE(cut.empty());
  const auto cuts = loopscope::ui::take_text_cuts();
  loopscope::ui::record_text_cuts(false);
  ASSERT_EQ(cuts.size(), 3u);  // one per frame
  EXPECT_EQ(cuts[0].window, "panel");
  EXPECT_EQ(cuts[0].text, "awaits sleep(1.0)");
  EXPECT_TRUE(loopscope::ui::is_layout_defect(cuts[0]));
}

TEST(TextCutRule, LongLabelsAndFittedTextMayBeCut) {
  using loopscope::ui::Fit;
  using loopscope::ui::TextCut;
  TextCut c;
  c.text_chars = loopscope::ui::long_label_chars;
  EXPECT_TRUE(loopscope::ui::is_layout_defect(c));
  c.text_chars = loopscope::ui::long_label_chars + 1;
  EXPECT_FALSE(loopscope::ui::is_layout_defect(c));
  c.text_chars = 5;
  c.fit = Fit::fitted;
  EXPECT_FALSE(loopscope::ui::is_layout_defect(c));
}

}  // namespace
