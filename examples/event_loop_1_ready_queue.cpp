// sleep(0) is a bare yield: the task goes to the back of the ready queue, so two tasks that
// yield after every step take turns, one step each per loop iteration.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

Coro<> worker(std::string name, int steps) {  // py: async def worker(name, steps):
  for (int i = 1; i <= steps; ++i) {  // py: for i in range(1, steps + 1):
    std::printf("%s step %d\n", name.c_str(), i);  // py: print(f"{name} step {i}")
    co_await sleep(0);  // yield: go to the back of the ready queue  // py: await asyncio.sleep(0)
  }
}

Coro<> main_coro() {  // py: async def main():
  Task<> a = create_task(worker("A", 3), "A");  // py: a = asyncio.create_task(worker("A", 3), name="A")
  Task<> b = create_task(worker("B", 3), "B");  // py: b = asyncio.create_task(worker("B", 3), name="B")
  co_await a;  // py: await a
  co_await b;  // py: await b
}

int main() { run(main_coro()); }
