// loopscope_peer.cpp — the engine's peer in bench/run: spawn, switch, timers, memory.
//
// Usage: loopscope_peer WORKLOAD [--trace] [--repeat N]
//   WORKLOAD: spawn | switch | timers | memory
// Prints one line per run in bench/run's format, e.g.
//   peer=loopscope workload=switch n=1000000 seconds=0.0081 per_op_ns=8.1
// With --trace a TraceRecorder is attached to the loop (peer=loopscope+trace) and the line also
// gives the number of events recorded; the recorder is cleared between runs. `--reserve N`
// reserves room for N events before each run (outside the timed part).
//
// Every workload runs on the REAL clock (ClockKind::real_time), like the peers; times are taken
// with std::chrono::steady_clock inside the main coroutine, from before the first create_task to
// after the gather, exactly where the Python and Node peers take theirs.
//
// Sections: helpers · spawn · switch · timers · memory · main
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/task.hpp>
#include <loopscope/trace.hpp>

#include "stopwatch.hpp"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace loopscope;
using steady = std::chrono::steady_clock;
using loopscope::bench::seconds_since;
using loopscope::bench::Stopwatch;

// ---- helpers -----------------------------------------------------------------------------
// The timers workload's delays: x % 101 ms for the outputs of the LCG
// state = (state * 1103515245 + 12345) mod 2^31, starting from state = 12345 (the seed itself
// is not used as an output). Identical in every peer.
std::vector<int> lcg_delays_ms(std::size_t n, std::uint32_t seed = 12345) {
  std::vector<int> out(n);
  std::uint32_t state = seed;
  for (auto& d : out) {
    state = (state * 1103515245u + 12345u) & 0x7fffffffu;
    d = static_cast<int>(state % 101u);
  }
  return out;
}

// Resident set size in bytes, from /proc/self/statm (the same source as the other peers).
long rss_bytes() {
  std::ifstream f("/proc/self/statm");
  long size = 0, resident = 0;
  f >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

std::string fmt(const char* format, double a, double b = 0, double c = 0, double d = 0,
                double e = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, format, a, b, c, d, e);
  return buf;
}

// ---- spawn -------------------------------------------------------------------------------
// 100k tasks, each awaiting one sleep(0); then gather them all. ns per task.
Coro<void> spawn_child() { co_await sleep(0); }

Coro<std::string> spawn(std::size_t n) {
  Stopwatch sw;
  std::vector<Task<void>> tasks;
  tasks.reserve(n);
  for (std::size_t i = 0; i < n; ++i) tasks.push_back(create_task(spawn_child()));
  co_await gather(std::move(tasks));
  double dt = sw.wall_seconds();
  double cpu = sw.cpu_seconds();
  co_return fmt("n=%.0f seconds=%.6g per_op_ns=%.4g cpu_seconds=%.6g", double(n), dt,
                dt / double(n) * 1e9, cpu);
}

// ---- switch ------------------------------------------------------------------------------
// 1k tasks x 1k sleep(0) each = 1M switches. ns per switch.
Coro<void> switch_child(int switches) {
  for (int i = 0; i < switches; ++i) co_await sleep(0);
}

Coro<std::string> switch_workload(std::size_t tasks_n, int switches) {
  Stopwatch sw;
  std::vector<Task<void>> tasks;
  tasks.reserve(tasks_n);
  for (std::size_t i = 0; i < tasks_n; ++i) tasks.push_back(create_task(switch_child(switches)));
  co_await gather(std::move(tasks));
  double dt = sw.wall_seconds();
  double cpu = sw.cpu_seconds();
  double n = double(tasks_n) * switches;
  co_return fmt("n=%.0f seconds=%.6g per_op_ns=%.4g cpu_seconds=%.6g", n, dt, dt / n * 1e9, cpu);
}

// ---- timers ------------------------------------------------------------------------------
// 100k tasks; task i sleeps lcg_delays_ms[i] ms on the real clock. Total seconds and lateness
// (wake time - (sleep start + delay)), mean and max.
struct Lateness {
  double sum = 0;
  double max = -1e9;
};

