// test_timeline_model.cpp — lanes and segments built from hand-made traces, the visible-range
// queries, and the timeline view's zoom / pan / tick maths.
#include "ui/timeline_model.hpp"
#include "ui/timeline_view.hpp"

#include "timeline_trace_builder.hpp"

#include <loopscope/snapshot.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace loopscope::ui {
namespace {

using testing::TraceBuilder;

// One task that sleeps 2 s once: created at 0, ready, runs, sleeps until 2, ready, runs, done.
struct SleepOnce {
  TraceRecorder rec;
  std::size_t sleep_ev = 0, wake_ev = 0, done_ev = 0;
  SleepOnce() {
    TraceBuilder b(rec);
    b.created(0, 1, "worker");
    b.scheduled(0, 1, 11);
    b.resumed(0, 1);
    sleep_ev = b.sleeping(0, 1, 2.0, "sleep(2.0)");
    wake_ev = b.scheduled(2, 1, 12);
    b.resumed(2, 1);
    done_ev = b.done(2, 1);
  }
};

TEST(TimelineModel, StartsWithOnlyTheLoopLane) {
  TimelineModel m;
  ASSERT_EQ(m.lanes().size(), 1u);
  EXPECT_EQ(m.lanes()[0].task, 0u);
  EXPECT_EQ(m.lanes()[0].name, "event loop");
  EXPECT_TRUE(m.lanes()[0].segments.empty());
}

TEST(TimelineModel, KnowsWhichKindsItsLanesHaveForTheLegend) {
  SleepOnce s;
  TimelineModel m;
  m.update(s.rec);
  EXPECT_TRUE(m.has_kind(SegmentKind::sleeping));
  EXPECT_TRUE(m.has_kind(SegmentKind::done));
  EXPECT_FALSE(m.has_kind(SegmentKind::failed));
  EXPECT_FALSE(m.has_kind(SegmentKind::io));
  EXPECT_FALSE(m.has_kind(SegmentKind::blocked));
  m.reset();
  EXPECT_FALSE(m.has_kind(SegmentKind::sleeping));
}

TEST(TimelineModel, BuildsReadyRunSleepReadyRunDoneForOneSleepingTask) {
  SleepOnce s;
  TimelineModel m;
  m.update(s.rec);
  ASSERT_EQ(m.lanes().size(), 2u);
  const Lane& lane = m.lanes()[1];
  EXPECT_EQ(lane.task, 1u);
  EXPECT_EQ(lane.name, "worker");
  ASSERT_EQ(lane.segments.size(), 6u);
  const SegmentKind kinds[] = {SegmentKind::ready, SegmentKind::running, SegmentKind::sleeping,
                               SegmentKind::ready, SegmentKind::running, SegmentKind::done};
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(lane.segments[i].kind, kinds[i]) << i;

  const Segment& sleep = lane.segments[2];
  EXPECT_DOUBLE_EQ(sleep.t0, 0.0);
  EXPECT_DOUBLE_EQ(sleep.t1, 2.0);
  EXPECT_EQ(sleep.ev_begin, s.sleep_ev);
  EXPECT_EQ(sleep.ev_end, s.wake_ev);
  EXPECT_DOUBLE_EQ(sleep.detail.deadline, 2.0);
  EXPECT_EQ(s.rec.str(sleep.detail.label), "sleep(2.0)");
  // Zero-length running slices are kept.
  EXPECT_DOUBLE_EQ(lane.segments[1].t0, lane.segments[1].t1);
  // The terminal marker is closed and marks the lane finished.
  EXPECT_FALSE(lane.segments[5].open());
  EXPECT_EQ(lane.finished_event, s.done_ev);
}

TEST(TimelineModel, DescribesASleepWithItsDeadline) {
  SleepOnce s;
  TimelineModel m;
  m.update(s.rec);
  EXPECT_EQ(m.describe(m.lanes()[1].segments[2], s.rec), "sleep(2.0) until 2.000 s");
}

TEST(TimelineModel, DescribesAnAwaitedTaskByName) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "main");
  b.created(0, 2, "fetch", 1);
  b.resumed(0, 1);
  b.awaiting(0, 1, AwaitKind::task, 2);
  TimelineModel m;
  m.update(rec);
  const Segment& wait = m.lanes()[1].segments.back();
  EXPECT_EQ(wait.kind, SegmentKind::waiting);
  EXPECT_EQ(m.describe(wait, rec), "awaits task fetch");
  EXPECT_EQ(m.lanes()[2].parent, 1u);
}

