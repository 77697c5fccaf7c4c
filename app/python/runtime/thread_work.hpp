#pragma once
// thread_work.hpp — asyncio.to_thread for Loopscope programs.
//
// Program values are not thread-safe, so the function does not really run on a worker: it runs
// on the loop thread when the to_thread coroutine starts, in "thread mode", where time.sleep
// does not block the loop but adds up the seconds the worker would sleep. The engine's
// to_thread then holds the awaiting task for exactly that long (virtual clock: a timer the loop
// jumps to; real clock: a worker really sleeps), so the loop keeps running meanwhile, exactly
// as with a real worker thread. What the function prints appears when it starts.
#include "python/runtime/runtime.hpp"

namespace loopscope::python {

// A coroutine object that runs fn(*args, **kw) as a worker would.
Value to_thread_value(Runtime& rt, Value fn, std::vector<Value> args, std::vector<std::pair<std::string, Value>> kw);
// Where time.sleep adds its seconds while a to_thread function runs (null on the loop thread).
double*& thread_sleep_sink();
Value native_coro(Coro<Value> c, std::string name, bool warn_unawaited);

}  // namespace loopscope::python
