// Hot reload: a changed lesson file is re-read; a broken save keeps the last good version.
#include "ui/catalog.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace loopscope::ui;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `text` and moves the file's time forward so the change is seen whatever the clock's
// resolution (no sleeping).
void save(const fs::path& p, const std::string& text) {
  const auto before = fs::exists(p) ? fs::last_write_time(p) : fs::file_time_type{};
  std::ofstream(p) << text;
  if (fs::last_write_time(p) <= before) fs::last_write_time(p, before + std::chrono::seconds(1));
}

fs::path scratch(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("loopscope-catalog-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

const fs::path good_lesson = fs::path(LOOPSCOPE_SOURCE_DIR) / "tests/lesson/good/three-jobs.json";

}  // namespace

TEST(Catalog, LoadsEveryLessonOfADirectoryInOrderAndListsBrokenOnes) {
  const fs::path d = scratch("dir");
  save(d / "three-jobs.json", read(good_lesson));
  save(d / "broken.json", "{ \"id\": ");
  LessonCatalog c;
  c.load_directory(d);
  ASSERT_EQ(c.size(), 2u);
  int good = c.find("three-jobs");
  ASSERT_GE(good, 0);
  EXPECT_TRUE(c[good].lesson);
  const auto& broken = c[1 - good];
  EXPECT_FALSE(broken.lesson);
  ASSERT_FALSE(broken.errors.empty());
  EXPECT_NE(broken.errors.front().find("broken.json:1:"), std::string::npos) << broken.errors.front();
}

TEST(Catalog, AnUnchangedFileIsNotReread) {
  const fs::path d = scratch("unchanged");
  save(d / "l.json", read(good_lesson));
  LessonCatalog c;
  const std::size_t i = c.add_file(d / "l.json");
  EXPECT_EQ(c.poll(i), ReloadResult::unchanged);
}

TEST(Catalog, AGoodSaveReplacesTheLesson) {
  const fs::path d = scratch("good");
  std::string text = read(good_lesson);
  save(d / "l.json", text);
  LessonCatalog c;
  const std::size_t i = c.add_file(d / "l.json");
  const auto first = c[i].lesson;
  text.replace(text.find("\"Three jobs\""), 12, "\"Three jobs, edited\"");
  save(d / "l.json", text);
  EXPECT_EQ(c.poll(i), ReloadResult::reloaded);
  EXPECT_EQ(c[i].lesson->title, "Three jobs, edited");
  EXPECT_EQ(first->title, "Three jobs") << "a session still running the old version keeps it";
}

TEST(Catalog, ABrokenSaveKeepsTheLastGoodVersionAndReportsWhere) {
  const fs::path d = scratch("broken");
  save(d / "l.json", read(good_lesson));
  LessonCatalog c;
  const std::size_t i = c.add_file(d / "l.json");
  save(d / "l.json", "{\n  \"id\": \"three-jobs\",\n  \"title\" 42\n}\n");
  EXPECT_EQ(c.poll(i), ReloadResult::broken);
  ASSERT_TRUE(c[i].lesson);
  EXPECT_EQ(c[i].lesson->title, "Three jobs");
  ASSERT_FALSE(c[i].errors.empty());
  EXPECT_NE(c[i].errors.front().find("l.json:3:11"), std::string::npos) << c[i].errors.front();
  save(d / "l.json", read(good_lesson));  // fixed again
  EXPECT_EQ(c.poll(i), ReloadResult::reloaded);
  EXPECT_TRUE(c[i].errors.empty());
}

TEST(Catalog, LoadsTheFolderStackAndSaysWhereEachLessonComesFrom) {
  const fs::path mine = scratch("stack");
  std::string text = read(good_lesson);
  save(mine / "three-jobs.json", text);
  text.replace(text.find("\"id\": \"three-jobs\""), 18, "\"id\": \"tasks\"");
  save(mine / "tasks.json", text);  // a second "tasks": reported, not shadowing the shipped one
  const fs::path shipped = fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons";
  LessonCatalog c;
  c.load_folders({{shipped, loopscope::lesson::Origin::shipped},
                  {mine, loopscope::lesson::Origin::added},
                  {mine / "missing", loopscope::lesson::Origin::added}});
  std::size_t shipped_count = 0;
  for (const auto& e : fs::directory_iterator(shipped))
    if (e.path().extension() == ".json" && e.path().filename() != "lesson.schema.json") ++shipped_count;
  EXPECT_EQ(c.size(), shipped_count + 2);
  ASSERT_EQ(c.problems().size(), 1u);
  EXPECT_NE(c.problems()[0].find("lesson folder not found"), std::string::npos);

  const int mine_index = c.find("three-jobs");
  ASSERT_GE(mine_index, 0);
  EXPECT_EQ(origin_label(c[mine_index]), mine.string());
  const int tasks = c.find("tasks");
  ASSERT_GE(tasks, 0);
  EXPECT_EQ(origin_label(c[tasks]), "shipped");
  EXPECT_TRUE(c[tasks].notes.empty());
  int duplicates = 0;
  for (const auto& e : c.entries())
    if (e.path == mine / "tasks.json") {
      ++duplicates;
      ASSERT_EQ(e.notes.size(), 1u);
      EXPECT_NE(e.notes[0].find("duplicate lesson id 'tasks'"), std::string::npos) << e.notes[0];
      EXPECT_TRUE(e.lesson) << "a note never stops a lesson from opening";
    }
  EXPECT_EQ(duplicates, 1);
}

TEST(Catalog, ALessonInABundleIsListedAndNeverReread) {
  const fs::path d = scratch("bundle");
  const std::string bundle = "{\"loopscope_bundle\": 1, \"lessons\": {\"three-jobs.json\": " +
                             nlohmann::json(read(good_lesson)).dump() + "}}";
  save(d / "class.loopscope", bundle);
  LessonCatalog c;
  c.load_folders({{d / "class.loopscope", loopscope::lesson::Origin::added}});
  ASSERT_EQ(c.size(), 1u);
  ASSERT_TRUE(c[0].lesson) << c[0].errors.front();
  EXPECT_EQ(c[0].path, d / "class.loopscope" / "three-jobs.json");
  EXPECT_EQ(origin_label(c[0]), (d / "class.loopscope").string());
  EXPECT_EQ(c.poll(0), ReloadResult::unchanged);
}

TEST(Catalog, APythonFileIsAOneStepLessonAndReloadsWhenSaved) {
  const fs::path d = scratch("python");
  save(d / "prog.py", "print('one')\n");
  LessonCatalog c;
  const std::size_t i = c.add_file(d / "prog.py");
  ASSERT_TRUE(c[i].lesson);
  EXPECT_EQ(c[i].lesson->title, "prog.py");
  EXPECT_EQ(c[i].lesson->steps[0].python.lines, std::vector<std::string>{"print('one')"});
  EXPECT_EQ(c.find((d / "prog.py").string()), static_cast<int>(i));
  save(d / "prog.py", "print('one')\nprint('two')\n");
  EXPECT_EQ(c.poll(i), ReloadResult::reloaded);
  EXPECT_EQ(c[i].lesson->steps[0].python.lines.size(), 2u);
  save(d / "prog.py", "print('one'\n");
  EXPECT_EQ(c.poll(i), ReloadResult::broken);
  EXPECT_EQ(c[i].lesson->steps[0].python.lines.size(), 2u) << "a broken save keeps the last good version";
  ASSERT_FALSE(c[i].errors.empty());
  EXPECT_NE(c[i].errors.front().find("prog.py:1:6: SyntaxError"), std::string::npos) << c[i].errors.front();
}
