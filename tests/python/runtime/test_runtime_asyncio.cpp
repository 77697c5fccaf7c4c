// test_runtime_asyncio.cpp — asyncio's API on the engine, in virtual time: how long things
// take, which task prints, what awaits return (the corpus compares the printed order with
// CPython; these pin the durations).
#include "run_helpers.hpp"

#include <loopscope/net/http_message.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/snapshot.hpp>

#include <gtest/gtest.h>

namespace loopscope::python {
namespace {

using test::run_program;
using test::texts;
using Lines = std::vector<std::string>;

TEST(PythonAsyncio, GatheredSleepsTakeAsLongAsTheLongestOne) {
  auto r = run_program(R"py(
import asyncio

async def main():
    await asyncio.gather(*(asyncio.sleep(d) for d in [2, 3, 1]))

asyncio.run(main())
)py");
  ASSERT_FALSE(r.error);
  EXPECT_DOUBLE_EQ(r.duration, 3.0);
}

TEST(PythonAsyncio, WaitForCancelsTheInnerTaskAtTheTimeout) {
  auto r = run_program(R"py(
import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), 1.5)
    except TimeoutError:
        print("timeout")

asyncio.run(main())
)py");
  EXPECT_EQ(texts(r), (Lines{"cancelled at 1.5", "timeout"}));
  EXPECT_DOUBLE_EQ(r.duration, 1.5);
}

TEST(PythonAsyncio, ASemaphoreOfTwoRunsFiveOneSecondJobsInThreeSeconds) {
  auto r = run_program(R"py(
import asyncio

async def job(sem):
    async with sem:
        await asyncio.sleep(1)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*[job(sem) for _ in range(5)])

asyncio.run(main())
)py");
  EXPECT_DOUBLE_EQ(r.duration, 3.0);
}

TEST(PythonAsyncio, TaskGroupCancelsTheOthersWhenOneFails) {
  auto r = run_program(R"py(
import asyncio

async def long():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("long cancelled")
        raise

async def bad():
    await asyncio.sleep(1)
    raise ValueError("x")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(long())
            tg.create_task(bad())
    except* ValueError:
        print("caught at", asyncio.get_running_loop().time())

asyncio.run(main())
)py");
  EXPECT_EQ(texts(r), (Lines{"long cancelled", "caught at 1.0"}));
}

TEST(PythonAsyncio, ToThreadLetsTheLoopRunWhileTheWorkerSleeps) {
  auto r = run_program(R"py(
import asyncio, time

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.5)
        print("tick", i)

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.to_thread(time.sleep, 1.2)
    print("worker done at", asyncio.get_running_loop().time())
    await t

asyncio.run(main())
)py");
  EXPECT_EQ(texts(r), (Lines{"tick 0", "tick 1", "worker done at 1.2", "tick 2"}));
}

TEST(PythonAsyncio, AiohttpRequestsReachTheProgramsLoopbackServer) {
  ProgramOptions o;
  o.routes.push_back({"/hello", []() -> Coro<net::HttpResponse> {
                        co_await loopscope::sleep(1.0);
                        net::HttpResponse resp;
                        resp.status = 200;
                        resp.body = "hi";
                        co_return resp;
                      }});
  auto r = run_program(R"py(
import asyncio
import aiohttp

BASE = "http://127.0.0.1:8080"

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(BASE + "/hello") as resp:
            print(resp.status, await resp.text())
        async with session.get(BASE + "/missing") as resp:
            print(resp.status)

asyncio.run(main())
)py",
                       o);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(texts(r), (Lines{"200 hi", "404"}));
}

TEST(PythonAsyncio, AShieldedTaskFinishesAfterItsAwaiterWasCancelled) {
  auto r = run_program(R"py(
import asyncio

async def save():
    await asyncio.sleep(3)
    print("saved at", asyncio.get_running_loop().time())

async def caller(inner):
    await asyncio.shield(inner)

async def main():
    inner = asyncio.create_task(save())
    outer = asyncio.create_task(caller(inner))
    await asyncio.sleep(1)
    outer.cancel()
    await asyncio.sleep(0)
    print("caller cancelled:", outer.cancelled(), "inner done:", inner.done())
    await inner

asyncio.run(main())
)py");
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(texts(r), (Lines{"caller cancelled: True inner done: False", "saved at 3.0"}));
  EXPECT_DOUBLE_EQ(r.duration, 3.0);
}

