// A Lock around read-await-write: one task at a time in the critical section, the waiters
// served first come, first served.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/lock.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int deposits = 3;  // py: DEPOSITS = 3

int balance = 0;  // py: balance = 0

// Releases the lock when the block is left, however it is left (the end of `async with`).
struct Release {
  Lock& lock;
  ~Release() { lock.release(); }
};

Coro<> deposit(std::string name, Lock& lock) {  // py: async def deposit(name, lock):
  std::printf("%s wants the lock\n", name.c_str());  // py: print(f"{name} wants the lock")
  co_await lock.acquire();  // one task at a time in here  // py: async with lock:
  Release release{lock};
  int read = balance;  // py: read = balance
  co_await sleep(0.5);  // a round trip to the bank  // py: await asyncio.sleep(0.5)
  balance = read + 100;  // py: balance = read + 100
  std::printf("%s wrote %d\n", name.c_str(), balance);  // py: print(f"{name} wrote {balance}")
}

Coro<> main_coro() {  // py: async def main():
  Lock lock;  // py: lock = asyncio.Lock()
  std::vector<Task<>> tasks;  // py: tasks = []
  for (int i = 1; i <= deposits; ++i) {  // py: for i in range(1, DEPOSITS + 1):
    std::string name = "deposit-" + std::to_string(i);
    tasks.push_back(create_task(deposit(name, lock), name));  // py: tasks.append(asyncio.create_task(deposit(f"deposit-{i}", lock), name=f"deposit-{i}"))
  }
  co_await gather(tasks);  // py: await asyncio.gather(*tasks)
  std::printf("balance %d, expected %d\n", balance, deposits * 100);  // py: print(f"balance {balance}, expected {DEPOSITS * 100}")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
