// Tests for detail/selector.hpp: epoll registrations without any task.
#include <loopscope/detail/selector.hpp>
#include <loopscope/errors.hpp>

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <vector>

using loopscope::detail::Selector;

namespace {
struct SocketPair {
  int fd[2]{-1, -1};
  SocketPair() { EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fd), 0); }
  ~SocketPair() {
    ::close(fd[0]);
    ::close(fd[1]);
  }
};
}  // namespace

TEST(Selector, ReportsAReadableFdsWaiterOnceAndUnregistersIt) {
  Selector sel;
  SocketPair p;
  int key = 0;
  sel.add(p.fd[0], Selector::Side::read, &key);
  std::vector<void*> ready;
  sel.select(0, ready);
  EXPECT_TRUE(ready.empty());
  ASSERT_EQ(::write(p.fd[1], "x", 1), 1);
  sel.select(0, ready);
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0], &key);
  EXPECT_EQ(sel.waiters(), 0u);
}

TEST(Selector, OneWaiterPerFdAndDirection) {
  Selector sel;
  SocketPair p;
  int a = 0, b = 0;
  sel.add(p.fd[0], Selector::Side::read, &a);
  EXPECT_THROW(sel.add(p.fd[0], Selector::Side::read, &b), loopscope::RuntimeError);
  sel.add(p.fd[0], Selector::Side::write, &b);
  EXPECT_EQ(sel.waiters(), 2u);
  EXPECT_TRUE(sel.remove(p.fd[0], &a));
  EXPECT_FALSE(sel.remove(p.fd[0], &a));
  EXPECT_EQ(sel.forget(p.fd[0]), std::vector<void*>{&b});
  EXPECT_EQ(sel.waiters(), 0u);
}

TEST(Selector, WakeEndsABlockingSelectWithNoWaiterReported) {
  Selector sel;
  sel.wake();
  std::vector<void*> ready;
  sel.select(-1, ready);  // returns at once: the wake-up fd is readable
  EXPECT_TRUE(ready.empty());
}
