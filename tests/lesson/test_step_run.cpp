// StepRun: limits end runaway programs with clear errors, runs are deterministic, stepping and
// destruction at any moment are clean, shutdown behaves like asyncio.run().
#include "lesson_fixture.hpp"

#include <loopscope/snapshot.hpp>

using namespace loopscope;
using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

namespace {
std::string describe(const TraceRecorder& t, const TraceEvent& e) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%.9f %d %d %llu %llu %llu %.9f %.9f %d %d ", e.time, static_cast<int>(e.kind),
                static_cast<int>(e.await_kind), static_cast<unsigned long long>(e.task), static_cast<unsigned long long>(e.handle),
                static_cast<unsigned long long>(e.target), e.deadline, e.value, e.line_a, e.line_b);
  return buf + std::string(t.str(e.text));
}

std::vector<std::string> trace_of(const Lesson& l) {
  StepRun run(l, 0, {});
  run.run_to_end();
  std::vector<std::string> out;
  for (const auto& e : run.trace().events()) out.push_back(describe(run.trace(), e));
  return out;
}

const char* busy_program = R"json({"coroutines": {
    "job": {"params": ["n"], "body": [
      {"op": "print", "text": "job {n} start", "py": 2},
      {"op": "sleep", "seconds": "n * 0.5", "py": 3},
      {"op": "cpu", "seconds": 0.1, "py": 4},
      {"op": "print", "text": "job {n} done", "py": 6},
      {"op": "return", "value": "n"}]},
    "main": {"body": [
      {"op": "for", "var": "i", "start": 1, "stop": 5, "body": [
        {"op": "create_task", "coro": "job", "args": ["i"], "name": "job-{i}", "append_to": "ts"}]},
      {"op": "for", "var": "t", "in": "ts", "body": [{"op": "await", "task": "t"}]},
      {"op": "print", "text": "all done"}]}}})json";
}  // namespace

TEST(StepRun, RunningAStepTwiceGivesTheSameTrace) {
  Lesson l = make_lesson(busy_program);
  const auto a = trace_of(l);
  const auto b = trace_of(l);
  ASSERT_GT(a.size(), 50u);
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) ASSERT_EQ(a[i], b[i]) << "event " << i;
  EXPECT_EQ(a.size(), b.size());
}

TEST(StepRun, RunningAStepWithToThreadFiveTimesGivesTheSameTrace) {
  // Worker threads finish whenever they finish; the trace on the virtual clock must not care.
  Lesson l = make_lesson(R"json({"coroutines": {
    "ticker": {"body": [{"op": "for", "var": "i", "stop": 4, "body": [
      {"op": "print", "text": "tick {i}"}, {"op": "sleep", "seconds": 0.5}]}]},
    "main": {"body": [
      {"op": "create_task", "coro": "ticker", "name": "ticker", "into": "t"},
      {"op": "to_thread", "seconds": 1, "label": "read", "value": "'data'", "into": "d"},
      {"op": "print", "text": "got {d}"},
      {"op": "to_thread", "seconds": 0.25, "label": "write", "value": "'ok'", "into": "w"},
      {"op": "print", "text": "wrote {w}"},
      {"op": "await", "task": "t"}]}}})json");
  const auto a = trace_of(l);
  ASSERT_GT(a.size(), 40u);
  for (int run = 0; run < 4; ++run) {
    const auto b = trace_of(l);
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) ASSERT_EQ(a[i], b[i]) << "run " << run << ", event " << i;
    EXPECT_EQ(a.size(), b.size());
  }
}

