// The interpreter's basic operations, each on the real engine: print, sleep, blocking_sleep,
// cpu, call (inline and create-only), create_task, await, set, for, if, return, raise,
// try/except/else/finally, to_thread, expressions and params.
#include "lesson_fixture.hpp"

using namespace loopscope;
using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

TEST(Interpreter, PrintRendersTemplatesAsTheCurrentTask) {
  auto r = run_program(main_only(R"json([
    {"op": "set", "var": "x", "value": 3},
    {"op": "print", "text": "x={x} half={x / 2} s={'a' + 'b'} f={1/3:.2f} {{ok}}"}])json"));
  EXPECT_EQ(texts(r), (Strings{"x=3 half=1.5 s=ab f=0.33 {ok}"}));
  EXPECT_EQ(r.task_name(r.output[0].task), "main");
  EXPECT_FALSE(r.error);
}

TEST(Interpreter, SleepSuspendsOnTheVirtualClock) {
  auto r = run_program(main_only(R"json([
    {"op": "print", "text": "a"}, {"op": "sleep", "seconds": 1.5}, {"op": "print", "text": "b"}])json"));
  EXPECT_EQ(timeline(r), (Strings{"0 main a", "1.5 main b"}));
  EXPECT_DOUBLE_EQ(r.duration, 1.5);
}

TEST(Interpreter, ThreeConcurrentTasksSleepingTwoSecondsTakeTwoSeconds) {
  auto r = run_program(R"json({"coroutines": {
    "job": {"params": ["n"], "body": [
      {"op": "print", "text": "job {n} start"}, {"op": "sleep", "seconds": 2}, {"op": "print", "text": "job {n} done"}]},
    "main": {"body": [
      {"op": "for", "var": "i", "start": 1, "stop": "jobs + 1", "body": [
        {"op": "create_task", "coro": "job", "args": ["i"], "name": "job-{i}", "append_to": "tasks"}]},
      {"op": "for", "var": "t", "in": "tasks", "body": [{"op": "await", "task": "t"}]}]}}})json",
                       {}, R"json([{"name": "jobs", "min": 1, "max": 9, "default": 3}])json");
  EXPECT_EQ(timeline(r), (Strings{"0 job-1 job 1 start", "0 job-2 job 2 start", "0 job-3 job 3 start", "2 job-1 job 1 done",
                                "2 job-2 job 2 done", "2 job-3 job 3 done"}));
  EXPECT_DOUBLE_EQ(r.duration, 2);
}

TEST(Interpreter, ParamsCanBeOverridden) {
  const std::string program = R"json({"coroutines": {"main": {"body": [
      {"op": "for", "var": "i", "stop": "jobs", "body": [{"op": "print", "text": "{i}"}]}]}}})json";
  const std::string params = R"json([{"name": "jobs", "min": 1, "max": 9, "default": 2}])json";
  EXPECT_EQ(texts(run_program(program, {}, params)), (Strings{"0", "1"}));
  EXPECT_EQ(texts(run_program(program, {{"jobs", 4}}, params)), (Strings{"0", "1", "2", "3"}));
}

TEST(Interpreter, BlockingSleepFreezesEveryTask) {
  auto r = run_program(R"json({"coroutines": {
    "ticker": {"body": [{"op": "for", "var": "i", "stop": 3, "body": [
      {"op": "print", "text": "tick {i}"}, {"op": "sleep", "seconds": 1}]}]},
    "main": {"body": [
      {"op": "create_task", "coro": "ticker", "name": "ticker", "into": "t"},
      {"op": "sleep", "seconds": 0},
      {"op": "blocking_sleep", "seconds": 2.5},
      {"op": "print", "text": "unblocked"},
      {"op": "await", "task": "t"}]}}})json");
  EXPECT_EQ(timeline(r), (Strings{"0 ticker tick 0", "2.5 main unblocked", "2.5 ticker tick 1", "3.5 ticker tick 2"}));
}

TEST(Interpreter, CpuWorkBlocksTheLoopAndIsTraced) {
  Lesson l = make_lesson(main_only(R"json([{"op": "cpu", "seconds": 0.5, "label": "hashing"}, {"op": "print", "text": "done"}])json"));
  StepRun run(l, 0, {});
  run.run_to_end();
  EXPECT_EQ(timeline(run.result()), (Strings{"0.5 main done"}));
  bool saw = false;
  for (const auto& e : run.trace().events())
    if (e.kind == TraceKind::blocking_begin && run.trace().str(e.text) == "hashing") saw = true;
  EXPECT_TRUE(saw);
}

