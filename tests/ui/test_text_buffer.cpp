// The editor's text buffer: edits, motions, undo/redo, indentation, clipboard and the size cap.
#include "ui/editor/text_buffer.hpp"

#include <gtest/gtest.h>

#include <chrono>

using namespace loopscope::ui::editor;

namespace {

struct FakeClipboard : Clipboard {
  std::string text;
  std::string get() override { return text; }
  void set(std::string_view t) override { text = std::string(t); }
};

void type_all(TextBuffer& b, std::string_view s) {
  for (char c : s) {
    if (c == '\n') b.newline();
    else b.type(std::string(1, c));
  }
}

}  // namespace

TEST(TextBuffer, StartsWithOneEmptyLineAndTheCursorAtTheStart) {
  TextBuffer b;
  EXPECT_EQ(b.line_count(), 1);
  EXPECT_EQ(b.text(), "");
  EXPECT_EQ(b.cursor(), (TextPos{0, 0}));
}

TEST(TextBuffer, SetTextSplitsLinesAndNormalizesLineEndsAndTabs) {
  TextBuffer b("a\r\nb\rc\n\td");
  ASSERT_EQ(b.line_count(), 4);
  EXPECT_EQ(b.lines()[3], "    d");
  EXPECT_EQ(b.text(), "a\nb\nc\n    d");
  EXPECT_EQ(b.bytes(), b.text().size());
}

TEST(TextBuffer, InvalidUtf8BecomesReplacementCharacters) {
  TextBuffer b(std::string("x\xff" "y"));
  EXPECT_EQ(b.text(), "x\xEF\xBF\xBDy");
  EXPECT_EQ(b.line_length(0), 3);
}

TEST(TextBuffer, ColumnsCountCodePointsNotBytes) {
  TextBuffer b("é=1");
  b.move(Move::right, false);
  b.type("x");
  EXPECT_EQ(b.text(), "éx=1");
  EXPECT_EQ(b.cursor(), (TextPos{0, 2}));
}

TEST(TextBuffer, TypingInsertsAtTheCursorAndReplacesTheSelection) {
  TextBuffer b("hello world");
  b.move(Move::end, false);
  b.move(Move::word_left, true);
  EXPECT_EQ(b.selected_text(), "world");
  b.type("there");
  EXPECT_EQ(b.text(), "hello there");
  EXPECT_FALSE(b.has_selection());
}

TEST(TextBuffer, EnterKeepsTheIndentAndAddsALevelAfterAColon) {
  TextBuffer b;
  type_all(b, "async def main():\nx = 1\nif x:\npass");
  EXPECT_EQ(b.text(), "async def main():\n    x = 1\n    if x:\n        pass");
}

TEST(TextBuffer, BackspaceInTheIndentGoesBackToTheTabStop) {
  TextBuffer b("        x");
  b.set_cursor({0, 8}, false);
  b.backspace();
  EXPECT_EQ(b.text(), "    x");
  b.move(Move::end, false);
  b.backspace();
  EXPECT_EQ(b.text(), "    ");
}

TEST(TextBuffer, BackspaceAtALineStartJoinsItWithTheLineAbove) {
  TextBuffer b("ab\ncd");
  b.set_cursor({1, 0}, false);
  b.backspace();
  EXPECT_EQ(b.text(), "abcd");
  EXPECT_EQ(b.cursor(), (TextPos{0, 2}));
  b.delete_forward();
  EXPECT_EQ(b.text(), "abd");
}

TEST(TextBuffer, WordMotionsStopAtWordAndPunctuationBoundariesAndCrossLines) {
  TextBuffer b("await asyncio.sleep(1)\nx");
  b.move(Move::word_right, false);
  EXPECT_EQ(b.cursor().col, 5);
  b.move(Move::word_right, false);
  EXPECT_EQ(b.cursor().col, 13);
  b.move(Move::word_right, false);
  EXPECT_EQ(b.cursor().col, 14);
  b.move(Move::end, false);
  b.move(Move::word_right, false);
  EXPECT_EQ(b.cursor(), (TextPos{1, 0}));
  b.move(Move::word_left, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 22}));
  b.move(Move::word_left, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 21}));
}

TEST(TextBuffer, HomeGoesToTheCodeAfterTheIndentThenToTheLineStart) {
  TextBuffer b("    x = 1");
  b.move(Move::end, false);
  b.move(Move::home, false);
  EXPECT_EQ(b.cursor().col, 4);
  b.move(Move::home, false);
  EXPECT_EQ(b.cursor().col, 0);
  b.move(Move::home, false);
  EXPECT_EQ(b.cursor().col, 4);
}

TEST(TextBuffer, UpAndDownKeepTheWantedColumnAcrossShortLines) {
  TextBuffer b("long line\nx\nlong line");
  b.set_cursor({0, 7}, false);
  b.move(Move::down, false);
  EXPECT_EQ(b.cursor(), (TextPos{1, 1}));
  b.move(Move::down, false);
  EXPECT_EQ(b.cursor(), (TextPos{2, 7}));
  b.move(Move::down, false);
  EXPECT_EQ(b.cursor(), (TextPos{2, 9}));
  b.move_lines(-10, true);
  EXPECT_EQ(b.cursor(), (TextPos{0, 0}));
  EXPECT_EQ(b.selected_text(), "long line\nx\nlong line");
}

TEST(TextBuffer, UndoOfTypingGoesBackOneWordAtATimeAndRedoReplaysIt) {
  TextBuffer b;
  type_all(b, "print(x) done");
  EXPECT_EQ(b.undo_depth(), 3u);  // "print(", "x) ", "done": a word starts a step
  b.undo();
  EXPECT_EQ(b.text(), "print(x) ");
  b.undo();
  EXPECT_EQ(b.text(), "print(");
  b.redo();
  b.redo();
  EXPECT_EQ(b.text(), "print(x) done");
  EXPECT_EQ(b.cursor(), (TextPos{0, 13}));
}

