// `check --watch`: the first check prints everything; later checks print only what changed,
// and nothing is rechecked while no input changes. Files are changed inside the injected wait,
// so nothing sleeps.
#include "folder_fixture.hpp"
#include "lesson/watch.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;
namespace fs = std::filesystem;

namespace {
const std::vector<LessonFolder> shipped_only = {{fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons", Origin::shipped}};
const std::string good_expect = R"({"output": ["hi"], "duration": 1})";
const std::string bad_expect = R"({"output": ["hi"], "duration": 4})";

struct Session {
  std::vector<std::string> printed;
  int checks = 0;
  std::vector<std::function<void()>> edits;  // one per poll
  std::size_t poll = 0;

  int run(const std::vector<fs::path>& paths) {
    WatchIo io;
    io.check = [&] {
      ++checks;
      return check_paths(paths, shipped_only);
    };
    io.print = [&](const std::string& line) { printed.push_back(line); };
    io.wait = [&] {
      if (poll < edits.size() && edits[poll]) edits[poll]();
      ++poll;
    };
    return watch(io, static_cast<int>(edits.size()));
  }
};
}  // namespace

TEST(Watch, TheFirstCheckPrintsEveryProblemAndTheSummary) {
  const fs::path dir = scratch("watch-first");
  save(dir / "a.json", small_lesson("a", "", bad_expect));
  Session s;
  EXPECT_EQ(s.run({dir}), 1);
  ASSERT_EQ(s.printed.size(), 2u);
  EXPECT_NE(s.printed[0].find("expected a duration of 4.0 s"), std::string::npos);
  EXPECT_EQ(s.printed[1], "checked 1 lesson, 1 step: 1 problem — watching for changes (Ctrl+C to stop)");
}

TEST(Watch, NothingIsRecheckedWhileNothingChanges) {
  const fs::path dir = scratch("watch-idle");
  save(dir / "a.json", small_lesson("a"));
  Session s;
  s.edits = {nullptr, nullptr, nullptr};
  EXPECT_EQ(s.run({dir / "a.json"}), 0);
  EXPECT_EQ(s.checks, 1);
  EXPECT_EQ(s.printed.size(), 1u);
}

TEST(Watch, ASaveThatFixesAProblemPrintsItAsFixedAndANewProblemAppearsOnce) {
  const fs::path dir = scratch("watch-fix");
  const fs::path file = dir / "a.json";
  save(file, small_lesson("a", "", bad_expect));
  Session s;
  s.edits = {[&] { save(file, small_lesson("a", "", good_expect)); },
             nullptr,
             [&] { save(file, small_lesson("a", "\"nope\"", good_expect)); }};
  EXPECT_EQ(s.run({dir}), 1);
  EXPECT_EQ(s.checks, 3);
  ASSERT_EQ(s.printed.size(), 6u);
  EXPECT_EQ(s.printed[2].rfind("fixed: " + file.string() + ":15:", 0), 0u) << s.printed[2];
  EXPECT_EQ(s.printed[3], "checked 1 lesson, 1 step: all good");
  EXPECT_EQ(s.printed[4], file.string() + ":6:21: unknown prerequisite 'nope' (no lesson folder defines it) (at /prerequisites/0)");
  EXPECT_EQ(s.printed[5], "checked 1 lesson, 1 step: 1 problem");
}

TEST(Watch, AProblemThatOnlyMovedIsNeitherFixedNorNew) {
  const fs::path dir = scratch("watch-moved");
  const fs::path file = dir / "a.json";
  save(file, small_lesson("a", "", bad_expect));
  Session s;
  s.edits = {[&] { save(file, "\n\n" + small_lesson("a", "", bad_expect)); }};
  EXPECT_EQ(s.run({file}), 1);
  ASSERT_EQ(s.printed.size(), 3u);
  EXPECT_EQ(s.printed[2], "checked 1 lesson, 1 step: 1 problem (no change)");
}

TEST(Watch, ANewLessonInAWatchedFolderIsChecked) {
  const fs::path dir = scratch("watch-new");
  save(dir / "a.json", small_lesson("a"));
  Session s;
  s.edits = {[&] { save(dir / "b.json", small_lesson("b", "", bad_expect)); }};
  EXPECT_EQ(s.run({dir}), 1);
  ASSERT_EQ(s.printed.size(), 3u);
  EXPECT_NE(s.printed[1].find((dir / "b.json").string() + ":15:"), std::string::npos) << s.printed[1];
  EXPECT_EQ(s.printed[2], "checked 2 lessons, 2 steps: 1 problem");
}
