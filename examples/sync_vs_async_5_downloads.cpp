// The exercise's starting code: each download is awaited before the next one starts, so the
// waits add up to 6 s (the solution gathers them, and the run takes the longest wait, 3 s).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <string>

using namespace loopscope;

Coro<> download(std::string name, int seconds) {  // py: async def download(name, seconds):
  std::printf("%s start\n", name.c_str());  // py: print(f"{name} start")
  co_await sleep(seconds);  // waiting for the network  // py: await asyncio.sleep(seconds)
  std::printf("%s done after %d s\n", name.c_str(), seconds);  // py: print(f"{name} done after {seconds} s")
}

Coro<> main_coro() {  // py: async def main():
  EventLoop& loop = *EventLoop::current();  // py: loop = asyncio.get_running_loop()
  double start = loop.time();  // py: start = loop.time()
  co_await download("report.pdf", 3);  // py: await download("report.pdf", 3)
  co_await download("photo.jpg", 1);  // py: await download("photo.jpg", 1)
  co_await download("song.mp3", 2);  // py: await download("song.mp3", 2)
  std::printf("all downloads done in %.1f s\n", loop.time() - start);  // py: print(f"all downloads done in {loop.time() - start:.1f} s")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
