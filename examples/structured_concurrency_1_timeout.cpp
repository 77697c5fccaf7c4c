// A deadline cancels: CancelledError inside the slow code, TimeoutError outside. First a
// timeout scope around an inline await (main itself is cancelled), then wait_for on a task
// (the task is cancelled and its cleanup awaited before TimeoutError).
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/timeout.hpp>
#include <loopscope/wait_for.hpp>

#include <cstdio>

using namespace loopscope;

constexpr double timeout_s = 1;  // py: TIMEOUT = 1

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> slow_report() {  // py: async def slow_report():
  try {  // py: try:
    co_await sleep(3);  // the report takes 3 s  // py: await asyncio.sleep(3)
    std::printf("%.1fs report finished\n", now());  // py: print(f"{now():.1f}s report finished")
  } catch (const CancelledError&) {  // py: except asyncio.CancelledError:
    std::printf("%.1fs report: CancelledError inside\n", now());  // py: print(f"{now():.1f}s report: CancelledError inside")
    throw;  // py: raise
  }
}

Coro<> main_coro() {  // py: async def main():
  try {  // py: try:
    co_await timeout(timeout_s, slow_report());  // the body runs inline, in main  // py: async with asyncio.timeout(TIMEOUT):
  } catch (const TimeoutError&) {  // py: except TimeoutError:
    std::printf("%.1fs main: TimeoutError from asyncio.timeout\n", now());  // py: print(f"{now():.1f}s main: TimeoutError from asyncio.timeout")
  }
  Task<> report = create_task(slow_report(), "report");  // py: report = asyncio.create_task(slow_report(), name="report")
  try {  // py: try:
    co_await wait_for(report, timeout_s);  // py: await asyncio.wait_for(report, timeout=TIMEOUT)
  } catch (const TimeoutError&) {  // py: except TimeoutError:
    std::printf("%.1fs main: TimeoutError from wait_for\n", now());  // py: print(f"{now():.1f}s main: TimeoutError from wait_for")
  }
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
