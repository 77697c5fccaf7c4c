// stream.cpp — StreamReader / StreamWriter over a shared connection, and open_connection.
//
// Sections: StreamReader · StreamWriter · open_connection
#include <loopscope/net/stream.hpp>

#include <loopscope/errors.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/resolve.hpp>

#include <algorithm>
#include <cerrno>
#include <sys/socket.h>

namespace loopscope::net {

namespace {
constexpr std::size_t read_chunk = 16 * 1024;

// Sends the pending bytes of `st` (used by drain and by the background flush).
Coro<void> flush(std::shared_ptr<detail::StreamState> st) {
  while (st->out_sent < st->out.size()) {
    std::string_view rest = std::string_view(st->out).substr(st->out_sent);
    std::size_t n = co_await st->socket.send_some(rest);
    st->out_sent += n;
  }
  st->out.clear();
  st->out_sent = 0;
}

Coro<void> flush_then_close(std::shared_ptr<detail::StreamState> st_param) {
  // A local, not the parameter, holds the state: the state holds this task's handle.
  std::shared_ptr<detail::StreamState> st = std::move(st_param);
  try {
    co_await flush(st);
  } catch (const NetError&) {
    // The peer is gone: nothing more can be delivered; close anyway.
  }
  st->socket.close();
}
}  // namespace

Connection make_connection(Socket socket) {
  auto st = std::make_shared<detail::StreamState>();
  st->socket = std::move(socket);
  return Connection{StreamReader(st), StreamWriter(st)};
}

// ---- StreamReader ---------------------------------------------------------------------------
std::string_view StreamReader::buffered() const noexcept { return m_state->in.readable(); }
void StreamReader::consume(std::size_t n) noexcept { m_state->in.consume(n); }
bool StreamReader::at_eof() const noexcept { return m_state->eof && m_state->in.empty(); }
int StreamReader::fd() const noexcept { return m_state->socket.fd(); }

// The operations are free coroutines holding the shared state, so that a reader copied into
// a task (or dropped before the task starts) cannot leave them with a dangling `this`.
static Coro<std::size_t> fill_impl(std::shared_ptr<detail::StreamState> state) {
  detail::StreamState& st = *state;
  if (st.eof) co_return 0;
  for (;;) {
    char* p = st.in.prepare(read_chunk);
    if (st.wait_first) {
      EventLoop* loop = EventLoop::current();
      st.socket.note_loop(loop);
      co_await loop->wait_readable(st.socket.fd());
    }
    std::size_t room = st.in.writable();
    ssize_t n = co_await st.socket.recv_some(p, room);
    // A read that did not fill the room has most likely drained the socket.
    st.wait_first = n < 0 || static_cast<std::size_t>(n) < room;
    if (n > 0) {
      st.in.commit(static_cast<std::size_t>(n));
      co_return static_cast<std::size_t>(n);
    }
    if (n == 0) {
      st.eof = true;
      co_return 0;
    }
  }
}

static Coro<std::string> read_impl(std::shared_ptr<detail::StreamState> st, std::size_t max) {
  if (st->in.empty()) co_await fill_impl(st);
  std::string_view b = st->in.readable();
  std::string out(b.substr(0, std::min(max, b.size())));
  st->in.consume(out.size());
  co_return out;
}

static Coro<std::string> read_exactly_impl(std::shared_ptr<detail::StreamState> st,
                                           std::size_t n) {
  while (st->in.size() < n) {
    if (co_await fill_impl(st) == 0) {
      std::string partial(st->in.readable());
      st->in.clear();
      std::string message = "connection closed by " + st->socket.peer_name() + " after " +
                            std::to_string(partial.size()) + " of " + std::to_string(n) +
                            " expected bytes";
      throw IncompleteReadError(message, std::move(partial), n);
    }
  }
  std::string out(st->in.readable().substr(0, n));
  st->in.consume(n);
  co_return out;
}

static Coro<std::string> read_line_impl(std::shared_ptr<detail::StreamState> st,
                                        std::size_t limit) {
  std::size_t searched = 0;
  for (;;) {
    std::string_view b = st->in.readable();
    auto nl = b.find('\n', searched);
    if (nl != std::string_view::npos && nl < limit) {
      std::string out(b.substr(0, nl + 1));
      st->in.consume(nl + 1);
      co_return out;
    }
    if (b.size() >= limit)
      throw LimitOverrunError("no end of line within " + std::to_string(limit) + " bytes from " +
                              st->socket.peer_name());
    searched = b.size();
    if (co_await fill_impl(st) == 0) {
      std::string out(st->in.readable());
      st->in.clear();
      co_return out;
    }
  }
}

static Coro<std::string> read_to_end_impl(std::shared_ptr<detail::StreamState> st,
                                          std::size_t limit) {
  while (co_await fill_impl(st) != 0) {
    if (st->in.size() > limit)
      throw LimitOverrunError("more than " + std::to_string(limit) + " bytes from " +
                              st->socket.peer_name());
  }
  std::string out(st->in.readable());
  st->in.clear();
  co_return out;
}

Coro<std::size_t> StreamReader::fill() { return fill_impl(m_state); }
Coro<std::string> StreamReader::read(std::size_t max) { return read_impl(m_state, max); }
Coro<std::string> StreamReader::read_exactly(std::size_t n) {
  return read_exactly_impl(m_state, n);
}
Coro<std::string> StreamReader::read_line(std::size_t limit) {
  return read_line_impl(m_state, limit);
}
Coro<std::string> StreamReader::read_to_end(std::size_t limit) {
  return read_to_end_impl(m_state, limit);
}

// ---- StreamWriter ---------------------------------------------------------------------------
void StreamWriter::write(std::string_view data) {
  detail::StreamState& st = *m_state;
  if (st.closing || st.send_error || !st.socket.is_open() || data.empty()) return;
  if (st.out_sent == st.out.size()) {
    st.out.clear();
    st.out_sent = 0;
    for (;;) {
      ssize_t n = ::send(st.socket.fd(), data.data(), data.size(), MSG_NOSIGNAL);
      if (n >= 0) {
        data.remove_prefix(static_cast<std::size_t>(n));
        break;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      try {
        throw_system_error(errno, "send()", st.socket.peer_name());
      } catch (...) {
        st.send_error = std::current_exception();
      }
      return;
    }
  }
  st.out.append(data);
}

static Coro<void> drain_impl(std::shared_ptr<detail::StreamState> st) {
  if (st->send_error) std::rethrow_exception(st->send_error);
  if (st->out_sent < st->out.size()) co_await flush(st);
}

static Coro<void> write_eof_impl(std::shared_ptr<detail::StreamState> st) {
  co_await drain_impl(st);
  st->socket.shutdown_write();
}

Coro<void> StreamWriter::drain() { return drain_impl(m_state); }
Coro<void> StreamWriter::write_eof() { return write_eof_impl(m_state); }

void StreamWriter::close() {
  detail::StreamState& st = *m_state;
  if (st.closing) return;
  st.closing = true;
  if (st.out_sent < st.out.size() && !st.send_error && st.socket.is_open() &&
      EventLoop::current() != nullptr && !EventLoop::current()->is_closed()) {
    st.flusher = create_task(flush_then_close(m_state), "flush");
    return;
  }
  st.socket.close();
}

bool StreamWriter::is_closing() const noexcept { return m_state->closing; }

static Coro<void> wait_closed_impl(std::shared_ptr<detail::StreamState> st) {
  // The background flush closes the socket when it is done.
  if (st->flusher && !st->flusher.done()) {
    AnyTask t = st->flusher;
    co_await t;
  }
}

Coro<void> StreamWriter::wait_closed() { return wait_closed_impl(m_state); }

std::size_t StreamWriter::buffered_size() const noexcept {
  return m_state->out.size() - m_state->out_sent;
}
const std::string& StreamWriter::peer_name() const noexcept { return m_state->socket.peer_name(); }
SocketAddress StreamWriter::local_address() const { return m_state->socket.local_address(); }
int StreamWriter::fd() const noexcept { return m_state->socket.fd(); }

// ---- open_connection ------------------------------------------------------------------------
Coro<Connection> open_connection(std::string host, std::uint16_t port) {
  std::vector<SocketAddress> addresses = co_await resolve(host, port);
  std::exception_ptr last;
  for (const SocketAddress& a : addresses) {
    Socket s = Socket::tcp(a.family());
    try {
      co_await s.connect(a);
    } catch (const NetError&) {
      last = std::current_exception();
      continue;
    }
    s.set_no_delay(true);
    co_return make_connection(std::move(s));
  }
  std::rethrow_exception(last);
}

}  // namespace loopscope::net
