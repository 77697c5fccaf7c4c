// Operations over tasks, on the engine's combinators: gather, wait, wait_for, timeout, cancel.
#include "lesson_fixture.hpp"

using namespace loopscope;
using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

namespace {
// job(n, d): prints, sleeps d, returns n * 10; fails with ValueError when n == 2 and fail is set.
const std::string jobs = R"json(, "job": {"params": ["n", "d"], "body": [
    {"op": "print", "text": "job {n} start"},
    {"op": "sleep", "seconds": "d"},
    {"op": "if", "cond": "n == 2 and d == 0.5", "then": [{"op": "raise", "type": "ValueError", "message": "bad input {n}"}]},
    {"op": "print", "text": "job {n} end"},
    {"op": "return", "value": "n * 10"}]})json";
}  // namespace

TEST(InterpreterTasks, GatherReturnsResultsInArgumentOrder) {
  auto r = run_program(main_only(R"json([
      {"op": "gather", "calls": [{"coro": "job", "args": [1, 3]}, {"coro": "job", "args": [2, 1]}], "into": "rs"},
      {"op": "print", "text": "{rs}"}])json",
                                 jobs));
  EXPECT_EQ(timeline(r), (Strings{"0 Task-2 job 1 start", "0 Task-3 job 2 start", "1 Task-3 job 2 end", "3 Task-2 job 1 end",
                                  "3 main [10, 20]"}));
}

TEST(InterpreterTasks, GatherOfATaskListAndItems) {
  auto r = run_program(main_only(R"json([
      {"op": "create_task", "coro": "job", "args": [1, 1], "into": "a"},
      {"op": "create_task", "coro": "job", "args": [3, 1], "append_to": "more"},
      {"op": "gather", "tasks": ["a", "more[0]"], "into": "rs"},
      {"op": "gather", "tasks": "more", "into": "again"},
      {"op": "print", "text": "{rs} {again}"}])json",
                                 jobs));
  EXPECT_EQ(texts(r).back(), "[10, 30] [30]");
}

TEST(InterpreterTasks, GatherRaisesTheFirstErrorOrReturnsExceptionsWhenAsked) {
  auto r = run_program(main_only(R"json([
      {"op": "gather", "calls": [{"coro": "job", "args": [1, 1]}, {"coro": "job", "args": [2, 0.5]}, {"coro": "job", "args": [3, 1]}],
       "return_exceptions": true, "into": "rs"},
      {"op": "print", "text": "{rs}"},
      {"op": "try", "body": [{"op": "gather", "calls": [{"coro": "job", "args": [2, 0.5]}]}],
       "except": [{"type": "ValueError", "as": "e", "body": [{"op": "print", "text": "caught {e}"}]}]}])json",
                                 jobs));
  const auto t = texts(r);
  ASSERT_GE(t.size(), 2u);
  EXPECT_EQ(t[t.size() - 2 - 1], "[10, ValueError('bad input 2'), 30]");
  EXPECT_EQ(t.back(), "caught bad input 2");
  EXPECT_FALSE(r.error);
}

TEST(InterpreterTasks, WaitFirstCompletedReturnsDoneAndPending) {
  auto r = run_program(main_only(R"json([
      {"op": "create_task", "coro": "job", "args": [1, 3], "name": "slow", "append_to": "ts"},
      {"op": "create_task", "coro": "job", "args": [3, 1], "name": "fast", "append_to": "ts"},
      {"op": "wait", "tasks": "ts", "return_when": "FIRST_COMPLETED", "done": "done", "pending": "pending"},
      {"op": "print", "text": "{now()}: {len(done)} done, {len(pending)} pending, first {done[0].get_name()} = {done[0].result()}"},
      {"op": "for", "var": "t", "in": "pending", "body": [{"op": "cancel", "task": "t"}]}])json",
                                 jobs));
  EXPECT_EQ(texts(r).back(), "1.0: 1 done, 1 pending, first fast = 30");
  EXPECT_DOUBLE_EQ(r.duration, 1);
}

TEST(InterpreterTasks, WaitWithATimeoutAndFirstException) {
  auto r = run_program(main_only(R"json([
      {"op": "create_task", "coro": "job", "args": [1, 5], "append_to": "ts"},
      {"op": "wait", "tasks": "ts", "timeout": 2, "done": "done", "pending": "pending"},
      {"op": "print", "text": "after timeout: {len(done)} {len(pending)}"},
      {"op": "create_task", "coro": "job", "args": [2, 0.5], "append_to": "us"},
      {"op": "create_task", "coro": "job", "args": [3, 9], "append_to": "us"},
      {"op": "wait", "tasks": "us", "return_when": "FIRST_EXCEPTION", "done": "d2", "pending": "p2"},
      {"op": "print", "text": "first exception at {now()}: {len(d2)} {len(p2)}"},
      {"op": "try", "body": [{"op": "await", "task": "d2[0]"}],
       "except": [{"type": "ValueError", "body": [{"op": "print", "text": "retrieved"}]}]}])json",
                                 jobs));
  const auto t = texts(r);
  EXPECT_NE(std::find(t.begin(), t.end(), "after timeout: 0 1"), t.end());
  EXPECT_NE(std::find(t.begin(), t.end(), "first exception at 2.5: 1 1"), t.end());
  EXPECT_EQ(t.back(), "retrieved");
}