Coro<void> timer_child(double delay, Lateness& late) {
  auto start = steady::now();
  co_await sleep(delay);
  double l = seconds_since(start) - delay;
  late.sum += l;
  late.max = std::max(late.max, l);
}

Coro<std::string> timers(std::size_t n) {
  auto delays = lcg_delays_ms(n);
  Lateness late;
  Stopwatch sw;
  std::vector<Task<void>> tasks;
  tasks.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    tasks.push_back(create_task(timer_child(delays[i] / 1000.0, late)));
  co_await gather(std::move(tasks));
  double dt = sw.wall_seconds();
  double cpu = sw.cpu_seconds();
  co_return fmt("n=%.0f seconds=%.6g mean_late_ms=%.4g max_late_ms=%.4g cpu_seconds=%.6g",
                double(n), dt, late.sum / double(n) * 1e3, late.max * 1e3, cpu);
}

// ---- memory ------------------------------------------------------------------------------
// 100k tasks suspended in sleep(1); bytes per task from the RSS delta. The RSS is read after one
// sleep(0) of the main task, when every child has started and is parked on its timer; then the
// children are cancelled so the run does not wait the second out.
Coro<void> memory_child() { co_await sleep(1.0); }

Coro<std::string> memory(std::size_t n) {
  long before = rss_bytes();
  std::size_t heap_before = mallinfo2().uordblks;
  std::vector<Task<void>> tasks;
  tasks.reserve(n);
  for (std::size_t i = 0; i < n; ++i) tasks.push_back(create_task(memory_child()));
  co_await sleep(0);
  long after = rss_bytes();
  std::size_t heap_after = mallinfo2().uordblks;
  for (auto& t : tasks) t.cancel();
  co_await gather(std::move(tasks), ReturnExceptions::yes);
  // heap_bytes_per_task: what malloc handed out per task (glibc's mallinfo2), to tell the
  // engine's own allocations from allocator and page overhead.
  co_return fmt("n=%.0f rss_delta=%.0f bytes_per_task=%.4g heap_bytes_per_task=%.4g", double(n),
                double(after - before), double(after - before) / double(n),
                double(heap_after - heap_before) / double(n));
}

// ---- main --------------------------------------------------------------------------------
Coro<std::string> run_workload(std::string_view name) {
  if (name == "spawn") co_return co_await spawn(100'000);
  if (name == "switch") co_return co_await switch_workload(1'000, 1'000);
  if (name == "timers") co_return co_await timers(100'000);
  co_return co_await memory(100'000);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s {spawn|switch|timers|memory} [--trace] [--repeat N]\n",
                 argv[0]);
    return 2;
  }
  std::string_view workload = argv[1];
  if (workload != "spawn" && workload != "switch" && workload != "timers" &&
      workload != "memory") {
    std::fprintf(stderr, "unknown workload '%s'\n", argv[1]);
    return 2;
  }
  bool traced = false;
  std::size_t reserve = 0;
  int repeat = 1;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--trace") == 0) traced = true;
    else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--reserve") == 0 && i + 1 < argc)
      reserve = std::strtoull(argv[++i], nullptr, 10);
  }
  // The memory workload measures a fresh process: later runs would reuse freed pages.
  if (workload == "memory") repeat = 1;

  TraceRecorder recorder;
  for (int r = 0; r < std::max(repeat, 1); ++r) {
    recorder.clear();
    recorder.reserve(reserve);
    std::string fields;
    {
      EventLoop loop(ClockKind::real_time);
      if (traced) loop.set_trace(&recorder);
      fields = loop.run_until_complete(run_workload(workload));
      loop.close();
    }
    std::printf("peer=%s workload=%.*s %s", traced ? "loopscope+trace" : "loopscope",
                int(workload.size()), workload.data(), fields.c_str());
    if (traced) std::printf(" events=%zu", recorder.size());
    std::printf("\n");
    std::fflush(stdout);
  }
  return 0;
}
