// The lesson folder stack (folders.hpp) and the library loaded from it (library.hpp):
// order, duplicates, prerequisites across folders, bundles as folders, the schema's path.
#include "folder_fixture.hpp"
#include "lesson/library.hpp"
#include "lesson/step_run.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;
namespace fs = std::filesystem;

namespace {
const fs::path shipped = fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons";

FolderEnvironment env_with(const fs::path& home) {
  FolderEnvironment env;
  env.home = home.string();
  return env;
}

std::vector<std::string> lines(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.to_string());
  return out;
}
}  // namespace

TEST(LessonFolders, TheStackIsShippedThenTheUsersThenThePathThenTheCommandLine) {
  const fs::path root = scratch("stack");
  fs::create_directories(root / "data" / "loopscope" / "lessons");
  FolderEnvironment env;
  env.xdg_data_home = (root / "data").string();
  env.lessons_path = (root / "a").string() + ":" + (root / "b").string() + ":";
  const auto folders = lesson_folders(env, {root / "c"});
  ASSERT_EQ(folders.size(), 5u);
  EXPECT_EQ(folders[0].origin, Origin::shipped);
  EXPECT_EQ(folders[1].path, root / "data" / "loopscope" / "lessons");
  EXPECT_EQ(folders[1].origin, Origin::user);
  EXPECT_EQ(folders[2].path, root / "a");
  EXPECT_EQ(folders[3].path, root / "b");
  EXPECT_EQ(folders[4].path, root / "c");
  EXPECT_EQ(folders[4].origin, Origin::added);
}

TEST(LessonFolders, TheUsersFolderDefaultsToLocalShareAndIsLeftOutWhenMissing) {
  const fs::path home = scratch("home");
  EXPECT_EQ(lesson_folders(env_with(home), {}).size(), 1u);
  fs::create_directories(home / ".local" / "share" / "loopscope" / "lessons");
  const auto folders = lesson_folders(env_with(home), {});
  ASSERT_EQ(folders.size(), 2u);
  EXPECT_EQ(folders[1].path, home / ".local" / "share" / "loopscope" / "lessons");
}

TEST(LessonFolders, AFolderNamedTwiceAppearsOnceAtItsFirstPlace) {
  const fs::path home = scratch("twice");
  const auto folders = lesson_folders(env_with(home), {shipped / ".." / "lessons", home, home / "."});
  ASSERT_EQ(folders.size(), 2u);
  EXPECT_EQ(folders[0].origin, Origin::shipped);
  EXPECT_EQ(folders[1].path, home);
}

TEST(LessonFolders, TheOldLessonsDirVariableReplacesTheShippedFolder) {
  FolderEnvironment env;
  env.lessons_dir = "/somewhere/else";
  EXPECT_EQ(lesson_folders(env, {})[0].path, fs::path("/somewhere/else"));
  EXPECT_EQ(lesson_folders(env, {})[0].origin, Origin::shipped);
}

TEST(LessonFolders, TheSchemaIsFoundAsAnAbsolutePath) {
  const auto p = schema_path();
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->is_absolute());
  EXPECT_EQ(p->filename(), "lesson.schema.json");
  EXPECT_TRUE(fs::is_regular_file(*p));
}

TEST(LessonLibrary, PrerequisitesResolveAcrossFolders) {
  const fs::path mine = scratch("across");
  save(mine / "after-tasks.json", small_lesson("after-tasks", "\"tasks\""));
  const Library lib = load_library({{shipped, Origin::shipped}, {mine, Origin::added}});
  EXPECT_TRUE(lib.problems.empty());
  const LibraryEntry* e = lib.find("after-tasks");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->problems.empty()) << lines(e->problems).front();
  EXPECT_EQ(e->folder.path, mine);
  EXPECT_EQ(lib.find("tasks")->folder.origin, Origin::shipped);
}

TEST(LessonLibrary, AnUnknownPrerequisiteIsReportedAtItsElementAndTheLessonStillOpens) {
  const fs::path mine = scratch("unknown-pre");
  save(mine / "x.json", small_lesson("x", "\"tasks\", \"taks2\""));
  const Library lib = load_library({{shipped, Origin::shipped}, {mine, Origin::added}});
  const LibraryEntry* e = lib.find("x");
  ASSERT_TRUE(e);
  ASSERT_TRUE(e->result.lesson);
  EXPECT_EQ(lines(e->problems), std::vector<std::string>{(mine / "x.json").string() +
                                                         ":6:30: unknown prerequisite 'taks2' (did you mean 'tasks'?) (at /prerequisites/1)"});
}

