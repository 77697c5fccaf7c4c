// test_runtime_step.cpp — a lesson step whose Python listing is the program: StepRun runs it
// through the Python front end and prints what the program tree prints, with asyncio's task
// names; params replace the listing's constants; a step's server answers the listing's requests.
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace loopscope::lesson {
namespace {

std::vector<std::string> texts(const RunResult& r) {
  std::vector<std::string> out;
  for (const auto& l : r.output) out.push_back(l.text);
  return out;
}

Lesson load(const char* id) {
  auto loaded = load_lesson_file(std::filesystem::path(LOOPSCOPE_SOURCE_DIR) / "lessons" / (std::string(id) + ".json"));
  EXPECT_TRUE(loaded.lesson);
  return *loaded.lesson;
}

RunResult run(const Lesson& l, std::size_t step, StepSource source, std::map<std::string, double> params = {}) {
  StepRun r(l, step, params, std::nullopt, source);
  EXPECT_EQ(r.runs_python(), source == StepSource::python);
  r.run_to_end();
  return r.result();
}

TEST(PythonStepRun, EveryStepsListingPrintsWhatItsProgramTreePrintsAtTheSameTimes) {
  for (const char* id : {"sync-vs-async", "coroutines", "event-loop", "tasks", "http"}) {
    const Lesson l = load(id);
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      const RunResult tree = run(l, i, StepSource::tree);
      const RunResult py = run(l, i, StepSource::python);
      SCOPED_TRACE(std::string(id) + " step " + std::to_string(i + 1));
      ASSERT_FALSE(py.error) << *py.error;
      EXPECT_EQ(texts(py), texts(tree));
      ASSERT_EQ(py.output.size(), tree.output.size());
      for (std::size_t k = 0; k < py.output.size(); ++k) EXPECT_NEAR(py.output[k].time, tree.output[k].time, 1e-6);
      EXPECT_NEAR(py.duration, tree.duration, 1e-6);
    }
  }
}

TEST(PythonStepRun, TheMainTaskIsNamedAsAsyncioNamesIt) {
  const Lesson l = load("tasks");
  const RunResult r = run(l, 0, StepSource::python);
  ASSERT_FALSE(r.output.empty());
  EXPECT_EQ(r.task_name(r.output.front().task), "Task-1");
}

TEST(PythonStepRun, ParamsReplaceTheListingsConstants) {
  const Lesson l = load("http");
  const RunResult slow = run(l, 0, StepSource::python, {{"orders", 4.0}});
  ASSERT_FALSE(slow.error) << *slow.error;
  EXPECT_NEAR(slow.duration, 5.5, 1e-6);  // 1 + 4 + 0.5, one request after another
}

}  // namespace
}  // namespace loopscope::lesson
