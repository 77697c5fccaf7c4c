// Tests for net/socket.hpp, net/stream.hpp and net/resolve.hpp on loopback: echo over IPv4 and
// IPv6, read_line / read_exactly semantics, typed errors, cancellation leaving no registration,
// traced I/O waits, large transfers, server close.
#include "loop_fixture.hpp"

#include <loopscope/net/errors.hpp>
#include <loopscope/net/resolve.hpp>
#include <loopscope/net/stream.hpp>
#include <loopscope/sleep.hpp>

#include <gtest/gtest.h>

using namespace loopscope;
using namespace loopscope::net;
using namespace loopscope::net::testing;

namespace {

Coro<void> echo_lines(StreamReader r, StreamWriter w) {
  for (;;) {
    std::string line = co_await r.read_line();
    if (line.empty()) co_return;
    w.write(line);
    co_await w.drain();
  }
}

class Stream : public LoopTest {};

}  // namespace

TEST_F(Stream, EchoesLinesOverIpv4WithAnyFreePort) {
  auto main = []() -> Coro<std::string> {
    Server server = co_await start_server(echo_lines, "127.0.0.1", 0);
    EXPECT_NE(server.port(), 0);
    auto [reader, writer] = co_await open_connection("127.0.0.1", server.port());
    writer.write("hello\nworld\n");
    co_await writer.drain();
    std::string a = co_await reader.read_line();
    std::string b = co_await reader.read_exactly(6);
    writer.close();
    server.close();
    co_await server.wait_closed();
    co_return a + b;
  };
  EXPECT_EQ(run(main()), "hello\nworld\n");
}

TEST_F(Stream, EchoesOverIpv6) {
  if (!ipv6_loopback_available()) GTEST_SKIP() << "no IPv6 loopback here";
  auto main = []() -> Coro<std::string> {
    Server server = co_await start_server(echo_lines, "::1", 0);
    EXPECT_EQ(server.addresses().front().family(), AddressFamily::ipv6);
    auto [reader, writer] = co_await open_connection("::1", server.port());
    writer.write("over six\n");
    std::string line = co_await reader.read_line();
    writer.close();
    server.close();
    co_return line;
  };
  EXPECT_EQ(run(main()), "over six\n");
}

TEST_F(Stream, ReadLineStopsAtItsLimit) {
  auto main = []() -> Coro<void> {
    Server server = co_await start_server(
        [](StreamReader, StreamWriter w) -> Coro<void> {
          w.write(std::string(100, 'x'));
          co_await w.drain();
          co_await loopscope::sleep(1);
        },
        "127.0.0.1", 0);
    auto [reader, writer] = co_await open_connection("127.0.0.1", server.port());
    EXPECT_THROW(co_await reader.read_line(50), LimitOverrunError);
    // The bytes stay buffered.
    std::string rest = co_await reader.read_exactly(100);
    EXPECT_EQ(rest.size(), 100u);
    writer.close();
    server.close();
  };
  run(main());
}

TEST_F(Stream, ReadExactlyReportsAnEarlyCloseWithThePartialBytes) {
  auto main = []() -> Coro<void> {
    Server server = co_await start_server(
        [](StreamReader, StreamWriter w) -> Coro<void> {
          w.write("abc");
          co_return;  // the server closes the connection
        },
        "127.0.0.1", 0);
    auto [reader, writer] = co_await open_connection("127.0.0.1", server.port());
    try {
      co_await reader.read_exactly(10);
      ADD_FAILURE() << "no error";
    } catch (const IncompleteReadError& e) {
      EXPECT_EQ(e.partial(), "abc");
      EXPECT_EQ(e.expected(), 10u);
      EXPECT_NE(std::string(e.what()).find("after 3 of 10 expected bytes"), std::string::npos)
          << e.what();
    }
    EXPECT_TRUE(reader.at_eof());
    EXPECT_EQ(co_await reader.read(), "");
    writer.close();
    server.close();
  };
  run(main());
}

TEST_F(Stream, ConnectionRefusedNamesThePeer) {
  std::uint16_t port = unused_port();
  auto main = [port]() -> Coro<std::string> {
    try {
      co_await open_connection("127.0.0.1", port);
    } catch (const ConnectionRefusedError& e) {
      EXPECT_EQ(describe_exception(std::current_exception()),
                "ConnectionRefusedError: " + std::string(e.what()));
      co_return e.what();
    }
    co_return "connected?";
  };
  EXPECT_EQ(run(main()), "connection refused to 127.0.0.1:" + std::to_string(port));
}

