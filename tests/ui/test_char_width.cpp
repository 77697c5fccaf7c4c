// The editor's cell widths: the table's rule on known characters, and every assigned code point
// of the Basic Multilingual Plane and of the emoji blocks compared with CPython's unicodedata
// (Debian's /usr/bin/python3; the comparison is skipped without it).
#include "ui/editor/char_width.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

using namespace loopscope::ui::editor;

TEST(CharWidth, AsciiLatinAndSymbolsTakeOneCell) {
  for (char32_t c = 0x20; c < 0x7F; ++c) EXPECT_EQ(cell_width(c), 1) << std::hex << static_cast<unsigned>(c);
  EXPECT_EQ(cell_width(U'é'), 1);
  EXPECT_EQ(cell_width(U'→'), 1);   // East Asian Ambiguous: one, as wcwidth()
  EXPECT_EQ(cell_width(U'★'), 1);
  EXPECT_EQ(cell_width(U'\u00AD'), 1);  // the soft hyphen is drawn
  EXPECT_EQ(cell_width(U'\uFF61'), 1);  // halfwidth katakana punctuation
  EXPECT_EQ(cell_width(U'\uFFFD'), 1);
}

TEST(CharWidth, WideAndFullwidthCharactersTakeTwo) {
  EXPECT_EQ(cell_width(U'你'), 2);
  EXPECT_EQ(cell_width(U'好'), 2);
  EXPECT_EQ(cell_width(U'\u4E00'), 2);
  EXPECT_EQ(cell_width(U'\u9FFF'), 2);
  EXPECT_EQ(cell_width(U'한'), 2);
  EXPECT_EQ(cell_width(U'\u1100'), 2);  // a leading Hangul consonant
  EXPECT_EQ(cell_width(U'あ'), 2);
  EXPECT_EQ(cell_width(U'カ'), 2);
  EXPECT_EQ(cell_width(U'\u3000'), 2);  // the ideographic space (Fullwidth)
  EXPECT_EQ(cell_width(U'、'), 2);
  EXPECT_EQ(cell_width(U'！'), 2);       // U+FF01, a fullwidth form
  EXPECT_EQ(cell_width(U'\uFFE5'), 2);
  EXPECT_EQ(cell_width(U'✅'), 2);       // BMP emoji with emoji presentation
  EXPECT_EQ(cell_width(U'⌚'), 2);
  EXPECT_EQ(cell_width(U'\U0001F389'), 2);  // 🎉
  EXPECT_EQ(cell_width(U'\U0001F40D'), 2);  // 🐍
  EXPECT_EQ(cell_width(U'\U0001F600'), 2);  // 😀
  EXPECT_EQ(cell_width(U'\U0001FAF6'), 2);
  EXPECT_EQ(cell_width(U'\U00020000'), 2);  // CJK Extension B
}

TEST(CharWidth, CombiningMarksAndFormatCharactersTakeNone) {
  for (char32_t c = 0x300; c <= 0x36F; ++c) EXPECT_EQ(cell_width(c), 0) << std::hex << static_cast<unsigned>(c);
  EXPECT_EQ(cell_width(U'\u20D7'), 0);   // combining arrow above
  EXPECT_EQ(cell_width(U'\u0951'), 0);   // a Devanagari stress sign
  EXPECT_EQ(cell_width(U'\u302A'), 0);   // a mark inside the wide CJK punctuation block
  EXPECT_EQ(cell_width(U'\u3099'), 0);   // the combining dakuten between hiragana and katakana
  EXPECT_EQ(cell_width(U'\u200B'), 0);   // zero width space
  EXPECT_EQ(cell_width(U'\u200D'), 0);   // zero width joiner
  EXPECT_EQ(cell_width(U'\uFE0F'), 0);   // variation selector 16
  EXPECT_EQ(cell_width(U'\uFEFF'), 0);
  EXPECT_EQ(cell_width(U'\u1160'), 0);   // a conjoining Hangul vowel
  EXPECT_EQ(cell_width(U'\U000E0100'), 0);
}

TEST(CharWidth, NeighboursOfTheRangesKeepOneCell) {
  EXPECT_EQ(cell_width(U'\u2FFF'), 1);
  EXPECT_EQ(cell_width(U'\u303F'), 1);
  EXPECT_EQ(cell_width(U'\u4DC0'), 1);  // the Yijing hexagrams sit between two wide blocks
  EXPECT_EQ(cell_width(U'\uA4D0'), 1);
  EXPECT_EQ(cell_width(U'\uD7A4'), 1);
  EXPECT_EQ(cell_width(U'\uFF61'), 1);
  EXPECT_EQ(cell_width(U'\U0001F321'), 1);  // 🌡 has text presentation: Neutral
  EXPECT_EQ(cell_width(U'\U0001F1E6'), 1);  // a regional indicator
  EXPECT_EQ(cell_width(U'\U0001F90B'), 1);
}

// The reference: wcwidth()'s rule on unicodedata — 0 for Mn, Me and Cf (but the soft hyphen) and
// the conjoining Hangul vowels and finals, 2 for East_Asian_Width W or F, otherwise 1; '-' for
// what is not compared (unassigned, surrogates, controls).
constexpr const char* k_reference = R"py(
import sys, unicodedata as u
def ref(c):
    ch = chr(c); cat = u.category(ch)
    if cat in ('Cn', 'Cs', 'Cc'): return '-'
    if cat in ('Mn', 'Me') or (cat == 'Cf' and c != 0xAD) or 0x1160 <= c <= 0x11FF or 0xD7B0 <= c <= 0xD7FF: return '0'
    return '2' if u.east_asian_width(ch) in ('W', 'F') else '1'
sys.stdout.write(u.unidata_version + '\n')
sys.stdout.write(''.join(ref(c) for c in list(range(0x10000)) + list(range(0x1F300, 0x1FB00))))
)py";

TEST(CharWidth, AgreesWithPythonsUnicodedataOnTheBmpAndTheEmojiBlocks) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  const std::string script = testing::TempDir() + "char_width_reference.py";
  if (FILE* f = std::fopen(script.c_str(), "w")) {
    std::fputs(k_reference, f);
    std::fclose(f);
  }
  FILE* p = popen(("/usr/bin/python3 '" + script + "'").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ASSERT_EQ(pclose(p), 0);
  const std::size_t nl = out.find('\n');
  ASSERT_NE(nl, std::string::npos);
  const std::string version = out.substr(0, nl), widths = out.substr(nl + 1);
  ASSERT_EQ(widths.size(), 0x10000u + (0x1FB00 - 0x1F300));
  int compared = 0, agree = 0;
  std::string first_mismatches;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (widths[i] == '-') continue;
    const char32_t c = i < 0x10000 ? static_cast<char32_t>(i) : static_cast<char32_t>(0x1F300 + (i - 0x10000));
    ++compared;
    if (cell_width(c) == widths[i] - '0') ++agree;
    else if (first_mismatches.size() < 400) {
      char m[48];
      std::snprintf(m, sizeof m, " U+%04X ours %d python %c;", static_cast<unsigned>(c), cell_width(c), widths[i]);
      first_mismatches += m;
    }
  }
  std::printf("cell widths: %d of %d assigned code points agree with unicodedata %s\n", agree, compared,
              version.c_str());
  EXPECT_GT(compared, 60000);
  EXPECT_EQ(agree, compared) << first_mismatches;
}
