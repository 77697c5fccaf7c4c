#pragma once
// net/stream.hpp — asyncio-style streams: open_connection() gives a reader and a writer;
// start_server() runs a handler per accepted connection.
//
//   auto [reader, writer] = co_await open_connection("127.0.0.1", 8080);
//   writer.write("ping\n");
//   co_await writer.drain();
//   std::string line = co_await reader.read_line();
//
// A StreamReader and its StreamWriter share one connection (copies share it too); the socket
// closes when the writer is closed or the last handle goes away. Invariants:
//   - reads take buffered bytes first and wait on the socket only when the buffer cannot serve;
//   - write() never suspends: it sends what the kernel takes now and buffers the rest;
//     drain() waits until everything written so far is sent, and raises a send error if one
//     happened (like asyncio, write() itself does not raise for a broken connection);
//   - close() sends what is still buffered (in the background) before closing the socket.
//
// Sections: StreamReader · StreamWriter · open_connection · Server · start_server
#include <loopscope/coro.hpp>
#include <loopscope/net/address.hpp>
#include <loopscope/net/detail/byte_buffer.hpp>
#include <loopscope/net/socket.hpp>
#include <loopscope/task.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::net {

namespace detail {
// The connection shared by a reader and a writer.
struct StreamState {
  Socket socket;
  ByteBuffer in;            // received, not yet consumed
  bool eof = false;         // the peer has finished sending
  // The last read drained the socket (it did not fill its room): the next one waits for
  // readability first instead of trying a recv that would most likely say "would block".
  bool wait_first = false;
  std::string out;          // written, not yet sent: out[out_sent..]
  std::size_t out_sent = 0;
  std::exception_ptr send_error;
  bool closing = false;
  AnyTask flusher;          // the background flush-then-close task started by close(), if any
};
}  // namespace detail

// ---- StreamReader ---------------------------------------------------------------------------
class StreamReader {
public:
  StreamReader() = default;
  explicit StreamReader(std::shared_ptr<detail::StreamState> s) : m_state(std::move(s)) {}

  // Up to `max` bytes: what is buffered, else waits for some. "" at end of stream.
  Coro<std::string> read(std::size_t max = 65536);
  // Exactly n bytes; IncompleteReadError (with the partial bytes) if the stream ends first.
  Coro<std::string> read_exactly(std::size_t n);
  // One line including its '\n' (at end of stream: what is left, possibly ""). If no newline
  // appears within `limit` bytes: LimitOverrunError, and the bytes stay buffered.
  Coro<std::string> read_line(std::size_t limit = 65536);
  // Everything until end of stream; LimitOverrunError beyond `limit` bytes.
  Coro<std::string> read_to_end(std::size_t limit = 64 * 1024 * 1024);
  // True once the buffer is empty and the peer has finished sending.
  bool at_eof() const noexcept;

  // Low-level access for parsers: the buffered bytes, consuming them, and waiting for more.
  std::string_view buffered() const noexcept;
  void consume(std::size_t n) noexcept;
  // Reads more into the buffer; returns the number of new bytes, 0 at end of stream.
  Coro<std::size_t> fill();

  int fd() const noexcept;
  const std::shared_ptr<detail::StreamState>& state() const noexcept { return m_state; }

private:
  std::shared_ptr<detail::StreamState> m_state;
};

// ---- StreamWriter ---------------------------------------------------------------------------
class StreamWriter {
public:
  StreamWriter() = default;
  explicit StreamWriter(std::shared_ptr<detail::StreamState> s) : m_state(std::move(s)) {}

  void write(std::string_view data);
  // Waits until every byte written so far is sent; rethrows a send error.
  Coro<void> drain();
  // Half-closes after the buffered bytes are sent (the peer reads end of stream).
  Coro<void> write_eof();
  // Closes the connection; buffered bytes are sent first, in the background.
  void close();
  bool is_closing() const noexcept;
  // Waits until the socket is really closed (after the background flush, if any).
  Coro<void> wait_closed();
  // Bytes written but not yet sent.
  std::size_t buffered_size() const noexcept;

  // "127.0.0.1:54321"
  const std::string& peer_name() const noexcept;
  SocketAddress local_address() const;
  int fd() const noexcept;
  const std::shared_ptr<detail::StreamState>& state() const noexcept { return m_state; }

private:
  std::shared_ptr<detail::StreamState> m_state;
};

struct Connection {
  StreamReader reader;
  StreamWriter writer;
};

// Wraps a connected socket in a reader and a writer.
Connection make_connection(Socket socket);

// ---- open_connection ------------------------------------------------------------------------
// Resolves `host` (off the loop thread unless it is a numeric address) and connects to the
// first address that accepts, in resolver order. Throws ResolveError, ConnectionRefusedError…
Coro<Connection> open_connection(std::string host, std::uint16_t port);

// ---- Server ---------------------------------------------------------------------------------
namespace detail {
struct ServerState;
}

using ConnectionHandler = std::function<Coro<void>(StreamReader, StreamWriter)>;

// A listening server (what start_server returns). Copies share the server; when the last copy
// is dropped the server stops accepting (connections already accepted go on).
class Server {
public:
  Server() = default;
  explicit Server(std::shared_ptr<detail::ServerState> s) : m_state(std::move(s)) {}

  // The bound port (the real one when 0 was asked for).
  std::uint16_t port() const noexcept;
  std::vector<SocketAddress> addresses() const;
  bool is_serving() const noexcept;
  // Stops accepting: the listening sockets close at the loop's next iteration. Connections
  // already accepted go on.
  void close();
  // Cancels the handlers of every open connection (their sockets close as they unwind).
  void close_clients();
  // Waits until the server is closed and every connection handler has finished.
  Coro<void> wait_closed();
  std::size_t active_connections() const noexcept;
  std::uint64_t connections_accepted() const noexcept;

private:
  std::shared_ptr<detail::ServerState> m_state;
};

// ---- start_server ---------------------------------------------------------------------------
// Listens on host:port (port 0 = any free port; read it back with port()) and runs
// handler(reader, writer) as a task for each accepted connection; the writer is closed when
// the handler returns. An exception escaping a handler goes to the loop's exception handler.
// Binds 127.0.0.1 unless told otherwise.
Coro<Server> start_server(ConnectionHandler handler, std::string host = "127.0.0.1",
                          std::uint16_t port = 0, int backlog = 512);

}  // namespace loopscope::net
