// A TaskGroup owns its children: when `broken` fails, the group cancels `orders` (still
// running), waits for it, and raises an ExceptionGroup holding the ValueError.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/task_group.hpp>

#include <cstdio>
#include <exception>
#include <string>

using namespace loopscope;

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> fetch(std::string name, double seconds) {  // py: async def fetch(name, seconds):
  try {  // py: try:
    co_await sleep(seconds);  // py: await asyncio.sleep(seconds)
    std::printf("%.1fs %s done\n", now(), name.c_str());  // py: print(f"{now():.1f}s {name} done")
  } catch (const CancelledError&) {  // py: except asyncio.CancelledError:
    std::printf("%.1fs %s cancelled\n", now(), name.c_str());  // py: print(f"{now():.1f}s {name} cancelled")
    throw;  // py: raise
  }
}

Coro<> broken() {  // py: async def broken():
  co_await sleep(1);  // py: await asyncio.sleep(1)
  throw ValueError("page 3 is broken");  // py: raise ValueError("page 3 is broken")
}

// Python's str() of an ExceptionGroup: "message (N sub-exception[s])".
std::string str(const ExceptionGroup& eg) {
  const std::size_t n = eg.exceptions().size();
  return eg.message() + " (" + std::to_string(n) + (n == 1 ? " sub-exception)" : " sub-exceptions)");
}

// Python's repr() of an engine error: "ValueError('page 3 is broken')".
std::string repr(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const EngineError& err) {
    return std::string(err.type_name()) + "('" + err.message() + "')";
  }
}

Coro<> main_coro() {  // py: async def main():
  try {  // py: try:
    TaskGroup tg;  // py: async with asyncio.TaskGroup() as tg:
    std::exception_ptr body_error;
    try {
      tg.create_task(fetch("users", 0.5), "users");  // py: tg.create_task(fetch("users", 0.5), name="users")
      tg.create_task(fetch("orders", 2), "orders");  // py: tg.create_task(fetch("orders", 2), name="orders")
      tg.create_task(broken(), "broken");  // py: tg.create_task(broken(), name="broken")
    } catch (...) {
      body_error = std::current_exception();
    }
    co_await tg.join(body_error);  // the end of the async with block: wait for every child
  } catch (const ExceptionGroup& eg) {  // py: except ExceptionGroup as eg:
    std::printf("%.1fs main: %s\n", now(), str(eg).c_str());  // py: print(f"{now():.1f}s main: {eg}")
    std::printf("%.1fs main: inside: %s\n", now(), repr(eg.exceptions()[0]).c_str());  // py: print(f"{now():.1f}s main: inside: {eg.exceptions[0]!r}")
  }
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
