// Every step of every lesson renders: `loopscope shot LESSON --step N` at the start and at the end
// of the step gives non-blank pictures, and for a step that takes virtual time the two differ
// (the state moved on). A step whose whole program runs at t = 0 shows the same state at both.
#include "command.hpp"
#include "png_image.hpp"

#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using loopscope::testing::PngImage;
using loopscope::testing::run_command;
using loopscope::testing::under_xvfb;
namespace fs = std::filesystem;

namespace {

const std::string exe = LOOPSCOPE_EXE;

std::string shot(const std::string& lesson, std::size_t step, const std::string& moment,
                 const std::string& tag) {
  const std::string out = (fs::temp_directory_path() /
                           ("loopscope-gui-" + lesson + "-" + std::to_string(step) + "-" + tag + ".png"))
                              .string();
  fs::remove(out);
  auto r = run_command(under_xvfb(exe + " shot " + lesson + " --step " + std::to_string(step) + " " +
                                  moment + " --out " + out));
  EXPECT_EQ(r.exit_code, 0) << lesson << " step " << step << " " << moment << ": " << r.output;
  return out;
}

}  // namespace

TEST(GuiLessons, EveryStepOfEveryLessonRendersAndItsEndDiffersFromItsStart) {
  const fs::path dir = fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons";
  int shots = 0;
  for (const auto& r : loopscope::lesson::load_all_lessons(dir)) {
    ASSERT_TRUE(r.lesson.has_value()) << (r.errors.empty() ? "" : r.errors.front().to_string());
    const auto& lesson = *r.lesson;
    for (std::size_t step = 1; step <= lesson.steps.size(); ++step) {
      const PngImage start = PngImage::load(shot(lesson.id, step, "--at 0", "start"));
      const PngImage end = PngImage::load(shot(lesson.id, step, "--end", "end"));
      ASSERT_FALSE(start.empty());
      ASSERT_FALSE(end.empty());
      EXPECT_GT(start.distinct_colours(), 40u) << lesson.id << " step " << step;
      EXPECT_GT(end.ink_fraction(), 0.05) << lesson.id << " step " << step;
      loopscope::lesson::StepRun run(lesson, step - 1, {});
      run.run_to_end();
      if (run.result().duration > 0) {
        EXPECT_GT(PngImage::difference(start, end), 0.002)
            << lesson.id << " step " << step << ": the end of the step looks like its start";
      }
      shots += 2;
    }
  }
  EXPECT_GT(shots, 0) << "no lessons found in " << dir;
}
