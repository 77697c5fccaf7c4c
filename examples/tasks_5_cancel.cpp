// cancel() is a request: CancelledError is raised inside the task at the co_await where it is
// suspended; its catch block and its cleanup run, and whoever awaits it sees CancelledError.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> worker() {
  struct Cleanup {
    ~Cleanup() { std::printf("worker: cleanup in finally\n"); }  // finally: runs on every exit
  } cleanup;
  try {
    for (int i = 1; i < 10; ++i) {
      std::printf("working %d\n", i);
      co_await sleep(1);
    }
  } catch (const CancelledError&) {
    std::printf("worker: CancelledError at its await\n");
    throw;
  }
}

Coro<> main_coro() {
  Task<> task = create_task(worker(), "worker");
  co_await sleep(2.5);
  task.cancel();
  std::printf("main: cancel requested\n");
  try {
    co_await task;
  } catch (const CancelledError&) {
    std::printf("main: worker cancelled = %s\n", task.cancelled() ? "True" : "False");
  }
}

int main() { run(main_coro()); }