TEST(TimelineModel, SocketWaitsAreIoAndPrimitivesAreWaiting) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "a");
  b.resumed(0, 1);
  b.io(0, 1, 7, IoDirection::read);
  b.scheduled(0.5, 1);
  b.resumed(0.5, 1);
  b.awaiting(0.5, 1, AwaitKind::lock, 3, "Lock#3");
  TimelineModel m;
  m.update(rec);
  const auto& segs = m.lanes()[1].segments;
  ASSERT_EQ(segs.size(), 5u);
  EXPECT_EQ(segs[1].kind, SegmentKind::io);
  EXPECT_EQ(m.describe(segs[1], rec), "awaits read fd 7");
  EXPECT_EQ(segs[4].kind, SegmentKind::waiting);
  EXPECT_TRUE(segs[4].open());
  EXPECT_EQ(m.describe(segs[4], rec), "awaits Lock#3");
}

TEST(TimelineModel, BlockingCutsTheRunningSliceAndShowsOnTheLoopLane) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.iteration(0, 1);
  b.phase(0, LoopPhase::run_ready);
  b.created(0, 1, "blocker");
  b.resumed(0, 1);
  const std::size_t begin = b.blocking_begin(0, 1, 1.5, "time.sleep(1.5)");
  const std::size_t end = b.blocking_end(1.5, 1);
  b.sleeping(1.5, 1, 2.5, "sleep(1)");
  TimelineModel m;
  m.update(rec);

  const auto& task = m.lanes()[1].segments;
  ASSERT_EQ(task.size(), 4u);
  EXPECT_EQ(task[0].kind, SegmentKind::running);
  EXPECT_EQ(task[1].kind, SegmentKind::blocked);
  EXPECT_DOUBLE_EQ(task[1].t0, 0.0);
  EXPECT_DOUBLE_EQ(task[1].t1, 1.5);
  EXPECT_EQ(task[1].ev_begin, begin);
  EXPECT_EQ(task[1].ev_end, end);
  EXPECT_EQ(task[2].kind, SegmentKind::running);  // resumes after the blocking section
  EXPECT_DOUBLE_EQ(task[2].t0, 1.5);
  EXPECT_EQ(task[3].kind, SegmentKind::sleeping);
  EXPECT_EQ(m.describe(task[1], rec), "loop thread blocked in time.sleep(1.5)");

  const auto& loop = m.lanes()[0].segments;
  ASSERT_EQ(loop.size(), 3u);
  EXPECT_EQ(loop[0].kind, SegmentKind::run_ready);
  EXPECT_EQ(loop[1].kind, SegmentKind::blocked);
  EXPECT_DOUBLE_EQ(loop[1].t1, 1.5);
  EXPECT_EQ(loop[2].kind, SegmentKind::run_ready);
  EXPECT_TRUE(loop[2].open());
}

TEST(TimelineModel, BlockingWithoutATaskIdIsChargedToTheRunningTask) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "cpu");
  b.resumed(0, 1);
  b.blocking_begin(0, 0, 0.25, "cpu_work(0.25)");
  b.blocking_end(0.25, 0);
  TimelineModel m;
  m.update(rec);
  const auto& task = m.lanes()[1].segments;
  ASSERT_EQ(task.size(), 3u);
  EXPECT_EQ(task[1].kind, SegmentKind::blocked);
  EXPECT_EQ(m.lanes()[0].segments.size(), 1u);
  EXPECT_EQ(m.lanes()[0].segments[0].kind, SegmentKind::blocked);
}

TEST(TimelineModel, LoopLaneFollowsThePhasesWithPollTimeoutAndIteration) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.iteration(0, 4);
  b.phase(0, LoopPhase::poll, 1.5);
  b.phase(1.5, LoopPhase::timers);
  b.phase(1.5, LoopPhase::run_ready);
  b.phase(1.5, LoopPhase::idle);
  TimelineModel m;
  m.update(rec);
  const auto& loop = m.lanes()[0].segments;
  ASSERT_EQ(loop.size(), 3u);
  EXPECT_EQ(loop[0].kind, SegmentKind::poll);
  EXPECT_DOUBLE_EQ(loop[0].t1, 1.5);
  EXPECT_EQ(m.describe(loop[0], rec), "iteration 4: poll, timeout 1.500 s");
  EXPECT_EQ(loop[1].kind, SegmentKind::timers);
  EXPECT_EQ(loop[2].kind, SegmentKind::run_ready);
  EXPECT_FALSE(loop[2].open());  // idle closes the iteration
}

