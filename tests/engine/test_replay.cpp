// Tests for snapshot.hpp: replay() and SnapshotBuilder rebuild the state from the trace alone.
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

TEST(Replay, RebuildsReadyQueueTasksTimersAndOutputFromAPrefix) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto t = loop.create_task([]() -> Coro<> {
    EventLoop::current()->annotate(Annotation::location(3, 7));
    EventLoop::current()->annotate(Annotation::output("hello"));
    co_await sleep(2);
  }(), "sleeper");
  loop.call_soon([] {}, "cb");
  LoopSnapshot s0 = replay(rec, rec.size());
  ASSERT_EQ(s0.ready.size(), 2u);
  EXPECT_EQ(s0.ready[0].task, t.id());
  EXPECT_EQ(s0.ready[1].label, "cb");
  loop.run_once();
  LoopSnapshot s1 = replay(rec, rec.size());
  EXPECT_EQ(s1, loop.snapshot());
  ASSERT_EQ(s1.tasks.size(), 1u);
  EXPECT_EQ(s1.tasks[0].name, "sleeper");
  EXPECT_EQ(s1.tasks[0].state, TaskState::suspended);
  EXPECT_EQ(s1.tasks[0].awaiting.kind, AwaitKind::sleep);
  EXPECT_EQ(s1.tasks[0].awaiting.label, "sleep(2)");
  EXPECT_DOUBLE_EQ(s1.tasks[0].awaiting.deadline, 2.0);
  EXPECT_EQ(s1.tasks[0].line_a, 3);
  EXPECT_EQ(s1.tasks[0].line_b, 7);
  ASSERT_EQ(s1.timers.size(), 1u);
  EXPECT_EQ(s1.timers[0].task, t.id());
  ASSERT_EQ(s1.output.size(), 1u);
  EXPECT_EQ(s1.output[0].text, "hello");
  // an earlier prefix still shows the state before the iteration
  EXPECT_EQ(replay(rec, 0), LoopSnapshot{});
  loop.run_once();
  loop.run_once();
  EXPECT_EQ(replay(rec, rec.size()), loop.snapshot());
  EXPECT_EQ(loop.snapshot().tasks[0].state, TaskState::done);
}

TEST(Replay, SnapshotBuilderAppliesEventsIncrementally) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  loop.create_task([]() -> Coro<> { co_await sleep(1); }());
  while (loop.run_once()) {}
  SnapshotBuilder b(rec);
  for (const auto& e : rec.events()) b.apply(e);
  EXPECT_EQ(b.state(), replay(rec, rec.size()));
  EXPECT_EQ(b.state(), loop.snapshot());
}

TEST(Replay, AFailedTaskCarriesItsError) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  loop.set_exception_handler([](const ExceptionContext&) {});
  loop.create_task([]() -> Coro<> {
    co_await sleep(0);
    throw InvalidStateError("nope");
  }());
  check::run_checked(loop, rec);
  auto s = replay(rec, rec.size());
  ASSERT_EQ(s.tasks.size(), 1u);
  EXPECT_EQ(s.tasks[0].state, TaskState::failed);
  EXPECT_EQ(s.tasks[0].error, "InvalidStateError: nope");
}

TEST(Replay, ATaskKeepsItsLastFramesTextWhileItLivesLiveAndReplayed) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto t = loop.create_task([]() -> Coro<> {
    EventLoop::current()->annotate(Annotation::frames("frame main\t3\n"));
    co_await sleep(1);
    EventLoop::current()->annotate(Annotation::frames("frame main\t5\nlocal x\t1\n"));
    co_await sleep(1);
  }(), "framed");
  loop.run_once();
  EXPECT_EQ(replay(rec, rec.size()), loop.snapshot());
  EXPECT_EQ(loop.snapshot().tasks[0].frames, "frame main\t3\n");
  while (loop.run_once()) {
    EXPECT_EQ(replay(rec, rec.size()), loop.snapshot());
    if (!t.done()) {
      EXPECT_FALSE(loop.snapshot().tasks[0].frames.empty());
    }
  }
  // A finished task has no frames, live or replayed.
  EXPECT_EQ(loop.snapshot().tasks[0].frames, "");
  EXPECT_EQ(replay(rec, rec.size()), loop.snapshot());
  std::size_t frames_events = 0;
  for (const auto& e : rec.events())
    if (e.kind == TraceKind::frames) {
      ++frames_events;
      EXPECT_EQ(e.task, t.id());
    }
  EXPECT_EQ(frames_events, 2u);
  EXPECT_EQ(to_string(TraceKind::frames), std::string("frames"));
}
