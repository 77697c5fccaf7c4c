// Progress and layout survive a restart; a torn or corrupt file never loses more than itself.
#include "ui/settings.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace loopscope::ui;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("loopscope-settings-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  return d;
}
}  // namespace

TEST(Settings, SavedProgressAndLayoutLoadBackEqual) {
  const fs::path p = fresh_dir("roundtrip") / "loopscope" / "settings.json";
  Settings s;
  s.last_lesson = "tasks";
  s.progress["tasks"].steps_done = {0, 2};
  s.progress["tasks"].last_step = 2;
  s.progress["tasks"].quizzes_right = {1};
  s.left_column = 0.4f;
  s.speed = 2.5;
  ASSERT_EQ(save_settings(s, p), "");
  EXPECT_EQ(load_settings(p), s);
}

TEST(Settings, AMissingFileGivesDefaults) {
  EXPECT_EQ(load_settings(fresh_dir("missing") / "settings.json"), Settings{});
}

TEST(Settings, ACorruptFileGivesDefaultsAndIsKeptAside) {
  const fs::path d = fresh_dir("corrupt");
  fs::create_directories(d);
  const fs::path p = d / "settings.json";
  std::ofstream(p) << "{\"last_lesson\": \"tas";  // torn write from some other tool
  EXPECT_EQ(load_settings(p), Settings{});
  EXPECT_TRUE(fs::exists(d / "settings.json.bad"));
}

TEST(Settings, SavingLeavesNoTemporaryFileBehind) {
  const fs::path d = fresh_dir("tmp");
  ASSERT_EQ(save_settings(Settings{}, d / "settings.json"), "");
  int files = 0;
  for (const auto& e : fs::directory_iterator(d)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(Settings, TheConfigDirectoryFollowsXdgConfigHome) {
  ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
  EXPECT_EQ(settings_path(), fs::path("/tmp/xdg-test/loopscope/settings.json"));
}

TEST(Settings, ACorruptFileComesWithANoticeNamingWhereItWasKept) {
  const fs::path d = fresh_dir("notice");
  fs::create_directories(d);
  std::ofstream(d / "settings.json") << "[1, 2";
  EXPECT_EQ(load_settings(d / "settings.json"), Settings{});
  EXPECT_NE(take_settings_notice().find("settings.json.bad"), std::string::npos);
  EXPECT_EQ(take_settings_notice(), "");  // handed over once
  load_settings(d / "missing.json");
  EXPECT_EQ(take_settings_notice(), "");
}