TEST(StepRun, RunningAnHttpStepTwiceGivesTheSameTrace) {
  Lesson l = make_lesson(R"json({"server": {"routes": [{"path": "/a", "latency": 0.5, "body": "A"}, {"path": "/b", "latency": 1, "body": "B"}]},
    "coroutines": {
      "fetch": {"params": ["p"], "body": [{"op": "http_get", "path": "{p}", "into": "r"}, {"op": "print", "text": "{r.body}"}]},
      "main": {"body": [{"op": "gather", "calls": [{"coro": "fetch", "args": ["'/a'"]}, {"coro": "fetch", "args": ["'/b'"]},
                                                    {"coro": "fetch", "args": ["'/a'"]}]}]}}})json");
  const auto a = trace_of(l);
  const auto b = trace_of(l);
  ASSERT_GT(a.size(), 50u);
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) ASSERT_EQ(a[i], b[i]) << "event " << i;
  EXPECT_EQ(a.size(), b.size());
}

TEST(StepRun, TheTraceReplaysToTheLiveSnapshotAfterEveryIteration) {
  Lesson l = make_lesson(busy_program);
  StepRun run(l, 0, {});
  int iterations = 0;
  while (!run.finished()) {
    const bool more = run.run_once();
    if (!more) break;
    ++iterations;
    EXPECT_EQ(replay(run.trace(), run.trace().size()), run.loop().snapshot()) << "after iteration " << iterations;
  }
  EXPECT_GT(iterations, 5);
}

TEST(StepRun, RunUntilStopsAtTheRequestedTime) {
  Lesson l = make_lesson(busy_program);
  StepRun run(l, 0, {});
  run.run_until(1.0);
  EXPECT_FALSE(run.finished());
  EXPECT_LE(run.time(), 1.1);  // the iteration that began at 1.0 ran 0.1 s of CPU work
  ASSERT_TRUE(run.next_time());
  EXPECT_GT(*run.next_time(), 1.0);
  run.run_to_end();
  EXPECT_TRUE(run.finished());
  EXPECT_FALSE(run.next_time());
  EXPECT_FALSE(run.run_once());
  EXPECT_EQ(texts(run.result()).back(), "all done");
}

TEST(StepRun, DestroyingARunMidProgramIsClean) {
  Lesson l = make_lesson(busy_program);
  for (int k = 0; k < 12; ++k) {
    StepRun run(l, 0, {});
    for (int i = 0; i < k; ++i) run.run_once();
  }  // ASan / LeakSanitizer builds check there is nothing left behind
  SUCCEED();
}

TEST(StepRun, ARunawayLoopHitsTheOperationLimit) {
  auto r = run_program(main_only(R"json([{"op": "for", "var": "i", "stop": 100000000, "body": [{"op": "set", "var": "x", "value": "i"}]}])json"));
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: more than 200000 operations executed (a runaway loop?)");
}

TEST(StepRun, AnEndlessYieldLoopHitsTheOperationLimitToo) {
  auto r = run_program(main_only(R"json([{"op": "for", "var": "i", "stop": 100000000, "body": [{"op": "sleep", "seconds": 0}]}])json",
                                 "", R"json("limits": {"max_ops": 1000}, )json"));
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: more than 1000 operations executed (a runaway loop?)");
}

TEST(StepRun, TooManyTasksAliveHitsTheTaskLimit) {
  auto r = run_program(main_only(R"json([{"op": "for", "var": "i", "stop": 5000, "body": [
      {"op": "create_task", "coro": "w"}]}])json",
                                 R"json(, "w": {"body": [{"op": "sleep", "seconds": 10}]})json"));
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: more than 1000 tasks alive at once");
}

TEST(StepRun, TooMuchTimeHitsTheTimeLimit) {
  auto r = run_program(main_only(R"json([{"op": "sleep", "seconds": 10}, {"op": "sleep", "seconds": 10}])json", "",
                                 R"json("limits": {"max_time": 15}, )json"));
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: sleep would run past 15.0 s");
  auto r2 = run_program(main_only(R"json([{"op": "sleep", "seconds": 1e9}])json"));
  EXPECT_EQ(r2.error.value_or(""), "limit exceeded: sleep would run past 3600.0 s");
}

