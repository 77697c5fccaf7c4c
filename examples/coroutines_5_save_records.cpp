// The exercise's starting code: the loop calls save three times without awaiting, so it only
// builds three coroutine objects; none runs, each is reported "never awaited", and main is done
// at 0.0 s (the solution gathers the three saves: they overlap and main is done at 1.0 s).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

// The records live outside the coroutine: g++ 12 cannot keep an initializer list alive across
// a co_await.
const char* const records[] = {"alice", "bob", "carol"};

Coro<> save(std::string record) {  // py: async def save(record):
  std::printf("saving %s\n", record.c_str());  // py: print(f"saving {record}")
  co_await sleep(1);  // pretend: a database write  // py: await asyncio.sleep(1)
  std::printf("saved %s\n", record.c_str());  // py: print(f"saved {record}")
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();  // py: loop = asyncio.get_running_loop()
  double start = loop.time();  // py: start = loop.time()
  for (const char* record : records) {  // py: for record in ["alice", "bob", "carol"]:
    save(record).set_name("save");  // forgot co_await: the body never runs  // py: save(record)
  }
  std::printf("main done at %.1f s\n", loop.time() - start);  // py: print(f"main done at {loop.time() - start:.1f} s")
  co_return;
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
