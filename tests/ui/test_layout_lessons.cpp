// test_layout_lessons.cpp — no text is cut in any step of any shipped lesson at the window sizes
// the app supports (1024x640, 1280x800, 1920x1080): at the end of the step's run, and halfway
// through it (the scrubber then reads "x s / y s so far"). The app draws headless here, as it does in
// a window (same theme, same fonts from fontconfig, same ImDrawData) but without GL: a cut is a
// property of the draw data (ui/clipped_text.hpp), not of the pixels.
//
// "Cut" is what ui/layout_report.hpp counts as a defect: a glyph cut at an edge of a panel,
// column or button that does not scroll that way, or an ellipsis on a label short enough to fit
// (ui/text_fit.hpp says which ellipses are allowed).
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"
#include "platform/fonts.hpp"
#include "ui/app.hpp"
#include "ui/layout_report.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using loopscope::ui::LayoutReport;

struct Size {
  int width, height;
};
constexpr Size sizes[] = {{1024, 640}, {1280, 800}, {1920, 1080}};

// An ImGui context with the app's theme and fonts, drawing frames with no window behind them.
class HeadlessScreen {
public:
  HeadlessScreen() {
    m_ctx = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    loopscope::ui::apply_theme(1.0f);
    loopscope::platform::load_fonts(1.0f);
    ImGui::GetIO().Fonts->Build();
    loopscope::ui::record_text_cuts(true);
  }
  ~HeadlessScreen() {
    loopscope::ui::record_text_cuts(false);
    ImGui::DestroyContext(m_ctx);
  }
  HeadlessScreen(const HeadlessScreen&) = delete;
  HeadlessScreen& operator=(const HeadlessScreen&) = delete;

  // What the app cut in the last of a few frames at `size` (as `loopscope shot` settles them).
  LayoutReport settle(loopscope::ui::App& app, Size size) {
    LayoutReport r;
    for (int frame = 0; frame < 4; ++frame) {
      loopscope::platform::fonts_rebuild_if_needed();
      ImGuiIO& io = ImGui::GetIO();
      io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
      io.DeltaTime = 1.0f / 60.0f;
      ImGui::NewFrame();
      app.frame(frame == 0 ? 0.0f : 1.0f);
      ImGui::Render();
      r = loopscope::ui::take_layout_report();
    }
    return r;
  }

private:
  ImGuiContext* m_ctx = nullptr;
};

std::string describe(const LayoutReport& r) {
  std::ostringstream o;
  for (const auto& c : r.clipped)
    o << "\n    cut at the " << loopscope::ui::clip_edge_name(c.edge) << " of '" << c.window << "': \""
      << c.text << "\" (x " << c.min.x << ".." << c.max.x << ", y " << c.min.y << ".." << c.max.y
      << "; clip x " << c.clip.x << ".." << c.clip.z << ", y " << c.clip.y << ".." << c.clip.w << ")";
  for (const auto& c : r.cuts)
    if (loopscope::ui::is_layout_defect(c))
      o << "\n    ellipsised in '" << c.window << "': \"" << c.text << "\" -> \"" << c.kept << "…\"";
  return o.str();
}

}  // namespace

TEST(LayoutLessons, NoTextIsCutInAnyStepAtAnySupportedWindowSize) {
  HeadlessScreen screen;
  const fs::path dir = fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons";
  int screens = 0, failures = 0;
  std::string report;
  for (const auto& loaded : loopscope::lesson::load_all_lessons(dir)) {
    ASSERT_TRUE(loaded.lesson.has_value()) << (loaded.errors.empty() ? "" : loaded.errors.front().to_string());
    const auto& lesson = *loaded.lesson;
    for (std::size_t step = 1; step <= lesson.steps.size(); ++step) {
      loopscope::lesson::StepRun run(lesson, step - 1, {});
      run.run_to_end();
      const double duration = run.result().duration;
      for (const bool mid : {false, true}) {
        if (mid && duration <= 0) continue;
        loopscope::ui::AppOptions options;
        options.lesson = lesson.id;
        options.step = static_cast<int>(step);
        options.restore_last = false;
        if (mid) options.at = duration / 2;
        else options.at_end = true;
        for (const Size size : sizes) {
          loopscope::ui::App app(options);
          const LayoutReport r = screen.settle(app, size);
          ++screens;
          if (r.defects() == 0) continue;
          ++failures;
          report += "\n  " + lesson.id + " step " + std::to_string(step) + (mid ? " halfway" : " end") +
                    " at " + std::to_string(size.width) + "x" + std::to_string(size.height) + ":" +
                    describe(r);
        }
      }
    }
  }
  EXPECT_GT(screens, 0) << "no lessons found in " << dir;
  EXPECT_EQ(failures, 0) << failures << " of " << screens << " screens cut text:" << report;
}
