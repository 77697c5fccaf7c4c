// The session's playhead over a live run: pacing, stepping, scrubbing back and forth. Every
// moment it shows must equal a fresh replay of the trace prefix.
#include "ui/session.hpp"
#include "ui/trace_model.hpp"

#include "lesson/loader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

using namespace loopscope;
using namespace loopscope::ui;

namespace {

std::shared_ptr<const lesson::Lesson> three_jobs() {
  auto r = lesson::load_lesson_file(std::filesystem::path(LOOPSCOPE_SOURCE_DIR) /
                                    "tests/lesson/good/three-jobs.json");
  EXPECT_TRUE(r.lesson.has_value()) << (r.errors.empty() ? "" : r.errors.front().to_string());
  return std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
}

Session make(std::map<std::string, double> params = {{"jobs", 3}}) {
  return Session(three_jobs(), 0, std::move(params));
}

void expect_state_is_replay(const Session& s) {
  EXPECT_EQ(s.snapshot(), replay(s.trace(), s.cursor())) << "at cursor " << s.cursor();
}

}  // namespace

TEST(Session, StartsBeforeAnythingHappened) {
  Session s = make();
  EXPECT_EQ(s.cursor(), 0u);
  EXPECT_EQ(s.time(), 0.0);
  EXPECT_TRUE(s.snapshot().tasks.empty());
  EXPECT_EQ(s.playback(), Playback::paused);
}

TEST(Session, RunToEndShowsTheWholeProgramAndItsDuration) {
  Session s = make();
  s.run_to_end();
  EXPECT_TRUE(s.at_end());
  EXPECT_DOUBLE_EQ(s.time(), 2.0);
  EXPECT_EQ(s.snapshot().output.size(), 6u);
  expect_state_is_replay(s);
}

TEST(Session, StepIterationMovesOneLoopIterationAtATime) {
  Session s = make();
  std::uint64_t last = 0;
  int steps = 0;
  while (!s.at_end() && steps < 100) {
    s.step_iteration();
    EXPECT_GE(s.snapshot().iteration, last);
    last = s.snapshot().iteration;
    expect_state_is_replay(s);
    ++steps;
  }
  EXPECT_TRUE(s.at_end());
  EXPECT_GT(steps, 3) << "three jobs take several loop iterations";
}

TEST(Session, StepBackReturnsToTheStateBeforeTheLastIteration) {
  Session s = make();
  s.step_iteration();
  s.step_iteration();
  const std::size_t after_two = s.cursor();
  const LoopSnapshot two = s.snapshot();
  s.step_iteration();
  s.step_back_iteration();
  EXPECT_EQ(s.cursor(), after_two);
  EXPECT_EQ(s.snapshot(), two);
}

TEST(Session, ScrubbingToATimeShowsEverythingThatHappenedByThen) {
  Session s = make();
  s.seek_time(1.0);
  EXPECT_DOUBLE_EQ(s.time(), 1.0);
  int sleeping = 0;
  for (const auto& t : s.snapshot().tasks)
    if (t.awaiting.kind == AwaitKind::sleep) ++sleeping;
  EXPECT_EQ(sleeping, 3) << "at 1.0 s all three jobs are asleep";
  EXPECT_EQ(s.snapshot().output.size(), 3u);
  s.seek_time(2.0);
  EXPECT_EQ(s.snapshot().output.size(), 6u);
  s.seek_time(0.5);  // backwards: rebuilt from a checkpoint and the trace
  EXPECT_EQ(s.snapshot().output.size(), 3u);
  expect_state_is_replay(s);
}

TEST(Session, PlayingAdvancesVirtualTimeAtTheChosenSpeed) {
  Session s = make();
  s.set_speed(2.0);
  s.play();
  for (int i = 0; i < 10; ++i) s.tick(0.05);  // 0.5 s of wall time at 2x = 1 s of budget
  EXPECT_GT(s.cursor(), 0u) << "the first iterations are shown";
  EXPECT_LT(s.time(), 1.0) << "each iteration at t=0 stays on screen for a moment";
  const double t0 = s.time();
  for (int i = 0; i < 20; ++i) s.tick(0.05);
  EXPECT_GT(s.time(), t0) << "then virtual time flows";
  for (int i = 0; i < 200; ++i) s.tick(0.05);
  EXPECT_TRUE(s.at_end());
  EXPECT_EQ(s.playback(), Playback::paused) << "playback stops at the end";
  expect_state_is_replay(s);
}

