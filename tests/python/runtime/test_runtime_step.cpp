// test_runtime_step.cpp — a lesson step's Python listing is its program: StepRun runs it through
// the Python front end and it prints what the step's `expect` says, at the pinned times, with
// asyncio's task names; params replace the listing's constants; a step's server answers the
// listing's requests.
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace loopscope::lesson {
namespace {

Lesson load(const char* id) {
  auto loaded = load_lesson_file(std::filesystem::path(LOOPSCOPE_SOURCE_DIR) / "lessons" / (std::string(id) + ".json"));
  EXPECT_TRUE(loaded.lesson);
  return *loaded.lesson;
}

RunResult run(const Lesson& l, std::size_t step, std::map<std::string, double> params = {}) {
  StepRun r(l, step, params, ClockKind::virtual_time);
  r.run_to_end();
  return r.result();
}

TEST(PythonStepRun, EveryStepsListingPrintsItsExpectedLinesAtTheirTimes) {
  for (const char* id : {"sync-vs-async", "coroutines", "event-loop", "tasks", "http"}) {
    const Lesson l = load(id);
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      const Expect& ex = l.steps[i].expect;
      const RunResult py = run(l, i);
      SCOPED_TRACE(std::string(id) + " step " + std::to_string(i + 1));
      ASSERT_FALSE(py.error) << *py.error;
      ASSERT_TRUE(ex.output);
      ASSERT_EQ(py.output.size(), ex.output->size());
      for (std::size_t k = 0; k < py.output.size(); ++k) {
        EXPECT_EQ(py.output[k].text, (*ex.output)[k].text);
        if ((*ex.output)[k].time) {
          EXPECT_NEAR(py.output[k].time, *(*ex.output)[k].time, 1e-6);
        }
        if ((*ex.output)[k].task) {
          EXPECT_EQ(py.task_name(py.output[k].task), *(*ex.output)[k].task);
        }
      }
      if (ex.duration) {
        EXPECT_NEAR(py.duration, *ex.duration, 1e-6);
      }
    }
  }
}

TEST(PythonStepRun, TheMainTaskIsNamedAsAsyncioNamesIt) {
  const Lesson l = load("tasks");
  const RunResult r = run(l, 0);
  ASSERT_FALSE(r.output.empty());
  EXPECT_EQ(r.task_name(r.output.front().task), "Task-1");
}

TEST(PythonStepRun, ParamsReplaceTheListingsConstants) {
  const Lesson l = load("http");
  const RunResult slow = run(l, 0, {{"orders", 4.0}});
  ASSERT_FALSE(slow.error) << *slow.error;
  EXPECT_NEAR(slow.duration, 5.5, 1e-6);  // 1 + 4 + 0.5, one request after another
}

}  // namespace
}  // namespace loopscope::lesson
