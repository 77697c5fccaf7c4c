// test_trace_model.cpp — the one pass over a run's trace (TraceModel), the iteration axis it
// keeps, the words for a wait (await_text) and the timeline's opening axis and scale.
#include "lesson/loader.hpp"
#include "ui/await_text.hpp"
#include "ui/ghost_run.hpp"
#include "ui/iteration_axis.hpp"
#include "ui/loop_model.hpp"
#include "ui/timeline_defaults.hpp"
#include "ui/trace_model.hpp"

#include "timeline_trace_builder.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace loopscope::ui {
namespace {

using testing::TraceBuilder;

// Two zero-time iterations after a setup event, then one that waits a second.
struct ThreeIterations {
  TraceRecorder rec;
  std::size_t it1 = 0, it2 = 0, it3 = 0, last = 0;
  ThreeIterations() {
    TraceBuilder b(rec);
    b.created(0, 1, "main");          // 0: before the loop
    b.scheduled(0, 1, 1);             // 1
    it1 = b.iteration(0, 1);          // 2
    b.resumed(0, 1);                  // 3
    b.output(0, 1, "hello");          // 4
    b.sleeping(0, 1, 1.0, "sleep(1)");// 5
    it2 = b.iteration(0, 2);          // 6
    b.phase(0, LoopPhase::poll, 1.0); // 7
    it3 = b.iteration(1.0, 3);        // 8
    b.scheduled(1.0, 1, 2);           // 9
    b.resumed(1.0, 1);                // 10
    last = b.done(1.0, 1);            // 11
  }
};

TEST(IterationAxis, GivesEveryIterationOneColumnWhateverTimeItTook) {
  ThreeIterations t;
  TraceModel m;
  m.update(t.rec);
  const IterationAxis& ax = m.iterations();
  const std::size_t n = t.rec.size();
  ASSERT_EQ(ax.columns(n), 4u);  // before the loop, then iterations 1, 2, 3
  EXPECT_EQ(ax.iteration_of(0), 0u);
  EXPECT_EQ(ax.iteration_of(1), 1u);
  EXPECT_EQ(ax.iteration_of(3), 3u);
  EXPECT_DOUBLE_EQ(ax.position(t.it1, n), 1.0);
  EXPECT_DOUBLE_EQ(ax.position(t.it2, n), 2.0);
  EXPECT_DOUBLE_EQ(ax.position(t.it3, n), 3.0);
  EXPECT_DOUBLE_EQ(ax.position(n, n), 4.0);
  // Inside a column the events are spread by index: iteration 1 has 4 events.
  EXPECT_DOUBLE_EQ(ax.position(t.it1 + 2, n), 1.5);
  EXPECT_DOUBLE_EQ(ax.time_of(3), 1.0);
}

TEST(IterationAxis, MapsPositionsBackToTheEventsTheyShow) {
  ThreeIterations t;
  TraceModel m;
  m.update(t.rec);
  const IterationAxis& ax = m.iterations();
  const std::size_t n = t.rec.size();
  for (std::size_t k = 0; k <= n; ++k) EXPECT_EQ(ax.event_floor(ax.position(k, n), n), k) << k;
  EXPECT_EQ(ax.event_floor(-3, n), 0u);
  EXPECT_EQ(ax.event_floor(99, n), n);
  EXPECT_EQ(ax.event_ceil(1.1, n), t.it1 + 1);
  EXPECT_EQ(ax.column_of(t.it2 + 1), 2u);
}

TEST(IterationAxis, IsEmptyForAnEmptyTrace) {
  IterationAxis ax;
  EXPECT_EQ(ax.columns(0), 0u);
  EXPECT_DOUBLE_EQ(ax.position(0, 0), 0.0);
  EXPECT_EQ(ax.event_floor(0.5, 0), 0u);
}

TEST(TraceModel, FeedsTheTimelineTheConsoleAndTheIterationAxisFromOnePass) {
  ThreeIterations t;
  TraceModel m;
  m.update(t.rec);
  EXPECT_EQ(m.consumed(), t.rec.size());
  EXPECT_EQ(m.timeline().consumed(), t.rec.size());
  ASSERT_EQ(m.timeline().lanes().size(), 2u);
  EXPECT_EQ(m.timeline().lanes()[1].name, "main");
  ASSERT_EQ(m.console().lines().size(), 1u);
  EXPECT_EQ(m.console().lines()[0].text, "hello");
  EXPECT_EQ(m.console().task_name(1), "main");
  EXPECT_EQ(m.iterations().columns(m.consumed()), 4u);
}

TEST(TraceModel, AgreesWithTheViewsFedOnTheirOwnWhenEventsArriveInPieces) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  TraceModel m;
  b.created(0, 1, "main");
  b.iteration(0, 1);
  m.update(rec);
  b.resumed(0, 1);
  b.output(0.5, 1, "a\nb");
  m.update(rec);
  b.failed(1, 1, "ValueError: x");
  m.update(rec);
  TimelineModel timeline;
  ConsoleModel console;
  timeline.update(rec);
  console.update(rec);
  ASSERT_EQ(m.timeline().lanes().size(), timeline.lanes().size());
  EXPECT_EQ(m.timeline().lanes()[1].segments.size(), timeline.lanes()[1].segments.size());
  ASSERT_EQ(m.console().lines().size(), console.lines().size());
  for (std::size_t i = 0; i < console.lines().size(); ++i)
    EXPECT_EQ(m.console().lines()[i].text, console.lines()[i].text);
}