TEST(TimelineModel, TerminalKindsFollowTheTasksEnd) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "a");
  b.created(0, 2, "b");
  b.resumed(0, 1);
  b.failed(0.1, 1, "ValueError: boom");
  b.resumed(0.1, 2);
  b.cancelled(0.2, 2);
  TimelineModel m;
  m.update(rec);
  EXPECT_EQ(m.lanes()[1].segments.back().kind, SegmentKind::failed);
  EXPECT_EQ(m.describe(m.lanes()[1].segments.back(), rec), "failed: ValueError: boom");
  EXPECT_EQ(m.lanes()[2].segments.back().kind, SegmentKind::cancelled);
  EXPECT_DOUBLE_EQ(m.lanes()[2].segments[0].t1, 0.2);
}

TEST(TimelineModel, UpdatingEventByEventEqualsUpdatingOnce) {
  SleepOnce s;
  TraceRecorder partial;
  TimelineModel incremental;
  for (const TraceEvent& e : s.rec.events()) {
    partial.record(e);
    incremental.update(partial);
  }
  TimelineModel once;
  once.update(s.rec);
  ASSERT_EQ(incremental.lanes().size(), once.lanes().size());
  const auto& a = incremental.lanes()[1].segments;
  const auto& b = once.lanes()[1].segments;
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].kind, b[i].kind);
    EXPECT_EQ(a[i].t0, b[i].t0);
    EXPECT_EQ(a[i].t1, b[i].t1);
    EXPECT_EQ(a[i].ev_end, b[i].ev_end);
  }
  EXPECT_EQ(incremental.consumed(), s.rec.size());
}

TEST(TimelineModel, StartsOverWhenTheTraceShrinks) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "first");
  b.resumed(0, 1);
  b.done(0, 1);
  TimelineModel m;
  m.update(rec);
  ASSERT_EQ(m.lanes()[1].name, "first");
  rec.clear();
  b.created(0, 1, "second");
  b.resumed(0, 1);
  m.update(rec);
  ASSERT_EQ(m.lanes().size(), 2u);
  EXPECT_EQ(m.lanes()[1].name, "second");
  EXPECT_EQ(m.lanes()[1].segments.size(), 1u);
  EXPECT_EQ(m.consumed(), 2u);
}

TEST(TimelineModel, StartsOverWhenTheLastConsumedEventChanged) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "first");
  b.resumed(0, 1);
  TimelineModel m;
  m.update(rec);
  rec.clear();
  b.created(0, 1, "second");
  b.scheduled(0, 1);
  b.resumed(0, 1);
  m.update(rec);
  EXPECT_EQ(m.lanes()[1].name, "second");
  EXPECT_EQ(m.lanes()[1].segments.size(), 2u);
}

TEST(TimelineModel, ResetForgetsEverythingButTheLoopLane) {
  SleepOnce s;
  TimelineModel m;
  m.update(s.rec);
  m.reset();
  EXPECT_EQ(m.lanes().size(), 1u);
  EXPECT_EQ(m.consumed(), 0u);
  m.update(s.rec);
  EXPECT_EQ(m.lanes()[1].segments.size(), 6u);
}

TEST(TimelineModel, ClipsToTheCursorSegmentsAndLanes) {
  SleepOnce s;
  TraceBuilder b(s.rec);
  const std::size_t late = b.created(3, 2, "late");
  TimelineModel m;
  m.update(s.rec);
  // Cursor just after the sleep began, time shown 1.25 s: the sleep is open and ends at "now".
  const std::size_t cursor = s.sleep_ev + 1;
  const Segment& sleep = m.lanes()[1].segments[2];
  EXPECT_DOUBLE_EQ(TimelineModel::end_at(sleep, cursor, 1.25), 1.25);
  EXPECT_DOUBLE_EQ(TimelineModel::end_at(sleep, s.rec.size(), 1.25), 2.0);
  // Segments that begin after the cursor are not shown.
  const SegmentRange r = m.visible(1, 0.0, 10.0, cursor, 1.25);
  EXPECT_EQ(r, (SegmentRange{0, 3}));
  // The late task's lane does not exist yet at that cursor.
  EXPECT_EQ(m.lanes_at(cursor), 2u);
  EXPECT_EQ(m.lanes_at(late), 2u);
  EXPECT_EQ(m.lanes_at(late + 1), 3u);
}

