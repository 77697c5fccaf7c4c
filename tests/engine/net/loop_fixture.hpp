#pragma once
// loop_fixture.hpp — test helper: a fresh event loop per test, made current, closed at the end.
#include <loopscope/event_loop.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace loopscope::net::testing {

class LoopTest : public ::testing::Test {
protected:
  void SetUp() override { make_loop(ClockKind::virtual_time); }
  void TearDown() override {
    if (m_loop && !m_loop->is_closed()) m_loop->close();
    m_loop.reset();
  }
  void make_loop(ClockKind kind) {
    if (m_loop && !m_loop->is_closed()) m_loop->close();
    m_loop.reset();
    m_loop = std::make_unique<EventLoop>(kind);
    m_loop->make_current();
  }
  EventLoop& loop() { return *m_loop; }
  template <class T> T run(Coro<T> c) { return m_loop->run_until_complete(std::move(c)); }

  std::unique_ptr<EventLoop> m_loop;
};

// Counts the open fds of this process (to prove nothing leaks).
inline int open_fd_count() {
  int n = 0;
  for (int fd = 0; fd < 4096; ++fd)
    if (::fcntl(fd, F_GETFD) != -1) ++n;
  return n;
}

// A loopback port nobody listens on (bound once, then closed).
inline std::uint16_t unused_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

inline bool ipv6_loopback_available() {
  int fd = ::socket(AF_INET6, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in6 a{};
  a.sin6_family = AF_INET6;
  a.sin6_addr = in6addr_loopback;
  bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

}  // namespace loopscope::net::testing