TEST(StepRun, TooMuchOutputHitsTheOutputLimit) {
  auto r = run_program(main_only(R"json([{"op": "for", "var": "i", "stop": 100, "body": [{"op": "print", "text": "{i}"}]}])json", "",
                                 R"json("limits": {"max_output": 10}, )json"));
  EXPECT_EQ(r.output.size(), 10u);
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: more than 10 lines printed");
}

TEST(StepRun, EndlessRecursionHitsTheDepthLimit) {
  auto r = run_program(main_only(R"json([{"op": "call", "coro": "f"}])json",
                                 R"json(, "f": {"body": [{"op": "call", "coro": "f"}]})json"));
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: coroutine calls nested more than 64 deep (endless recursion?)");
}

TEST(StepRun, ALimitCannotBeCaughtByTheProgram) {
  auto r = run_program(main_only(R"json([{"op": "try",
      "body": [{"op": "for", "var": "i", "stop": 100000000, "body": [{"op": "sleep", "seconds": 0}]}],
      "except": [{"body": [{"op": "print", "text": "caught"}]}],
      "finally": [{"op": "print", "text": "finally"}]}])json",
                                 "", R"json("limits": {"max_ops": 100}, )json"));
  EXPECT_TRUE(texts(r).empty());
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: more than 100 operations executed (a runaway loop?)");
}

TEST(StepRun, AwaitingSomethingThatIsNotATaskIsATypeError) {
  auto r = run_program(main_only(R"json([{"op": "await", "task": "None"}])json"));
  EXPECT_EQ(r.error.value_or(""), "TypeError: object NoneType can't be used in 'await' expression");
}

TEST(StepRun, AtTheEndRemainingTasksAreCancelledAndTheirFinallyBlocksRun) {
  auto r = run_program(main_only(R"json([{"op": "create_task", "coro": "bg", "name": "bg"}, {"op": "sleep", "seconds": 1},
      {"op": "print", "text": "main done"}])json",
                                 R"json(, "bg": {"body": [{"op": "try", "body": [{"op": "sleep", "seconds": 100}],
      "except": [{"type": "CancelledError", "body": [{"op": "print", "text": "bg cancelled"}, {"op": "raise"}]}],
      "finally": [{"op": "print", "text": "bg cleanup"}]}]})json"));
  EXPECT_EQ(timeline(r), (Strings{"1 main main done", "1 bg bg cancelled", "1 bg bg cleanup"}));
  EXPECT_FALSE(r.error);
  EXPECT_DOUBLE_EQ(r.duration, 1);
}

TEST(StepRun, AStepThatDoesNotExistIsAnError) {
  Lesson l = make_lesson(main_only("[]"));
  StepRun run(l, 5, {});
  EXPECT_TRUE(run.finished());
  EXPECT_EQ(run.result().error.value_or(""), "step 6 does not exist (the lesson has 1 steps)");
}

TEST(StepRun, ParamOverridesAreCheckedAgainstTheStep) {
  Lesson l = make_lesson(main_only("[]"), R"json([{"name": "jobs", "min": 1, "max": 5, "default": 2}])json");
  EXPECT_TRUE(check_param_overrides(l.steps[0], {{"jobs", 5}}).empty());
  EXPECT_EQ(check_param_overrides(l.steps[0], {{"jobs", 6}}), (Strings{"param 'jobs' must be within [1.0, 5.0], got 6.0"}));
  EXPECT_EQ(check_param_overrides(l.steps[0], {{"jbos", 2}}), (Strings{"unknown param 'jbos' (did you mean 'jobs'?)"}));
}

TEST(StepRun, TheRealClockRunsInRealTime) {
  Lesson l = make_lesson(main_only(R"json([{"op": "sleep", "seconds": 0.02}, {"op": "print", "text": "done"}])json"));
  StepRun run(l, 0, {}, ClockKind::real_time);
  run.run_to_end();
  const RunResult r = run.result();
  EXPECT_EQ(texts(r), (Strings{"done"}));
  EXPECT_GE(r.duration, 0.02);
}
