// The learner's code edits survive a restart; an unreadable edits file is moved aside, not fatal.
#include "ui/saved_edits.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <unistd.h>

using namespace loopscope::ui;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("loopscope-edits-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  return d;
}
}  // namespace

TEST(SavedEdits, AStepKeyNamesTheLessonAndTheStepCountedFromOne) {
  EXPECT_EQ(SavedEdits::key("tasks", 0), "tasks/1");
}

TEST(SavedEdits, EditsWrittenByOneInstanceAreReadByTheNext) {
  const fs::path p = fresh_dir("roundtrip") / "loopscope" / "edits.json";
  {
    SavedEdits e(p);
    e.put("tasks/2", "import asyncio\n\nasync def main():\n    pass  # é\n", 1.0);
    e.put("coroutines/1", "x = 1", 1.0);
    e.erase("coroutines/1", 1.1);
    ASSERT_EQ(e.flush(), "");
  }
  SavedEdits again(p);
  ASSERT_NE(again.find("tasks/2"), nullptr);
  EXPECT_EQ(*again.find("tasks/2"), "import asyncio\n\nasync def main():\n    pass  # é\n");
  EXPECT_EQ(again.find("coroutines/1"), nullptr);
  EXPECT_TRUE(again.notice().empty());
}

TEST(SavedEdits, WritesWaitUntilTheTypingPauses) {
  SavedEdits e(fresh_dir("debounce") / "edits.json");
  EXPECT_FALSE(e.flush_due(100));
  e.put("a/1", "x", 10.0);
  EXPECT_FALSE(e.flush_due(10.1));
  EXPECT_TRUE(e.flush_due(10.0 + SavedEdits::write_delay));
  ASSERT_EQ(e.flush(), "");
  EXPECT_FALSE(e.dirty());
}

TEST(SavedEdits, ACorruptFileIsMovedAsideWithANoticeAndEditingStartsAfresh) {
  const fs::path d = fresh_dir("corrupt");
  fs::create_directories(d);
  const fs::path p = d / "edits.json";
  std::ofstream(p) << "{\"version\": 1, \"edits\": {\"tasks/2\": \"imp";
  SavedEdits e(p);
  EXPECT_EQ(e.size(), 0u);
  EXPECT_NE(e.notice().find("could not be read"), std::string::npos);
  EXPECT_TRUE(fs::exists(d / "edits.json.bad"));
  EXPECT_FALSE(fs::exists(p));
  e.put("tasks/2", "y", 0);
  ASSERT_EQ(e.flush(), "");
  EXPECT_EQ(*SavedEdits(p).find("tasks/2"), "y");
}

TEST(SavedEdits, AFileOfTheWrongShapeIsTreatedAsCorrupt) {
  const fs::path d = fresh_dir("shape");
  fs::create_directories(d);
  std::ofstream(d / "edits.json") << "{\"edits\": {\"a/1\": 42}}";
  SavedEdits e(d / "edits.json");
  EXPECT_EQ(e.size(), 0u);
  EXPECT_FALSE(e.notice().empty());
}

TEST(SavedEdits, TheFileFollowsXdgDataHome) {
  ::setenv("XDG_DATA_HOME", "/tmp/xdg-data-test", 1);
  EXPECT_EQ(SavedEdits::default_path(), fs::path("/tmp/xdg-data-test/loopscope/edits.json"));
}
