// Backpressure: put() on a full queue suspends the producer until a get() makes room, so the
// producer runs at most `maxsize` items ahead of the slow consumer.
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/queue.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <vector>

using namespace loopscope;

constexpr int items = 5;  // py: ITEMS = 5
constexpr int maxsize = 2;  // py: MAXSIZE = 2

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

Coro<> producer(Queue<int>& queue) {  // py: async def producer(queue):
  for (int i = 1; i <= items; ++i) {  // py: for i in range(1, ITEMS + 1):
    co_await queue.put(i);  // waits while the queue is full  // py: await queue.put(i)
    std::printf("%.1fs put item %d, %zu in the queue\n", now(), i, queue.qsize());  // py: print(f"{now():.1f}s put item {i}, {queue.qsize()} in the queue")
  }
}

Coro<> consumer(Queue<int>& queue) {  // py: async def consumer(queue):
  for (int n = 0; n < items; ++n) {  // py: for _ in range(ITEMS):
    int item = co_await queue.get();  // py: item = await queue.get()
    co_await sleep(1);  // handling an item takes 1 s  // py: await asyncio.sleep(1)
    std::printf("%.1fs handled item %d\n", now(), item);  // py: print(f"{now():.1f}s handled item {item}")
  }
}

Coro<> main_coro() {  // py: async def main():
  Queue<int> queue(maxsize);  // py: queue = asyncio.Queue(maxsize=MAXSIZE)
  std::vector<Task<>> tasks;
  tasks.push_back(create_task(producer(queue), "producer"));  // py: asyncio.create_task(producer(queue), name="producer"),
  tasks.push_back(create_task(consumer(queue), "consumer"));  // py: asyncio.create_task(consumer(queue), name="consumer"),
  co_await gather(tasks);  // py: await asyncio.gather(
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
