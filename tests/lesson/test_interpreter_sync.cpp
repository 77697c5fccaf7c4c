// Event, Lock, Semaphore and Queue operations on the engine's primitives, HTTP GET against the
// program's own server, and a deadlock ending with a clear error.
#include "lesson_fixture.hpp"

using namespace loopscope;
using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

TEST(InterpreterSync, EventWakesEveryWaiterInOrder) {
  auto r = run_program(R"json({"objects": {"ev": {"type": "Event"}}, "coroutines": {
    "waiter": {"params": ["n"], "body": [{"op": "event_wait", "object": "ev"}, {"op": "print", "text": "waiter {n} woke"}]},
    "main": {"body": [
      {"op": "create_task", "coro": "waiter", "args": [1]}, {"op": "create_task", "coro": "waiter", "args": [2]},
      {"op": "sleep", "seconds": 1}, {"op": "print", "text": "set: {ev.is_set()}"}, {"op": "event_set", "object": "ev"},
      {"op": "sleep", "seconds": 0}, {"op": "event_clear", "object": "ev"}, {"op": "print", "text": "cleared: {ev.is_set()}"}]}}})json");
  EXPECT_EQ(timeline(r), (Strings{"1 main set: False", "1 Task-2 waiter 1 woke", "1 Task-3 waiter 2 woke", "1 main cleared: False"}));
}

TEST(InterpreterSync, LockSerialisesTasksFairly) {
  auto r = run_program(R"json({"objects": {"lock": {"type": "Lock"}}, "coroutines": {
    "worker": {"params": ["n"], "body": [
      {"op": "acquire", "object": "lock"}, {"op": "print", "text": "{n} in"}, {"op": "sleep", "seconds": 1},
      {"op": "print", "text": "{n} out"}, {"op": "release", "object": "lock"}]},
    "main": {"body": [
      {"op": "gather", "calls": [{"coro": "worker", "args": [1]}, {"coro": "worker", "args": [2]}, {"coro": "worker", "args": [3]}]},
      {"op": "print", "text": "locked: {lock.locked()}"}]}}})json");
  EXPECT_EQ(texts(r), (Strings{"1 in", "1 out", "2 in", "2 out", "3 in", "3 out", "locked: False"}));
  EXPECT_DOUBLE_EQ(r.duration, 3);
}

TEST(InterpreterSync, SemaphoreLimitsConcurrencyAndAsyncWithReleasesOnError) {
  auto r = run_program(R"json({"objects": {"sem": {"type": "Semaphore", "value": "limit"}}, "coroutines": {
    "worker": {"params": ["n"], "body": [
      {"op": "async_with", "object": "sem", "body": [
        {"op": "print", "text": "{n} start at {now()}"}, {"op": "sleep", "seconds": 1},
        {"op": "if", "cond": "n == 1", "then": [{"op": "raise", "type": "RuntimeError", "message": "boom"}]}]}]},
    "main": {"body": [
      {"op": "for", "var": "i", "start": 1, "stop": 5, "body": [{"op": "create_task", "coro": "worker", "args": ["i"], "append_to": "ts"}]},
      {"op": "gather", "tasks": "ts", "return_exceptions": true, "into": "rs"},
      {"op": "print", "text": "{rs}"}]}}})json",
                       {}, R"json([{"name": "limit", "min": 1, "max": 4, "default": 2}])json");
  EXPECT_EQ(texts(r), (Strings{"1 start at 0.0", "2 start at 0.0", "3 start at 1.0", "4 start at 1.0",
                               "[RuntimeError('boom'), None, None, None]"}));
  EXPECT_DOUBLE_EQ(r.duration, 2);
}

TEST(InterpreterSync, QueueProducerConsumerWithABoundedQueue) {
  auto r = run_program(R"json({"objects": {"q": {"type": "Queue", "maxsize": 2}}, "coroutines": {
    "producer": {"body": [
      {"op": "for", "var": "i", "stop": 4, "body": [
        {"op": "queue_put", "queue": "q", "value": "i"}, {"op": "print", "text": "put {i} (size {q.qsize()})"}]}]},
    "consumer": {"body": [
      {"op": "for", "var": "k", "stop": 4, "body": [
        {"op": "queue_get", "queue": "q", "into": "item"}, {"op": "print", "text": "got {item}"},
        {"op": "sleep", "seconds": 1}, {"op": "queue_task_done", "queue": "q"}]}]},
    "main": {"body": [
      {"op": "create_task", "coro": "producer", "name": "producer"},
      {"op": "create_task", "coro": "consumer", "name": "consumer"},
      {"op": "sleep", "seconds": 0},
      {"op": "queue_join", "queue": "q"},
      {"op": "print", "text": "all processed: empty={q.empty()} full={q.full()}"}]}}})json");
  EXPECT_EQ(timeline(r), (Strings{"0 producer put 0 (size 1)", "0 producer put 1 (size 2)", "0 consumer got 0",
                                  "0 producer put 2 (size 2)", "1 consumer got 1", "1 producer put 3 (size 2)", "2 consumer got 2",
                                  "3 consumer got 3", "4 main all processed: empty=True full=False"}));
}

