#pragma once
// stopwatch.hpp — the wall and CPU time of a measured interval, as the C++ peers in bench/
// report them (`seconds=` and `cpu_seconds=`).
#include <time.h>

#include <chrono>

namespace loopscope::bench {

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU seconds used by this process (all threads).
inline double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Starts when built (wall clock first, then CPU time); reads both since then.
class Stopwatch {
public:
  double wall_seconds() const { return seconds_since(m_t0); }
  double cpu_seconds() const { return cpu_now() - m_c0; }

private:
  std::chrono::steady_clock::time_point m_t0 = std::chrono::steady_clock::now();
  double m_c0 = cpu_now();
};

}  // namespace loopscope::bench
