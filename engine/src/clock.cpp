// clock.cpp — RealClock::sleep_until.
#include <loopscope/clock.hpp>

#include <thread>

namespace loopscope {

void RealClock::sleep_until(double t) {
  double d = t - now();
  if (d > 0) std::this_thread::sleep_for(std::chrono::duration<double>(d));
}

}  // namespace loopscope