// A task that sleeps 1 s a hundred times: segments ready/running/sleeping per second.
struct Ticker {
  TraceRecorder rec;
  Ticker() {
    TraceBuilder b(rec);
    b.created(0, 1, "ticker");
    for (int i = 0; i < 100; ++i) {
      b.scheduled(i, 1);
      b.resumed(i, 1);
      b.sleeping(i, 1, i + 1.0, "sleep(1)");
    }
  }
};

TEST(TimelineModel, VisibleRangeReturnsOnlyTheSegmentsOnScreen) {
  Ticker tk;
  TimelineModel m;
  m.update(tk.rec);
  const auto& segs = m.lanes()[1].segments;
  ASSERT_EQ(segs.size(), 300u);
  const SegmentRange r = m.visible(1, 10.5, 12.5, tk.rec.size(), 100.0);
  // sleep [10, 11], then second 11 (ready, running, sleep [11, 12]), then second 12's three.
  ASSERT_EQ(r, (SegmentRange{32, 39}));
  for (std::size_t i = r.begin; i < r.end; ++i) {
    EXPECT_LE(segs[i].t0, 12.5);
    EXPECT_GE(segs[i].t1, 10.5);
  }
  EXPECT_LT(segs[r.begin - 1].t1, 10.5);
  EXPECT_GT(segs[r.end].t0, 12.5);
}

TEST(TimelineModel, VisibleRangeIsEmptyOutsideTheTraceAndBeforeTheFirstEvent) {
  Ticker tk;
  TimelineModel m;
  m.update(tk.rec);
  EXPECT_TRUE(m.visible(1, 200.0, 300.0, tk.rec.size(), 100.0).empty());
  EXPECT_TRUE(m.visible(1, -5.0, -1.0, tk.rec.size(), 100.0).empty());
  EXPECT_TRUE(m.visible(1, 0.0, 100.0, 0, 0.0).empty());
  EXPECT_TRUE(m.visible(7, 0.0, 100.0, tk.rec.size(), 100.0).empty());
}

TEST(TimelineModel, VisibleRangeDropsTheOpenSegmentWhenClippedBeforeTheWindow) {
  SleepOnce s;
  TimelineModel m;
  m.update(s.rec);
  // At the cursor the sleep has only run to 0.5 s: a window [1, 2] shows nothing.
  EXPECT_TRUE(m.visible(1, 1.0, 2.0, s.sleep_ev + 1, 0.5).empty());
  EXPECT_EQ(m.visible(1, 0.25, 2.0, s.sleep_ev + 1, 0.5).size(), 1u);
}

TEST(TimelineModel, DominantKindOfMergedSegmentsPrefersBlockedThenRunning) {
  Ticker tk;
  TimelineModel m;
  m.update(tk.rec);
  EXPECT_EQ(m.dominant(1, {0, 3}), SegmentKind::running);  // ready, running, sleeping
  EXPECT_EQ(m.dominant(1, {2, 3}), SegmentKind::sleeping);
  EXPECT_EQ(m.dominant(1, {2, 4}), SegmentKind::ready);    // no emphasis: the last one
  EXPECT_EQ(m.first_starting_at(1, 0, 10.0), 30u);
  EXPECT_EQ(m.first_starting_at(1, 0, 10.5), 33u);
  EXPECT_EQ(m.first_starting_at(1, 0, 1000.0), 300u);
}

TEST(TimelineModel, LaneIndexFindsTasksAndRejectsUnknownOnes) {
  SleepOnce s;
  TimelineModel m;
  m.update(s.rec);
  EXPECT_EQ(m.lane_index(0), 0u);
  EXPECT_EQ(m.lane_index(1), 1u);
  EXPECT_EQ(m.lane_index(42), TimelineModel::npos);
}

// ---- agreement with replay() ---------------------------------------------------------------

// The lane's state when `cursor` events are in the past: the kind of the segment begun last,
// or nothing if that segment had already ended (a gap) or none has begun.
struct Shown {
  bool any = false;
  SegmentKind kind = SegmentKind::ready;
  bool is(SegmentKind k) const { return any && kind == k; }
};

Shown state_at(const Lane& lane, std::size_t cursor) {
  Shown out;
  for (const Segment& s : lane.segments) {
    if (s.ev_begin >= cursor) break;
    const bool ended = !s.open() && s.ev_end < cursor && !is_terminal(s.kind);
    out.any = !ended;
    out.kind = s.kind;
  }
  return out;
}

