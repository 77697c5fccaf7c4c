// test_task_labels.cpp — a task's label: its name, and for asyncio's automatic names the
// coroutine function its first listing line is in ("Task-1 main()").
#include "ui/task_labels.hpp"
#include "ui/trace_model.hpp"

#include "timeline_trace_builder.hpp"

#include <gtest/gtest.h>

namespace loopscope::ui {
namespace {

using testing::TraceBuilder;

const std::vector<std::string> listing = {
    "import asyncio",                          // 1
    "",                                        // 2
    "async def fetch(name, delay):",           // 3
    "    await asyncio.sleep(delay)",          // 4
    "    return name",                         // 5
    "",                                        // 6
    "async def main():",                       // 7
    "    def helper(x):",                      // 8
    "        square = lambda y: y * y",        // 9
    "",                                        // 10
    "        # a comment at column 0 below",   // 11
    "# out of place",                          // 12
    "        return square(x)",                // 13
    "    if True:",                            // 14
    "        for i in range(3):",              // 15
    "            await fetch('a', i)",         // 16
    "    async  def   inner():",               // 17
    "        await asyncio.sleep(0)",          // 18
    "    return helper(2)",                    // 19
    "",                                        // 20
    "class Worker:",                           // 21
    "    x = 1",                               // 22
    "    async def run(self):",                // 23
    "\tpass",                                  // 24 (a tab: column 8)
    "asyncio.run(main())",                     // 25
};

TEST(TaskLabels, AutomaticNamesAreTaskDashDigitsOnly) {
  EXPECT_TRUE(is_automatic_task_name("Task-1"));
  EXPECT_TRUE(is_automatic_task_name("Task-1234"));
  EXPECT_FALSE(is_automatic_task_name("Task-"));
  EXPECT_FALSE(is_automatic_task_name("Task-1a"));
  EXPECT_FALSE(is_automatic_task_name("task-1"));
  EXPECT_FALSE(is_automatic_task_name("main"));
  EXPECT_FALSE(is_automatic_task_name(" Task-1"));
  EXPECT_FALSE(is_automatic_task_name("Task-1 "));
}

TEST(TaskLabels, EnclosingFunctionIsTheInnermostDefAbove) {
  EXPECT_EQ(enclosing_function(listing, 4), "fetch");
  EXPECT_EQ(enclosing_function(listing, 5), "fetch");
  EXPECT_EQ(enclosing_function(listing, 3), "fetch");  // the def line itself
  EXPECT_EQ(enclosing_function(listing, 7), "main");
}

TEST(TaskLabels, NestedDefsAndBlocks) {
  EXPECT_EQ(enclosing_function(listing, 8), "helper");   // the nested def line: its own name
  EXPECT_EQ(enclosing_function(listing, 9), "helper");   // a lambda is not a def
  EXPECT_EQ(enclosing_function(listing, 13), "helper");  // comments and blank lines skipped
  EXPECT_EQ(enclosing_function(listing, 16), "main");    // through for and if
  EXPECT_EQ(enclosing_function(listing, 18), "inner");   // extra spaces in "async  def   inner"
  EXPECT_EQ(enclosing_function(listing, 19), "main");    // after the nested defs: main again
  EXPECT_EQ(enclosing_function(listing, 24), "run");     // a method; a tab is 8 columns
}

TEST(TaskLabels, ModuleLevelAndOutOfRangeHaveNoFunction) {
  EXPECT_EQ(enclosing_function(listing, 1), "");
  EXPECT_EQ(enclosing_function(listing, 25), "");
  EXPECT_EQ(enclosing_function(listing, 22), "");  // a class body is no function
  EXPECT_EQ(enclosing_function(listing, 0), "");
  EXPECT_EQ(enclosing_function(listing, 26), "");
  EXPECT_EQ(enclosing_function({}, 1), "");
}

TEST(TaskLabels, DefLikeNamesAreNotDefs) {
  const std::vector<std::string> l = {"def_x = 1", "async_def = 2", "    defined = 3",
                                      "define(1)", "  x = 1"};
  for (int i = 1; i <= 5; ++i) EXPECT_EQ(enclosing_function(l, i), "") << i;
}

TEST(TaskLabels, AnAutomaticallyNamedTaskGetsTheFunctionOfItsFirstLocation) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "Task-1");
  b.created(0, 2, "Task-2", 1);
  b.created(0, 3, "fetcher", 1);      // a name the program chose: no function
  b.created(0, 4, "Task-4", 1);       // never reaches a listing line
  b.location(0, 1, 0);                // unknown line: ignored
  b.location(0, 1, 16);               // main
  b.location(0, 1, 4);                // later lines do not change it
  b.location(0, 2, 4);                // fetch
  b.location(0, 3, 4);
  TraceModel m;
  m.set_listing(listing);
  m.update(rec);
  const TaskLabels& labels = m.labels();
  EXPECT_EQ(labels.function(1), "main()");
  EXPECT_EQ(labels.text(1), "Task-1 main()");
  EXPECT_EQ(labels.function(2), "fetch()");
  EXPECT_EQ(labels.text(2), "Task-2 fetch()");
  EXPECT_EQ(labels.function(3), "");
  EXPECT_EQ(labels.text(3), "fetcher");
  EXPECT_EQ(labels.function(4), "");
  EXPECT_EQ(labels.text(4), "Task-4");
  EXPECT_EQ(labels.text(99), "");
  EXPECT_EQ(labels.text(99, "ghost"), "ghost");
  EXPECT_TRUE(labels.any_function());
}

TEST(TaskLabels, AModuleLevelFirstLineGivesNoFunction) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "Task-1");
  b.location(0, 1, 25);
  b.location(0, 1, 16);
  TraceModel m;
  m.set_listing(listing);
  m.update(rec);
  EXPECT_EQ(m.labels().function(1), "");
  EXPECT_FALSE(m.labels().any_function());
}

TEST(TaskLabels, ANewListingRecomputesAndAResetForgetsTasks) {
  TraceRecorder rec;
  TraceBuilder b(rec);
  b.created(0, 1, "Task-1");
  b.location(0, 1, 4);
  TraceModel m;
  m.update(rec);                      // no listing yet
  EXPECT_EQ(m.labels().function(1), "");
  m.set_listing(listing);
  EXPECT_EQ(m.labels().function(1), "fetch()");
  m.set_listing({"async def go():", "    pass", "", "    x"});
  EXPECT_EQ(m.labels().function(1), "go()");
  EXPECT_TRUE(m.labels().any_function());
  m.reset();
  EXPECT_EQ(m.labels().name(1), "");
  EXPECT_FALSE(m.labels().any_function());
}

}  // namespace
}  // namespace loopscope::ui