TEST(TraceModel, StartsEveryViewOverForAnotherRecorder) {
  ThreeIterations a;
  TraceRecorder other;
  TraceBuilder(other).created(0, 7, "solo");
  TraceModel m;
  m.update(a.rec);
  m.update(other);
  EXPECT_EQ(m.consumed(), 1u);
  ASSERT_EQ(m.timeline().lanes().size(), 2u);
  EXPECT_EQ(m.timeline().lanes()[1].name, "solo");
  EXPECT_TRUE(m.console().lines().empty());
  EXPECT_EQ(m.iterations().columns(1), 1u);
}

TEST(TraceModel, PutsTheRunsWarningsInTheConsoleOnceAtTheEnd) {
  ThreeIterations t;
  TraceModel m;
  m.update(t.rec);
  m.note_finished({"Task exception was never retrieved: backup: RuntimeError: disk full"});
  m.note_finished({"a second call adds nothing"});
  const auto& lines = m.console().lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].kind, ConsoleLineKind::warning);
  EXPECT_EQ(lines[1].text, "Task exception was never retrieved: backup: RuntimeError: disk full");
  EXPECT_DOUBLE_EQ(lines[1].time, 1.0);
  // Shown only once the playhead is at the end of the run.
  EXPECT_EQ(m.console().visible_count(t.last), 1u);
  EXPECT_EQ(m.console().visible_count(t.rec.size()), 2u);
}

TEST(AwaitText, NamesEachKindOfWaitTheSameWayForEveryView) {
  auto name = [](TaskId id) { return id == 3 ? std::string("reader") : "#" + std::to_string(id); };
  EXPECT_EQ(await_phrase({AwaitKind::sleep, 0, 2, IoDirection::read, "sleep(2)"}, name), "sleep(2)");
  EXPECT_EQ(await_phrase({AwaitKind::task, 3, -1, IoDirection::read, ""}, name), "task reader");
  EXPECT_EQ(await_phrase({AwaitKind::wait_for, 3, 2, IoDirection::read, ""}, name), "wait_for reader");
  EXPECT_EQ(await_phrase({AwaitKind::io, 7, -1, IoDirection::write, ""}, name), "write fd 7");
  EXPECT_EQ(await_phrase({AwaitKind::lock, 9, -1, IoDirection::read, ""}, name), "Lock.acquire()");
  EXPECT_EQ(await_phrase({AwaitKind::lock, 9, -1, IoDirection::read, "Lock#9"}, name), "Lock#9");
}

TEST(AwaitText, SaysAThreadJobFinishesRatherThanTimesOut) {
  const AwaitFacts job{AwaitKind::executor, 4, 2.0, IoDirection::read, "to_thread#4"};
  EXPECT_EQ(await_deadline_note(job, 0.9), "finishes in 1.1 s");
  const AwaitFacts wait_for{AwaitKind::wait_for, 2, 2.0, IoDirection::read, ""};
  EXPECT_EQ(await_deadline_note(wait_for, 0.5), "times out in 1.5 s");
  const AwaitFacts sleep{AwaitKind::sleep, 0, 2.0, IoDirection::read, "sleep(2)"};
  EXPECT_FALSE(await_deadline_note(sleep, 0.5).has_value());
}

TEST(AwaitText, TheSuspendedListAndTheTimelineTooltipNameAWaitAlike) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "main");
  b.created(0, 2, "fetch");
  b.awaiting(0, 1, AwaitKind::task, 2);
  TimelineModel timeline;
  timeline.update(rec);
  const LoopSnapshot snap = replay(rec, rec.size());
  const auto items = suspended_items(snap, 0);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ("awaits " + items[0].what, timeline.describe(timeline.lanes()[1].segments.back(), rec));
}

lesson::Step step_lasting(std::optional<double> d) {
  lesson::Step s;
  s.expect.duration = d;
  return s;
}

