// A Condition: under its lock a customer checks the stock; wait() releases the lock until a
// notify, then takes it back. The check is a while loop: a wake-up only says "it changed".
#include <loopscope/condition.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

int stock = 0;  // py: stock = 0

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

// Releases the condition's lock when the block is left, however it is left (end of `async with`).
struct Release {
  Condition& cond;
  ~Release() { cond.release(); }
};

Coro<> customer(std::string name, int wants, Condition& shelf) {  // py: async def customer(name, wants, shelf):
  co_await shelf.acquire();  // the condition's lock  // py: async with shelf:
  Release release{shelf};
  while (stock < wants) {  // check, wait, check again  // py: while stock < wants:
    std::printf("%.1fs %s waits for %d, %d on the shelf\n", now(), name.c_str(), wants, stock);  // py: print(f"{now():.1f}s {name} waits for {wants}, {stock} on the shelf")
    co_await shelf.wait();  // releases the lock while waiting  // py: await shelf.wait()
  }
  stock -= wants;  // py: stock -= wants
  std::printf("%.1fs %s takes %d, %d left\n", now(), name.c_str(), wants, stock);  // py: print(f"{now():.1f}s {name} takes {wants}, {stock} left")
}

Coro<> supplier(Condition& shelf) {  // py: async def supplier(shelf):
  for (int n = 0; n < 2; ++n) {  // py: for _ in range(2):
    co_await sleep(1);  // a delivery every second  // py: await asyncio.sleep(1)
    co_await shelf.acquire();  // py: async with shelf:
    Release release{shelf};
    stock += 2;  // py: stock += 2
    std::printf("%.1fs delivery: %d on the shelf\n", now(), stock);  // py: print(f"{now():.1f}s delivery: {stock} on the shelf")
    shelf.notify_all();  // wake every waiting customer  // py: shelf.notify_all()
  }
}

Coro<> main_coro() {  // py: async def main():
  Condition shelf;  // py: shelf = asyncio.Condition()
  std::vector<Task<>> tasks;
  tasks.push_back(create_task(customer("ann", 3, shelf), "ann"));  // py: asyncio.create_task(customer("ann", 3, shelf), name="ann"),
  tasks.push_back(create_task(customer("ben", 1, shelf), "ben"));  // py: asyncio.create_task(customer("ben", 1, shelf), name="ben"),
  tasks.push_back(create_task(supplier(shelf), "supplier"));  // py: asyncio.create_task(supplier(shelf), name="supplier"),
  co_await gather(tasks);  // py: await asyncio.gather(
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
