// test_console_model.cpp — console lines from output and task_failed events, up to a cursor.
#include "ui/console_model.hpp"

#include "timeline_trace_builder.hpp"

#include <gtest/gtest.h>

namespace loopscope::ui {
namespace {

using testing::TraceBuilder;

TEST(ConsoleModel, CollectsOutputLinesWithTimeTaskAndEventIndex) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "main");
  b.created(0, 2, "job-1");
  const std::size_t first = b.output(0, 1, "start");
  b.resumed(0, 2);
  const std::size_t second = b.output(2.0, 2, "job 1 done");
  ConsoleModel m;
  m.update(rec);
  ASSERT_EQ(m.lines().size(), 2u);
  EXPECT_EQ(m.lines()[0].text, "start");
  EXPECT_EQ(m.lines()[0].task, 1u);
  EXPECT_EQ(m.lines()[0].event, first);
  EXPECT_EQ(m.lines()[1].text, "job 1 done");
  EXPECT_DOUBLE_EQ(m.lines()[1].time, 2.0);
  EXPECT_EQ(m.lines()[1].event, second);
  EXPECT_EQ(m.lines()[1].kind, ConsoleLineKind::output);
  EXPECT_EQ(m.task_name(2), "job-1");
  EXPECT_EQ(m.task_name(0), "loop");
  EXPECT_EQ(m.task_name(9), "Task-9");
}

TEST(ConsoleModel, ATracebackAddsErrorLinesThatNameTheProgramLines) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "main");
  b.output(1.0, 1, "before");
  ConsoleModel m;
  m.update(rec);
  m.add_traceback("Traceback (most recent call last):\n"
                  "  File \"listing.py\", line 6, in <module>\n"
                  "    asyncio.run(main())\n"
                  "  File \"listing.py\", line 3, in f\n"
                  "    raise ValueError(\"bad\")\n"
                  "ValueError: bad\n",
                  rec.size() - 1, 1.0);
  ASSERT_EQ(m.lines().size(), 7u);
  const std::vector<int> lines = {0, 0, 6, 6, 3, 3, 0};
  for (std::size_t i = 1; i < m.lines().size(); ++i) {
    EXPECT_EQ(m.lines()[i].kind, ConsoleLineKind::error) << i;
    EXPECT_EQ(m.lines()[i].source_line, lines[i]) << m.lines()[i].text;
  }
  EXPECT_EQ(m.lines().back().text, "ValueError: bad");
  EXPECT_EQ(m.visible_count(rec.size()), 7u);
}

TEST(ConsoleModel, ShowsOnlyTheLinesPrintedBeforeTheCursor) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "main");
  const std::size_t a = b.output(0, 1, "a");
  const std::size_t c = b.output(1, 1, "b");
  ConsoleModel m;
  m.update(rec);
  EXPECT_EQ(m.visible_count(0), 0u);
  EXPECT_EQ(m.visible_count(a), 0u);
  EXPECT_EQ(m.visible_count(a + 1), 1u);
  EXPECT_EQ(m.visible_count(c), 1u);
  EXPECT_EQ(m.visible_count(c + 1), 2u);
  EXPECT_EQ(m.visible_count(rec.size() + 10), 2u);
}

TEST(ConsoleModel, SeekingToALineMakesItTheNewestShown) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "main");
  b.output(0, 1, "a");
  b.output(1, 1, "b");
  ConsoleModel m;
  m.update(rec);
  const std::size_t cursor = m.seek_cursor_for(0);
  EXPECT_EQ(m.visible_count(cursor), 1u);
  EXPECT_EQ(m.visible_count(m.seek_cursor_for(1)), 2u);
}

TEST(ConsoleModel, ReportsAFailedTaskAsAnErrorLine) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "parser");
  const std::size_t ev = b.failed(0.5, 1, "ValueError: bad input");
  b.cancelled(0.5, 1);  // cancellations are not console lines
  ConsoleModel m;
  m.update(rec);
  ASSERT_EQ(m.lines().size(), 1u);
  EXPECT_EQ(m.lines()[0].kind, ConsoleLineKind::error);
  EXPECT_EQ(m.lines()[0].text, "Task 'parser' failed: ValueError: bad input");
  EXPECT_EQ(m.lines()[0].event, ev);
}

TEST(ConsoleModel, SplitsMultiLineOutputAndDropsOneTrailingNewline) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.output(0, 0, "one\ntwo\n");
  b.output(0, 0, "");
  ConsoleModel m;
  m.update(rec);
  ASSERT_EQ(m.lines().size(), 3u);
  EXPECT_EQ(m.lines()[0].text, "one");
  EXPECT_EQ(m.lines()[1].text, "two");
  EXPECT_EQ(m.lines()[1].event, 0u);
  EXPECT_EQ(m.lines()[2].text, "");  // print() prints an empty line
}

TEST(ConsoleModel, ConsumesOnlyNewEventsAndStartsOverWhenTheTraceShrinks) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.output(0, 0, "a");
  ConsoleModel m;
  m.update(rec);
  b.output(1, 0, "b");
  m.update(rec);
  m.update(rec);
  ASSERT_EQ(m.lines().size(), 2u);
  rec.clear();
  m.update(rec);
  EXPECT_TRUE(m.lines().empty());
  b.output(0, 0, "fresh");
  m.update(rec);
  ASSERT_EQ(m.lines().size(), 1u);
  EXPECT_EQ(m.lines()[0].text, "fresh");
}

}  // namespace
}  // namespace loopscope::ui

TEST(ConsoleModel, EngineWarningsAppearAsWarningLines) {
  loopscope::TraceRecorder trace;
  loopscope::TraceEvent e;
  e.kind = loopscope::TraceKind::note;
  e.time = 1.5;
  e.text = trace.intern("coroutine 'worker' was never awaited");
  trace.record(e);
  loopscope::ui::ConsoleModel model;
  model.update(trace);
  ASSERT_EQ(model.lines().size(), 1u);
  EXPECT_EQ(model.lines()[0].kind, loopscope::ui::ConsoleLineKind::warning);
  EXPECT_EQ(model.lines()[0].text, "coroutine 'worker' was never awaited");
  EXPECT_DOUBLE_EQ(model.lines()[0].time, 1.5);
}

TEST(ConsoleModel, AWarningShownWhenItHappenedIsNotRepeatedWhenTheRunEndsButOthersAre) {
  loopscope::TraceRecorder trace;
  loopscope::TraceEvent e;
  e.kind = loopscope::TraceKind::note;
  e.time = 0.0;
  e.text = trace.intern("coroutine 'save' was never awaited");
  trace.record(e);
  loopscope::ui::ConsoleModel model;
  model.update(trace);
  // The run's own list at its end: the same warning, a second one of the same text (another
  // coroutine object never awaited, not noted in the trace) and one only the end knows.
  model.add_run_warnings({"coroutine 'save' was never awaited", "coroutine 'save' was never awaited",
                          "Task exception was never retrieved"},
                         0, 1.0);
  std::vector<std::string> texts;
  for (const auto& l : model.lines()) texts.push_back(l.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"coroutine 'save' was never awaited", "coroutine 'save' was never awaited",
                                             "Task exception was never retrieved"}));
  EXPECT_DOUBLE_EQ(model.lines()[0].time, 0.0);  // the first one at the time it happened
  EXPECT_DOUBLE_EQ(model.lines()[1].time, 1.0);
}
