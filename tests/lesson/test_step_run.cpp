// StepRun: a step's Python listing is its program. Params bind to the listing's constants, the
// step's server answers its routes, run errors point at the listing line in the lesson file,
// limits end runaway programs, runs are deterministic, stepping and destruction at any moment
// are clean, shutdown behaves like asyncio.run().
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

const char* busy_program = R"py(import asyncio
import time

async def job(n):
    print(f"job {n} start")
    await asyncio.sleep(n * 0.5)
    time.sleep(0.1)
    print(f"job {n} done")
    return n

async def main():
    ts = []
    for i in range(1, 5):
        ts.append(asyncio.create_task(job(i), name=f"job-{i}"))
    for t in ts:
        await t
    print("all done")

asyncio.run(main())
)py";

const char* http_program = R"py(import asyncio
import aiohttp

BASE = "http://127.0.0.1:8080"

async def fetch(session, path):
    async with session.get(f"{BASE}{path}") as r:
        print(path, r.status, await r.text())

async def main():
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(fetch(session, "/a"), fetch(session, "/b"), fetch(session, "/missing"))

asyncio.run(main())
)py";
const char* http_server = R"json(, "server": {"routes": [{"path": "/a", "latency": 0.5, "body": "A"},
    {"path": "/b", "latency": "slow", "body": "B"}, {"path": "/missing", "latency": 0.25, "status": 404, "body": "no"}]})json";
const char* http_params = R"json([{"name": "slow", "min": 0, "max": 5, "step": 0.5, "default": 1}])json";
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
  Lesson l = make_lesson(R"py(import asyncio
import time

def read(seconds, value):
    time.sleep(seconds)
    return value

async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)

async def main():
    t = asyncio.create_task(ticker(), name="ticker")
    d = await asyncio.to_thread(read, 1, "data")
    print(f"got {d}")
    w = await asyncio.to_thread(read, 0.25, "ok")
    print(f"wrote {w}")
    await t

asyncio.run(main())
)py");
  const auto a = trace_of(l);
  ASSERT_GT(a.size(), 40u);
  for (int run = 0; run < 4; ++run) {
    const auto b = trace_of(l);
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) ASSERT_EQ(a[i], b[i]) << "run " << run << ", event " << i;
    EXPECT_EQ(a.size(), b.size());
  }
}

TEST(StepRun, TheStepsServerAnswersItsRoutesWithTheirLatencyStatusAndBody) {
  const RunResult r = run_program(http_program, {}, http_params, http_server);
  EXPECT_FALSE(r.error) << r.error.value_or("");
  EXPECT_EQ(timeline(r), (Strings{"0.25 Task-4 /missing 404 no", "0.5 Task-2 /a 200 A", "1 Task-3 /b 200 B"}));
}

TEST(StepRun, ARouteLatencyNamingAParamTakesTheParamsValue) {
  const RunResult r = run_program(http_program, {{"slow", 3}}, http_params, http_server);
  EXPECT_EQ(texts(r).back(), "/b 200 B");
  EXPECT_DOUBLE_EQ(r.output.back().time, 3);
}

TEST(StepRun, RunningAnHttpStepTwiceGivesTheSameTrace) {
  Lesson l = make_lesson(http_program, http_params, http_server);
  const auto a = trace_of(l);
  const auto b = trace_of(l);
  ASSERT_GT(a.size(), 50u);
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) ASSERT_EQ(a[i], b[i]) << "event " << i;
  EXPECT_EQ(a.size(), b.size());
}

TEST(StepRun, ParamsBindToTheListingsUpperCaseConstants) {
  const std::string listing = "import asyncio\n\nJOBS = 3\nDELAY = 0.5\n\nasync def main():\n"
                              "    await asyncio.sleep(DELAY)\n    print(JOBS, DELAY)\n\nasyncio.run(main())\n";
  const std::string params = R"json([{"name": "jobs", "min": 1, "max": 9, "default": 3},
      {"name": "delay", "min": 0, "max": 2, "step": 0.25, "default": 0.5}])json";
  EXPECT_EQ(texts(run_program(listing, {}, params)), (Strings{"3 0.5"}));
  const RunResult r = run_program(listing, {{"jobs", 7}, {"delay", 2}}, params);
  EXPECT_EQ(texts(r), (Strings{"7 2.0"}));  // a whole value of a stepped-by-0.25 param stays a float
  EXPECT_DOUBLE_EQ(r.duration, 2);
}

