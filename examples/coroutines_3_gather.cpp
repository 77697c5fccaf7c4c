// gather runs both coroutines as tasks, so the two 1 s waits overlap: 1 s in total.
// Results come back in argument order.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

Coro<int> fetch_price(std::string item) {  // py: async def fetch_price(item):
  co_await sleep(1);  // pretend: a network round trip  // py: await asyncio.sleep(1)
  co_return static_cast<int>(item.size()) * 10;  // py: return len(item) * 10
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  std::vector<Task<int>> tasks;
  tasks.push_back(create_task(fetch_price("apple")));
  tasks.push_back(create_task(fetch_price("banana")));
  std::vector<int> prices = co_await gather(tasks);  // py: a, b = await asyncio.gather(fetch_price("apple"), fetch_price("banana"))
  int a = prices[0], b = prices[1];
  std::printf("apple costs %d, banana costs %d at %.1f s\n", a, b, loop.time() - start);  // py: print(f"apple costs {a}, banana costs {b} at {loop.time() - start:.1f} s")
  std::printf("total %d\n", a + b);  // py: print(f"total {a + b}")
}

int main() { run(main_coro()); }
