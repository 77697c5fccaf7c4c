// The gutter's diff: changed, added and removed lines against the lesson's code.
#include "ui/editor/line_diff.hpp"

#include <gtest/gtest.h>

using namespace loopscope::ui::editor;
using L = LineChange;

TEST(LineDiff, EqualTextsHaveNoChanges) {
  const std::vector<std::string> a{"a", "b"};
  const LineDiff d = diff_lines(a, a);
  EXPECT_FALSE(d.any());
  EXPECT_EQ(d.old_to_new, (std::vector<int>{0, 1}));
}

TEST(LineDiff, AnEditedLineIsChangedAndKeepsItsPlace) {
  const LineDiff d = diff_lines({"a", "b", "c"}, {"a", "B", "c"});
  EXPECT_EQ(d.lines, (std::vector<L>{L::same, L::changed, L::same}));
  EXPECT_TRUE(d.removed_before.empty());
  EXPECT_EQ(d.old_to_new, (std::vector<int>{0, 1, 2}));
}

TEST(LineDiff, InsertedLinesAreAddedAndLaterLinesMoveDown) {
  const LineDiff d = diff_lines({"a", "b"}, {"a", "x", "y", "b"});
  EXPECT_EQ(d.lines, (std::vector<L>{L::same, L::added, L::added, L::same}));
  EXPECT_EQ(d.old_to_new, (std::vector<int>{0, 3}));
}

TEST(LineDiff, RemovedLinesAreMarkedBeforeTheLineThatFollowsThem) {
  const LineDiff d = diff_lines({"a", "x", "y", "b"}, {"a", "b"});
  EXPECT_EQ(d.lines, (std::vector<L>{L::same, L::same}));
  EXPECT_EQ(d.removed_before, (std::vector<int>{1}));
  EXPECT_EQ(d.old_to_new, (std::vector<int>{0, -1, -1, 1}));
  EXPECT_EQ(diff_lines({"a", "b"}, {"a"}).removed_before, (std::vector<int>{1}));
}

TEST(LineDiff, TheMiddleIsMatchedByALongestCommonSubsequence) {
  const LineDiff d = diff_lines({"p", "1", "2", "3", "s"}, {"p", "2", "X", "3", "Y", "s"});
  EXPECT_EQ(d.lines, (std::vector<L>{L::same, L::same, L::added, L::same, L::added, L::same}));
  EXPECT_EQ(d.removed_before, (std::vector<int>{1}));
  EXPECT_EQ(d.old_to_new, (std::vector<int>{0, -1, 1, 3, 5}));
}

TEST(LineDiff, AMiddleTooLargeToMatchCountsAsChangedInOrder) {
  const LineDiff d = diff_lines({"a", "b", "c"}, {"c", "b"}, 1);
  EXPECT_EQ(d.lines, (std::vector<L>{L::changed, L::changed}));
  EXPECT_EQ(d.removed_before, (std::vector<int>{2}));
}
