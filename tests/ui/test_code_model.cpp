// The code panel's model: syntax tokens and which line each task is on.
#include "ui/code_model.hpp"

#include "snapshot_factory.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace loopscope;
using namespace loopscope::ui;
using loopscope::testing::task;

namespace {
std::string text_of(std::string_view line, const Token& t) { return std::string(line.substr(t.begin, t.end - t.begin)); }

TokenKind kind_of(std::string_view line, Language lang, std::string_view word) {
  for (const Token& t : tokenize_line(line, lang))
    if (text_of(line, t) == word) return t.kind;
  return TokenKind::punctuation;
}
}  // namespace

TEST(CodeModel, PythonKeywordsStringsCommentsAndCallsAreColouredApart) {
  const std::string line = "    await asyncio.sleep(2)  # wait 'here'";
  EXPECT_EQ(kind_of(line, Language::python, "await"), TokenKind::keyword);
  EXPECT_EQ(kind_of(line, Language::python, "sleep"), TokenKind::function);
  EXPECT_EQ(kind_of(line, Language::python, "2"), TokenKind::number);
  EXPECT_EQ(tokenize_line(line, Language::python).back().kind, TokenKind::comment);
}

TEST(CodeModel, TokensCoverTheWholeLineWithoutGaps) {
  const std::string line = "async def job(name, delay=2.0): print(f\"{name} done\")";
  std::size_t at = 0;
  for (const Token& t : tokenize_line(line, Language::python)) {
    EXPECT_EQ(t.begin, at);
    at = t.end;
  }
  EXPECT_EQ(at, line.size());
  EXPECT_EQ(kind_of(line, Language::python, "job"), TokenKind::function);
  EXPECT_EQ(kind_of(line, Language::python, "f\"{name} done\""), TokenKind::string);
}

TEST(CodeModel, CppCoroutineKeywordsAndPreprocessorLines) {
  EXPECT_EQ(kind_of("  co_await sleep(2.0);", Language::cpp, "co_await"), TokenKind::keyword);
  EXPECT_EQ(tokenize_line("#include <loopscope/engine.hpp>", Language::cpp).front().kind, TokenKind::preprocessor);
  EXPECT_EQ(tokenize_line("x; // note", Language::cpp).back().kind, TokenKind::comment);
}

TEST(CodeModel, MarkersListLiveTasksOnTheirLineWithTheRunningTaskFirst) {
  LoopSnapshot s;
  s.tasks.push_back(task(1, "main", TaskState::suspended, {}, 7, 12));
  s.tasks.push_back(task(2, "job-1", TaskState::running, {}, 3, 5));
  s.tasks.push_back(task(3, "job-2", TaskState::done, {}, 4, 6));
  s.tasks.push_back(task(4, "job-3", TaskState::pending, {}, 0, 0));
  const auto py = marker_lines(s, Language::python);
  ASSERT_EQ(py.size(), 2u);
  EXPECT_EQ(py[0].task, 2u);
  EXPECT_EQ(py[0].line, 3);
  EXPECT_EQ(py[1].task, 1u);
  EXPECT_EQ(py[1].line, 7);
  const auto cpp = marker_lines(s, Language::cpp);
  ASSERT_EQ(cpp.size(), 2u);
  EXPECT_EQ(cpp[1].line, 12);
}

TEST(CodeModel, APythonRunsCppMarkersComeFromTheAnchorsMapping) {
  LoopSnapshot s;
  s.tasks.push_back(task(1, "main", TaskState::suspended, {}, 3, 0));
  s.tasks.push_back(task(2, "job", TaskState::running, {}, 2, 0));
  s.tasks.push_back(task(3, "other", TaskState::pending, {}, 9, 0));  // past the mapping: no marker
  const std::vector<std::int32_t> cpp_for_python = {0, 0, 14, 20};
  const auto cpp = marker_lines(s, Language::cpp, &cpp_for_python);
  ASSERT_EQ(cpp.size(), 2u);
  EXPECT_EQ(cpp[0].line, 14);
  EXPECT_EQ(cpp[1].line, 20);
  EXPECT_TRUE(marker_lines(s, Language::cpp).empty());
}
