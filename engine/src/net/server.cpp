// server.cpp — start_server: listening sockets, one accept task per socket, one task per
// connection.
//
// The accept task owns its listening socket, so cancelling it (Server::close) closes the socket
// as the task unwinds and leaves no registration on the selector. Connection tasks are tracked
// by id in the shared ServerState so close_clients() can cancel them and wait_closed() can wait.
#include <loopscope/net/stream.hpp>

#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/resolve.hpp>

#include <map>

namespace loopscope::net {

namespace detail {
struct ServerState {
  ConnectionHandler handler;
  std::vector<SocketAddress> addresses;
  std::vector<AnyTask> acceptors;
  // Shared with the accept tasks, so that close() can close the ports at once, even before an
  // accept task has started (a task cancelled before its first step never runs its body).
  std::vector<std::shared_ptr<Socket>> listeners;
  std::map<std::uint64_t, AnyTask> connections;  // ordered: cancelled in accept order
  std::uint64_t accepted = 0;
  bool serving = true;
  // The last Server handle is gone: stop accepting (the acceptors only hold weak references).
  ~ServerState() { stop_accepting(); }
  void stop_accepting() {
    serving = false;
    for (AnyTask& t : acceptors) t.cancel();   // first: their waits are unregistered...
    for (auto& s : listeners) s->close();      // ...then the ports close
  }
};
}  // namespace detail

namespace {

Coro<void> serve_connection(std::shared_ptr<detail::ServerState> st_param, std::uint64_t id,
                            Socket socket) {
  std::shared_ptr<detail::ServerState> st = std::move(st_param);  // released when the body ends
  Connection c = make_connection(std::move(socket));
  std::exception_ptr failure;
  try {
    co_await st->handler(c.reader, c.writer);
  } catch (const CancelledError&) {
    // close_clients() or loop shutdown: not an error.
  } catch (...) {
    failure = std::current_exception();
  }
  c.writer.close();
  st->connections.erase(id);
  if (failure) {
    EventLoop* loop = EventLoop::current();
    ExceptionContext ctx;
    ctx.message = "Unhandled exception in connection handler for " + c.writer.peer_name();
    ctx.task = loop->current_task_id();
    ctx.exception = failure;
    loop->call_exception_handler(ctx);
  }
}

// Holds the state weakly: a server whose last handle is dropped stops accepting.
Coro<void> accept_loop(std::weak_ptr<detail::ServerState> weak, std::shared_ptr<Socket> listener) {
  EventLoop* loop = EventLoop::current();
  for (;;) {
    if (!listener->is_open()) co_return;  // closed by Server::close()
    // Take every connection already waiting, then wait on the listening socket again.
    Socket s = listener->try_accept();
    if (!s.is_open()) {
      listener->note_loop(loop);
      co_await loop->wait_io(listener->fd(), IoDirection::accept);
      continue;
    }
    s.set_no_delay(true);
    std::shared_ptr<detail::ServerState> st = weak.lock();
    if (!st) co_return;
    std::uint64_t id = ++st->accepted;
    // Named by accept order, not by peer port, so that a run's trace is the same every time.
    std::string name = "conn " + std::to_string(id);
    st->connections.emplace(id, create_task(serve_connection(st, id, std::move(s)), name));
  }
}

}  // namespace

std::uint16_t Server::port() const noexcept {
  return m_state->addresses.empty() ? 0 : m_state->addresses.front().port();
}
std::vector<SocketAddress> Server::addresses() const { return m_state->addresses; }
bool Server::is_serving() const noexcept { return m_state->serving; }
std::size_t Server::active_connections() const noexcept { return m_state->connections.size(); }
std::uint64_t Server::connections_accepted() const noexcept { return m_state->accepted; }

void Server::close() {
  if (m_state->serving) m_state->stop_accepting();
}

void Server::close_clients() {
  std::vector<AnyTask> open;
  for (auto& [id, t] : m_state->connections) open.push_back(t);
  for (AnyTask& t : open) t.cancel();
}

static Coro<void> wait_closed_impl(std::shared_ptr<detail::ServerState> st) {
  for (AnyTask t : st->acceptors) {
    if (t.done()) continue;
    try {
      co_await t;
    } catch (const CancelledError&) {
    }
  }
  while (!st->connections.empty()) {
    AnyTask t = st->connections.begin()->second;
    if (t.done()) {
      st->connections.erase(st->connections.begin());
      continue;
    }
    try {
      co_await t;
    } catch (...) {
    }
  }
}

Coro<void> Server::wait_closed() { return wait_closed_impl(m_state); }

Coro<Server> start_server(ConnectionHandler handler, std::string host, std::uint16_t port,
                          int backlog) {
  auto st = std::make_shared<detail::ServerState>();
  st->handler = std::move(handler);
  std::vector<SocketAddress> addresses = co_await resolve(host, port);
  for (SocketAddress a : addresses) {
    // Port 0 on several addresses (e.g. "localhost"): every socket gets the first one's port.
    if (port == 0 && !st->addresses.empty()) {
      auto again = SocketAddress::from_numeric(a.host(), st->addresses.front().port());
      if (again) a = *again;
    }
    Socket s = Socket::tcp(a.family());
    s.set_reuse_address();
    if (a.family() == AddressFamily::ipv6) s.set_v6_only(true);
    s.bind(a);
    s.listen(backlog);
    st->addresses.push_back(s.local_address());
    st->listeners.push_back(std::make_shared<Socket>(std::move(s)));
  }
  for (auto& listener : st->listeners)
    st->acceptors.push_back(create_task(accept_loop(st, listener), "server"));
  co_return Server(st);
}

}  // namespace loopscope::net
