// socket.cpp — non-blocking TCP sockets on the loop's selector.
//
// Sections: errors · lifetime and setup · RecvSome / SendSome · coroutine operations
#include <loopscope/net/socket.hpp>

#include <loopscope/net/errors.hpp>

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace loopscope::net {

// ---- errors ---------------------------------------------------------------------------------
void throw_system_error(int err, std::string_view op, std::string_view peer) {
  std::string who = peer.empty() ? std::string() : std::string(peer);
  switch (err) {
    case ECONNREFUSED:
      throw ConnectionRefusedError("connection refused to " + who, err);
    case ECONNRESET:
    case EPIPE:
      throw ConnectionResetError("connection reset by " + (who.empty() ? "peer" : who), err);
    case ECONNABORTED:
      throw ConnectionResetError("connection aborted" + (who.empty() ? "" : " with " + who), err);
    case ETIMEDOUT:
      throw NetError("connection to " + who + " timed out (" + std::string(op) + ")", err);
    case EHOSTUNREACH:
    case ENETUNREACH:
      throw NetError("no route to " + who, err);
    case EADDRINUSE:
      throw NetError("address already in use: " + who, err);
    case EADDRNOTAVAIL:
      throw NetError("address not available: " + who, err);
    default:
      throw NetError(std::string(op) + (who.empty() ? "" : " (" + who + ")") + " failed: " +
                         std::strerror(err),
                     err);
  }
}

// ---- lifetime and setup ---------------------------------------------------------------------
Socket::Socket(Socket&& o) noexcept
    : m_fd(std::exchange(o.m_fd, -1)), m_loop(std::exchange(o.m_loop, nullptr)),
      m_peer(std::move(o.m_peer)) {}

Socket& Socket::operator=(Socket&& o) noexcept {
  if (this != &o) {
    close();
    m_fd = std::exchange(o.m_fd, -1);
    m_loop = std::exchange(o.m_loop, nullptr);
    m_peer = std::move(o.m_peer);
  }
  return *this;
}

Socket Socket::tcp(AddressFamily family) {
  int domain = family == AddressFamily::ipv6 ? AF_INET6 : AF_INET;
  int fd = ::socket(domain, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw_system_error(errno, "socket()", "");
  return Socket(fd);
}

void Socket::close() noexcept {
  if (m_fd < 0) return;
  // Only the loop that is still current can be told (a socket may outlive its loop; the kernel
  // drops a closed fd from any epoll set by itself).
  if (m_loop != nullptr && m_loop == EventLoop::current() && !m_loop->is_closed())
    m_loop->forget_fd(m_fd);
  ::close(m_fd);
  m_fd = -1;
  m_loop = nullptr;
}

void Socket::shutdown_write() noexcept {
  if (m_fd >= 0) ::shutdown(m_fd, SHUT_WR);
}

void Socket::set_reuse_address() {
  int one = 1;
  ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
}

void Socket::set_no_delay(bool on) {
  int v = on ? 1 : 0;
  ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &v, sizeof v);
}

void Socket::set_v6_only(bool on) {
  int v = on ? 1 : 0;
  ::setsockopt(m_fd, IPPROTO_IPV6, IPV6_V6ONLY, &v, sizeof v);
}

void Socket::bind(const SocketAddress& address) {
  if (::bind(m_fd, address.data(), address.size()) != 0)
    throw_system_error(errno, "bind()", address.to_string());
}

void Socket::listen(int backlog) {
  if (::listen(m_fd, backlog) != 0) throw_system_error(errno, "listen()", "");
}

SocketAddress Socket::local_address() const {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&ss), &len);
  return SocketAddress::from_sockaddr(reinterpret_cast<sockaddr*>(&ss), len);
}

Socket Socket::try_accept() {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  for (;;) {
    int fd = ::accept4(m_fd, reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      Socket s(fd);
      s.m_peer = SocketAddress::from_sockaddr(reinterpret_cast<sockaddr*>(&ss), len).to_string();
      return s;
    }
    if (errno == EINTR) continue;
    // A connection that died in the backlog, or a transient shortage: not the listener's fault.
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED || errno == EPROTO ||
        errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
      return Socket();
    throw_system_error(errno, "accept()", "");
  }
}

// ---- RecvSome / SendSome --------------------------------------------------------------------
namespace detail {

RecvSome::RecvSome(Socket& s, char* buf, std::size_t size)
    : m_sock(s), m_buf(buf), m_size(size),
      m_wait(*EventLoop::current(), s.fd(), IoDirection::read) {}

bool RecvSome::await_ready() {
  for (;;) {
    m_result = ::recv(m_sock.fd(), m_buf, m_size, 0);
    if (m_result >= 0) return true;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      m_sock.note_loop(m_wait.m_loop);
      return false;
    }
    throw_system_error(errno, "recv()", m_sock.peer_name());
  }
}

ssize_t RecvSome::await_resume() {
  if (m_result >= 0) return m_result;  // completed without suspending
  m_wait.await_resume();               // CancelledError when cancelled
  for (;;) {
    ssize_t n = ::recv(m_sock.fd(), m_buf, m_size, 0);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return -1;
    throw_system_error(errno, "recv()", m_sock.peer_name());
  }
}

SendSome::SendSome(Socket& s, std::string_view data)
    : m_sock(s), m_data(data), m_wait(*EventLoop::current(), s.fd(), IoDirection::write) {}

bool SendSome::await_ready() {
  for (;;) {
    m_result = ::send(m_sock.fd(), m_data.data(), m_data.size(), MSG_NOSIGNAL);
    if (m_result >= 0) return true;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      m_sock.note_loop(m_wait.m_loop);
      return false;
    }
    throw_system_error(errno, "send()", m_sock.peer_name());
  }
}

std::size_t SendSome::await_resume() {
  if (m_result >= 0) return static_cast<std::size_t>(m_result);
  m_wait.await_resume();
  for (;;) {
    ssize_t n = ::send(m_sock.fd(), m_data.data(), m_data.size(), MSG_NOSIGNAL);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
    throw_system_error(errno, "send()", m_sock.peer_name());
  }
}

}  // namespace detail

// ---- coroutine operations -------------------------------------------------------------------
Coro<void> Socket::connect(SocketAddress address) {
  m_peer = address.to_string();
  int rc;
  do rc = ::connect(m_fd, address.data(), address.size());
  while (rc != 0 && errno == EINTR);
  if (rc == 0) co_return;
  if (errno != EINPROGRESS) throw_system_error(errno, "connect()", m_peer);
  EventLoop* loop = EventLoop::current();
  m_loop = loop;
  co_await loop->wait_io(m_fd, IoDirection::connect);
  int err = 0;
  socklen_t len = sizeof err;
  ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
  if (err != 0) throw_system_error(err, "connect()", m_peer);
}

Coro<Socket> Socket::accept() {
  for (;;) {
    Socket s = try_accept();
    if (s.is_open()) co_return s;
    EventLoop* loop = EventLoop::current();
    m_loop = loop;
    co_await loop->wait_io(m_fd, IoDirection::accept);
  }
}

Coro<std::size_t> Socket::recv(std::span<char> buf) {
  for (;;) {
    ssize_t n = co_await recv_some(buf.data(), buf.size());
    if (n >= 0) co_return static_cast<std::size_t>(n);
  }
}

Coro<void> Socket::send_all(std::string_view data) {
  while (!data.empty()) {
    std::size_t n = co_await send_some(data);
    data.remove_prefix(n);
  }
}

}  // namespace loopscope::net