TEST(LessonLibrary, AnIdDefinedTwiceIsReportedAtTheLaterIdAndTheFirstOneIsFoundById) {
  const fs::path mine = scratch("duplicate");
  save(mine / "tasks.json", small_lesson("tasks"));
  const Library lib = load_library({{shipped, Origin::shipped}, {mine, Origin::added}});
  const LibraryEntry* first = lib.find("tasks");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->folder.origin, Origin::shipped);
  EXPECT_TRUE(first->problems.empty());
  int duplicates = 0;
  for (const auto& e : lib.entries) {
    if (e.file != (mine / "tasks.json").string()) continue;
    ++duplicates;
    ASSERT_EQ(e.problems.size(), 1u);
    EXPECT_EQ(e.problems[0].to_string(), (mine / "tasks.json").string() + ":2:9: duplicate lesson id 'tasks': already defined by " +
                                             (shipped / "tasks.json").string() +
                                             " (that one is opened by id; rename this one) (at /id)");
  }
  EXPECT_EQ(duplicates, 1);
}

TEST(LessonLibrary, AMissingAddedFolderIsAProblemButAMissingShippedOneIsNot) {
  const Library lib = load_library({{"/no/such/folder/a", Origin::shipped}, {"/no/such/folder/b", Origin::added}});
  ASSERT_EQ(lib.problems.size(), 1u);
  EXPECT_EQ(lib.problems[0].to_string(), "/no/such/folder/b:1:1: lesson folder not found (not a directory or a .loopscope bundle)");
}

TEST(LessonLibrary, ALessonArgumentIsAFileABundleOrAnIdInTheStack) {
  const fs::path mine = scratch("argument");
  save(mine / "mine.json", small_lesson("mine"));
  const std::vector<LessonFolder> stack = {{shipped, Origin::shipped}, {mine, Origin::added}};
  auto by_id = resolve_lesson_argument("mine", stack);
  ASSERT_TRUE(by_id && by_id->result.lesson);
  EXPECT_EQ(by_id->result.lesson->id, "mine");
  auto by_path = resolve_lesson_argument((mine / "mine.json").string(), {});
  ASSERT_TRUE(by_path && by_path->result.lesson);
  EXPECT_FALSE(resolve_lesson_argument("no-such-lesson", stack));
  save(mine / "broken.json", "{");
  auto broken = resolve_lesson_argument("broken", stack);
  ASSERT_TRUE(broken);
  EXPECT_FALSE(broken->result.lesson);
  EXPECT_FALSE(broken->result.errors.empty());
}

TEST(LessonLibrary, APythonProgramArgumentIsAOneStepLesson) {
  const fs::path mine = scratch("python-argument");
  save(mine / "hello_world.py", "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print('hi')\n\nasyncio.run(main())\n");
  auto found = resolve_lesson_argument((mine / "hello_world.py").string(), {{shipped, Origin::shipped}});
  ASSERT_TRUE(found && found->result.lesson);
  const Lesson& l = *found->result.lesson;
  EXPECT_EQ(l.title, "hello_world.py");
  EXPECT_EQ(l.id, "hello-world");
  ASSERT_EQ(l.steps.size(), 1u);
  EXPECT_EQ(l.steps[0].python.lines.size(), 7u);
  EXPECT_FALSE(l.steps[0].expect.output);
  StepRun run(l, 0, {});
  run.run_to_end();
  EXPECT_EQ(run.result().output.size(), 1u);
  EXPECT_DOUBLE_EQ(run.result().duration, 1);
  EXPECT_EQ(find_lesson((mine / "hello_world.py").string()), mine / "hello_world.py");

  save(mine / "broken.py", "import asyncio\n\nasync def main(:\n    pass\n");
  auto broken = resolve_lesson_argument((mine / "broken.py").string(), {});
  ASSERT_TRUE(broken);
  EXPECT_FALSE(broken->result.lesson);
  ASSERT_EQ(broken->result.errors.size(), 1u);
  EXPECT_EQ(broken->result.errors[0].file, (mine / "broken.py").string());
  EXPECT_EQ(broken->result.errors[0].line, 3);
  EXPECT_NE(broken->result.errors[0].message.find("SyntaxError"), std::string::npos);
  EXPECT_FALSE(resolve_lesson_argument("not-there.py", {{shipped, Origin::shipped}}));
}
