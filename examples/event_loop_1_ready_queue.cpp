// sleep(0) is a bare yield: the task goes to the back of the ready queue, so two tasks that
// yield after every step take turns, one step each per loop iteration.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

Coro<> worker(std::string name, int steps) {
  for (int i = 1; i <= steps; ++i) {
    std::printf("%s step %d\n", name.c_str(), i);
    co_await sleep(0);  // yield: go to the back of the ready queue
  }
}

Coro<> main_coro() {
  Task<> a = create_task(worker("A", 3), "A");
  Task<> b = create_task(worker("B", 3), "B");
  co_await a;
  co_await b;
}

int main() { run(main_coro()); }
