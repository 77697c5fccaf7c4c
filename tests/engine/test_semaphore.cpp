// Tests for semaphore.hpp.
#include "primitive_programs.hpp"
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

using namespace loopscope::testing::primitives;

TEST(Semaphore, LimitsConcurrency) {
  g_inside = g_max_inside = 0;
  EventLoop loop;
  Semaphore s(2);
  for (int i = 0; i < 6; ++i) loop.create_task(sem_user(s));
  while (loop.run_once()) {}
  EXPECT_EQ(g_max_inside, 2);
  EXPECT_DOUBLE_EQ(loop.time(), 3.0);
  EXPECT_EQ(s.value(), 2);
}

TEST(BoundedSemaphore, ReleasingAboveTheInitialValueIsAValueError) {
  EventLoop loop;
  BoundedSemaphore sem(1);
  EXPECT_THROW(sem.release(), ValueError);
  auto main = [](BoundedSemaphore& s) -> Coro<int> {
    co_await s.acquire();
    s.release();
    co_return s.value();
  };
  EXPECT_EQ(loop.run_until_complete(main(sem)), 1);
  EXPECT_NE(sem.label().find("BoundedSemaphore#"), std::string::npos);
}