TEST(Session, SpeedIsClampedBetweenATenthAndTenTimes) {
  Session s = make();
  s.set_speed(100);
  EXPECT_DOUBLE_EQ(s.speed(), 10.0);
  s.set_speed(0.001);
  EXPECT_DOUBLE_EQ(s.speed(), 0.1);
}

TEST(Session, ParamsChangeWhatRuns) {
  Session s = make({{"jobs", 5}});
  s.run_to_end();
  EXPECT_EQ(s.snapshot().output.size(), 10u);
  EXPECT_DOUBLE_EQ(s.time(), 2.0);
}

TEST(Session, RestartGivesTheSameTraceAgain) {
  Session s = make();
  s.run_to_end();
  const auto first = s.trace().events().size();
  s.restart();
  EXPECT_EQ(s.cursor(), 0u);
  s.run_to_end();
  EXPECT_EQ(s.trace().events().size(), first);
}

TEST(Session, ScrubbingBackAcrossManyCheckpointsMatchesReplay) {
  Session s = make({{"jobs", 10}});
  s.run_to_end();
  const std::size_t n = s.cursor();
  for (std::size_t k : {n, n / 2, std::size_t{1}, n - 1, std::size_t{0}, n / 3}) {
    s.seek_cursor(k);
    EXPECT_EQ(s.cursor(), k);
    expect_state_is_replay(s);
  }
}

// A step on the real clock runs in real time; no frame ever waits in the selector for it.
TEST(Session, ARealClockStepNeverBlocksAFrame) {
  auto r = lesson::load_lesson_text(R"json({
    "id": "real", "title": "Real", "summary": "s", "order": 1, "steps": [{
      "title": "t", "text": "x", "clock": "real",
      "code": { "python": ["import asyncio", "", "async def main():", "    await asyncio.sleep(0.2)", "    print('done')", "",
                           "asyncio.run(main())"] }
    }]})json", "real.json");
  ASSERT_TRUE(r.lesson) << (r.errors.empty() ? "" : r.errors.front().to_string());
  Session s(std::make_shared<const lesson::Lesson>(std::move(*r.lesson)), 0, {});
  s.play();
  const auto start = std::chrono::steady_clock::now();
  double slowest = 0;
  while (!s.at_end() && std::chrono::steady_clock::now() - start < std::chrono::seconds(5)) {
    const auto t0 = std::chrono::steady_clock::now();
    s.tick(0.016);
    slowest = std::max(slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  EXPECT_TRUE(s.at_end());
  EXPECT_LT(slowest, 0.1) << "a frame waited for the 0.2 s timer";
  ASSERT_EQ(s.snapshot().output.size(), 1u);
  EXPECT_GE(s.snapshot().output[0].time, 0.2);
}

// A step's Python run names its tasks Task-1, Task-2…; their labels add the coroutine each
// runs, read from the listing.
TEST(TraceModelOnPython, TasksAsyncioNamedAreLabelledWithTheirCoroutineFunction) {
  auto r = lesson::load_lesson_file(std::filesystem::path(LOOPSCOPE_SOURCE_DIR) / "lessons/tasks.json");
  ASSERT_TRUE(r.lesson.has_value());
  auto copy = std::make_shared<lesson::Lesson>(std::move(*r.lesson));
  ASSERT_GE(copy->steps.size(), 2u);
  Session s(copy, 1, {});
  s.run_to_end();
  ASSERT_TRUE(s.finished());
  TraceModel m;
  m.set_listing(s.step().python.lines);
  m.update(s.trace());
  const TaskLabels& labels = m.labels();
  EXPECT_EQ(labels.name(1), "Task-1");
  EXPECT_EQ(labels.text(1), "Task-1 main()");
  for (TaskId t = 2; t <= 4; ++t) EXPECT_EQ(labels.text(t), "Task-" + std::to_string(t) + " fetch()");
  // The wake-ups that draw arrows on the timeline: main started the fetches, a fetch's end woke main.
  int started = 0, finished = 0;
  for (const Wake& w : m.wakes().wakes()) {
    if (w.cause == WakeCause::started && w.by == 1) ++started;
    if (w.cause == WakeCause::finished && w.task == 1 && w.by >= 2) ++finished;
  }
  EXPECT_EQ(started, 3);
  EXPECT_GE(finished, 1);
}
