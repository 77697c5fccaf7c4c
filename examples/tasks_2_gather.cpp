// gather returns the results in argument order, whatever order the tasks finish in.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

Coro<std::string> fetch(std::string name, double delay) {  // py: async def fetch(name, delay):
  co_await sleep(delay);  // py: await asyncio.sleep(delay)
  std::printf("%s finished\n", name.c_str());  // py: print(f"{name} finished")
  co_return name;  // py: return name
}

Coro<> main_coro() {  // py: async def main():
  std::vector<Task<std::string>> tasks;
  tasks.push_back(create_task(fetch("slow", 3)));
  tasks.push_back(create_task(fetch("fast", 1)));
  tasks.push_back(create_task(fetch("medium", 2)));
  std::vector<std::string> results = co_await gather(tasks);  // py: results = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("medium", 2))
  std::string line = "[";
  for (std::size_t i = 0; i < results.size(); ++i) line += (i ? ", '" : "'") + results[i] + "'";
  std::printf("%s]\n", line.c_str());  // py: print(results)
}

int main() { run(main_coro()); }
