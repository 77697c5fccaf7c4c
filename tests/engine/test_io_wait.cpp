// Tests for EventLoop::wait_readable / wait_writable (epoll).
#include "replay_check.hpp"

#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

using namespace loopscope;

namespace {
struct Pipe {
  int r = -1, w = -1;
  Pipe() {
    int fds[2];
    EXPECT_EQ(::pipe2(fds, O_NONBLOCK | O_CLOEXEC), 0);
    r = fds[0];
    w = fds[1];
  }
  ~Pipe() {
    ::close(r);
    ::close(w);
  }
};
Coro<std::string> reader(EventLoop& loop, int fd) {
  co_await loop.wait_readable(fd);
  char buf[16];
  auto n = ::read(fd, buf, sizeof buf);
  co_return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}
}  // namespace

TEST(IoWait, ATaskSuspendedOnAnFdResumesWhenItBecomesReadable) {
  EventLoop loop;
  TraceRecorder rec;
  loop.set_trace(&rec);
  Pipe p;
  auto t = loop.create_task(reader(loop, p.r));
  loop.run_once();
  auto s = loop.snapshot();
  ASSERT_EQ(s.tasks.size(), 1u);
  EXPECT_EQ(s.tasks[0].awaiting.kind, AwaitKind::io);
  EXPECT_EQ(s.tasks[0].awaiting.target, static_cast<std::uint64_t>(p.r));
  EXPECT_EQ(s.tasks[0].awaiting.label, "read fd " + std::to_string(p.r));
  loop.call_soon([&] { ASSERT_EQ(::write(p.w, "hi", 2), 2); });
  check::run_checked(loop, rec);
  EXPECT_EQ(t.result(), "hi");
  bool began = false, ended = false;
  for (const auto& e : rec.events()) {
    began |= e.kind == TraceKind::io_wait_begin;
    ended |= e.kind == TraceKind::io_wait_end;
  }
  EXPECT_TRUE(began && ended);
}

TEST(IoWait, CancellationRemovesTheRegistration) {
  EventLoop loop;
  Pipe p;
  auto t = loop.create_task(reader(loop, p.r));
  loop.run_once();
  EXPECT_TRUE(loop.has_pending_work());
  t.cancel();
  while (loop.run_once()) {}
  EXPECT_TRUE(t.cancelled());
  EXPECT_FALSE(loop.has_pending_work());
  // The fd can be waited on again by another task.
  auto t2 = loop.create_task(reader(loop, p.r));
  loop.run_once();
  ASSERT_EQ(::write(p.w, "x", 1), 1);
  while (loop.run_once()) {}
  EXPECT_EQ(t2.result(), "x");
}

TEST(IoWait, WritableFdResumesAtOnce) {
  EventLoop loop;
  Pipe p;
  auto t = loop.create_task([](EventLoop& loop, int fd) -> Coro<int> {
    co_await loop.wait_writable(fd);
    co_return 1;
  }(loop, p.w));
  EXPECT_EQ(loop.run_until_complete(t), 1);
}