TEST(TimelineDefaults, AStepOpensAtItsOwnDurationAndAComparedStepAtTheLongerOfTheTwo) {
  lesson::Lesson l;
  l.steps = {step_lasting(6), step_lasting(std::nullopt), step_lasting(2), step_lasting(0.3)};
  l.steps[2].ghost = 1;  // the 2 s step is compared with the 6 s one
  EXPECT_DOUBLE_EQ(initial_timeline_view(l, l.steps[0]).scale_end, 6.0);
  EXPECT_DOUBLE_EQ(initial_timeline_view(l, l.steps[1]).scale_end, 0.0);  // fits what is recorded
  EXPECT_DOUBLE_EQ(initial_timeline_view(l, l.steps[2]).scale_end, 6.0);
  EXPECT_DOUBLE_EQ(initial_timeline_view(l, l.steps[3]).scale_end, 0.3);  // not drawn on 6 s
  l.steps[0].ghost = 3;  // the longer one compared with the shorter keeps its own
  EXPECT_DOUBLE_EQ(step_time_scale(l, l.steps[0]), 6.0);
}

// sync-vs-async's concurrent step (3) shows step 1's sequential run as its ghost: one task lane
// (main) blocked three times end to end, ending at 6 s; the concurrent step itself has the
// main lane and three job lanes, so the ghost's lane lies under main's.
TEST(GhostRun, SyncVsAsyncsConcurrentStepGhostsTheSequentialRun) {
  auto r = lesson::load_lesson_file(std::filesystem::path(LOOPSCOPE_SOURCE_DIR) / "lessons/sync-vs-async.json");
  ASSERT_TRUE(r.lesson);
  auto l = std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
  EXPECT_EQ(make_ghost_run(l, 0), nullptr);  // step 1 has no ghost
  const auto g = make_ghost_run(l, 2);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->step, 1);
  EXPECT_EQ(g->for_step, 2u);
  EXPECT_NEAR(g->end_time, 6.0, 1e-9);
  EXPECT_EQ(g->events, g->run->trace().events().size());
  EXPECT_EQ(g->timeline.consumed(), g->events);
  const auto& lanes = g->timeline.lanes();
  ASSERT_EQ(lanes.size(), 2u);  // the loop and main
  int blocked = 0;
  double last_end = 0;
  for (const Segment& sg : lanes[1].segments)
    if (sg.kind == SegmentKind::blocked) {
      ++blocked;
      EXPECT_NEAR(sg.t1 - sg.t0, 2.0, 1e-9);
      last_end = sg.t1;
    }
  EXPECT_EQ(blocked, 3);
  EXPECT_NEAR(last_end, 6.0, 1e-9);
}

TEST(TimelineDefaults, AStepThatTakesNoTimeOpensByIteration) {
  EXPECT_EQ(default_axis(step_lasting(0)), TimelineAxis::iterations);
  EXPECT_EQ(default_axis(step_lasting(2)), TimelineAxis::time);
  EXPECT_EQ(default_axis(step_lasting(std::nullopt)), TimelineAxis::time);
}

TEST(TimelineView, FitAllKeepsTheSharedScaleSoTheAxisDoesNotGrowWhilePlaying) {
  TimelineView v;
  v.scale_end = 6.0;
  follow(v, 0.5, 1.0, 600.0);
  const double spp = v.seconds_per_px;
  follow(v, 2.0, 4.0, 600.0);
  EXPECT_DOUBLE_EQ(v.seconds_per_px, spp);
  follow(v, 7.0, 8.0, 600.0);  // past the scale: it grows to fit
  EXPECT_GT(v.seconds_per_px, spp);
  TimelineView by_iteration;
  by_iteration.axis = TimelineAxis::iterations;
  by_iteration.scale_end = 6.0;
  follow(by_iteration, 1.0, 2.0, 600.0);  // the time scale does not apply to iterations
  EXPECT_LT(by_iteration.seconds_per_px * 600.0, 3.0);
}

}  // namespace
}  // namespace loopscope::ui

namespace loopscope::ui {
namespace {

TEST(AwaitChain, FollowsAwaitedTasksDownToWhatTheLastIsParkedOn) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "main");
  b.created(0, 2, "fetch");
  b.awaiting(0, 1, AwaitKind::task, 2);
  b.sleeping(0, 2, 2.0, "sleep(2)");
  const LoopSnapshot snap = replay(rec, rec.size());
  const AwaitChain chain = await_chain(snap, 1, 0.5);
  ASSERT_EQ(chain.links.size(), 2u);
  EXPECT_EQ(chain.links[0].name, "main");
  EXPECT_EQ(chain.links[0].what, "task fetch");
  EXPECT_EQ(chain.links[1].name, "fetch");
  EXPECT_EQ(chain.links[1].what, "sleep(2)");
  EXPECT_FALSE(chain.cycle);
  EXPECT_TRUE(await_chain(snap, 9, 0.5).links.empty());
}

TEST(AwaitChain, StopsAndSaysSoWhenTwoTasksAwaitEachOther) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "a");
  b.created(0, 2, "b");
  b.awaiting(0, 1, AwaitKind::task, 2);
  b.awaiting(0, 2, AwaitKind::task, 1);
  const AwaitChain chain = await_chain(replay(rec, rec.size()), 1, 0);
  EXPECT_EQ(chain.links.size(), 2u);
  EXPECT_TRUE(chain.cycle);
}

}  // namespace
}  // namespace loopscope::ui
