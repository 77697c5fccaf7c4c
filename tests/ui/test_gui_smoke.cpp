// The app really opens a window and draws: `loopscope shot` under Xvfb writes a PNG of the
// requested size that is not blank.
#include "command.hpp"
#include "png_image.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <cstdio>
#include <string>

using loopscope::testing::PngImage;
using loopscope::testing::run_command;
using loopscope::testing::under_xvfb;

namespace {
const std::string exe = LOOPSCOPE_EXE;

std::string temp_png(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("loopscope-test-" + name + ".png")).string();
}
}  // namespace

TEST(GuiSmoke, ShotOfTheLessonBrowserIsAFullSizeNonBlankPicture) {
  const std::string out = temp_png("browser");
  std::filesystem::remove(out);
  auto r = run_command(under_xvfb(exe + " shot --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  PngImage img = PngImage::load(out);
  ASSERT_FALSE(img.empty());
  EXPECT_EQ(img.width, 1280);
  EXPECT_EQ(img.height, 800);
  EXPECT_GT(img.distinct_colours(), 20u) << "the picture looks blank";
  EXPECT_GT(img.ink_fraction(), 0.01);
}

TEST(GuiSmoke, ShotHonoursTheRequestedSize) {
  const std::string out = temp_png("size");
  auto r = run_command(under_xvfb(exe + " shot --size 960x600 --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  PngImage img = PngImage::load(out);
  EXPECT_EQ(img.width, 960);
  EXPECT_EQ(img.height, 600);
}

TEST(GuiSmoke, WithoutADisplayEveryWindowCommandSaysSoInOneLineAndExits1) {
  for (const std::string cmd : {"shot --out /tmp/never.png", "open sync-vs-async", ""}) {
    auto r = run_command("env -u DISPLAY -u WAYLAND_DISPLAY " + exe + " " + cmd);
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.output;
    EXPECT_NE(r.output.find("needs a display"), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
}

// A plain Python file is a one-step lesson: `shot prog.py` shows it (at its end) like a lesson.
TEST(GuiSmoke, ShotOfAPythonFileWritesAPictureOfItsOneStepLesson) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "loopscope-test-shot-py";
  std::filesystem::create_directories(dir);
  {
    std::FILE* f = std::fopen((dir / "prog.py").c_str(), "w");
    ASSERT_TRUE(f);
    std::fputs("import asyncio\n\nasync def job(n):\n    await asyncio.sleep(n)\n    print('job', n, 'done')\n\n"
               "async def main():\n    await asyncio.gather(job(1), job(2))\n\nasyncio.run(main())\n", f);
    std::fclose(f);
  }
  const std::string out = temp_png("python-file");
  std::filesystem::remove(out);
  auto r = run_command(under_xvfb(exe + " shot " + (dir / "prog.py").string() + " --end --out " + out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  PngImage img = PngImage::load(out);
  ASSERT_FALSE(img.empty());
  EXPECT_EQ(img.width, 1280);
  EXPECT_GT(img.distinct_colours(), 20u) << "the picture looks blank";
  std::filesystem::remove_all(dir);
}