TEST(StepRun, ARunErrorPointsAtTheListingLineInTheLessonFile) {
  Lesson l = make_lesson(main_only("    print('a')\n    x = 1 / 0"));
  StepRun run(l, 0, {});
  run.run_to_end();
  const RunResult r = run.result();
  EXPECT_EQ(r.error.value_or(""), "ZeroDivisionError: division by zero");
  EXPECT_EQ(r.listing_line, 6);
  EXPECT_EQ(r.error_pointer, "/steps/0/code/python/5");
  // lesson_text writes the whole listing array on line 2 of the file.
  EXPECT_EQ(r.error_pos.line, 2);
  EXPECT_GT(r.error_pos.col, 20);
  EXPECT_NE(r.traceback.find("ZeroDivisionError"), std::string::npos);
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
  EXPECT_LE(run.time(), 1.1);  // the iteration that began at 1.0 ran 0.1 s of blocking work
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
  auto r = run_program(main_only("    x = 0\n    while True:\n        x += 1"));
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: more than 200000 operations executed (a runaway loop?)");
}

TEST(StepRun, TooManyTasksAliveHitsTheTaskLimit) {
  auto r = run_program(main_only("    ts = [asyncio.create_task(asyncio.sleep(10)) for i in range(5000)]\n    await asyncio.gather(*ts)"));
  EXPECT_EQ(r.error.value_or(""), "limit exceeded: more than 1000 tasks alive at once");
}

TEST(StepRun, TooMuchTimeHitsTheTimeLimit) {
  auto r = run_program(main_only("    await asyncio.sleep(1e9)"));
  EXPECT_NE(r.error.value_or("").find("limit exceeded"), std::string::npos) << r.error.value_or("");
  EXPECT_LE(r.duration, 3600);
}

TEST(StepRun, AtTheEndRemainingTasksAreCancelledAndTheirFinallyBlocksRun) {
  auto r = run_program(main_only("    asyncio.create_task(bg(), name='bg')\n    await asyncio.sleep(1)\n    print('main done')",
                                 "async def bg():\n    try:\n        await asyncio.sleep(100)\n"
                                 "    except asyncio.CancelledError:\n        print('bg cancelled')\n        raise\n"
                                 "    finally:\n        print('bg cleanup')\n"));
  EXPECT_EQ(timeline(r), (Strings{"1 Task-1 main done", "1 bg bg cancelled", "1 bg bg cleanup"}));
  EXPECT_FALSE(r.error);
  EXPECT_DOUBLE_EQ(r.duration, 1);
}

TEST(StepRun, AStepThatDoesNotExistIsAnError) {
  Lesson l = make_lesson(main_only("    pass"));
  StepRun run(l, 5, {});
  EXPECT_TRUE(run.finished());
  EXPECT_FALSE(run.run_once());
  EXPECT_EQ(run.result().error.value_or(""), "step 6 does not exist (the lesson has 1 steps)");
}

TEST(StepRun, ASourceInPlaceOfTheListingRunsWithTheStepsParams) {
  Lesson l = make_lesson(main_only("    print('start', N)"), R"json([{"name": "n", "min": 1, "max": 5, "default": 2}])json");
  StepRun run(l.steps[0], {"N = 0", "print('mine', N)"}, {{"n", 4}});
  run.run_to_end();
  EXPECT_EQ(texts(run.result()), (Strings{"mine 4"}));
}

TEST(StepRun, ParamOverridesAreCheckedAgainstTheStep) {
  Lesson l = make_lesson(main_only("    pass"), R"json([{"name": "jobs", "min": 1, "max": 5, "default": 2}])json");
  EXPECT_TRUE(check_param_overrides(l.steps[0], {{"jobs", 5}}).empty());
  EXPECT_EQ(check_param_overrides(l.steps[0], {{"jobs", 6}}), (Strings{"param 'jobs' must be within [1.0, 5.0], got 6.0"}));
  EXPECT_EQ(check_param_overrides(l.steps[0], {{"jbos", 2}}), (Strings{"unknown param 'jbos' (did you mean 'jobs'?)"}));
}

TEST(StepRun, TheRealClockRunsInRealTime) {
  Lesson l = make_lesson(main_only("    await asyncio.sleep(0.02)\n    print('done')"));
  StepRun run(l, 0, {}, ClockKind::real_time);
  run.run_to_end();
  const RunResult r = run.result();
  EXPECT_EQ(texts(r), (Strings{"done"}));
  EXPECT_GE(r.duration, 0.02);
}
