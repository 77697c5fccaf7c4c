// The command line's fixed parts: --version, --help, and usage errors (exit 2).
#include "../ui/command.hpp"

#include <gtest/gtest.h>

#include <string>

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
