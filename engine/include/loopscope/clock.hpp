#pragma once
// clock.hpp — where the loop's time comes from.
//
// A clock is injected into the EventLoop. The virtual clock only moves when the loop moves it
// (to the next timer deadline when nothing else is runnable, or across a blocking section), so
// runs on it are deterministic and take no real time. The real clock is monotonic seconds since
// the clock was created. Invariant for both: now() never decreases.
#include <chrono>

namespace loopscope {

enum class ClockKind { virtual_time, real_time };

class Clock {
public:
  virtual ~Clock() = default;
  virtual double now() const noexcept = 0;
  // Waits until now() >= t (the virtual clock jumps there, the real one sleeps).
  virtual void sleep_until(double t) = 0;
  virtual ClockKind kind() const noexcept = 0;
};

// Starts at 0. advance_to() never moves backwards.
class VirtualClock final : public Clock {
public:
  double now() const noexcept override { return m_now; }
  void sleep_until(double t) override { advance_to(t); }
  ClockKind kind() const noexcept override { return ClockKind::virtual_time; }
  void advance_to(double t) noexcept { if (t > m_now) m_now = t; }
  void advance(double d) noexcept { if (d > 0) m_now += d; }

private:
  double m_now = 0;
};

// Monotonic (steady_clock) seconds since construction.
class RealClock final : public Clock {
public:
  RealClock() : m_origin(std::chrono::steady_clock::now()) {}
  double now() const noexcept override {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_origin).count();
  }
  void sleep_until(double t) override;
  ClockKind kind() const noexcept override { return ClockKind::real_time; }

private:
  std::chrono::steady_clock::time_point m_origin;
};

}  // namespace loopscope
