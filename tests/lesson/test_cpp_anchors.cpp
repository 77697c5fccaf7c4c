// The Python -> C++ line mapping derived from `// py:` anchors in the example source.
#include "lesson/cpp_anchors.hpp"

#include <gtest/gtest.h>

using loopscope::lesson::anchor_text;
using loopscope::lesson::map_anchors;

namespace {
const std::vector<std::string> python = {
    "import asyncio",                          // 1
    "",                                        // 2
    "async def job():",                        // 3
    "    print(\"tick\")",                     // 4
    "    await asyncio.sleep(1)  # one second",  // 5
    "    print(\"tick\")",                     // 6
    "",                                        // 7
    "asyncio.run(job())",                      // 8
};
}  // namespace

TEST(CppAnchors, AnchorTextDropsIndentationAndATrailingCommentButNotAHashInAString) {
  EXPECT_EQ(anchor_text("    await asyncio.sleep(1)  # one second"), "await asyncio.sleep(1)");
  EXPECT_EQ(anchor_text("    print(\"#1\")  # first"), "print(\"#1\")");
  EXPECT_EQ(anchor_text("   "), "");
}

TEST(CppAnchors, EachAnchorMapsToThePythonLineItQuotesAndRepeatedLinesMapInOrder) {
  const std::vector<std::string> cpp = {
      "Coro<> job() {  // py: async def job():",
      "  std::printf(\"tick\\n\");  // py: print(\"tick\")",
      "  co_await sleep(1);  // one second  // py: await asyncio.sleep(1)",
      "  std::printf(\"tick\\n\");  // py: print(\"tick\")",
      "}",
      "int main() { run(job()); }  // py: asyncio.run(job())",
  };
  const auto m = map_anchors(python, cpp);
  EXPECT_TRUE(m.problems.empty()) << m.problems.front().message;
  EXPECT_EQ(m.anchors, 5u);
  EXPECT_EQ(m.cpp_for_py[3], 1);
  EXPECT_EQ(m.cpp_for_py[4], 2);
  EXPECT_EQ(m.cpp_for_py[5], 3);
  EXPECT_EQ(m.cpp_for_py[6], 4);
  EXPECT_EQ(m.cpp_for_py[8], 6);
}

TEST(CppAnchors, APythonLineWithoutAnAnchorShowsTheNearestEarlierMappedLine) {
  const std::vector<std::string> cpp = {"Coro<> job() {  // py: async def job():", "  work();", "}"};
  const auto m = map_anchors(python, cpp);
  EXPECT_EQ(m.cpp_line(3), 1);
  EXPECT_EQ(m.cpp_line(5), 1);
  EXPECT_EQ(m.cpp_line(1), 0);
  EXPECT_EQ(m.cpp_line(99), 1);
}

TEST(CppAnchors, AnAnchorQuotingNoPythonLineIsAProblemAtItsColumn) {
  const auto m = map_anchors(python, {"  co_await sleep(2);  // py: await asyncio.sleep(2)"});
  ASSERT_EQ(m.problems.size(), 1u);
  EXPECT_EQ(m.problems[0].cpp_line, 1);
  EXPECT_EQ(m.problems[0].col, 23);
  EXPECT_NE(m.problems[0].message.find("no line of the Python listing"), std::string::npos);
}

TEST(CppAnchors, MoreAnchorsThanThePythonLinesTheyQuoteIsAProblem) {
  const auto m = map_anchors(python, {"a();  // py: print(\"tick\")", "b();  // py: print(\"tick\")",
                                      "c();  // py: print(\"tick\")"});
  ASSERT_EQ(m.problems.size(), 1u);
  EXPECT_EQ(m.problems[0].cpp_line, 3);
  EXPECT_NE(m.problems[0].message.find("2 time(s)"), std::string::npos);
}

TEST(CppAnchors, AnAnchorOnALineWithNoCodeOrWithNoTextIsAProblem) {
  const auto m = map_anchors(python, {"  // py: print(\"tick\")", "x();  // py:"});
  ASSERT_EQ(m.problems.size(), 2u);
  EXPECT_NE(m.problems[0].message.find("no C++ code"), std::string::npos);
  EXPECT_NE(m.problems[1].message.find("quotes no Python line"), std::string::npos);
}
