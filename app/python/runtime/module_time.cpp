// module_time.cpp — the `time` module on the run's clock (perf_counter, monotonic, time,
// sleep), and asyncio.to_thread (thread_work.hpp), which shares time.sleep's thread mode.
#include "python/runtime/args.hpp"
#include "python/runtime/thread_work.hpp"

#include <loopscope/executor.hpp>

#include <chrono>
#include <thread>

namespace loopscope::python {

double*& thread_sleep_sink() {
  static thread_local double* sink = nullptr;
  return sink;
}

namespace {
Coro<Value> to_thread_coro(Runtime& rt, Value fn, std::vector<Value> args, std::vector<std::pair<std::string, Value>> kw) {
  double slept = 0;
  Value result;
  std::exception_ptr err;
  {
    double* saved = thread_sleep_sink();
    thread_sleep_sink() = &slept;
    try {
      CallArgs a;
      a.pos = std::move(args);
      a.kw = std::move(kw);
      result = rt.call(fn, a);
    } catch (const Halt&) {
      thread_sleep_sink() = saved;
      throw;
    } catch (...) {
      err = std::current_exception();
    }
    thread_sleep_sink() = saved;
  }
  if (rt.loop().clock_kind() == ClockKind::virtual_time) {
    co_await loopscope::to_thread([] {}, slept);
  } else {
    co_await loopscope::to_thread([slept] { std::this_thread::sleep_for(std::chrono::duration<double>(slept)); });
  }
  if (err) std::rethrow_exception(err);
  co_return result;
}
}  // namespace

Value to_thread_value(Runtime& rt, Value fn, std::vector<Value> args, std::vector<std::pair<std::string, Value>> kw) {
  return native_coro(to_thread_coro(rt, std::move(fn), std::move(args), std::move(kw)), "to_thread", true);
}

Value make_time_module(Runtime&) {
  auto mod = make<ModuleObject>("time");
  auto def = [&](const std::string& n, NativeFn fn) { mod->attrs[n] = builtin(n, std::move(fn)); };
  auto clock = [](Runtime& rt, CallArgs& a) {
    check_args(a, "perf_counter", 0, 0);
    double t = rt.loop().time();
    if (double* sink = thread_sleep_sink()) t += *sink;
    return py_float(t);
  };
  def("perf_counter", clock);
  def("monotonic", clock);
  def("time", [](Runtime& rt, CallArgs& a) {
    check_args(a, "time", 0, 0);
    // A fixed epoch on the virtual clock, so that runs repeat.
    const double base = rt.loop().clock_kind() == ClockKind::virtual_time ? 1.7e9 : 0.0;
    double t = base + rt.loop().time();
    if (rt.loop().clock_kind() == ClockKind::real_time)
      t = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    return py_float(t);
  });
  def("sleep", [](Runtime& rt, CallArgs& a) {
    check_args(a, "sleep", 1, 1);
    const double s = number_arg(a.pos[0], "'" + type_name(a.pos[0]) + "' object cannot be interpreted as an integer");
    if (s < 0) value_error("sleep length must be non-negative");
    if (double* sink = thread_sleep_sink()) {
      *sink += s;
      return Value();
    }
    if (s > rt.limits().max_time) rt.halt("limit exceeded: time.sleep(" + float_repr(s) + ") would go past the run's time limit", 0);
    rt.loop().blocking(s, "time.sleep");
    return Value();
  });
  return Value(mod);
}

}  // namespace loopscope::python
