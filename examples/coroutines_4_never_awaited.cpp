// Calling a coroutine function only builds a coroutine object. If nobody awaits it (or wraps it
// in a task), its body never runs; when it is destroyed the loop warns
// "coroutine 'save' was never awaited" (on stderr by default).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

Coro<> save(std::string record) {
  std::printf("saving %s\n", record.c_str());
  co_await sleep(1);
  std::printf("saved %s\n", record.c_str());
}

Coro<> main_coro() {
  save("first").set_name("save");  // forgot co_await: the body never runs
  co_await save("second");
  std::printf("main done\n");
}

int main() { run(main_coro()); }
