// cancel() is a request: CancelledError is raised inside the task at the co_await where it is
// suspended; its catch block and its cleanup run, and whoever awaits it sees CancelledError.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> worker() {  // py: async def worker():
  struct Cleanup {
    ~Cleanup() { std::printf("worker: cleanup in finally\n"); }  // finally: runs on every exit  // py: finally:
  } cleanup;
  try {  // py: try:
    for (int i = 1; i < 10; ++i) {  // py: for i in range(1, 10):
      std::printf("working %d\n", i);  // py: print(f"working {i}")
      co_await sleep(1);  // py: await asyncio.sleep(1)
    }
  } catch (const CancelledError&) {  // py: except asyncio.CancelledError:
    std::printf("worker: CancelledError at its await\n");  // py: print("worker: CancelledError at its await")
    throw;  // py: raise
  }
}

Coro<> main_coro() {  // py: async def main():
  Task<> task = create_task(worker(), "worker");  // py: task = asyncio.create_task(worker(), name="worker")
  co_await sleep(2.5);  // py: await asyncio.sleep(2.5)
  task.cancel();  // py: task.cancel()
  std::printf("main: cancel requested\n");  // py: print("main: cancel requested")
  try {  // py: try:
    co_await task;  // py: await task
  } catch (const CancelledError&) {  // py: except asyncio.CancelledError:
    std::printf("main: worker cancelled = %s\n", task.cancelled() ? "True" : "False");  // py: print(f"main: worker cancelled = {task.cancelled()}")
  }
}

int main() { run(main_coro()); }