// What a lane must show for a task in replay's snapshot.
bool agrees(const Shown& shown, const TaskSnapshot& t, bool loop_blocked) {
  switch (t.state) {
    case TaskState::pending: return !shown.any || shown.is(SegmentKind::ready);
    case TaskState::running:
      return shown.is(SegmentKind::running) || (loop_blocked && shown.is(SegmentKind::blocked));
    case TaskState::suspended:
      switch (t.awaiting.kind) {
        case AwaitKind::sleep: return shown.is(SegmentKind::sleeping);
        case AwaitKind::io: return shown.is(SegmentKind::io);
        default: return shown.is(SegmentKind::waiting);
      }
    case TaskState::done: return shown.is(SegmentKind::done);
    case TaskState::cancelled: return shown.is(SegmentKind::cancelled);
    case TaskState::failed: return shown.is(SegmentKind::failed);
  }
  return false;
}

// Every kind of step a task can take, in one trace.
TraceRecorder everything() {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.iteration(0, 1);
  b.phase(0, LoopPhase::poll, 0);
  b.phase(0, LoopPhase::timers);
  b.phase(0, LoopPhase::run_ready);
  b.created(0, 1, "main");
  b.scheduled(0, 1);
  b.resumed(0, 1);
  b.created(0, 2, "sleeper", 1);
  b.scheduled(0, 2);
  b.created(0, 3, "reader", 1);
  b.scheduled(0, 3);
  b.awaiting(0, 1, AwaitKind::gather, 1, "gather(sleeper, reader)");
  b.resumed(0, 2);
  b.blocking_begin(0, 2, 0.5, "time.sleep(0.5)");
  b.blocking_end(0.5, 2);
  b.sleeping(0.5, 2, 1.5, "sleep(1)");
  b.resumed(0.5, 3);
  b.io(0.5, 3, 7, IoDirection::read);
  b.phase(0.5, LoopPhase::idle);
  b.iteration(0.5, 2);
  b.phase(0.5, LoopPhase::poll, 1.0);
  b.phase(1.5, LoopPhase::timers);
  b.scheduled(1.5, 2);
  b.scheduled(1.5, 3);
  b.phase(1.5, LoopPhase::run_ready);
  b.resumed(1.5, 2);
  b.done(1.5, 2);
  b.resumed(1.5, 3);
  b.failed(1.5, 3, "OSError: reset");
  b.scheduled(1.5, 1);
  b.phase(1.5, LoopPhase::idle);
  b.iteration(1.5, 3);
  b.phase(1.5, LoopPhase::run_ready);
  b.resumed(1.5, 1);
  b.cancelled(1.5, 1);
  b.phase(1.5, LoopPhase::idle);
  return rec;
}

TEST(TimelineModel, EveryTaskLaneAgreesWithReplayAtEveryCursor) {
  const TraceRecorder rec = everything();
  TimelineModel m;
  m.update(rec);
  for (std::size_t k = 0; k <= rec.size(); ++k) {
    const LoopSnapshot snap = replay(rec, k);
    EXPECT_EQ(m.lanes_at(k), snap.tasks.size() + 1) << "cursor " << k;
    for (const TaskSnapshot& t : snap.tasks) {
      const std::size_t li = m.lane_index(t.id);
      ASSERT_NE(li, TimelineModel::npos);
      const auto shown = state_at(m.lanes()[li], k);
      EXPECT_TRUE(agrees(shown, t, snap.blocking))
          << "cursor " << k << ", task " << t.name << ": lane shows "
          << (shown.any ? segment_kind_name(shown.kind) : "nothing");
    }
  }
}

// ---- the view --------------------------------------------------------------------------------

TEST(TimelineView, MapsTimeToPixelsAndBack) {
  TimelineView v;
  v.seconds_per_px = 0.01;
  v.t_left = 1.0;
  EXPECT_DOUBLE_EQ(time_to_x(v, 1.0), 0.0);
  EXPECT_DOUBLE_EQ(time_to_x(v, 2.0), 100.0);
  EXPECT_DOUBLE_EQ(x_to_time(v, 250.0), 3.5);
  EXPECT_NEAR(x_to_time(v, time_to_x(v, 4.321)), 4.321, 1e-12);
}

TEST(TimelineView, ZoomKeepsTheTimeUnderTheMouseFixed) {
  TimelineView v;
  v.seconds_per_px = 0.01;
  v.t_left = 0.0;
  const double before = x_to_time(v, 300.0);
  zoom_about(v, 2.0, 300.0);
  EXPECT_DOUBLE_EQ(v.seconds_per_px, 0.005);
  EXPECT_NEAR(x_to_time(v, 300.0), before, 1e-12);
  zoom_about(v, 0.25, 300.0);
  EXPECT_DOUBLE_EQ(v.seconds_per_px, 0.02);
}

