// test_runtime_programs.cpp — whole programs through ProgramRun: output, task names, times,
// tracebacks, limits, params, warnings, stepping, determinism.
#include "run_helpers.hpp"

#include <gtest/gtest.h>

namespace loopscope::python {
namespace {

using test::run_program;
using test::texts;
using Lines = std::vector<std::string>;

TEST(PythonPrograms, PrintedLinesCarryTheLoopTimeAndTheTaskThatPrintedThem) {
  auto r = run_program(R"py(
import asyncio

async def job(n):
    await asyncio.sleep(n)
    print("job", n)

async def main():
    print("start")
    await asyncio.gather(job(2), job(1))
    print("end")

asyncio.run(main())
)py");
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(texts(r), (Lines{"start", "job 1", "job 2", "end"}));
  EXPECT_DOUBLE_EQ(r.output[1].time, 1.0);
  EXPECT_DOUBLE_EQ(r.output[2].time, 2.0);
  EXPECT_EQ(r.task_name(r.output[0].task), "Task-1");
  EXPECT_EQ(r.task_name(r.output[1].task), "Task-3");
  EXPECT_EQ(r.task_name(r.output[2].task), "Task-2");
  EXPECT_DOUBLE_EQ(r.duration, 2.0);
}

TEST(PythonPrograms, AnUncaughtExceptionEndsTheRunWithACPythonLikeTraceback) {
  ProgramOptions o;
  o.filename = "prog.py";
  auto r = run_program("import asyncio\n\nasync def main():\n    x = 1\n    print(x / 0)\n\nasyncio.run(main())\n", o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, "ZeroDivisionError: division by zero");
  EXPECT_EQ(r.error_line, 5);
  EXPECT_EQ(r.traceback,
            "Traceback (most recent call last):\n"
            "  File \"prog.py\", line 7, in <module>\n"
            "    asyncio.run(main())\n"
            "  File \"prog.py\", line 5, in main\n"
            "    print(x / 0)\n"
            "ZeroDivisionError: division by zero\n");
}

TEST(PythonPrograms, ARunTimeErrorPointsAtTheExpressionThatRaisedAsCPythonsCaretsDo) {
  // print(x / 0): the division, columns 11..16 (1-based, end exclusive), not the whole line.
  auto r = run_program("import asyncio\n\nasync def main():\n    x = 1\n    print(x / 0)\n\nasyncio.run(main())\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error_line, 5);
  EXPECT_EQ(r.error_col, 11);
  EXPECT_EQ(r.error_end_line, 5);
  EXPECT_EQ(r.error_end_col, 16);
}

TEST(PythonPrograms, AnErrorInsideAMultiLineStatementIsReportedOnTheLineOfItsExpression) {
  // As CPython reports the failing instruction's line: the call on line 6, not the statement's
  // first line; an error raised in a callee points the caller's entry at the awaited call.
  ProgramOptions o;
  o.filename = "prog.py";
  auto r = run_program(
      "import asyncio\n\nasync def boom():\n    raise ValueError('no')\n\nasync def main():\n"
      "    results = [\n        1,\n        await boom(),\n    ]\n\nasyncio.run(main())\n", o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error_line, 4);
  EXPECT_EQ(r.error_col, 0);  // a raise statement is the whole line, as CPython shows it
  EXPECT_NE(r.traceback.find("line 9, in main\n    await boom(),"), std::string::npos) << r.traceback;
}

TEST(PythonPrograms, ARunawayLoopIsStoppedByTheOperationLimitAtItsLine) {
  ProgramOptions o;
  o.limits.max_ops = 1000;
  auto r = run_program("import asyncio\n\nasync def main():\n    while True:\n        pass\n\nasyncio.run(main())\n", o);
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->find("limit exceeded: more than 1000 operations"), std::string::npos) << *r.error;
  EXPECT_TRUE(r.error_line == 4 || r.error_line == 5) << r.error_line;
}

TEST(PythonPrograms, ATaskWaitingForeverIsReportedAsADeadlock) {
  auto r = run_program("import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->rfind("deadlock", 0), 0u) << *r.error;
}

TEST(PythonPrograms, ASyntaxErrorStopsTheProgramBeforeItRunsWithItsPosition) {
  auto r = run_program("print('never')\nx = (1,\n");
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(r.syntax_error);
  EXPECT_TRUE(r.output.empty());
  EXPECT_GE(r.error_line, 2);
}

TEST(PythonPrograms, ConstantsNamedByParamsAreReplacedWhereTheyAreAssigned) {
  ProgramOptions o;
  o.constants["JOBS"] = py_int(5);
  auto r = run_program("JOBS = 3\nprint(JOBS, JOBS * 2)\n", o);
  EXPECT_EQ(texts(r), (Lines{"5 10"}));
}

TEST(PythonPrograms, TheSameProgramPrintsTheSameLinesEveryRun) {
  const char* src = R"py(
import asyncio, random

async def job(i):
    await asyncio.sleep(random.random())
    print(i, random.randint(1, 100))

async def main():
    await asyncio.gather(*[job(i) for i in range(5)])

asyncio.run(main())
)py";
  EXPECT_EQ(texts(run_program(src)), texts(run_program(src)));
}

TEST(PythonPrograms, ACoroutineNeverAwaitedIsReportedLikeCPython) {
  auto r = run_program("import asyncio\n\nasync def save():\n    pass\n\nasync def main():\n    save()\n\nasyncio.run(main())\n");
  ASSERT_FALSE(r.error);
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings.front().find("coroutine 'save' was never awaited"), std::string::npos) << r.warnings.front();
}

TEST(PythonPrograms, ATaskExceptionNobodyRetrievedIsReported) {
  auto r = run_program(R"py(
import asyncio

async def boom():
    raise ValueError("lost")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(1)
    del t

asyncio.run(main())
)py");
  bool found = false;
  for (const auto& w : r.warnings) found = found || w.find("Task exception was never retrieved") != std::string::npos;
  EXPECT_TRUE(found);
}

TEST(PythonPrograms, PrintWithEndBuildsOneLineFromSeveralCalls) {
  auto r = run_program("for i in range(3):\n    print(i, end=', ')\nprint('go', sep='-')\nprint('a', 'b', sep='-')\n");
  EXPECT_EQ(texts(r), (Lines{"0, 1, 2, go", "a-b"}));
}

TEST(PythonPrograms, SteppingOneIterationAtATimeGivesTheSameRunAsRunningToTheEnd) {
  const char* src = "import asyncio\n\nasync def main():\n    for i in range(3):\n        await asyncio.sleep(0.5)\n        print(i)\n\nasyncio.run(main())\n";
  ProgramRun stepped(src, {});
  int iterations = 0;
  while (stepped.run_once()) ++iterations;
  EXPECT_GT(iterations, 3);
  auto a = stepped.result();
  auto b = run_program(src);
  EXPECT_EQ(texts(a), texts(b));
  EXPECT_DOUBLE_EQ(a.duration, b.duration);
}

TEST(PythonPrograms, DestroyingARunHalfWayIsClean) {
  ProgramRun run("import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n", {});
  run.run_until(10);
  EXPECT_FALSE(run.finished());
  EXPECT_GE(run.time(), 9.0);
}

TEST(PythonPrograms, TimeSleepBlocksTheLoopOnTheVirtualClock) {
  auto r = run_program(R"py(
import asyncio, time

async def beat():
    await asyncio.sleep(0.5)
    print("beat", asyncio.get_running_loop().time())

async def main():
    t = asyncio.create_task(beat())
    await asyncio.sleep(0)
    time.sleep(2)
    await t

asyncio.run(main())
)py");
  EXPECT_EQ(texts(r), (Lines{"beat 2.0"}));
}

TEST(PythonPrograms, ModuleCodeAfterAsyncioRunRunsOnceMainAndItsShutdownAreDone) {
  auto r = run_program(R"py(
import asyncio

async def bg():
    try:
        await asyncio.sleep(10)
    finally:
        print("bg cleanup")

async def main():
    asyncio.create_task(bg())
    await asyncio.sleep(1)
    return 7

print("result", asyncio.run(main()))
)py");
  EXPECT_EQ(texts(r), (Lines{"bg cleanup", "result 7"}));
}

TEST(PythonPrograms, EndlessRecursionPlainOrAsyncIsARecursionErrorNotACrash) {
  auto plain = run_program("def down(n):\n    return down(n + 1)\n\ndown(0)\n");
  ASSERT_TRUE(plain.error);
  EXPECT_EQ(*plain.error, "RecursionError: maximum recursion depth exceeded");
  auto async_ = run_program("import asyncio\n\nasync def f(n):\n    return await f(n + 1)\n\nasyncio.run(f(0))\n");
  ASSERT_TRUE(async_.error);
  EXPECT_EQ(*async_.error, "RecursionError: maximum recursion depth exceeded");
  auto lam = run_program("f = lambda n: f(n + 1)\nf(0)\n");
  ASSERT_TRUE(lam.error);
  EXPECT_EQ(*lam.error, "RecursionError: maximum recursion depth exceeded");
}

TEST(PythonPrograms, ExceptionsKeepCPythonsNamesAndMessages) {
  auto r = run_program(R"py(
for f in [lambda: {}["k"], lambda: [][0], lambda: undefined, lambda: "a" + 1, lambda: int("x"), lambda: (1).foo]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
)py");
  EXPECT_EQ(texts(r), (Lines{"KeyError: 'k'", "IndexError: list index out of range", "NameError: name 'undefined' is not defined",
                             "TypeError: can only concatenate str (not \"int\") to str",
                             "ValueError: invalid literal for int() with base 10: 'x'",
                             "AttributeError: 'int' object has no attribute 'foo'"}));
}

}  // namespace
}  // namespace loopscope::python
