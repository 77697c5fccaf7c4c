// wait returns the done and pending tasks: FIRST_COMPLETED returns at the first one, a timeout
// returns after at most that long. Pending tasks keep running until cancelled.
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/wait.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

Coro<std::string> fetch(std::string name, double delay) {  // py: async def fetch(name, delay):
  co_await sleep(delay);  // py: await asyncio.sleep(delay)
  co_return name;  // py: return name
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  Task<std::string> slow = create_task(fetch("slow", 3), "slow");  // py: slow = asyncio.create_task(fetch("slow", 3), name="slow")
  Task<std::string> fast = create_task(fetch("fast", 1), "fast");  // py: fast = asyncio.create_task(fetch("fast", 1), name="fast")
  std::vector<Task<std::string>> both;
  both.push_back(slow);
  both.push_back(fast);
  auto first = co_await wait(both, ReturnWhen::first_completed);  // py: done, pending = await asyncio.wait([slow, fast], return_when=asyncio.FIRST_COMPLETED)
  std::printf("%.1f s: %zu done, %zu pending, first: %s\n", loop.time() - start, first.done.size(),  // py: print(f"{loop.time() - start:.1f} s: {len(done)} done, {len(pending)} pending, first: {fast.result()}")
              first.pending.size(), fast.result().c_str());
  auto later = co_await wait(first.pending, ReturnWhen::all_completed, 1.0);  // py: done, pending = await asyncio.wait(pending, timeout=1)
  std::printf("%.1f s: %zu done, %zu pending\n", loop.time() - start, later.done.size(), later.pending.size());  // py: print(f"{loop.time() - start:.1f} s: {len(done)} done, {len(pending)} pending")
  slow.cancel();  // py: slow.cancel()
  std::vector<Task<std::string>> just_slow(1, slow);
  co_await wait(just_slow);  // py: await asyncio.wait([slow])
  std::printf("slow cancelled: %s\n", slow.cancelled() ? "True" : "False");  // py: print(f"slow cancelled: {slow.cancelled()}")
}

int main() { run(main_coro()); }
