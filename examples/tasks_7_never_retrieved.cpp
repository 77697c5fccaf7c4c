// A task that fails while nobody holds or awaits it: main is unaffected, and the loop's
// exception handler reports "Task exception was never retrieved" (on stderr by default).
#include <loopscope/event_loop.hpp>
#include <loopscope/sleep.hpp>

#include <loopscope/errors.hpp>

#include <cstdio>

using namespace loopscope;

Coro<> backup() {
  co_await sleep(1);
  throw RuntimeError("disk full");
}

Coro<> main_coro() {
  create_task(backup(), "backup");  // nobody keeps or awaits it
  co_await sleep(2);
  std::printf("main done; nobody looked at the backup task\n");
}

int main() { run(main_coro()); }