TEST(InterpreterSync, QueueNowaitRaisesQueueEmptyAndQueueFull) {
  auto r = run_program(R"json({"objects": {"q": {"type": "Queue", "maxsize": 1}}, "coroutines": {"main": {"body": [
      {"op": "try", "body": [{"op": "queue_get", "queue": "q", "nowait": true}],
       "except": [{"type": "QueueEmpty", "body": [{"op": "print", "text": "empty"}]}]},
      {"op": "queue_put", "queue": "q", "value": "'a'", "nowait": true},
      {"op": "try", "body": [{"op": "queue_put", "queue": "q", "value": "'b'", "nowait": true}],
       "except": [{"type": "QueueFull", "body": [{"op": "print", "text": "full"}]}]},
      {"op": "queue_get", "queue": "q", "nowait": true, "into": "x"},
      {"op": "print", "text": "{x}"}]}}})json");
  EXPECT_EQ(texts(r), (Strings{"empty", "full", "a"}));
}

TEST(InterpreterSync, ReleasingAnUnheldLockIsARuntimeError) {
  auto r = run_program(R"json({"objects": {"lock": {"type": "Lock"}}, "coroutines": {"main": {"body": [
      {"op": "release", "object": "lock"}]}}})json");
  EXPECT_EQ(r.error.value_or(""), "RuntimeError: Lock is not acquired.");
}

TEST(InterpreterSync, ADeadlockEndsTheRunWithAClearError) {
  auto r = run_program(R"json({"objects": {"ev": {"type": "Event"}}, "coroutines": {"main": {"body": [
      {"op": "print", "text": "waiting"}, {"op": "event_wait", "object": "ev"}]}}})json");
  EXPECT_EQ(texts(r), (Strings{"waiting"}));
  EXPECT_EQ(r.error.value_or(""),
            "deadlock: nothing can run, but 'main' has not finished (every task is waiting for something that will never happen)");
}

TEST(InterpreterHttp, GetsFromTheProgramsOwnServerWithLatencyStatusAndBody) {
  auto r = run_program(R"json({"server": {"routes": [
      {"path": "/users", "latency": "delay", "body": "{delay * 3} users"},
      {"path": "/missing", "latency": 0.5, "status": 404, "body": "no such thing"}]},
    "coroutines": {
    "fetch": {"params": ["path"], "body": [
      {"op": "http_get", "path": "{path}", "into": "r"},
      {"op": "print", "text": "{path}: {r.status} {r.body} at {now()}"},
      {"op": "return", "value": "r.status"}]},
    "main": {"body": [
      {"op": "gather", "calls": [{"coro": "fetch", "args": ["'/users'"]}, {"coro": "fetch", "args": ["'/missing'"]}], "into": "codes"},
      {"op": "print", "text": "{codes}"}]}}})json",
                       {}, R"json([{"name": "delay", "min": 0, "max": 5, "step": 0.5, "default": 1}])json");
  EXPECT_EQ(texts(r), (Strings{"/missing: 404 no such thing at 0.5", "/users: 200 3.0 users at 1.0", "[200, 404]"}));
  EXPECT_FALSE(r.error) << r.error.value_or("");
  EXPECT_DOUBLE_EQ(r.duration, 1);
}

TEST(InterpreterHttp, AGetTimesOut) {
  auto r = run_program(R"json({"server": {"routes": [{"path": "/slow", "latency": 3, "body": "late"}]},
    "coroutines": {"main": {"body": [
      {"op": "try", "body": [{"op": "http_get", "path": "/slow", "timeout": 1, "into": "r"}],
       "except": [{"type": "TimeoutError", "body": [{"op": "print", "text": "gave up at {now()}"}]}]}]}}})json");
  EXPECT_EQ(texts(r), (Strings{"gave up at 1.0"}));
  EXPECT_DOUBLE_EQ(r.duration, 1);
}

TEST(InterpreterHttp, SocketWaitsAreVisibleInTheTrace) {
  Lesson l = make_lesson(R"json({"server": {"routes": [{"path": "/", "latency": 0.5, "body": "hi"}]},
    "coroutines": {"main": {"body": [{"op": "http_get", "path": "/", "into": "r"}, {"op": "print", "text": "{r.body}"}]}}})json");
  StepRun run(l, 0, {});
  run.run_to_end();
  EXPECT_EQ(texts(run.result()), (Strings{"hi"}));
  bool io = false;
  for (const auto& e : run.trace().events())
    if (e.kind == TraceKind::io_wait_begin) io = true;
  EXPECT_TRUE(io);
}
