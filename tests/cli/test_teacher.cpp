// A teacher's workflow through the built binary: lesson folders (--lessons,
// LOOPSCOPE_LESSONS_PATH, the XDG folder), `new`, `schema`, `check --format json`,
// `check --watch`, `pack` and bundles read by `check` and `run`.
#include "cli_run.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {
namespace fs = std::filesystem;
using loopscope::cli::testing::run;
const fs::path source = LOOPSCOPE_SOURCE_DIR;

fs::path scratch(const std::string& name) {
  const auto d = fs::temp_directory_path() / ("loopscope-cli-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A lesson `id` that needs `prerequisite`, prints "hi" after 1 s and expects `duration`.
std::string lesson(const std::string& id, const std::string& prerequisite, int duration = 1) {
  return R"x({"id": ")x" + id + R"x(", "title": "T", "summary": "S", "order": 50, "prerequisites": [")x" + prerequisite +
         R"x("], "steps": [{"title": "One", "text": "Look at: it.", "code": {"python": ["import asyncio", "",
  "async def main():", "    await asyncio.sleep(1)", "    print('hi')", "", "asyncio.run(main())"]},
  "expect": {"output": ["hi"], "duration": )x" + std::to_string(duration) + "}}]}\n";
}
}  // namespace

TEST(CliFolders, ALessonFolderGivenWithLessonsCanDependOnAShippedLessonAndRunById) {
  const fs::path mine = scratch("folders");
  write(mine / "after-tasks.json", lesson("after-tasks", "tasks"));
  auto check = run("check --lessons " + mine.string() + " " + mine.string());
  EXPECT_EQ(check.code, 0) << check.err;
  auto r = run("run after-tasks --lessons " + mine.string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "[  1.000s] Task-1  hi\n");
  EXPECT_EQ(run("run after-tasks").code, 1) << "not in the stack without --lessons";
  EXPECT_EQ(run("run after-tasks --lessons").code, 2);
}

TEST(CliFolders, TheLessonsPathVariableAndTheUsersFolderAddFolders) {
  const fs::path mine = scratch("path");
  write(mine / "a" / "from-path.json", lesson("from-path", "tasks"));
  write(mine / "data" / "loopscope" / "lessons" / "from-xdg.json", lesson("from-xdg", "from-path"));
  const std::string env = "XDG_DATA_HOME=" + (mine / "data").string() + " LOOPSCOPE_LESSONS_PATH=" + (mine / "a").string();
  EXPECT_EQ(run("run from-path", env).code, 0);
  auto r = run("run from-xdg", env);
  EXPECT_EQ(r.code, 0) << r.err;
  // The shipped lessons alone, then with the two added ones (one step each).
  int lessons = 0, steps = 0;
  const auto shipped_only = run("check", "XDG_DATA_HOME=" + (mine / "nothing").string());
  ASSERT_EQ(std::sscanf(shipped_only.err.c_str(), "checked %d lessons, %d steps", &lessons, &steps), 2) << shipped_only.err;
  auto all = run("check", env);
  EXPECT_EQ(all.code, 0) << all.err;
  EXPECT_EQ(all.err, "checked " + std::to_string(lessons + 2) + " lessons, " + std::to_string(steps + 2) +
                         " steps: all good\n");
}

TEST(CliFolders, AnIdDefinedTwiceIsReportedByCheck) {
  const fs::path mine = scratch("duplicate");
  write(mine / "tasks.json", lesson("tasks", "coroutines"));
  auto r = run("check " + mine.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find((mine / "tasks.json").string() + ":1:8: duplicate lesson id 'tasks': already defined by "), std::string::npos) << r.err;
}

TEST(CliCheck, JsonFormatPrintsMachineReadableProblemsOnStdout) {
  const fs::path mine = scratch("json");
  write(mine / "a.json", lesson("a", "nope", 3));
  auto r = run("check --format json " + mine.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "");
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["lessons"], 1);
  EXPECT_EQ(j["steps"], 1);
  ASSERT_EQ(j["problems"].size(), 2u);
  const auto& p = j["problems"][0];
  EXPECT_EQ(p["file"], (mine / "a.json").string());
  EXPECT_EQ(p["line"], 1);
  EXPECT_EQ(p["pointer"], "/prerequisites/0");
  EXPECT_EQ(p["severity"], "error");
  EXPECT_EQ(j["problems"][1]["pointer"], "/steps/0/expect/duration");
  auto clean = run("check --format json " + (source / "lessons" / "tasks.json").string());
  EXPECT_EQ(clean.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(clean.out)["problems"].empty());
  EXPECT_EQ(run("check --format yaml").code, 2);
  EXPECT_EQ(run("check --watch --format json").code, 2);
}

