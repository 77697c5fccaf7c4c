// Tests for clock.hpp.
#include <loopscope/clock.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

TEST(Clock, VirtualClockOnlyMovesForward) {
  VirtualClock c;
  EXPECT_EQ(c.now(), 0.0);
  c.advance_to(2.5);
  c.advance_to(1.0);
  EXPECT_EQ(c.now(), 2.5);
  c.advance(0.5);
  c.sleep_until(1.0);
  EXPECT_EQ(c.now(), 3.0);
}

TEST(Clock, RealClockIsMonotonic) {
  RealClock c;
  double a = c.now();
  double b = c.now();
  EXPECT_GE(b, a);
  EXPECT_GE(a, 0.0);
}
