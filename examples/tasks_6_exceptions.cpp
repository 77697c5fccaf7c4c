// An exception raised in a task surfaces where the task is awaited. With
// ReturnExceptions::yes, gather returns it as a value next to the normal results.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

using namespace loopscope;

// asyncio's ValueError (reports read "ValueError: message").
using loopscope::ValueError;


Coro<int> check(int n) {  // py: async def check(n):
  co_await sleep(n);  // py: await asyncio.sleep(n)
  if (n == 2) {  // py: if n == 2:
    throw ValueError("bad input " + std::to_string(n));  // py: raise ValueError(f"bad input {n}")
  }
  co_return n * 10;  // py: return n * 10
}

// Prints outcomes as Python prints the list: [10, ValueError('bad input 2'), 30].
void print_results(const std::vector<Outcome<int>>& results) {
  std::string line = "[";
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (i) line += ", ";
    try {
      line += std::to_string(results[i].get());
    } catch (const ValueError& e) {
      line += std::string("ValueError('") + e.what() + "')";
    }
  }
  std::printf("%s]\n", line.c_str());
}

Coro<> main_coro() {  // py: async def main():
  std::vector<Task<int>> three;
  for (int n = 1; n <= 3; ++n) three.push_back(create_task(check(n)));
  auto results = co_await gather(three, ReturnExceptions::yes);  // py: results = await asyncio.gather(check(1), check(2), check(3), return_exceptions=True)
  print_results(results);  // py: print(results)
  try {  // py: try:
    std::vector<Task<int>> two;
    for (int n = 1; n <= 2; ++n) two.push_back(create_task(check(n)));
    co_await gather(two);  // py: await asyncio.gather(check(1), check(2))
  } catch (const ValueError& e) {  // py: except ValueError as e:
    std::printf("caught: %s\n", e.what());  // py: print(f"caught: {e}")
  }
}

int main() { run(main_coro()); }
