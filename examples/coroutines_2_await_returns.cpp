// co_await runs a coroutine inline, in the caller's task, and hands back its return value.
// Two awaits in a row run one after the other: 1 s + 1 s.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

Coro<int> fetch_price(std::string item) {  // py: async def fetch_price(item):
  co_await sleep(1);  // pretend: a network round trip  // py: await asyncio.sleep(1)
  co_return static_cast<int>(item.size()) * 10;  // py: return len(item) * 10
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  int a = co_await fetch_price("apple");  // py: a = await fetch_price("apple")
  std::printf("apple costs %d at %.1f s\n", a, loop.time() - start);  // py: print(f"apple costs {a} at {loop.time() - start:.1f} s")
  int b = co_await fetch_price("banana");  // py: b = await fetch_price("banana")
  std::printf("banana costs %d at %.1f s\n", b, loop.time() - start);  // py: print(f"banana costs {b} at {loop.time() - start:.1f} s")
  std::printf("total %d\n", a + b);  // py: print(f"total {a + b}")
}

int main() { run(main_coro()); }
