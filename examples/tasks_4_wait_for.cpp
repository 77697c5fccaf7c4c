// wait_for cancels the inner coroutine when the timeout expires, lets its cleanup run, and
// only then raises TimeoutError in the caller.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/wait_for.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

constexpr double timeout = 2;

Coro<std::string> slow_query() {  // py: async def slow_query():
  struct Cleanup {
    ~Cleanup() { std::printf("query: cleanup\n"); }  // finally: runs on every exit  // py: finally:
  } cleanup;
  try {  // py: try:
    std::printf("query: started\n");  // py: print("query: started")
    co_await sleep(2.5);  // py: await asyncio.sleep(2.5)
    std::printf("query: finished\n");  // py: print("query: finished")
    co_return "rows";  // py: return "rows"
  } catch (...) {
    throw;
  }
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();  // py: start = loop.time()
  try {  // py: try:
    std::string rows = co_await wait_for(slow_query(), timeout);  // py: rows = await asyncio.wait_for(slow_query(), timeout=TIMEOUT)
    std::printf("got %s\n", rows.c_str());  // py: print(f"got {rows}")
  } catch (const TimeoutError&) {  // py: except TimeoutError:
    std::printf("timed out at %.1f s\n", loop.time() - start);  // py: print(f"timed out at {loop.time() - start:.1f} s")
  }
}

int main() { run(main_coro()); }
