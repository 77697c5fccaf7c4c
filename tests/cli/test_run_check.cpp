// `loopscope run` and `loopscope check` through the built binary: output, exit codes, --json,
// --set, --step, --clock, --trace, and problems reported as file:line:col.
#include "cli_run.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {
namespace fs = std::filesystem;
const fs::path lessons = LESSON_TEST_DIR;
const std::string three_jobs = (lessons / "good" / "three-jobs.json").string();

using loopscope::cli::testing::run;
}  // namespace

TEST(CliRun, PrintsOneLinePerPrintWithVirtualTimeAndTask) {
  auto r = run("run " + three_jobs);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "[  0.000s] job-1  job 1 start\n"
            "[  0.000s] job-2  job 2 start\n"
            "[  0.000s] job-3  job 3 start\n"
            "[  2.000s] job-1  job 1 done\n"
            "[  2.000s] job-2  job 2 done\n"
            "[  2.000s] job-3  job 3 done\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliRun, FindsALessonById) {
  auto r = run("run three-jobs --step 1", "LOOPSCOPE_LESSONS_DIR=" + (lessons / "good").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("job 3 done"), std::string::npos);
}

TEST(CliRun, JsonOutputIsMachineReadable) {
  auto r = run("run " + three_jobs + " --json --set jobs=2");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["output"].size(), 4u);
  EXPECT_EQ(j["output"][3]["t"], 2.0);
  EXPECT_EQ(j["output"][3]["task"], "job-2");
  EXPECT_EQ(j["output"][3]["text"], "job 2 done");
  EXPECT_EQ(j["duration"], 2.0);
  EXPECT_TRUE(j["error"].is_null());
  EXPECT_TRUE(j["warnings"].empty());
  ASSERT_EQ(j["tasks"].size(), 3u);
  EXPECT_EQ(j["tasks"][0]["name"], "Task-1");
  EXPECT_EQ(j["tasks"][0]["state"], "done");
}

TEST(CliRun, UsageErrorsExitWith2) {
  EXPECT_EQ(run("run").code, 2);
  EXPECT_EQ(run("run " + three_jobs + " --step 0").code, 2);
  EXPECT_EQ(run("run " + three_jobs + " --step 9").code, 2);
  EXPECT_EQ(run("run " + three_jobs + " --set jobs").code, 2);
  EXPECT_EQ(run("run " + three_jobs + " --clock sideways").code, 2);
  EXPECT_EQ(run("run " + three_jobs + " --frobnicate").code, 2);
  EXPECT_EQ(run("run " + three_jobs + " --python").code, 2);  // retired: the listing always runs
  auto out_of_range = run("run " + three_jobs + " --set jobs=50");
  EXPECT_EQ(out_of_range.code, 2);
  EXPECT_NE(out_of_range.err.find("param 'jobs' must be within [1.0, 10.0], got 50.0"), std::string::npos) << out_of_range.err;
  auto unknown = run("run " + three_jobs + " --set jbos=2");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown param 'jbos' (did you mean 'jobs'?)"), std::string::npos) << unknown.err;
}

TEST(CliRun, AMissingOrInvalidLessonExitsWith1AndPointsAtTheProblem) {
  auto missing = run("run no-such-lesson-anywhere");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no lesson 'no-such-lesson-anywhere'"), std::string::npos) << missing.err;
  const std::string bad = (lessons / "bad" / "route-unknown-member.json").string();
  auto invalid = run("run " + bad);
  EXPECT_EQ(invalid.code, 1);
  EXPECT_NE(invalid.err.find(bad + ":17:61: unknown field 'bdy' in route (did you mean 'body'?)"), std::string::npos) << invalid.err;
}

TEST(CliRun, AFailingProgramPrintsItsOutputThenTheErrorAndExits1) {
  const std::string failing = (lessons / "cli" / "failing-program.json").string();
  auto r = run("run " + failing);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "[  0.000s] Task-1  before\n");
  // The traceback names the listing; the last line is where the listing line is in the file.
  EXPECT_NE(r.err.find("File \"listing.py\", line 6, in main"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(failing + ":17:12: step 1: listing line 6: ValueError: bad input (at /steps/0/code/python/5)\n"),
            std::string::npos)
      << r.err;
  auto j = run("run " + failing + " --json");
  EXPECT_EQ(j.code, 1);
  EXPECT_EQ(nlohmann::json::parse(j.out)["error"], "ValueError: bad input");
}

TEST(CliRun, WritesAChromeTraceThatPerfettoCanOpen) {
  const fs::path trace = fs::temp_directory_path() / ("loopscope-trace-" + std::to_string(::getpid()) + ".json");
  auto r = run("run " + three_jobs + " --trace " + trace.string());
  EXPECT_EQ(r.code, 0) << r.err;
  std::ifstream in(trace);
  const auto j = nlohmann::json::parse(in);
  ASSERT_TRUE(j.contains("traceEvents"));
  std::set<std::string> phases;
  for (const auto& e : j["traceEvents"]) phases.insert(e["ph"].get<std::string>());
  for (const char* ph : {"X", "b", "e", "s", "f", "C", "M"}) EXPECT_TRUE(phases.count(ph)) << "no '" << ph << "' events";
  fs::remove(trace);
  EXPECT_EQ(run("run " + three_jobs + " --trace /nonexistent-dir/x.json").code, 1);
}

TEST(CliRun, TheRealClockRunsTheSameProgramInRealTime) {
  auto r = run("run " + (lessons / "cli" / "failing-program.json").string() + " --clock real --json");
  EXPECT_EQ(r.code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["duration"].get<double>(), 0.5);
}

TEST(CliCheck, AGoodLessonDirectoryChecksClean) {
  auto r = run("check " + (lessons / "good").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "checked 1 lesson, 1 step: all good\n");
  EXPECT_EQ(r.out, "");
}

TEST(CliCheck, ChecksTheLessonsDirectoryByDefault) {
  auto r = run("check", "LOOPSCOPE_LESSONS_DIR=" + (lessons / "good").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "checked 1 lesson, 1 step: all good\n");
}

TEST(CliCheck, ReportsEveryProblemAsFileLineColAndExits1) {
  const std::string wrong = (lessons / "cli" / "wrong-expect.json").string();
  const std::string failing = (lessons / "cli" / "failing-program.json").string();
  const std::string bad = (lessons / "bad" / "many-problems.json").string();
  auto r = run("check " + wrong + " " + failing + " " + bad);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(wrong + ":12:30: step 1: output line 1: expected \"finished\", got \"done\" (at /steps/0/expect/output/0)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(wrong + ":12:43: step 1: expected a duration of 6.0 s, the run took 2.0 s (at /steps/0/expect/duration)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(failing + ":17:12: step 1: the program failed: ValueError: bad input (at /steps/0/code/python/5)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad + ":18:58: 'latency' names an unknown param 'job' (did you mean 'jobs'?)"), std::string::npos) << r.err;
  // The summary comes last, on the same stream as the problems.
  EXPECT_EQ(r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1), "checked 3 lessons, 2 steps: 7 problems\n");
  EXPECT_EQ(r.out, "");
}

TEST(CliCheck, EveryShippedLessonChecksClean) {
  auto r = run("check " + (fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons").string());
  EXPECT_EQ(r.code, 0) << r.err;
}
