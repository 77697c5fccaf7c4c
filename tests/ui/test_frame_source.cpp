// The frames view's model (ui/frame_source.hpp): the runtime's frames text, read back, and which
// task the view shows.
#include "ui/frame_source.hpp"
#include "ui/code_model.hpp"

#include "snapshot_factory.hpp"

#include <gtest/gtest.h>

using namespace loopscope;
using namespace loopscope::ui;

using loopscope::testing::awaits;
using loopscope::testing::task;

TEST(FrameSource, ParsesFramesOutermostFirstWithTheirLocals) {
  const auto frames = parse_frames(
      "frame main\t14\nlocal label\t'prices'\nframe fetch_price\t6\nlocal n\t2\nlocal x\t4\n");
  const std::vector<CoroutineFrame> want{
      {"main", 14, {{"label", "'prices'"}}},
      {"fetch_price", 6, {{"n", "2"}, {"x", "4"}}},
  };
  EXPECT_EQ(frames, want);
}

TEST(FrameSource, KeepsTabsAndSpacesInsideValuesAndSkipsWhatItDoesNotKnow) {
  const auto frames = parse_frames("junk\nlocal orphan\t1\nframe f\t3\nlocal s\t'a b'\nother\tx\nframe g\tbad");
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].function, "f");
  EXPECT_EQ(frames[0].locals, (std::vector<FrameLocal>{{"s", "'a b'"}}));
  EXPECT_EQ(frames[1].function, "g");
  EXPECT_EQ(frames[1].line_py, 0);
  EXPECT_TRUE(parse_frames("").empty());
}

TEST(FrameSource, ShowsTheSelectedTaskOrElseTheFirstSuspendedOneWithFrames) {
  LoopSnapshot s;
  s.tasks.push_back(task(1, "main", TaskState::suspended, awaits(AwaitKind::task, 3, -1, "")));
  s.tasks.push_back(task(2, "worker", TaskState::suspended, awaits(AwaitKind::sleep, 40, 2.0, "sleep(2)")));
  s.tasks.push_back(task(3, "runner", TaskState::running, {}));
  EXPECT_EQ(frames_task(s, 0), 0u);  // nobody has frames
  s.tasks[1].frames = "frame worker\t4\n";
  s.tasks[2].frames = "frame runner\t9\n";
  EXPECT_EQ(frames_task(s, 0), 2u);   // the first suspended one with frames
  EXPECT_EQ(frames_task(s, 3), 3u);   // the selected one
  EXPECT_EQ(frames_task(s, 1), 0u);   // selected, but without frames
  EXPECT_EQ(frames_task(s, 99), 0u);  // unknown
}

TEST(FrameSource, TheListingMarksASuspendedTasksOuterFramesWithTheCallTheyAwait) {
  LoopSnapshot s;
  s.tasks.push_back(task(1, "Task-1", TaskState::suspended, awaits(AwaitKind::sleep, 4, 1.0, "sleep(1)"), 4));
  s.tasks[0].frames = "frame main\t10\nlocal start\t0.0\nframe fetch_price\t4\nlocal item\t'apple'\n";
  const auto py = marker_lines(s, Language::python);
  ASSERT_EQ(py.size(), 2u);
  EXPECT_EQ(py[0].line, 4);
  EXPECT_EQ(py[0].calls, "");
  EXPECT_EQ(py[1].line, 10);
  EXPECT_EQ(py[1].calls, "fetch_price");
  EXPECT_EQ(py[1].task, 1u);
  EXPECT_EQ(marker_lines(s, Language::cpp).size(), 0u);  // no C++ line known
  s.tasks[0].state = TaskState::running;                 // frames may be stale: not marked
  EXPECT_EQ(marker_lines(s, Language::python).size(), 1u);
}
