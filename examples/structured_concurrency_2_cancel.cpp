// cancel() is a request: CancelledError is raised in the task at the co_await where it is
// suspended, and its cleanup (Python's finally, a destructor here) runs on the way out.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

constexpr double cancel_at = 2.5;  // py: CANCEL_AT = 2.5

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> download() {  // py: async def download():
  struct Finally {
    ~Finally() { std::printf("%.1fs download: file closed\n", now()); }  // py: print(f"{now():.1f}s download: file closed")
  } finally;  // runs on every way out  // py: finally:
  for (int chunk = 1; chunk < 10; ++chunk) {  // py: for chunk in range(1, 10):
    std::printf("%.1fs chunk %d written\n", now(), chunk);  // py: print(f"{now():.1f}s chunk {chunk} written")
    co_await sleep(1);  // CancelledError is raised here  // py: await asyncio.sleep(1)
  }
}

Coro<> main_coro() {  // py: async def main():
  Task<> task = create_task(download(), "download");  // py: task = asyncio.create_task(download(), name="download")
  co_await sleep(cancel_at);  // py: await asyncio.sleep(CANCEL_AT)
  task.cancel();  // py: task.cancel()
  std::printf("%.1fs main: cancel() requested\n", now());  // py: print(f"{now():.1f}s main: cancel() requested")
  try {  // py: try:
    co_await task;  // py: await task
  } catch (const CancelledError&) {  // py: except asyncio.CancelledError:
    std::printf("%.1fs main: download cancelled = %s\n", now(), task.cancelled() ? "True" : "False");  // py: print(f"{now():.1f}s main: download cancelled = {task.cancelled()}")
  }
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
