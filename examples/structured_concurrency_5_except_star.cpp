// Two children fail in the same loop iteration: the ExceptionGroup holds both errors. C++ has
// no except*: main splits the group by type, one block per Python `except*` clause.
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/task_group.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

using namespace loopscope;

// Python's built-in ConnectionError, as an engine-style error.
struct ConnectionError : EngineError {
  using EngineError::EngineError;
  const char* type_name() const noexcept override { return "ConnectionError"; }
};

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> parse() {  // py: async def parse():
  co_await sleep(1);  // py: await asyncio.sleep(1)
  throw ValueError("price is not a number");  // py: raise ValueError("price is not a number")
}

Coro<> connect() {  // py: async def connect():
  co_await sleep(1);  // py: await asyncio.sleep(1)
  throw ConnectionError("database unreachable");  // py: raise ConnectionError("database unreachable")
}

Coro<> slow() {  // py: async def slow():
  struct Finally {
    ~Finally() { std::printf("%.1fs slow: cleaned up\n", now()); }  // py: print(f"{now():.1f}s slow: cleaned up")
  } finally;  // py: finally:
  co_await sleep(5);  // py: await asyncio.sleep(5)
}

// The messages of the group's errors of type E (the sub-group `except* E` would see).
template <class E> std::vector<std::string> matching(const ExceptionGroup& eg) {
  std::vector<std::string> out;
  for (const std::exception_ptr& e : eg.exceptions()) {
    try {
      std::rethrow_exception(e);
    } catch (const E& err) {
      out.push_back(err.message());
    } catch (...) {
    }
  }
  return out;
}

Coro<> main_coro() {  // py: async def main():
  try {  // py: try:
    TaskGroup tg;  // py: async with asyncio.TaskGroup() as tg:
    std::exception_ptr body_error;
    try {
      tg.create_task(parse(), "parse");  // py: tg.create_task(parse(), name="parse")
      tg.create_task(connect(), "connect");  // py: tg.create_task(connect(), name="connect")
      tg.create_task(slow(), "slow");  // py: tg.create_task(slow(), name="slow")
    } catch (...) {
      body_error = std::current_exception();
    }
    co_await tg.join(body_error);
  } catch (const ExceptionGroup& eg) {
    if (auto values = matching<ValueError>(eg); !values.empty()) {  // py: except* ValueError as eg:
      std::printf("%.1fs bad input: %s\n", now(), values[0].c_str());  // py: print(f"{now():.1f}s bad input: {eg.exceptions[0]}")
    }
    if (auto conns = matching<ConnectionError>(eg); !conns.empty()) {  // py: except* ConnectionError as eg:
      std::printf("%.1fs retry later: %s\n", now(), conns[0].c_str());  // py: print(f"{now():.1f}s retry later: {eg.exceptions[0]}")
    }
  }
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
