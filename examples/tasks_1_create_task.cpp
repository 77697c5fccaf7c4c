// create_task only schedules: the new task starts when main yields, not inside create_task.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> job() {  // py: async def job():
  std::printf("job: started\n");  // py: print("job: started")
  co_await sleep(1);  // py: await asyncio.sleep(1)
  std::printf("job: finished\n");  // py: print("job: finished")
}

Coro<> main_coro() {  // py: async def main():
  Task<> task = create_task(job(), "job");  // py: task = asyncio.create_task(job(), name="job")
  std::printf("main: task created\n");  // py: print("main: task created")
  std::printf("main: still running\n");  // py: print("main: still running")
  co_await sleep(0);  // main's first yield: now the task gets its turn  // py: await asyncio.sleep(0)
  std::printf("main: back after yielding\n");  // py: print("main: back after yielding")
  co_await task;  // py: await task
  std::printf("main: done\n");  // py: print("main: done")
}

int main() { run(main_coro()); }
