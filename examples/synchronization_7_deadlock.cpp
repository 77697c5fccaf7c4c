// Two locks taken in opposite orders: at 0.5 s alice holds A and waits for B, bob holds B and
// waits for A. Nothing is ready and no timer can help them; only main's 2 s timeout ends it.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/lock.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/timeout.hpp>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace loopscope;

Lock lock_a, lock_b;
std::map<std::string, Lock*> locks = {{"A", &lock_a}, {"B", &lock_b}};  // py: locks = {"A": asyncio.Lock(), "B": asyncio.Lock()}

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

// Releases a lock when its block is left, however it is left (the end of `async with`).
struct Release {
  Lock& lock;
  ~Release() { lock.release(); }
};

Coro<> transfer(std::string name, std::string first, std::string second) {  // py: async def transfer(name, first, second):
  co_await locks[first]->acquire();  // py: async with locks[first]:
  Release release_first{*locks[first]};
  std::printf("%.1fs %s holds %s\n", now(), name.c_str(), first.c_str());  // py: print(f"{now():.1f}s {name} holds {first}")
  co_await sleep(0.5);  // py: await asyncio.sleep(0.5)
  std::printf("%.1fs %s wants %s\n", now(), name.c_str(), second.c_str());  // py: print(f"{now():.1f}s {name} wants {second}")
  co_await locks[second]->acquire();  // py: async with locks[second]:
  Release release_second{*locks[second]};
  std::printf("%.1fs %s holds %s and %s\n", now(), name.c_str(), first.c_str(), second.c_str());  // py: print(f"{now():.1f}s {name} holds {first} and {second}")
}

// The body of `async with asyncio.timeout(2):` as a coroutine of its own.
Coro<> both(std::vector<Task<>> tasks) {
  co_await gather(tasks);  // py: await asyncio.gather(alice, bob)
}

Coro<> main_coro() {  // py: async def main():
  Task<> alice = create_task(transfer("alice", "A", "B"), "alice");  // py: alice = asyncio.create_task(transfer("alice", "A", "B"), name="alice")
  Task<> bob = create_task(transfer("bob", "B", "A"), "bob");  // py: bob = asyncio.create_task(transfer("bob", "B", "A"), name="bob")
  std::vector<Task<>> pair{alice, bob};  // g++ 12: no initializer list inside a co_await
  try {  // py: try:
    co_await timeout(2.0, both(pair));  // py: async with asyncio.timeout(2):
    std::printf("%.1fs both transfers done\n", now());  // py: print(f"{now():.1f}s both transfers done")
  } catch (const TimeoutError&) {  // py: except TimeoutError:
    std::printf("%.1fs timed out: alice and bob wait for each other\n", now());  // py: print(f"{now():.1f}s timed out: alice and bob wait for each other")
  }
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
