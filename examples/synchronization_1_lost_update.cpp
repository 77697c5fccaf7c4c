// A lost update with one thread: each task awaits between reading the balance and writing it
// back, so both read 0 and the second write overwrites the first.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

constexpr int deposits = 2;  // py: DEPOSITS = 2

int balance = 0;  // py: balance = 0

Coro<> deposit(std::string name) {  // py: async def deposit(name):
  int read = balance;  // py: read = balance
  std::printf("%s reads %d\n", name.c_str(), read);  // py: print(f"{name} reads {read}")
  co_await sleep(0.5);  // a round trip to the bank  // py: await asyncio.sleep(0.5)
  balance = read + 100;  // py: balance = read + 100
  std::printf("%s writes %d\n", name.c_str(), balance);  // py: print(f"{name} writes {balance}")
}

Coro<> main_coro() {  // py: async def main():
  std::vector<Task<>> tasks;  // py: tasks = []
  for (int i = 1; i <= deposits; ++i) {  // py: for i in range(1, DEPOSITS + 1):
    std::string name = "deposit-" + std::to_string(i);
    tasks.push_back(create_task(deposit(name), name));  // py: tasks.append(asyncio.create_task(deposit(f"deposit-{i}"), name=f"deposit-{i}"))
  }
  co_await gather(tasks);  // py: await asyncio.gather(*tasks)
  std::printf("balance %d, expected %d\n", balance, deposits * 100);  // py: print(f"balance {balance}, expected {DEPOSITS * 100}")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