TEST_F(Stream, ATaskCancelledWhileReadingLeavesNoRegistration) {
  int fds_before = open_fd_count();
  auto main = [this]() -> Coro<void> {
    Server server = co_await start_server(
        [](StreamReader r, StreamWriter) -> Coro<void> { co_await r.read_to_end(); }, "127.0.0.1", 0);
    auto [reader, writer] = co_await open_connection("127.0.0.1", server.port());
    StreamReader rd = reader;
    Task<std::string> t = create_task(rd.read(), "reader");
    co_await loopscope::sleep(0);
    co_await loopscope::sleep(0);
    // Introspection: the task waits to read this connection's fd.
    bool seen = false;
    for (const TaskSnapshot& ts : loop().snapshot().tasks)
      if (ts.name == "reader") {
        seen = true;
        EXPECT_EQ(ts.state, TaskState::suspended);
        EXPECT_EQ(ts.awaiting.kind, AwaitKind::io);
        EXPECT_EQ(ts.awaiting.direction, IoDirection::read);
        EXPECT_EQ(ts.awaiting.target, static_cast<std::uint64_t>(reader.fd()));
        EXPECT_EQ(ts.awaiting.label, "read fd " + std::to_string(reader.fd()));
      }
    EXPECT_TRUE(seen);
    t.cancel();
    try {
      co_await t;
    } catch (const CancelledError&) {
    }
    EXPECT_TRUE(t.cancelled());
    // The same fd can be waited on again: the cancelled wait left nothing behind.
    writer.write("late\n");
    Task<std::string> again = create_task(rd.read_line(), "reader2");
    co_await loopscope::sleep(0.5);
    EXPECT_FALSE(again.done());  // nobody writes to us; it is waiting, not failing
    again.cancel();
    try {
      co_await again;
    } catch (const CancelledError&) {
    }
    writer.close();
    server.close();
    server.close_clients();
    co_await server.wait_closed();
  };
  run(main());
  // Nothing is left registered or runnable: the loop has no work.
  EXPECT_FALSE(loop().has_pending_work());
  EXPECT_EQ(open_fd_count(), fds_before);
}

TEST_F(Stream, TracesEveryWaitWithFdAndDirection) {
  TraceRecorder rec;
  loop().set_trace(&rec);
  auto main = []() -> Coro<void> {
    Server server = co_await start_server(echo_lines, "127.0.0.1", 0);
    auto [reader, writer] = co_await open_connection("127.0.0.1", server.port());
    writer.write("x\n");
    co_await reader.read_line();
    writer.close();
    server.close();
    co_await server.wait_closed();
  };
  run(main());
  loop().set_trace(nullptr);
  int begins = 0, ends = 0, accepts = 0, reads = 0;
  for (const TraceEvent& e : rec.events()) {
    if (e.kind == TraceKind::io_wait_begin) {
      ++begins;
      EXPECT_GT(e.target, 2u);  // a real fd
      if (e.direction == IoDirection::accept) ++accepts;
      if (e.direction == IoDirection::read) ++reads;
    }
    if (e.kind == TraceKind::io_wait_end) ++ends;
  }
  EXPECT_GE(accepts, 1);
  EXPECT_GE(reads, 1);
  EXPECT_EQ(begins, ends);  // every wait ended (readiness or cancellation)
}

TEST_F(Stream, TransfersMegabytesWithBackPressure) {
  auto main = []() -> Coro<std::size_t> {
    Server server = co_await start_server(
        [](StreamReader r, StreamWriter w) -> Coro<void> {
          std::string all = co_await r.read_to_end();
          w.write(std::to_string(all.size()));
        },
        "127.0.0.1", 0);
    auto [reader, writer] = co_await open_connection("127.0.0.1", server.port());
    std::string big(8 * 1024 * 1024, 'z');
    writer.write(big);
    EXPECT_GT(writer.buffered_size(), 0u);  // the kernel cannot take 8 MB at once
    co_await writer.drain();
    EXPECT_EQ(writer.buffered_size(), 0u);
    co_await writer.write_eof();
    std::string n = co_await reader.read_to_end();
    writer.close();
    server.close();
    co_return std::stoul(n);
  };
  EXPECT_EQ(run(main()), 8u * 1024 * 1024);
}

