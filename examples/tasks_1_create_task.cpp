// create_task only schedules: the new task starts when main yields, not inside create_task.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> job() {
  std::printf("job: started\n");
  co_await sleep(1);
  std::printf("job: finished\n");
}

Coro<> main_coro() {
  Task<> task = create_task(job(), "job");
  std::printf("main: task created\n");
  std::printf("main: still running\n");
  co_await sleep(0);  // main's first yield: now the task gets its turn
  std::printf("main: back after yielding\n");
  co_await task;
  std::printf("main: done\n");
}

int main() { run(main_coro()); }