TEST(InterpreterTasks, WaitForTimesOutAfterTheInnerTaskCleansUp) {
  auto r = run_program(main_only(R"json([
      {"op": "try", "body": [{"op": "wait_for", "coro": "slow", "args": [], "timeout": 1, "into": "x"}],
       "except": [{"type": "TimeoutError", "body": [{"op": "print", "text": "timed out at {now()}"}]}]},
      {"op": "wait_for", "coro": "job", "args": [5, 0.5], "timeout": 1, "into": "y"},
      {"op": "print", "text": "got {y}"}])json",
                                 jobs + R"json(, "slow": {"body": [{"op": "try", "body": [{"op": "sleep", "seconds": 10}],
      "finally": [{"op": "print", "text": "slow cleanup"}]}]})json"));
  EXPECT_EQ(timeline(r), (Strings{"1 Task-2 slow cleanup", "1 main timed out at 1.0", "1 Task-3 job 5 start", "1.5 Task-3 job 5 end",
                                  "1.5 main got 50"}));
}

TEST(InterpreterTasks, TimeoutScopeCancelsItsBodyAndRaisesTimeoutError) {
  auto r = run_program(main_only(R"json([
      {"op": "try", "body": [{"op": "timeout", "seconds": 1.5, "body": [
          {"op": "print", "text": "working"},
          {"op": "try", "body": [{"op": "sleep", "seconds": 10}], "finally": [{"op": "print", "text": "body cleanup"}]},
          {"op": "print", "text": "not reached"}]}],
       "except": [{"type": "TimeoutError", "body": [{"op": "print", "text": "timeout at {now()}"}]}]},
      {"op": "timeout", "seconds": 5, "body": [{"op": "sleep", "seconds": 1}, {"op": "print", "text": "in time"}]}])json"));
  EXPECT_EQ(timeline(r), (Strings{"0 main working", "1.5 main body cleanup", "1.5 main timeout at 1.5", "2.5 main in time"}));
}

TEST(InterpreterTasks, CancelIsDeliveredAtTheAwaitPoint) {
  auto r = run_program(main_only(R"json([
      {"op": "create_task", "coro": "victim", "name": "victim", "into": "t"},
      {"op": "sleep", "seconds": 1},
      {"op": "cancel", "task": "t", "message": "stop now", "into": "ok"},
      {"op": "print", "text": "cancel requested: {ok}"},
      {"op": "try", "body": [{"op": "await", "task": "t"}],
       "except": [{"type": "CancelledError", "body": [{"op": "print", "text": "victim cancelled: {t.cancelled()}"}]}]},
      {"op": "cancel", "task": "t", "into": "again"},
      {"op": "print", "text": "second cancel: {again}"}])json",
                                 R"json(, "victim": {"body": [{"op": "try", "body": [{"op": "sleep", "seconds": 10}],
      "except": [{"type": "CancelledError", "as": "e", "body": [{"op": "print", "text": "got '{e}'"}, {"op": "raise"}]}]}]})json"));
  EXPECT_EQ(timeline(r), (Strings{"1 main cancel requested: True", "1 victim got 'stop now'", "1 main victim cancelled: True",
                                  "1 main second cancel: False"}));
}

TEST(InterpreterTasks, ATaskMaySwallowCancellationAndGoOn) {
  auto r = run_program(main_only(R"json([
      {"op": "create_task", "coro": "stubborn", "into": "t"},
      {"op": "sleep", "seconds": 1},
      {"op": "cancel", "task": "t"},
      {"op": "await", "task": "t", "into": "v"},
      {"op": "print", "text": "result {v}"}])json",
                                 R"json(, "stubborn": {"body": [{"op": "try", "body": [{"op": "sleep", "seconds": 10}],
      "except": [{"type": "CancelledError", "body": [{"op": "print", "text": "ignoring"}]}]},
      {"op": "sleep", "seconds": 1}, {"op": "return", "value": "'finished'"}]})json"));
  EXPECT_EQ(timeline(r), (Strings{"1 Task-2 ignoring", "2 main result finished"}));
}
