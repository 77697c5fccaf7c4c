// The command line's fixed parts: --version, --help, and usage errors (exit 2).
#include "../ui/command.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <unistd.h>

using loopscope::testing::run_command;

namespace {
const std::string exe = LOOPSCOPE_EXE;
}

TEST(Command, VersionPrintsTheNameAndVersion) {
  auto r = run_command(exe + " --version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output.rfind("loopscope ", 0), 0u) << r.output;
}

TEST(Command, HelpListsEverySubcommandOfTheBrief) {
  auto r = run_command(exe + " --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"open LESSON", "run LESSON", "check [PATH...]", "shot [LESSON]",
                          "--step N", "--set NAME=VALUE", "--clock virtual|real", "--json",
                          "--trace FILE", "--at SECS|--end", "--size WxH", "--version"})
    EXPECT_NE(r.output.find(sub), std::string::npos) << "help does not mention " << sub;
}

TEST(Command, AnUnknownSubcommandIsAUsageErrorWithExit2) {
  auto r = run_command(exe + " frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown command 'frobnicate'"), std::string::npos) << r.output;
}

TEST(Command, ShotWithoutOutIsAUsageError) {
  auto r = run_command(exe + " shot");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--out"), std::string::npos) << r.output;
}

TEST(Command, ShotRejectsAMalformedSize) {
  auto r = run_command(exe + " shot --size huge --out /tmp/x.png");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Command, OpenRejectsAStepThatIsNotAPositiveNumber) {
  auto r = run_command(exe + " open sync-vs-async --step zero");
  EXPECT_EQ(r.exit_code, 2);
}

// shot and open check the lesson before a window opens, so these need no display.
TEST(Command, ShotOfAnUnknownLessonFailsWithOneLine) {
  auto r = run_command(exe + " shot nosuch --out /tmp/loopscope-nosuch.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("no lesson 'nosuch'"), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
}

TEST(Command, ShotOfAStepPastTheLastIsAUsageError) {
  auto r = run_command(exe + " shot sync-vs-async --step 9 --out /tmp/loopscope-step9.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--step 9: lesson 'sync-vs-async' has "), std::string::npos) << r.output;
}

TEST(Command, ShotOfALessonThatDoesNotLoadPrintsItsErrorsAsFileLineCol) {
  const std::string path = "/tmp/loopscope-broken-lesson.json";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("{\n  \"id\": \"broken\",\n  \"title\": 3\n", f);
    std::fclose(f);
  }
  auto r = run_command(exe + " shot " + path + " --out /tmp/loopscope-broken.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(path + ":"), std::string::npos) << r.output;
}

TEST(Command, OpenOfALessonThatDoesNotLoadPrintsItsErrorsOnStderr) {
  const std::string path = "/tmp/loopscope-broken-open.json";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("{ \"id\": ", f);
    std::fclose(f);
  }
  // No display here: the errors are printed before the window is asked for.
  auto r = run_command("env -u DISPLAY -u WAYLAND_DISPLAY " + exe + " open " + path);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(path + ":1:"), std::string::npos) << r.output;
}

TEST(Command, HelpListsTheTeachersCommandsAndLessonFolders) {
  auto r = run_command(exe + " --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"new ID [--dir DIR]", "schema", "pack DIR -o FILE.loopscope", "--lessons DIR", "--format text|json",
                          "--watch", "LOOPSCOPE_LESSONS_PATH", "XDG_DATA_HOME"})
    EXPECT_NE(r.output.find(sub), std::string::npos) << "help does not mention " << sub;
}

TEST(Command, LessonsWithoutAFolderIsAUsageErrorForEveryCommandThatTakesIt) {
  for (const char* args : {" --lessons", " open --lessons", " shot --out /tmp/x.png --lessons", " run tasks --lessons",
                           " check --lessons", " --lessons="}) {
    auto r = run_command(exe + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.output.find("--lessons needs a folder"), std::string::npos) << r.output;
  }
}

TEST(Command, TheTeachersCommandsRejectBadArguments) {
  EXPECT_EQ(run_command(exe + " pack").exit_code, 2);
  EXPECT_EQ(run_command(exe + " new --dir").exit_code, 2);
  EXPECT_EQ(run_command(exe + " new a b").exit_code, 2);
  EXPECT_EQ(run_command(exe + " schema --frobnicate").exit_code, 2);
  EXPECT_EQ(run_command(exe + " pack --lessons x -o y.loopscope").exit_code, 2) << "pack takes no lesson folders";
}

// A .py program that does not parse is reported as file:line:col before a window opens.
TEST(Command, ShotOfAPythonFileWithASyntaxErrorFailsAtItsLine) {
  const std::string path = "/tmp/loopscope-shot-broken-" + std::to_string(::getpid()) + ".py";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_TRUE(f);
    std::fputs("import asyncio\n\nasync def main(:\n    pass\n", f);
    std::fclose(f);
  }
  auto r = run_command(exe + " shot " + path + " --out /tmp/loopscope-never.png");
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(path + ":3:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("SyntaxError"), std::string::npos) << r.output;
}