TEST(Interpreter, CallRunsACoroutineInlineAndUsesItsReturnValue) {
  auto r = run_program(main_only(R"json([
      {"op": "call", "coro": "double", "args": {"n": 21}, "into": "x"},
      {"op": "print", "text": "{x}"}])json",
                                 R"json(, "double": {"params": ["n"], "body": [
      {"op": "sleep", "seconds": 1}, {"op": "return", "value": "n * 2"}]})json"));
  EXPECT_EQ(timeline(r), (Strings{"1 main 42"}));
  ASSERT_EQ(r.tasks.size(), 1u);  // inline: no new task
}

TEST(Interpreter, ACoroutineThatIsNeverAwaitedNeverRunsAndWarns) {
  auto r = run_program(main_only(R"json([
      {"op": "call", "coro": "job", "await": false, "into": "c"},
      {"op": "print", "text": "main done"}])json",
                                 R"json(, "job": {"body": [{"op": "print", "text": "job ran"}]})json"));
  EXPECT_EQ(texts(r), (Strings{"main done"}));
  EXPECT_EQ(r.warnings, (Strings{"coroutine 'job' was never awaited"}));
}

TEST(Interpreter, ACoroutineObjectCanBeAwaitedLater) {
  auto r = run_program(main_only(R"json([
      {"op": "call", "coro": "job", "await": false, "into": "c"},
      {"op": "print", "text": "before"},
      {"op": "await", "task": "c", "into": "v"},
      {"op": "print", "text": "after {v}"}])json",
                                 R"json(, "job": {"body": [{"op": "print", "text": "job ran"}, {"op": "return", "value": 7}]})json"));
  EXPECT_EQ(texts(r), (Strings{"before", "job ran", "after 7"}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST(Interpreter, CreateTaskStartsAtTheNextIterationNotImmediately) {
  auto r = run_program(main_only(R"json([
      {"op": "create_task", "coro": "job", "into": "t"},
      {"op": "print", "text": "created"},
      {"op": "await", "task": "t", "into": "v"},
      {"op": "print", "text": "result {v} done={t.done()} name={t.get_name()} res={t.result()}"}])json",
                                 R"json(, "job": {"body": [{"op": "print", "text": "job runs"}, {"op": "return", "value": "'ok'"}]})json"));
  EXPECT_EQ(texts(r), (Strings{"created", "job runs", "result ok done=True name=Task-2 res=ok"}));
}

TEST(Interpreter, IfChoosesABranch) {
  auto r = run_program(main_only(R"json([
      {"op": "for", "var": "i", "stop": 4, "body": [
        {"op": "if", "cond": "i % 2 == 0 and i > 0", "then": [{"op": "print", "text": "{i} even"}],
         "else": [{"op": "print", "text": "{i} other"}]}]}])json"));
  EXPECT_EQ(texts(r), (Strings{"0 other", "1 other", "2 even", "3 other"}));
}

TEST(Interpreter, ForIteratesOverAList) {
  auto r = run_program(main_only(R"json([
      {"op": "set", "var": "xs", "value": "['a', 'b'] + ['c']"},
      {"op": "for", "var": "x", "in": "xs", "body": [{"op": "print", "text": "{x}"}]},
      {"op": "print", "text": "{len(xs)} {xs[-1]} {'b' in xs} {xs}"}])json"));
  EXPECT_EQ(texts(r), (Strings{"a", "b", "c", "3 c True ['a', 'b', 'c']"}));
}

TEST(Interpreter, ReturnLeavesLoopsAndBlocks) {
  auto r = run_program(main_only(R"json([
      {"op": "call", "coro": "find", "into": "x"}, {"op": "print", "text": "{x}"}])json",
                                 R"json(, "find": {"body": [
      {"op": "for", "var": "i", "stop": 100, "body": [
        {"op": "if", "cond": "i == 3", "then": [{"op": "return", "value": "i"}]}]},
      {"op": "print", "text": "not reached"}]})json"));
  EXPECT_EQ(texts(r), (Strings{"3"}));
}

TEST(Interpreter, AnUncaughtExceptionFailsTheRunWithTypeAndMessage) {
  auto r = run_program(main_only(R"json([{"op": "print", "text": "a"}, {"op": "raise", "type": "ValueError", "message": "bad {1 + 1}"},
      {"op": "print", "text": "b"}])json"));
  EXPECT_EQ(texts(r), (Strings{"a"}));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, "ValueError: bad 2");
}

