// Calling a coroutine function only builds a coroutine object. If nobody awaits it (or wraps it
// in a task), its body never runs; when it is destroyed the loop warns
// "coroutine 'save' was never awaited" (on stderr by default).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

Coro<> save(std::string record) {  // py: async def save(record):
  std::printf("saving %s\n", record.c_str());  // py: print(f"saving {record}")
  co_await sleep(1);  // py: await asyncio.sleep(1)
  std::printf("saved %s\n", record.c_str());  // py: print(f"saved {record}")
}

Coro<> main_coro() {  // py: async def main():
  save("first").set_name("save");  // forgot co_await: the body never runs  // py: save("first")
  co_await save("second");  // py: await save("second")
  std::printf("main done\n");  // py: print("main done")
}

int main() { run(main_coro()); }