TEST(TimelineView, ZoomIsClampedAndNeverShowsFarBeforeZero) {
  TimelineView v;
  v.seconds_per_px = 0.01;
  zoom_about(v, 1e12, 0.0);
  EXPECT_DOUBLE_EQ(v.seconds_per_px, min_seconds_per_px);
  zoom_about(v, 1e-12, 500.0);
  EXPECT_DOUBLE_EQ(v.seconds_per_px, max_seconds_per_px);
  EXPECT_GE(v.t_left, -left_margin_px * v.seconds_per_px);
}

TEST(TimelineView, DraggingRightShowsEarlierTimes) {
  TimelineView v;
  v.seconds_per_px = 0.01;
  v.t_left = 5.0;
  pan(v, 100.0);
  EXPECT_DOUBLE_EQ(v.t_left, 4.0);
  pan(v, -50.0);
  EXPECT_DOUBLE_EQ(v.t_left, 4.5);
  pan(v, 1e6);
  EXPECT_DOUBLE_EQ(v.t_left, -left_margin_px * 0.01);
}

TEST(TimelineView, FitShowsTheWholeRangeWithMargins) {
  TimelineView v;
  fit(v, 0.0, 6.0, 624.0);
  EXPECT_DOUBLE_EQ(v.seconds_per_px, 6.0 / 600.0);
  EXPECT_DOUBLE_EQ(time_to_x(v, 0.0), left_margin_px);
  EXPECT_DOUBLE_EQ(time_to_x(v, 6.0), 624.0 - left_margin_px);
}

TEST(TimelineView, FollowFitsEverythingByDefaultAndKeepsNowOnScreenWhenZoomed) {
  TimelineView v;
  EXPECT_EQ(v.follow, FollowMode::fit_all);
  follow(v, 2.0, 3.0, 624.0);
  EXPECT_DOUBLE_EQ(time_to_x(v, 3.0), 624.0 - left_margin_px);
  follow(v, 0.1, 0.2, 624.0);  // short programs still show at least one second
  EXPECT_DOUBLE_EQ(time_to_x(v, 1.0), 624.0 - left_margin_px);

  v.follow = FollowMode::now;
  v.seconds_per_px = 0.01;  // 6 s on screen
  v.t_left = 0.0;
  follow(v, 10.0, 10.0, 600.0);
  EXPECT_GT(time_to_x(v, 10.0), 0.0);
  EXPECT_LT(time_to_x(v, 10.0), 600.0);
  const double left = v.t_left;
  follow(v, 10.5, 10.5, 600.0);  // still on screen: no jump
  EXPECT_DOUBLE_EQ(v.t_left, left);

  v.follow = FollowMode::free;
  follow(v, 50.0, 50.0, 600.0);
  EXPECT_DOUBLE_EQ(v.t_left, left);
}

TEST(TimelineView, PicksNiceTickSpacings) {
  EXPECT_DOUBLE_EQ(tick_step(0.01, 80), 1.0);     // 0.8 s -> 1 s
  EXPECT_DOUBLE_EQ(tick_step(0.005, 80), 0.5);    // 0.4 s -> 0.5 s
  EXPECT_DOUBLE_EQ(tick_step(0.0015, 80), 0.2);   // 0.12 s -> 0.2 s
  EXPECT_NEAR(tick_step(1e-5, 80), 0.001, 1e-15); // 0.8 ms -> 1 ms
  EXPECT_DOUBLE_EQ(tick_step(0.1, 100), 10.0);
}

TEST(TimelineView, LabelsTicksInSecondsThenMillisecondsWhenZoomedIn) {
  EXPECT_EQ(format_tick(0.0, 0.5), "0");
  EXPECT_EQ(format_tick(0.5, 0.5), "0.5 s");
  EXPECT_EQ(format_tick(1.0, 0.5), "1 s");
  EXPECT_EQ(format_tick(12.0, 2.0), "12 s");
  EXPECT_EQ(format_tick(0.2, 0.2), "0.2 s");
  EXPECT_EQ(format_tick(2.51, 0.01), "2510 ms");
  EXPECT_EQ(format_tick(2.5105, 0.0005), "2510.5 ms");
  EXPECT_EQ(format_tick(0.0, 0.001), "0");
}

}  // namespace
}  // namespace loopscope::ui