TEST_F(Stream, AClosedServerRefusesNewConnections) {
  auto main = []() -> Coro<void> {
    Server server = co_await start_server(echo_lines, "127.0.0.1", 0);
    std::uint16_t port = server.port();
    server.close();
    co_await server.wait_closed();
    EXPECT_FALSE(server.is_serving());
    EXPECT_THROW(co_await open_connection("127.0.0.1", port), ConnectionRefusedError);
  };
  run(main());
}

TEST_F(Stream, ResolvesNamesOnTheExecutor) {
  TraceRecorder rec;
  loop().set_trace(&rec);
  auto main = []() -> Coro<std::vector<SocketAddress>> { co_return co_await resolve("localhost", 80); };
  std::vector<SocketAddress> addrs = run(main());
  loop().set_trace(nullptr);
  ASSERT_FALSE(addrs.empty());
  for (const SocketAddress& a : addrs) EXPECT_EQ(a.port(), 80);
  bool on_executor = false;
  for (const TraceEvent& e : rec.events())
    if (e.kind == TraceKind::task_suspended && e.await_kind == AwaitKind::executor) on_executor = true;
  EXPECT_TRUE(on_executor);
}

TEST_F(Stream, NumericHostsResolveWithoutTheExecutor) {
  auto main = []() -> Coro<std::vector<SocketAddress>> { co_return co_await resolve("[::1]", 8080); };
  std::vector<SocketAddress> addrs = run(main());
  ASSERT_EQ(addrs.size(), 1u);
  EXPECT_EQ(addrs[0].to_string(), "[::1]:8080");
}

TEST_F(Stream, ResolutionCanBeCancelledByItsAwaiter) {
  auto main = []() -> Coro<void> {
    Task<std::vector<SocketAddress>> t = create_task(resolve("localhost", 80), "resolver");
    co_await loopscope::sleep(0);  // the task starts and waits on the executor
    EXPECT_EQ(t.state(), TaskState::suspended);
    t.cancel();
    try {
      co_await t;
      ADD_FAILURE() << "not cancelled";
    } catch (const CancelledError&) {
    }
    EXPECT_TRUE(t.cancelled());
  };
  run(main());
}

TEST_F(Stream, AConnectThatCannotCompleteIsVisibleAndCancellable) {
  // A listener that never accepts, its backlog full: the next handshake does not complete.
  Socket listener = Socket::tcp(AddressFamily::ipv4);
  listener.bind(*SocketAddress::from_numeric("127.0.0.1", 0));
  listener.listen(0);
  std::uint16_t port = listener.local_address().port();
  std::vector<Socket> fillers;
  for (int i = 0; i < 4; ++i) {
    Socket s = Socket::tcp(AddressFamily::ipv4);
    ::connect(s.fd(), SocketAddress::from_numeric("127.0.0.1", port)->data(), sizeof(sockaddr_in));
    fillers.push_back(std::move(s));
  }
  int fds_before = open_fd_count();
  auto main = [this, port]() -> Coro<void> {
    Task<Connection> t = create_task(open_connection("127.0.0.1", port), "connector");
    co_await loopscope::sleep(0.1);
    bool seen = false;
    for (const TaskSnapshot& ts : loop().snapshot().tasks)
      if (ts.name == "connector") {
        seen = true;
        EXPECT_EQ(ts.awaiting.kind, AwaitKind::io);
        EXPECT_EQ(ts.awaiting.direction, IoDirection::connect);
        EXPECT_EQ(ts.awaiting.label.rfind("connect fd ", 0), 0u) << ts.awaiting.label;
      }
    EXPECT_TRUE(seen);
    t.cancel();
    try {
      co_await t;
    } catch (const CancelledError&) {
    }
    EXPECT_TRUE(t.cancelled());
  };
  run(main());
  EXPECT_FALSE(loop().has_pending_work());  // no registration left behind
  EXPECT_EQ(open_fd_count(), fds_before);   // the half-open socket was closed
}
