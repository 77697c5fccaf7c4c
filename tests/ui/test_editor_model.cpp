// The editor's model: Reset, the changed mark, and markers / errors following the learner's edits.
#include "ui/editor/editor.hpp"

#include <gtest/gtest.h>

using namespace loopscope::ui::editor;

namespace {
const std::vector<std::string> lesson{"import asyncio", "", "async def main():", "    await asyncio.sleep(1)"};
}

TEST(EditorModel, StartsOnTheLessonsCodeUnchanged) {
  Editor ed(lesson);
  EXPECT_EQ(ed.buffer().lines(), lesson);
  EXPECT_FALSE(ed.changed());
  EXPECT_FALSE(ed.lesson_diff().any());
}

TEST(EditorModel, ResetGoesBackToTheLessonsCodeAsOneUndoableStep) {
  Editor ed(lesson);
  ed.buffer().move(Move::doc_end, false);
  ed.buffer().type("  # mine");
  EXPECT_TRUE(ed.changed());
  EXPECT_TRUE(ed.reset());
  EXPECT_FALSE(ed.changed());
  EXPECT_FALSE(ed.reset());  // nothing to do
  ed.buffer().undo();
  EXPECT_EQ(ed.buffer().lines().back(), "    await asyncio.sleep(1)  # mine");
}

TEST(EditorModel, EmptyLinesAddedAtTheEndAreNotAChangeButAnyOtherLineIs) {
  Editor ed(lesson);
  ed.buffer().move(Move::doc_end, false);
  ed.buffer().type("\n\n");
  EXPECT_FALSE(ed.changed());  // a saved file's final newline, or Return after the last line
  ed.buffer().type("x");
  EXPECT_TRUE(ed.changed());
  Editor shorter(lesson);
  shorter.restore("import asyncio\n\nasync def main():\n");
  EXPECT_TRUE(shorter.changed());  // the last line removed
}

TEST(EditorModel, ARestoredEditIsChangedAndHasNoUndoHistory) {
  Editor ed(lesson);
  ed.restore("print(1)");
  EXPECT_TRUE(ed.changed());
  EXPECT_EQ(ed.buffer().undo_depth(), 0u);
  EXPECT_EQ(ed.lesson_diff().lines.front(), LineChange::changed);
}

TEST(EditorModel, RunSourceLinesFollowLinesInsertedAboveThem) {
  Editor ed(lesson);
  ed.buffer().set_cursor({1, 0}, false);
  ed.buffer().paste_text("x = 1\ny = 2\n");
  // The run source is still the lesson's code: its line 4 (index 3) is now the sixth line.
  EXPECT_EQ(ed.run_diff().old_to_new[3], 5);
  EXPECT_EQ(ed.lesson_diff().lines[1], LineChange::added);
}

TEST(EditorModel, DiagnosticsFollowLinesInsertedAboveTheirLine) {
  Editor ed(lesson);
  ed.set_diagnostics({{4, 5, 4, 10, "here"}});  // of the text as it is now
  ed.buffer().set_cursor({0, 0}, false);
  ed.buffer().paste_text("# one\n# two\n");
  EXPECT_EQ(ed.diagnostics_diff().old_to_new[3], 5);
}

TEST(EditorModel, DiagnosticsOfAnotherSourceAreMappedFromIt) {
  Editor ed(lesson);
  std::vector<std::string> ran = lesson;
  ran.insert(ran.begin(), "# ran with a header");
  ed.set_diagnostics({{5, 5, 5, 10, "here"}}, ran);
  EXPECT_EQ(ed.diagnostics_diff().old_to_new[4], 3);
  EXPECT_EQ(ed.diagnostics_diff().old_to_new[0], -1);
}

TEST(EditorModel, RevealLinePutsTheCursorAtThatLinesStart) {
  Editor ed(lesson);
  ed.reveal_line(3);
  EXPECT_EQ(ed.buffer().cursor(), (TextPos{2, 0}));
  EXPECT_TRUE(ed.scroll_to_cursor);
}

TEST(EditorModel, DiagnosticsAreKeptUntilReplaced) {
  Editor ed(lesson);
  ed.set_diagnostics({{4, 5, 4, 10, "unsupported: await outside a task"}});
  ASSERT_EQ(ed.diagnostics().size(), 1u);
  EXPECT_EQ(ed.diagnostics()[0].message, "unsupported: await outside a task");
  ed.set_diagnostics({});
  EXPECT_TRUE(ed.diagnostics().empty());
}

TEST(EditorModel, ANewRunSourceIsWhatMarkersReferTo) {
  Editor ed(lesson);
  ed.buffer().set_cursor({0, 0}, false);
  ed.buffer().paste_text("# header\n");
  ed.set_run_source(ed.buffer().lines());
  EXPECT_EQ(ed.run_diff().old_to_new[4], 4);
  EXPECT_FALSE(ed.run_diff().any());
}
