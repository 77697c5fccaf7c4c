#pragma once
// net/socket.hpp — a non-blocking TCP socket (IPv4 or IPv6) on the loop's epoll selector.
//
// Socket owns one fd, always non-blocking and close-on-exec. Its operations try the system call
// first and suspend the calling task only when the kernel says "would block", on
// EventLoop::wait_io(fd, direction) — so every wait is traced (io_wait_begin/end with the fd and
// read / write / connect / accept) and introspection shows the task as "waiting to read fd 7".
// Invariants:
//   - at most one task waits on a socket per direction (the selector's rule);
//   - a task cancelled while waiting leaves no registration behind (the loop removes it);
//   - closing (or destroying) a socket first removes the fd from the loop it was used on,
//     then closes it, so a recycled fd number never inherits a stale registration;
//   - errors are typed (errors.hpp) and name the peer: "connection refused to 127.0.0.1:8080".
//
// Sections: Socket (lifetime · setup · loop operations) · detail awaiters
#include <loopscope/coro.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/net/address.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace loopscope::net {

class Socket;

namespace detail {
// `co_await RecvSome{sock, buf, n}`: one recv(); suspends on readability only when it would
// block. Returns bytes read (> 0), 0 at end of stream, or -1 "nothing yet" (a spurious wake-up:
// call again). Throws the typed error of a failed recv. Allocation-free, for hot loops.
struct RecvSome {
  Socket& m_sock;
  char* m_buf;
  std::size_t m_size;
  ssize_t m_result = -1;
  loopscope::detail::IoWait m_wait;
  RecvSome(Socket& s, char* buf, std::size_t size);
  bool await_ready();
  void await_suspend(std::coroutine_handle<> h) { m_wait.await_suspend(h); }
  ssize_t await_resume();
};
// `co_await SendSome{sock, data}`: one send(); suspends on writability only when it would block.
// Returns bytes sent (possibly 0 after a spurious wake-up: call again).
struct SendSome {
  Socket& m_sock;
  std::string_view m_data;
  ssize_t m_result = -1;
  loopscope::detail::IoWait m_wait;
  SendSome(Socket& s, std::string_view data);
  bool await_ready();
  void await_suspend(std::coroutine_handle<> h) { m_wait.await_suspend(h); }
  std::size_t await_resume();
};
}  // namespace detail

class Socket {
public:
  // ---- lifetime
  Socket() noexcept = default;
  explicit Socket(int fd) noexcept : m_fd(fd) {}
  Socket(Socket&& o) noexcept;
  Socket& operator=(Socket&& o) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() { close(); }

  // A new non-blocking TCP socket of that family; throws NetError.
  static Socket tcp(AddressFamily family);

  int fd() const noexcept { return m_fd; }
  bool is_open() const noexcept { return m_fd >= 0; }
  // Removes the fd from the loop's selector, then closes it. Idempotent.
  void close() noexcept;
  // Half-close: no more writes (the peer reads end of stream).
  void shutdown_write() noexcept;

  // ---- setup (synchronous)
  void set_reuse_address();
  void set_no_delay(bool on = true);
  void set_v6_only(bool on);
  void bind(const SocketAddress& address);
  void listen(int backlog = 512);
  SocketAddress local_address() const;
  // The peer, as given to connect() or returned by accept() ("" before either).
  const std::string& peer_name() const noexcept { return m_peer; }
  void set_peer_name(std::string name) { m_peer = std::move(name); }

  // ---- loop operations (call from a task on the running loop)
  // Connects; waits for the handshake (AwaitKind::io, direction connect). Throws
  // ConnectionRefusedError / NetError naming `address`.
  Coro<void> connect(SocketAddress address);
  // Waits for and accepts one connection (direction accept). The new socket is non-blocking.
  Coro<Socket> accept();
  // Non-suspending accept: an open socket, or a closed one when none is waiting.
  Socket try_accept();
  // Reads at most buf.size() bytes, waiting for some; 0 means end of stream.
  Coro<std::size_t> recv(std::span<char> buf);
  // Sends all of `data`, waiting for writability as needed.
  Coro<void> send_all(std::string_view data);

  detail::RecvSome recv_some(char* buf, std::size_t size) { return {*this, buf, size}; }
  detail::SendSome send_some(std::string_view data) { return {*this, data}; }

  // The loop the fd was registered with (set by the first wait), or nullptr.
  EventLoop* loop() const noexcept { return m_loop; }
  void note_loop(EventLoop* loop) noexcept { m_loop = loop; }

private:
  int m_fd = -1;
  EventLoop* m_loop = nullptr;
  std::string m_peer;
};

// Throws the typed error for errno value `err` from operation `op` on a connection to `peer`.
[[noreturn]] void throw_system_error(int err, std::string_view op, std::string_view peer);

}  // namespace loopscope::net