TEST(TextBuffer, AMotionOrAPauseEndsATypingStep) {
  TextBuffer b;
  b.type("a");
  b.type("b");
  b.break_coalescing();
  b.type("c");
  b.move(Move::left, false);
  b.type("d");
  EXPECT_EQ(b.text(), "abdc");
  b.undo();
  EXPECT_EQ(b.text(), "abc");
  b.undo();
  EXPECT_EQ(b.text(), "ab");
  b.undo();
  EXPECT_EQ(b.text(), "");
  EXPECT_FALSE(b.undo());
}

TEST(TextBuffer, UndoRestoresTheSelectionFromBeforeTheEdit) {
  TextBuffer b("one two");
  b.select_all();
  b.type("x");
  b.undo();
  EXPECT_EQ(b.text(), "one two");
  EXPECT_EQ(b.selected_text(), "one two");
}

TEST(TextBuffer, ANewEditClearsTheRedoHistory) {
  TextBuffer b;
  b.type("a");
  b.undo();
  b.type("b");
  EXPECT_FALSE(b.redo());
  EXPECT_EQ(b.text(), "b");
}

TEST(TextBuffer, ConsecutiveBackspacesUndoAsOneStep) {
  TextBuffer b("abcdef");
  b.move(Move::end, false);
  b.backspace();
  b.backspace();
  b.backspace();
  EXPECT_EQ(b.text(), "abc");
  b.undo();
  EXPECT_EQ(b.text(), "abcdef");
}

TEST(TextBuffer, TabIndentsEverySelectedLineAndShiftTabDedentsThem) {
  TextBuffer b("a\n    b\nc");
  b.set_cursor({0, 0}, false);
  b.set_cursor({2, 0}, true);  // lines 1-2: the line the selection ends at the start of is left out
  b.tab();
  EXPECT_EQ(b.text(), "    a\n        b\nc");
  EXPECT_EQ(b.selected_text(), "    a\n        b\n");
  b.dedent();
  b.dedent();
  EXPECT_EQ(b.text(), "a\nb\nc");
  b.undo();
  EXPECT_EQ(b.text(), "a\n    b\nc");
  b.undo();
  EXPECT_EQ(b.text(), "    a\n        b\nc");
}

TEST(TextBuffer, TabWithoutASelectionInsertsSpacesToTheNextTabStop) {
  TextBuffer b("ab");
  b.move(Move::end, false);
  b.tab();
  EXPECT_EQ(b.text(), "ab  ");
  b.dedent();  // the line has no indent: nothing to do
  EXPECT_EQ(b.text(), "ab  ");
}

TEST(TextBuffer, CopyCutAndPasteGoThroughTheClipboardAndPasteIsOneUndoStep) {
  FakeClipboard cb;
  TextBuffer b("first\nsecond");
  b.set_cursor({0, 0}, false);
  b.move(Move::end, true);
  b.copy(cb);
  EXPECT_EQ(cb.text, "first");
  b.move(Move::doc_end, false);
  b.paste(cb);
  EXPECT_EQ(b.text(), "first\nsecondfirst");
  cb.text = "a\r\nb\tc";
  b.paste(cb);
  EXPECT_EQ(b.text(), "first\nsecondfirsta\nb    c");
  b.undo();
  EXPECT_EQ(b.text(), "first\nsecondfirst");
  b.set_cursor({0, 2}, false);
  b.cut(cb);  // no selection: the whole line
  EXPECT_EQ(cb.text, "first\n");
  EXPECT_EQ(b.text(), "secondfirst");
}

TEST(TextBuffer, AnEditPastTheSizeCapIsRefusedWholeWithAMessage) {
  TextBuffer b("abc", 10);
  EXPECT_FALSE(b.paste_text("0123456789"));
  EXPECT_EQ(b.text(), "abc");
  EXPECT_NE(b.message().find("at most"), std::string::npos);
  EXPECT_TRUE(b.paste_text("0123456"));
  EXPECT_EQ(b.bytes(), 10u);
  EXPECT_TRUE(b.message().empty());
}

TEST(TextBuffer, PastingOneMegabyteIsAcceptedQuicklyAndUndoneInOneStep) {
  std::string big;
  for (int i = 0; big.size() < (1u << 20); ++i) big += "    await asyncio.sleep(" + std::to_string(i) + ")  # pasted\n";
  TextBuffer b("async def main():\n");
  b.move(Move::doc_end, false);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(b.paste_text(big));
  b.type("x");
  b.undo();
  b.undo();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(b.text(), "async def main():\n");
  EXPECT_LT(ms, 1000.0);  // a bound against quadratic behaviour, far above the ~20 ms it takes
  std::printf("paste+undo of %zu bytes: %.1f ms\n", big.size(), ms);
}

TEST(TextBuffer, DoubleClickSelectsTheWordUnderThePointer) {
  TextBuffer b("x = asyncio.sleep");
  b.select_word_at({0, 6});
  EXPECT_EQ(b.selected_text(), "asyncio");
}

TEST(TextBuffer, TheRevisionChangesWithEveryEditAndUndo) {
  TextBuffer b;
  const auto r0 = b.revision();
  b.type("a");
  const auto r1 = b.revision();
  b.undo();
  EXPECT_NE(r0, r1);
  EXPECT_NE(b.revision(), r1);
  b.move(Move::right, false);
  const auto r2 = b.revision();
  b.select_all();
  EXPECT_EQ(b.revision(), r2);
}
