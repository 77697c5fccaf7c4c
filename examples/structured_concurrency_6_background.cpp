// Fire-and-forget tasks kept in a container until they are done: each removes itself from
// `background` in a done callback (asyncio's set + add_done_callback(background.discard)).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <cstdio>
#include <map>
#include <string>

using namespace loopscope;

double now() {  // py: def now():
  return EventLoop::current()->time();  // py: return asyncio.get_running_loop().time()
}

std::map<TaskId, AnyTask> background;  // strong references to tasks nobody awaits  // py: background = set()

Coro<> notify(std::string user) {  // py: async def notify(user):
  co_await sleep(1);  // py: await asyncio.sleep(1)
  std::printf("%.1fs %s notified\n", now(), user.c_str());  // py: print(f"{now():.1f}s {user} notified")
}

void fire_and_forget(std::string user, std::string name) {  // py: def fire_and_forget(user, name):
  Task<> task = create_task(notify(user), name);  // py: task = asyncio.create_task(notify(user), name=name)
  background.emplace(task.id(), task);  // keep it alive  // py: background.add(task)
  task.add_done_callback([](AnyTask t) { background.erase(t.id()); });  // forget it when done  // py: task.add_done_callback(background.discard)
}

Coro<> main_coro() {  // py: async def main():
  fire_and_forget("ada", "notify-1");  // py: fire_and_forget("ada", "notify-1")
  fire_and_forget("bob", "notify-2");  // py: fire_and_forget("bob", "notify-2")
  co_await sleep(0.5);  // py: await asyncio.sleep(0.5)
  std::printf("%.1fs main: %zu notifications in flight\n", now(), background.size());  // py: print(f"{now():.1f}s main: {len(background)} notifications in flight")
  co_await sleep(1);  // py: await asyncio.sleep(1)
  std::printf("%.1fs main: %zu notifications in flight\n", now(), background.size());  // py: print(f"{now():.1f}s main: {len(background)} notifications in flight")
}

int main() { run(main_coro()); }  // py: asyncio.run(main())
