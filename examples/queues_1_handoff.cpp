// A queue between two tasks: get() on an empty queue suspends the consumer; put() wakes it, but
// the woken consumer only runs after the producer reaches its next await.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/queue.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <vector>

using namespace loopscope;

constexpr int items = 3;  // py: ITEMS = 3

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> producer(Queue<int>& queue) {  // py: async def producer(queue):
  for (int i = 1; i <= items; ++i) {  // py: for i in range(1, ITEMS + 1):
    co_await sleep(1);  // making an item takes 1 s  // py: await asyncio.sleep(1)
    co_await queue.put(i);  // py: await queue.put(i)
    std::printf("%.1fs put item %d\n", now(), i);  // py: print(f"{now():.1f}s put item {i}")
  }
}

Coro<> consumer(Queue<int>& queue) {  // py: async def consumer(queue):
  for (int n = 0; n < items; ++n) {  // py: for _ in range(ITEMS):
    int item = co_await queue.get();  // waits while the queue is empty  // py: item = await queue.get()
    std::printf("%.1fs got item %d\n", now(), item);  // py: print(f"{now():.1f}s got item {item}")
  }
}

Coro<> main_coro() {  // py: async def main():
  Queue<int> queue;  // py: queue = asyncio.Queue()
  std::vector<Task<>> tasks;
  tasks.push_back(create_task(producer(queue), "producer"));  // py: asyncio.create_task(producer(queue), name="producer"),
  tasks.push_back(create_task(consumer(queue), "consumer"));  // py: asyncio.create_task(consumer(queue), name="consumer"),
  co_await gather(tasks);  // py: await asyncio.gather(
  std::printf("%.1fs all items handed over\n", now());  // py: print(f"{now():.1f}s all items handed over")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