TEST(PythonAsyncio, AFutureSetByATimerWakesItsAwaiterAtThatTime) {
  auto r = run_program(R"py(
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(2.5, fut.set_result, "ready")
    print(await fut, loop.time())

asyncio.run(main())
)py");
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(texts(r), (Lines{"ready 2.5"}));
  EXPECT_DOUBLE_EQ(r.duration, 2.5);
}

// asyncio.run's shutdown iterations run what is ready, but never wait for a timer: a callback
// scheduled for later is dropped with the loop and does not stretch the run.
TEST(PythonAsyncio, TheShutdownDoesNotWaitForTimersLeftBehind) {
  auto r = run_program(R"py(
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "ready callback")
    loop.call_later(100, print, "never")
    await asyncio.sleep(1)
    loop.call_soon(print, "scheduled as main ends")

asyncio.run(main())
asyncio.run(asyncio.sleep(1))
)py");
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(texts(r), (Lines{"ready callback", "scheduled as main ends"}));
  EXPECT_DOUBLE_EQ(r.duration, 2.0);
}

// The frames view (app/ui/frame_source.hpp): a task about to await records its Python frames,
// outermost first, with their locals; the snapshot keeps the last one while the task lives.
TEST(PythonAsyncio, ATaskAboutToAwaitRecordsItsFramesAndLocals) {
  ProgramRun run(R"py(
import asyncio

async def fetch(n):
    x = n * 2
    await asyncio.sleep(1)
    x = x + 1
    await asyncio.sleep(1)
    return x

async def main():
    label = "prices"
    total = await fetch(2)
    print(label, total)

asyncio.run(main())
)py", ProgramOptions{});
  run.run_to_end();
  ASSERT_FALSE(run.result().error) << *run.result().error;
  const TraceRecorder& trace = run.trace();
  std::vector<std::string> frames;
  for (const TraceEvent& e : trace.events())
    if (e.kind == TraceKind::frames) {
      EXPECT_EQ(e.task, 1u);
      frames.emplace_back(trace.str(e.text));
    }
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0], "frame main\t13\nlocal label\t'prices'\nframe fetch\t6\nlocal n\t2\nlocal x\t4\n");
  EXPECT_EQ(frames[1], "frame main\t13\nlocal label\t'prices'\nframe fetch\t8\nlocal n\t2\nlocal x\t5\n");
  // Replayed to the end: main is done, so it keeps no frames; in the middle, the first ones.
  const LoopSnapshot end = replay(trace, trace.events().size());
  ASSERT_FALSE(end.tasks.empty());
  EXPECT_EQ(end.tasks[0].frames, "");
  std::size_t first = 0;
  while (trace.events()[first].kind != TraceKind::frames) ++first;
  EXPECT_EQ(replay(trace, first + 1).tasks[0].frames, frames[0]);
}

TEST(PythonAsyncio, FramesLeaveOutFunctionsAndCutLongValues) {
  ProgramRun run(R"py(
import asyncio

async def main():
    helper = print
    text = "a" * 100
    many = list(range(20))
    await asyncio.sleep(1)

asyncio.run(main())
)py", ProgramOptions{});
  run.run_to_end();
  ASSERT_FALSE(run.result().error) << *run.result().error;
  std::string text;
  for (const TraceEvent& e : run.trace().events())
    if (e.kind == TraceKind::frames) text = std::string(run.trace().str(e.text));
  EXPECT_EQ(text.find("helper"), std::string::npos) << text;
  EXPECT_NE(text.find("local many\tlist (20 items)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("local text\t'aaaa"), std::string::npos) << text;
  EXPECT_NE(text.find("\xE2\x80\xA6\n"), std::string::npos) << text;  // cut, marked
}

TEST(PythonAsyncio, AnUntracedRunRecordsNoFrames) {
  ProgramOptions o;
  o.record_trace = false;
  ProgramRun run("import asyncio\n\nasync def main():\n    x = 1\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n", o);
  run.run_to_end();
  ASSERT_FALSE(run.result().error);
  EXPECT_EQ(run.trace().size(), 0u);
}

}  // namespace
}  // namespace loopscope::python

