// Narration Markdown becomes blocks of styled runs (md4c underneath).
#include "ui/markdown.hpp"

#include <gtest/gtest.h>

using namespace loopscope::ui;

TEST(Markdown, HeadingsKeepTheirLevel) {
  const MarkdownDoc d = parse_markdown("# Title\n\n### Small\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.blocks[1].level, 3);
  EXPECT_EQ(d.blocks[1].runs.front().text, "Small");
}

TEST(Markdown, EmphasisStrongAndInlineCodeAreSeparateRuns) {
  const MarkdownDoc d = parse_markdown("An *await* is **not** a `sleep()`.");
  ASSERT_EQ(d.blocks.size(), 1u);
  const auto& r = d.blocks[0].runs;
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r[1].text, "await");
  EXPECT_TRUE(has(r[1].style, RunStyle::emphasis));
  EXPECT_EQ(r[3].text, "not");
  EXPECT_TRUE(has(r[3].style, RunStyle::strong));
  EXPECT_EQ(r[5].text, "sleep()");
  EXPECT_TRUE(has(r[5].style, RunStyle::code));
}

TEST(Markdown, FencedCodeBlocksAreVerbatimWithoutTheTrailingNewline) {
  const MarkdownDoc d = parse_markdown("```python\nawait asyncio.sleep(1)\n  print('x')\n```\n");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::code);
  EXPECT_EQ(d.blocks[0].runs.front().text, "await asyncio.sleep(1)\n  print('x')");
}

TEST(Markdown, BulletAndNumberedListsGetMarkersAndNesting) {
  const MarkdownDoc d = parse_markdown("- one\n- two\n  1. inner\n");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::list_item);
  EXPECT_EQ(d.blocks[0].marker, "•");
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.blocks[2].marker, "1.");
  EXPECT_EQ(d.blocks[2].level, 2);
  EXPECT_EQ(d.blocks[2].runs.front().text, "inner");
}

TEST(Markdown, LinksCarryTheirAddress) {
  const MarkdownDoc d = parse_markdown("See [the docs](https://docs.python.org/3/library/asyncio.html).");
  const auto& r = d.blocks[0].runs;
  ASSERT_GE(r.size(), 2u);
  EXPECT_EQ(r[1].text, "the docs");
  EXPECT_TRUE(has(r[1].style, RunStyle::link));
  EXPECT_EQ(r[1].href, "https://docs.python.org/3/library/asyncio.html");
}

TEST(Markdown, SoftLineBreaksBecomeSpacesAndEntitiesAreDecoded) {
  const MarkdownDoc d = parse_markdown("a\nb &amp; c");
  EXPECT_EQ(d.blocks[0].runs.front().text, "a b & c");
}
