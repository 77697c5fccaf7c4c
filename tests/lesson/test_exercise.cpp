// Exercise goals: which parts a run meets, and the "uses" scan of the learner's source.
#include "lesson/exercise.hpp"
#include "lesson/loader.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;

TEST(Exercise, ARunMeetsAGoalOnlyWhenEveryPartIsMet) {
  ExerciseGoal goal;
  goal.output = std::vector<std::string>{"a", "b"};
  goal.max_duration = 2.5;
  goal.no_blocking = true;
  RunFacts run;
  run.output = {"a", "b"};
  run.duration = 2.0;
  const std::vector<std::string> src = {"import asyncio"};
  auto r = check_goal(goal, run, src);
  ASSERT_EQ(r.parts.size(), 3u);
  EXPECT_TRUE(r.met());
  run.duration = 6.0;
  r = check_goal(goal, run, src);
  EXPECT_FALSE(r.met());
  EXPECT_FALSE(r.parts[1].met);
  EXPECT_EQ(r.parts[1].detail, "took 6 s");
}

TEST(Exercise, TheOutputPartSaysWhichLineDiffers) {
  ExerciseGoal goal;
  goal.output = std::vector<std::string>{"a", "b"};
  RunFacts run;
  run.output = {"a"};
  const auto r = check_goal(goal, run, {});
  ASSERT_EQ(r.parts.size(), 1u);
  EXPECT_FALSE(r.parts[0].met);
  EXPECT_EQ(r.parts[0].detail, "line 2: expected 'b', printed nothing");
}

TEST(Exercise, AFailedRunMeetsNoGoal) {
  ExerciseGoal goal;
  goal.max_duration = 10;
  RunFacts run;
  run.error = "ZeroDivisionError: division by zero";
  EXPECT_FALSE(check_goal(goal, run, {}).met());
}

TEST(Exercise, BlockingAndTasksAliveAreCounted) {
  ExerciseGoal goal;
  goal.no_blocking = true;
  goal.max_tasks_alive = 3;
  RunFacts run;
  run.blocking_sections = 1;
  run.max_tasks_alive = 4;
  const auto r = check_goal(goal, run, {});
  EXPECT_FALSE(r.parts[0].met);
  EXPECT_EQ(r.parts[0].detail, "4 were alive at once");
  EXPECT_FALSE(r.parts[1].met);
}

TEST(Exercise, UsesFindsADottedNameOrAnImportedOneButNotInCommentsOrStrings) {
  EXPECT_TRUE(source_uses({"    async with asyncio.TaskGroup() as tg:"}, "asyncio.TaskGroup"));
  EXPECT_TRUE(source_uses({"from asyncio import sleep, TaskGroup", "async with TaskGroup() as tg:"},
                          "asyncio.TaskGroup"));
  EXPECT_FALSE(source_uses({"from asyncio import TaskGroup"}, "asyncio.TaskGroup"));
  EXPECT_FALSE(source_uses({"# asyncio.TaskGroup would be better", "print('asyncio.TaskGroup')"},
                           "asyncio.TaskGroup"));
  EXPECT_TRUE(source_uses({"await asyncio . wait_for(x, 1)"}, "asyncio.wait_for"));
  EXPECT_FALSE(source_uses({"asyncio.TaskGroupX()"}, "asyncio.TaskGroup"));
}

TEST(Exercise, ALessonStepReadsItsExerciseAndReportsABadCheckAtItsMember) {
  const char* base = R"json({"id": "x", "title": "X", "summary": "s", "order": 1, "steps": [{
    "title": "t", "text": "x", "code": {"python": ["print(1)"]},
    "exercise": {"goal": "Be quick.", "check": CHECK, "hints": ["one", "two"], "solution": ["print(2)"]}}]})json";
  std::string good = base;
  good.replace(good.find("CHECK"), 5, R"({"max_duration": 2.5, "uses": ["asyncio.gather"]})");
  auto r = load_lesson_text(good, "x.json");
  ASSERT_TRUE(r.lesson) << (r.errors.empty() ? "" : r.errors.front().to_string());
  const auto& x = *r.lesson->steps[0].exercise;
  EXPECT_EQ(x.goal, "Be quick.");
  EXPECT_EQ(x.hints.size(), 2u);
  EXPECT_EQ(*x.check.max_duration, 2.5);
  EXPECT_EQ(x.check.uses, std::vector<std::string>{"asyncio.gather"});
  EXPECT_EQ(x.solution, std::vector<std::string>{"print(2)"});

  std::string bad = base;
  bad.replace(bad.find("CHECK"), 5, R"({"max_duration": -1})");
  r = load_lesson_text(bad, "x.json");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_NE(r.errors.front().to_string().find("max_duration"), std::string::npos) << r.errors.front().to_string();
}