TEST(Interpreter, TryExceptCatchesByTypeHierarchyAndBindsTheException) {
  auto r = run_program(main_only(R"json([
      {"op": "try", "body": [{"op": "raise", "type": "ZeroDivisionError", "message": "oops"}],
       "except": [{"type": "KeyError", "body": [{"op": "print", "text": "wrong"}]},
                  {"type": ["ValueError", "ArithmeticError"], "as": "e",
                   "body": [{"op": "print", "text": "caught {type(e).__name__}: {e} {repr(e)}"}]}],
       "else": [{"op": "print", "text": "no else"}],
       "finally": [{"op": "print", "text": "finally"}]},
      {"op": "try", "body": [{"op": "print", "text": "fine"}],
       "except": [{"body": [{"op": "print", "text": "no"}]}],
       "else": [{"op": "print", "text": "else runs"}]}])json"));
  EXPECT_EQ(texts(r), (Strings{"caught ZeroDivisionError: oops ZeroDivisionError('oops')", "finally", "fine", "else runs"}));
  EXPECT_FALSE(r.error);
}

TEST(Interpreter, BareRaiseReraisesAndFinallyRunsOnTheWayOut) {
  auto r = run_program(main_only(R"json([
      {"op": "try", "body": [{"op": "raise", "type": "RuntimeError", "message": "x"}],
       "except": [{"type": "Exception", "body": [{"op": "print", "text": "log"}, {"op": "raise"}]}],
       "finally": [{"op": "print", "text": "cleanup"}]}])json"));
  EXPECT_EQ(texts(r), (Strings{"log", "cleanup"}));
  EXPECT_EQ(r.error.value_or(""), "RuntimeError: x");
}

TEST(Interpreter, ExpressionErrorsAreProgramExceptions) {
  auto r = run_program(main_only(R"json([
      {"op": "try", "body": [{"op": "print", "text": "{1 // 0}"}],
       "except": [{"type": "ZeroDivisionError", "as": "e", "body": [{"op": "print", "text": "{e}"}]}]},
      {"op": "try", "body": [{"op": "print", "text": "{[1][5]}"}],
       "except": [{"type": "LookupError", "as": "e", "body": [{"op": "print", "text": "{e}"}]}]},
      {"op": "print", "text": "{'a' + 1}"}])json"));
  EXPECT_EQ(texts(r), (Strings{"integer division or modulo by zero", "list index out of range"}));
  EXPECT_EQ(r.error.value_or(""), "TypeError: unsupported operand type(s) for +: 'str' and 'int'");
}

TEST(Interpreter, ToThreadRunsOffTheLoopAndReturnsItsValue) {
  auto r = run_program(R"json({"coroutines": {
    "ticker": {"body": [{"op": "for", "var": "i", "stop": 3, "body": [
      {"op": "print", "text": "tick {i}"}, {"op": "sleep", "seconds": 1}]}]},
    "main": {"body": [
      {"op": "create_task", "coro": "ticker", "name": "ticker", "into": "t"},
      {"op": "to_thread", "seconds": 2, "label": "read", "value": "'data'", "into": "d"},
      {"op": "print", "text": "got {d}"},
      {"op": "await", "task": "t"}]}}})json");
  EXPECT_EQ(timeline(r), (Strings{"0 ticker tick 0", "1 ticker tick 1", "2 main got data", "2 ticker tick 2"}));
}

TEST(Interpreter, EveryOperationRecordsItsListingLinesInTheTrace) {
  Lesson l = make_lesson(main_only(R"json([
      {"op": "print", "text": "a", "py": 3, "cpp": 7},
      {"op": "sleep", "seconds": 1, "py": 4, "cpp": 8}])json"));
  StepRun run(l, 0, {});
  run.run_to_end();
  std::vector<std::pair<int, int>> locs;
  for (const auto& e : run.trace().events())
    if (e.kind == TraceKind::location) locs.emplace_back(e.line_a, e.line_b);
  ASSERT_GE(locs.size(), 2u);
  EXPECT_EQ(locs[locs.size() - 2], std::make_pair(3, 7));
  EXPECT_EQ(locs.back(), std::make_pair(4, 8));
}

TEST(Interpreter, ATaskExceptionNobodyRetrievesBecomesAWarning) {
  auto r = run_program(main_only(R"json([
      {"op": "create_task", "coro": "boom", "name": "boom"}, {"op": "sleep", "seconds": 1}])json",
                                 R"json(, "boom": {"body": [{"op": "raise", "type": "ValueError", "message": "lost"}]})json"));
  EXPECT_FALSE(r.error);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("ValueError: lost"), std::string::npos) << r.warnings[0];
  EXPECT_NE(r.warnings[0].find("boom"), std::string::npos) << r.warnings[0];
}
