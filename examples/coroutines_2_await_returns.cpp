// co_await runs a coroutine inline, in the caller's task, and hands back its return value.
// Two awaits in a row run one after the other: 1 s + 1 s.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

Coro<int> fetch_price(std::string item) {
  co_await sleep(1);  // pretend: a network round trip
  co_return static_cast<int>(item.size()) * 10;
}

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  int a = co_await fetch_price("apple");
  std::printf("apple costs %d at %.1f s\n", a, loop.time() - start);
  int b = co_await fetch_price("banana");
  std::printf("banana costs %d at %.1f s\n", b, loop.time() - start);
  std::printf("total %d\n", a + b);
}

int main() { run(main_coro()); }
