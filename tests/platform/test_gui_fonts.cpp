// CJK and emoji in a lesson are drawn with the fallback fonts, not as '?': `loopscope shot` of a
// lesson whose narration is "世界世界" (or "🎉🎉🎉🎉", above U+FFFF) is compared with the same lesson
// whose narration is "????". With the fallback fonts the pictures differ; with
// LOOPSCOPE_NO_FONT_FALLBACK=1 they are the same (which shows that the comparison sees exactly the
// '?' glyphs). A program that prints an emoji shows it in its console and listing the same way.
#include "command.hpp"
#include "png_image.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

using loopscope::testing::PngImage;
using loopscope::testing::run_command;
using loopscope::testing::under_xvfb;

namespace {
const std::string exe = LOOPSCOPE_EXE;

// The minimal lesson of docs/lesson-format.md, one step, with `narration` as its text.
std::string lesson_json(const std::string& narration) {
  return R"json({
  "id": "fonts-test",
  "title": "Fonts test",
  "summary": "A lesson whose narration is not in Latin script.",
  "order": 100,
  "prerequisites": [],
  "steps": [
    {
      "title": "One step",
      "text": [")json" + narration + R"json("],
      "code": { "python": ["import asyncio", "", "async def main():", "    print(\"done\")", "", "asyncio.run(main())"] },
      "expect": { "output": ["done"], "duration": 0 }
    }
  ]
})json";
}

class GuiFonts : public ::testing::Test {
protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("loopscope-fonts-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  // A shot of the lesson with `narration`; `env` goes before the command.
  PngImage shot(const std::string& name, const std::string& narration, const std::string& env = "") {
    const auto lesson = dir / (name + ".json");
    std::ofstream(lesson) << lesson_json(narration);
    const auto png = dir / (name + ".png");
    auto r = run_command(env + under_xvfb(exe + " shot " + lesson.string() + " --out " + png.string()));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return PngImage::load(png.string());
  }
  std::filesystem::path dir;
};

TEST_F(GuiFonts, CjkNarrationIsDrawnWithTheFallbackFontNotAsQuestionMarks) {
  if (!std::filesystem::exists("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))
    GTEST_SKIP() << "fonts-wqy-microhei is not installed (scripts/install-deps.sh)";
  const PngImage cjk = shot("cjk", "世界世界");
  const PngImage marks = shot("marks", "????");
  ASSERT_FALSE(cjk.empty());
  ASSERT_FALSE(marks.empty());
  EXPECT_GT(PngImage::difference(cjk, marks), 0.0001) << "世界 looks like ?? in the shot";
}

TEST_F(GuiFonts, WithoutTheFallbackCjkShowsAsQuestionMarksAndTheAppStillRuns) {
  const PngImage cjk = shot("cjk-off", "世界世界", "LOOPSCOPE_NO_FONT_FALLBACK=1 ");
  const PngImage marks = shot("marks-off", "????", "LOOPSCOPE_NO_FONT_FALLBACK=1 ");
  ASSERT_FALSE(cjk.empty());
  EXPECT_EQ(PngImage::difference(cjk, marks), 0.0) << "without a fallback font 世 should be drawn as '?'";
}

const std::string k_party = "\xF0\x9F\x8E\x89";  // 🎉 U+1F389, in Symbola

bool symbola_installed() {
  return std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf");
}

TEST_F(GuiFonts, EmojiAboveU_FFFFInNarrationAreDrawnNotAsQuestionMarks) {
  if (!symbola_installed()) GTEST_SKIP() << "fonts-symbola is not installed (scripts/install-deps.sh)";
  const PngImage emoji = shot("emoji", "Done " + k_party + k_party + k_party + k_party);
  const PngImage marks = shot("emoji-marks", "Done ????");
  const PngImage none = shot("emoji-none", "Done");
  ASSERT_FALSE(emoji.empty());
  ASSERT_FALSE(marks.empty());
  ASSERT_FALSE(none.empty());
  EXPECT_GT(PngImage::difference(emoji, none), 0.0001) << "nothing was drawn for the emoji";
  EXPECT_GT(PngImage::difference(emoji, marks), 0.0001) << "the emoji look like ???? in the shot";
}

TEST_F(GuiFonts, WithoutTheFallbackAnEmojiShowsAsOneQuestionMark) {
  const PngImage emoji = shot("emoji-off", "Done " + k_party + k_party + k_party + k_party,
                              "LOOPSCOPE_NO_FONT_FALLBACK=1 ");
  const PngImage marks = shot("emoji-marks-off", "Done ????", "LOOPSCOPE_NO_FONT_FALLBACK=1 ");
  ASSERT_FALSE(emoji.empty());
  EXPECT_EQ(PngImage::difference(emoji, marks), 0.0) << "each emoji should be drawn as exactly one '?'";
}

TEST_F(GuiFonts, AProgramThatPrintsAnEmojiShowsItInTheConsoleAndTheListing) {
  if (!symbola_installed()) GTEST_SKIP() << "fonts-symbola is not installed (scripts/install-deps.sh)";
  auto program_shot = [&](const std::string& name, const std::string& mark) {
    // The same file name in both (the window shows it): only the printed mark differs.
    std::filesystem::create_directories(dir / name);
    const auto py = dir / name / "prog.py";
    std::ofstream(py) << "import asyncio\n\nasync def main():\n    print(\"" << mark << " done\")\n\nasyncio.run(main())\n";
    const auto png = dir / (name + ".png");
    auto r = run_command(under_xvfb(exe + " shot " + py.string() + " --end --out " + png.string()));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return PngImage::load(png.string());
  };
  const PngImage emoji = program_shot("prints-emoji", k_party);
  const PngImage mark = program_shot("prints-mark", "?");
  ASSERT_FALSE(emoji.empty());
  ASSERT_FALSE(mark.empty());
  EXPECT_GT(PngImage::difference(emoji, mark), 0.0001) << "the printed emoji looks like '?'";
}

}  // namespace
