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

Coro<std::string> slow_query() {
  struct Cleanup {
    ~Cleanup() { std::printf("query: cleanup\n"); }  // finally: runs on every exit
  } cleanup;
  try {
    std::printf("query: started\n");
    co_await sleep(2.5);
    std::printf("query: finished\n");
    co_return "rows";
  } catch (...) {
    throw;
  }
}

Coro<> main_coro() {
  EventLoop& loop = *EventLoop::current();
  double start = loop.time();
  try {
    std::string rows = co_await wait_for(slow_query(), timeout);
    std::printf("got %s\n", rows.c_str());
  } catch (const TimeoutError&) {
    std::printf("timed out at %.1f s\n", loop.time() - start);
  }
}

int main() { run(main_coro()); }