namespace loopscope::python::test {
namespace {

// The labels of every suspension in a run's trace.
std::vector<std::string> suspension_labels(const std::string& source) {
  ProgramRun run(source, {});
  run.run_to_end();
  std::vector<std::string> out;
  for (const TraceEvent& e : run.trace().events())
    if (e.kind == TraceKind::task_suspended) out.emplace_back(run.trace().str(e.text));
  return out;
}

TEST(RuntimePrimitiveNames, APrimitiveIsCalledByTheNameItWasFirstAssignedTo) {
  const auto labels = suspension_labels(
      "import asyncio\n"
      "async def worker(lock, q):\n"
      "    async with lock:\n"
      "        await q.get()\n"
      "async def main():\n"
      "    lock = asyncio.Lock()\n"
      "    other = lock\n"
      "    q = asyncio.Queue()\n"
      "    tasks = [asyncio.create_task(worker(other, q)) for _ in range(2)]\n"
      "    await asyncio.sleep(0)\n"
      "    q.put_nowait(1)\n"
      "    q.put_nowait(2)\n"
      "    await asyncio.gather(*tasks)\n"
      "asyncio.run(main())\n");
  EXPECT_NE(std::find(labels.begin(), labels.end(), "lock"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "q"), labels.end());
  for (const auto& l : labels) EXPECT_EQ(l.find("Lock#"), std::string::npos) << l;
}

TEST(RuntimePrimitiveNames, APrimitiveNeverAssignedToANameKeepsItsNumberedLabel) {
  const auto labels = suspension_labels(
      "import asyncio\n"
      "async def wait_on(ev):\n"
      "    await ev.wait()\n"
      "async def main():\n"
      "    t = asyncio.create_task(wait_on(asyncio.Event()))\n"
      "    await asyncio.sleep(1)\n"
      "    t.cancel()\n"
      "asyncio.run(main())\n");
  ASSERT_FALSE(labels.empty());
  EXPECT_NE(std::find_if(labels.begin(), labels.end(), [](const std::string& l) { return l.rfind("Event#", 0) == 0; }),
            labels.end());
}

TEST(RuntimePrimitiveNames, PrimitivesHeldByAListOrADictAreCalledByTheirPlaceInIt) {
  const auto labels = suspension_labels(
      "import asyncio\n"
      "locks = {'A': asyncio.Lock(), 'B': asyncio.Lock()}\n"
      "async def hold(k):\n"
      "    async with locks[k]:\n"
      "        await asyncio.sleep(1)\n"
      "async def main():\n"
      "    ev = [asyncio.Event()]\n"
      "    asyncio.get_running_loop().call_later(1, ev[0].set)\n"
      "    await asyncio.gather(hold('A'), hold('A'), hold('B'), hold('B'))\n"
      "    await ev[0].wait()\n"
      "asyncio.run(main())\n");
  EXPECT_NE(std::find(labels.begin(), labels.end(), "locks['A']"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "locks['B']"), labels.end());
  for (const auto& l : labels) EXPECT_EQ(l.find("Lock#"), std::string::npos) << l;
}

TEST(RuntimePrimitiveNames, AQueuesJoinIsShownAsTheQueuesNotAsAnEvent) {
  const auto labels = suspension_labels(
      "import asyncio\n"
      "async def worker(q):\n"
      "    await q.get()\n"
      "    await asyncio.sleep(1)\n"
      "    q.task_done()\n"
      "async def main():\n"
      "    q = asyncio.Queue()\n"
      "    q.put_nowait(1)\n"
      "    t = asyncio.create_task(worker(q))\n"
      "    await q.join()\n"
      "asyncio.run(main())\n");
  EXPECT_NE(std::find(labels.begin(), labels.end(), "q.join()"), labels.end());
  for (const auto& l : labels) EXPECT_EQ(l.find("Event#"), std::string::npos) << l;
}

}  // namespace
}  // namespace loopscope::python::test

namespace loopscope::python::test {
namespace {

TEST(RuntimeDeadlock, ADeadlockPointsAtTheLineWhereTheMainTaskWaits) {
  ProgramRun run("import asyncio\n"
                 "async def main():\n"
                 "    ev = asyncio.Event()\n"
                 "    await ev.wait()\n"
                 "asyncio.run(main())\n",
                 {});
  run.run_to_end();
  const ProgramResult r = run.result();
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->rfind("deadlock:", 0), 0u) << *r.error;
  EXPECT_EQ(r.error_line, 4);
}

}  // namespace
}  // namespace loopscope::python::test