TEST(CliCheck, WatchPrintsTheFirstCheckAndStopsAfterTheGivenPolls) {
  const fs::path mine = scratch("watch");
  write(mine / "a.json", lesson("a", "tasks", 2));
  auto r = run("check --watch --watch-iterations 0 " + mine.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("expected a duration of 2.0 s, the run took 1.0 s"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("checked 1 lesson, 1 step: 1 problem — watching for changes"), std::string::npos) << r.err;
  EXPECT_EQ(run("check --watch-iterations x").code, 2);
}

TEST(CliSchema, PrintsTheAbsolutePathOfTheSchema) {
  auto r = run("schema");
  ASSERT_EQ(r.code, 0) << r.err;
  const fs::path p = r.out.substr(0, r.out.size() - 1);
  EXPECT_TRUE(p.is_absolute()) << p;
  EXPECT_EQ(read(p), read(source / "lessons" / "lesson.schema.json"));
  EXPECT_EQ(run("schema extra").code, 2);
}

TEST(CliNew, WritesALessonThatPassesCheckAndNamesTheSchema) {
  const fs::path mine = scratch("new");
  auto r = run("new my-first-lesson --dir " + (mine / "lessons").string());
  ASSERT_EQ(r.code, 0) << r.err;
  const fs::path file = mine / "lessons" / "my-first-lesson.json";
  ASSERT_TRUE(fs::exists(file));
  const auto j = nlohmann::json::parse(read(file));
  const std::string schema = run("schema").out;
  EXPECT_EQ(j["$schema"].get<std::string>() + "\n", schema);
  auto check = run("check " + file.string());
  EXPECT_EQ(check.code, 0) << check.err;
  auto again = run("new my-first-lesson --dir " + (mine / "lessons").string());
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find("already exists"), std::string::npos);
  EXPECT_EQ(run("new My_Lesson").code, 2);
  EXPECT_EQ(run("new").code, 2);
}

TEST(CliNew, TheNewLessonsPythonListingRunsUnderCPythonAndPrintsWhatItExpects) {
  const char* python = "/usr/bin/python3";
  if (!fs::exists(python)) GTEST_SKIP() << "no " << python;
  const fs::path mine = scratch("new-python");
  ASSERT_EQ(run("new listing --dir " + mine.string()).code, 0);
  const fs::path file = mine / "listing.json";
  const std::string cmd = std::string(python) + " " + (source / "tests" / "lessons" / "run_listing.py").string() + " " +
                          file.string() + " 1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  ASSERT_TRUE(pipe);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  ASSERT_EQ(WEXITSTATUS(::pclose(pipe)), 0);
  std::string expected;
  const auto lesson_json = nlohmann::json::parse(read(file));
  for (const auto& line : lesson_json["steps"][0]["expect"]["output"]) expected += line.get<std::string>() + "\n";
  EXPECT_EQ(out, expected);
}

TEST(CliPack, APackedFolderIsOneFileThatCheckAndRunRead) {
  const fs::path mine = scratch("pack");
  write(mine / "class" / "examples" / "hello.cpp", "// hello\nint main() {}\n");
  std::string with_cpp = lesson("first", "tasks");
  const std::string end_of_listing = R"x("asyncio.run(main())"]})x";
  with_cpp.replace(with_cpp.find(end_of_listing), end_of_listing.size(),
                   R"x("asyncio.run(main())"], "cpp": {"file": "examples/hello.cpp"}})x");
  write(mine / "class" / "first.json", with_cpp);
  write(mine / "class" / "second.json", lesson("second", "first"));
  const fs::path bundle = mine / "class.loopscope";
  auto p = run("pack " + (mine / "class").string() + " -o " + bundle.string());
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(p.out, "wrote " + bundle.string() + ": 2 lessons, 1 file\n");
  fs::remove_all(mine / "class");

  auto c = run("check " + bundle.string());
  EXPECT_EQ(c.code, 0) << c.err;
  EXPECT_EQ(c.err, "checked 2 lessons, 2 steps: all good\n");
  auto r = run("run " + bundle.string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "[  1.000s] Task-1  hi\n");
  auto by_id = run("run second --lessons " + bundle.string());
  EXPECT_EQ(by_id.code, 0) << by_id.err;

  EXPECT_EQ(run("pack " + mine.string()).code, 2);
  EXPECT_EQ(run("pack " + mine.string() + " -o x.zip").code, 2);
  auto empty = run("pack " + mine.string() + " -o " + (mine / "empty.loopscope").string());
  EXPECT_EQ(empty.code, 1);
  EXPECT_FALSE(fs::exists(mine / "empty.loopscope"));
}

TEST(CliPack, AHostileBundleIsRefusedWithOneClearMessage) {
  const fs::path mine = scratch("hostile");
  write(mine / "evil.loopscope", R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {"../../etc/x": ""}})");
  auto c = run("check " + (mine / "evil.loopscope").string());
  EXPECT_EQ(c.code, 1);
  EXPECT_EQ(c.err, (mine / "evil.loopscope").string() +
                       ":1:1: refused lesson bundle: entry \"../../etc/x\" is a path that steps out with '..'\n"
                       "checked 0 lessons, 0 steps: 1 problem\n");
  auto r = run("run " + (mine / "evil.loopscope").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("refused lesson bundle"), std::string::npos) << r.err;
}

TEST(CliInstall, TheInstalledCommandNamesTheInstalledSchemaAndFindsTheInstalledLessons) {
  const fs::path prefix = scratch("install");
  const std::string install = std::string(LOOPSCOPE_CMAKE) + " --install " + LOOPSCOPE_BUILD_DIR + " --prefix " + prefix.string() +
                              " > /dev/null";
  ASSERT_EQ(std::system(install.c_str()), 0);
  const std::string installed = (prefix / "bin" / "loopscope").string();
  FILE* pipe = ::popen((installed + " schema").c_str(), "r");
  ASSERT_TRUE(pipe);
  std::array<char, 4096> buf{};
  std::string out;
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  EXPECT_EQ(WEXITSTATUS(::pclose(pipe)), 0);
  EXPECT_EQ(out, (prefix / "share" / "loopscope" / "lesson.schema.json").string() + "\n");
  EXPECT_EQ(read(prefix / "share" / "loopscope" / "lesson.schema.json"), read(source / "lessons" / "lesson.schema.json"));
  EXPECT_TRUE(fs::exists(prefix / "share" / "loopscope" / "lessons" / "tasks.json"));
  fs::remove_all(prefix);
}
