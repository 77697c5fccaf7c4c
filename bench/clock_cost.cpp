// clock_cost.cpp — what reading a clock costs on this machine (context for the traced figures).
//
// Usage: clock_cost
// Prints one line, e.g.
//   host clock: ticks_ns=24.1 ticks_overlapped_ns=13.9 steady_clock_ns=41.0
// - ticks_ns: detail::read_ticks() (the time-stamp counter the trace stamps real-clock events
//   with), back to back: the cost of one read when nothing else runs beside it;
// - ticks_overlapped_ns: the time one read adds to a short chain of independent arithmetic
//   (~20 ns), i.e. what it costs when the CPU can overlap it with other work, as inside a task
//   step;
// - steady_clock_ns: std::chrono::steady_clock::now(), the loop's real clock.
// Each figure is the best of 5 rounds of 2 million reads. The traced switch takes one counter
// read per task step, so this line bounds what tracing a switch can cost at the least.
#include <loopscope/detail/trace_codec.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace {

using steady = std::chrono::steady_clock;
constexpr int reads = 2'000'000;
constexpr int rounds = 5;
volatile std::uint64_t g_sink;  // keeps the reads and the arithmetic from being optimised away

double ns_per(steady::time_point a, steady::time_point b) {
  return std::chrono::duration<double, std::nano>(b - a).count() / reads;
}

// A chain of dependent multiply-adds the CPU cannot shorten.
[[gnu::always_inline]] inline std::uint64_t work(std::uint64_t x) {
  for (int j = 0; j < 20; ++j) x = x * 3 + 1;
  return x;
}

}  // namespace

int main() {
  double ticks = 1e9, with_ticks = 1e9, without = 1e9, steady_ns = 1e9;
  std::uint64_t sink = 0, x = 1;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = steady::now();
    for (int i = 0; i < reads; ++i) sink += loopscope::detail::read_ticks();
    auto t1 = steady::now();
    for (int i = 0; i < reads; ++i) {
      sink += loopscope::detail::read_ticks();
      x = work(x);
    }
    auto t2 = steady::now();
    for (int i = 0; i < reads; ++i) {
      x = work(x);
      asm volatile("" : "+r"(x));
    }
    auto t3 = steady::now();
    for (int i = 0; i < reads; ++i) sink += static_cast<std::uint64_t>(steady::now().time_since_epoch().count());
    auto t4 = steady::now();
    ticks = std::min(ticks, ns_per(t0, t1));
    with_ticks = std::min(with_ticks, ns_per(t1, t2));
    without = std::min(without, ns_per(t2, t3));
    steady_ns = std::min(steady_ns, ns_per(t3, t4));
  }
  g_sink = sink ^ x;
  std::printf("host clock: ticks_ns=%.3g ticks_overlapped_ns=%.3g steady_clock_ns=%.3g\n", ticks,
              std::max(0.0, with_ticks - without), steady_ns);
  return 0;
}
