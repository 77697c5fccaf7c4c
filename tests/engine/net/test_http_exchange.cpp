// Tests for net/http_client.hpp and net/http_server.hpp together on loopback, on the virtual
// clock: methods, framing, keep-alive reuse, error statuses, limits, timeouts, redirects,
// graceful close, idle timeout, and the determinism of a whole exchange.
#include "loop_fixture.hpp"

#include <loopscope/errors.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_client.hpp>
#include <loopscope/net/http_server.hpp>
#include <loopscope/net/stream.hpp>
#include <loopscope/sleep.hpp>

#include <gtest/gtest.h>

#include <chrono>

using namespace loopscope;
using namespace loopscope::net;
using namespace loopscope::net::testing;

namespace {

Coro<HttpResponse> hello(const HttpRequest&) {
  HttpResponse r;
  r.body = "Hello, world!";
  co_return r;
}

Coro<HttpResponse> echo(const HttpRequest& req) {
  HttpResponse r;
  r.body = req.body;
  r.headers.add("X-Method", req.method);
  co_return r;
}

Coro<HttpResponse> chunked(const HttpRequest&) {
  HttpResponse r;
  r.headers.add("Transfer-Encoding", "chunked");
  r.body = std::string(100000, 'c');
  co_return r;
}

Coro<HttpResponse> slow(const HttpRequest& req) {
  double secs = req.query().empty() ? 1.0 : std::stod(std::string(req.query()));
  co_await loopscope::sleep(secs);
  co_return text_response(200, "slow");
}

Coro<HttpResponse> fails(const HttpRequest&) {
  throw std::runtime_error("handler bug");
  co_return HttpResponse{};
}

Coro<HttpResponse> moved(const HttpRequest&) {
  HttpResponse r;
  r.status = 302;
  r.headers.add("Location", "/hello");
  co_return r;
}

HttpServer make_server(HttpServerOptions options = {}) {
  HttpServer s(std::move(options));
  s.get("/hello", hello);
  s.post("/echo", echo);
  s.route("PUT", "/echo", echo);
  s.get("/chunked", chunked);
  s.get("/slow", slow);
  s.get("/fails", fails);
  s.get("/moved", moved);
  return s;
}

// Raw bytes to the server, and everything it answers until it closes (or `wait` passes).
Coro<std::string> raw_exchange(std::uint16_t port, std::string bytes, double wait = 30) {
  auto [reader, writer] = co_await open_connection("127.0.0.1", port);
  writer.write(bytes);
  co_await writer.drain();
  std::string all;
  double until = EventLoop::current()->time() + wait;
  while (EventLoop::current()->time() < until) {
    std::string part = co_await reader.read();
    if (part.empty()) break;
    all += part;
  }
  writer.close();
  co_return all;
}

int count(const std::string& s, std::string_view what) {
  int n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

class HttpExchange : public LoopTest {
protected:
  void SetUp() override {
    LoopTest::SetUp();
    loop().set_exception_handler([this](const ExceptionContext& c) {
      m_reported.push_back(c.message + ": " + describe_exception(c.exception));
    });
  }
  std::vector<std::string> m_reported;
};

}  // namespace

TEST_F(HttpExchange, GetsAndPostsThroughOneSession) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    EXPECT_NE(server.port(), 0);
    ClientSession session;
    HttpResponse a = co_await session.get(server.url("/hello"));
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body, "Hello, world!");
    EXPECT_EQ(a.headers.get("content-length").value_or(""), "13");
    HttpResponse b = co_await session.post(server.url("/echo"), std::string(70000, 'p'));
    EXPECT_EQ(b.body.size(), 70000u);
    EXPECT_EQ(b.headers.get("X-Method").value_or(""), "POST");
    HttpHeaders h;
    h.add("X-A", "1");
    HttpResponse c = co_await session.request("PUT", server.url("/echo"), h, "put");
    EXPECT_EQ(c.body, "put");
    server.close();
    co_await server.wait_closed();
  };
  run(main());
}

TEST_F(HttpExchange, ReusesOneKeptAliveConnectionForManyRequests) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession session;
    for (int i = 0; i < 50; ++i) {
      HttpResponse r = co_await session.get(server.url("/hello"));
      EXPECT_EQ(r.status, 200);
    }
    EXPECT_EQ(session.statistics().connections_opened, 1u);
    EXPECT_EQ(session.statistics().connections_reused, 49u);
    EXPECT_EQ(session.idle_connections(), 1u);
    EXPECT_EQ(server.statistics().connections, 1u);
    EXPECT_EQ(server.statistics().requests, 50u);
    session.close();
    server.close();
    co_await server.wait_closed();
  };
  run(main());
}

TEST_F(HttpExchange, ReadsAChunkedResponse) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession session;
    HttpResponse r = co_await session.get(server.url("/chunked"));
    EXPECT_EQ(r.body, std::string(100000, 'c'));
    EXPECT_TRUE(r.headers.has_token("Transfer-Encoding", "chunked"));
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, Answers404And405AndServesHeadFromGet) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession session;
    HttpResponse nf = co_await session.get(server.url("/nope"));
    EXPECT_EQ(nf.status, 404);
    HttpResponse na = co_await session.post(server.url("/hello"), "x");
    EXPECT_EQ(na.status, 405);
    EXPECT_EQ(na.headers.get("Allow").value_or(""), "GET");
    HttpResponse h = co_await session.request("HEAD", server.url("/hello"));
    EXPECT_EQ(h.status, 200);
    EXPECT_EQ(h.headers.get("Content-Length").value_or(""), "13");
    EXPECT_TRUE(h.body.empty());
    // The connection survived all of that.
    EXPECT_EQ(session.statistics().connections_opened, 1u);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, AHandlerThatThrowsGets500AndIsReported) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession session;
    HttpResponse r = co_await session.get(server.url("/fails"));
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(server.statistics().handler_errors, 1u);
    server.close();
  };
  run(main());
  ASSERT_EQ(m_reported.size(), 1u);
  EXPECT_NE(m_reported[0].find("handler bug"), std::string::npos) << m_reported[0];
}

TEST_F(HttpExchange, RejectsOversizedHeadsWith431AndBodiesWith413) {
  auto main = []() -> Coro<void> {
    HttpServerOptions o;
    o.limits.max_header_bytes = 4096;
    o.limits.max_body_bytes = 1000;
    HttpServer server = make_server(o);
    co_await server.start();
    ClientSession session;
    HttpHeaders big;
    big.add("X-Big", std::string(8000, 'h'));
    HttpResponse big_head = co_await session.get(server.url("/hello"), big);
    EXPECT_EQ(big_head.status, 431);
    EXPECT_FALSE(big_head.keep_alive);
    HttpResponse big_body = co_await session.post(server.url("/echo"), std::string(2000, 'b'));
    EXPECT_EQ(big_body.status, 413);
    EXPECT_EQ(server.statistics().bad_requests, 2u);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, AnswersMalformedRequestsWith400) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    std::string out = co_await raw_exchange(server.port(), "\x01GARBAGE / HTTP/9\r\n\r\n");
    EXPECT_EQ(out.rfind("HTTP/1.1 400 Bad Request\r\n", 0), 0u) << out;
    EXPECT_NE(out.find("Connection: close"), std::string::npos);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, SaysContinueToAClientThatExpectsIt) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    auto [reader, writer] = co_await open_connection("127.0.0.1", server.port());
    writer.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    std::string interim = co_await reader.read_line();
    EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n");
    EXPECT_EQ(co_await reader.read_line(), "\r\n");
    writer.write("body");
    std::string status = co_await reader.read_line();
    EXPECT_EQ(status, "HTTP/1.1 200 OK\r\n");
    writer.close();
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, StampsResponsesWithADate) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession session;
    HttpResponse r = co_await session.get(server.url("/hello"));
    std::string date(r.headers.get("Date").value_or(""));
    EXPECT_EQ(date.size(), 29u) << date;  // "Sun, 22 Nov 2026 15:04:05 GMT"
    EXPECT_EQ(date.substr(date.size() - 4), " GMT");
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, AnswersPipelinedRequestsInOrder) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    std::string out = co_await raw_exchange(
        server.port(),
        "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody"
        "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    auto a = out.find("HTTP/1.1 200"), b = out.find("HTTP/1.1 404"),
         c = out.find("HTTP/1.1 200", b), d = out.find("HTTP/1.1 200", c + 1);
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_LT(c, d);
    EXPECT_NE(d, std::string::npos) << out;
    EXPECT_EQ(count(out, "HTTP/1.1 "), 4);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, ATotalTimeoutStopsASlowRequestAtExactlyItsLimit) {
  auto main = [this]() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientOptions o;
    o.total_timeout = 1.0;
    ClientSession session(o);
    double t0 = loop().time();
    try {
      co_await session.get(server.url("/slow?5"));
      ADD_FAILURE() << "no timeout";
    } catch (const TimeoutError& e) {
      EXPECT_EQ(loop().time() - t0, 1.0);
      EXPECT_NE(std::string(e.what()).find("request timeout: GET http://127.0.0.1:"),
                std::string::npos)
          << e.what();
      EXPECT_NE(std::string(e.what()).find("took longer than 1 s"), std::string::npos);
    }
    // The timed-out connection was dropped, not pooled; the session still works.
    EXPECT_EQ(session.idle_connections(), 0u);
    HttpResponse r = co_await session.get(server.url("/hello"));
    EXPECT_EQ(r.status, 200);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, AConnectTimeoutFiresWhenTheServerNeverCompletesTheHandshake) {
  // A listener that never accepts, with its tiny backlog full: further SYNs are dropped.
  Socket listener = Socket::tcp(AddressFamily::ipv4);
  listener.bind(*SocketAddress::from_numeric("127.0.0.1", 0));
  listener.listen(0);
  std::uint16_t port = listener.local_address().port();
  std::vector<Socket> fillers;
  for (int i = 0; i < 4; ++i) {
    Socket s = Socket::tcp(AddressFamily::ipv4);
    ::connect(s.fd(), SocketAddress::from_numeric("127.0.0.1", port)->data(),
              sizeof(sockaddr_in));
    fillers.push_back(std::move(s));
  }
  auto main = [this, port]() -> Coro<void> {
    ClientOptions o;
    o.connect_timeout = 2.0;
    ClientSession session(o);
    double t0 = loop().time();
    try {
      co_await session.get("http://127.0.0.1:" + std::to_string(port) + "/");
      ADD_FAILURE() << "connected?";
    } catch (const TimeoutError& e) {
      EXPECT_EQ(loop().time() - t0, 2.0);
      EXPECT_EQ(std::string(e.what()), "connect timeout: no connection to 127.0.0.1:" +
                                           std::to_string(port) + " within 2 s");
    }
  };
  run(main());
}

TEST_F(HttpExchange, ReportsARefusedConnectionReadably) {
  std::uint16_t port = unused_port();
  auto main = [port]() -> Coro<void> {
    ClientSession session;
    try {
      co_await session.get("http://127.0.0.1:" + std::to_string(port) + "/x");
      ADD_FAILURE() << "connected?";
    } catch (const ConnectionRefusedError& e) {
      EXPECT_EQ(std::string(e.what()), "connection refused to 127.0.0.1:" + std::to_string(port));
    }
  };
  run(main());
}

TEST_F(HttpExchange, RefusesSchemesOtherThanHttp) {
  auto main = []() -> Coro<void> {
    ClientSession session;
    try {
      co_await session.get("https://example.com/");
      ADD_FAILURE() << "accepted https";
    } catch (const InvalidUrlError& e) {
      EXPECT_NE(std::string(e.what()).find("only plain http:// is supported"), std::string::npos);
    }
  };
  run(main());
}

TEST_F(HttpExchange, DoesNotFollowRedirectsUnlessAsked) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    server.get("/loop", [](const HttpRequest&) -> Coro<HttpResponse> {
      HttpResponse r;
      r.status = 307;
      r.headers.add("Location", "/loop");
      co_return r;
    });
    co_await server.start();
    ClientSession plain;
    HttpResponse r = co_await plain.get(server.url("/moved"));
    EXPECT_EQ(r.status, 302);
    ClientOptions o;
    o.max_redirects = 3;
    ClientSession following(o);
    HttpResponse f = co_await following.get(server.url("/moved"));
    EXPECT_EQ(f.status, 200);
    EXPECT_EQ(f.body, "Hello, world!");
    EXPECT_THROW(co_await following.get(server.url("/loop")), TooManyRedirectsError);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, LimitsTheResponseBodyItAccepts) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientOptions o;
    o.limits.max_body_bytes = 1000;
    ClientSession session(o);
    try {
      co_await session.get(server.url("/chunked"));
      ADD_FAILURE() << "no limit";
    } catch (const HttpParseError& e) {
      EXPECT_EQ(e.kind(), HttpErrorKind::body_too_large);
      EXPECT_NE(std::string(e.what()).find("response body too large"), std::string::npos);
    }
    EXPECT_EQ(session.idle_connections(), 0u);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, ClosesGracefully) {
  auto main = [this]() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession idle_client, busy_client;
    co_await idle_client.get(server.url("/hello"));  // leaves an idle kept-alive connection
    Task<HttpResponse> busy = create_task(busy_client.get(server.url("/slow?2")), "busy");
    co_await loopscope::sleep(0.5);
    EXPECT_EQ(server.open_connections(), 2u);
    server.close();
    co_await loopscope::sleep(0);
    co_await loopscope::sleep(0);
    EXPECT_EQ(server.open_connections(), 1u);  // the idle one is gone, the busy one finishes
    HttpResponse r = co_await busy;
    EXPECT_EQ(r.status, 200);
    EXPECT_FALSE(r.keep_alive);  // "Connection: close"
    co_await server.wait_closed();
    EXPECT_EQ(loop().time(), 2.0);
    EXPECT_EQ(server.open_connections(), 0u);
    // The idle client notices its pooled connection was closed and opens a new one, which
    // is refused: the server is gone.
    EXPECT_THROW(co_await idle_client.get(server.url("/hello")), ConnectionRefusedError);
  };
  run(main());
}

TEST_F(HttpExchange, AbortStopsRequestsInProgressAtOnce) {
  auto main = [this]() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession client;
    Task<HttpResponse> busy = create_task(client.get(server.url("/slow?5")), "busy");
    co_await loopscope::sleep(0.5);
    EXPECT_EQ(server.open_connections(), 1u);
    server.abort();
    // The handler is cancelled at its await: the client sees its connection closed, at once,
    // not after the 5 s the handler would have taken.
    EXPECT_ANY_THROW(co_await busy);
    co_await server.wait_closed();
    EXPECT_EQ(loop().time(), 0.5);
    EXPECT_EQ(server.open_connections(), 0u);
  };
  run(main());
}

TEST_F(HttpExchange, ClosesIdleConnectionsAndTheClientReconnects) {
  auto main = []() -> Coro<void> {
    HttpServerOptions so;
    so.idle_timeout = 5;
    HttpServer server = make_server(so);
    co_await server.start();
    ClientSession session;
    co_await session.get(server.url("/hello"));
    co_await loopscope::sleep(10);
    EXPECT_EQ(server.statistics().idle_closed, 1u);
    EXPECT_EQ(server.open_connections(), 0u);
    HttpResponse r = co_await session.get(server.url("/hello"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(session.statistics().connections_opened, 2u);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, AnswersARequestThatNeverFinishesWith408) {
  auto main = [this]() -> Coro<void> {
    HttpServerOptions so;
    so.request_timeout = 3;
    HttpServer server = make_server(so);
    co_await server.start();
    double t0 = loop().time();
    std::string out = co_await raw_exchange(server.port(), "GET /hello HTTP/1.1\r\nHost: x\r\n");
    EXPECT_EQ(out.rfind("HTTP/1.1 408 Request Timeout\r\n", 0), 0u) << out;
    EXPECT_EQ(loop().time() - t0, 3.0);
    server.close();
  };
  run(main());
}

TEST_F(HttpExchange, ServesManyConcurrentClientsSharingOneSession) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    ClientSession session;
    int ok = 0;
    std::vector<Task<void>> tasks;
    for (int i = 0; i < 20; ++i)
      tasks.push_back(create_task([](ClientSession& s, std::string url, int& ok) -> Coro<void> {
        for (int j = 0; j < 5; ++j) {
          HttpResponse r = co_await s.get(url);
          if (r.status == 200 && r.body == "Hello, world!") ++ok;
        }
      }(session, server.url("/hello"), ok)));
    for (auto& t : tasks) co_await t;
    EXPECT_EQ(ok, 100);
    EXPECT_LE(session.statistics().connections_opened, 20u);
    EXPECT_EQ(session.statistics().requests, 100u);
    server.close();
  };
  run(main());
}

namespace {

// One complete program: a server whose handler sleeps 1 s, a client that GETs it twice.
Coro<void> sleepy_exchange() {
  HttpServer server;
  server.get("/sleepy", [](const HttpRequest&) -> Coro<HttpResponse> {
    co_await loopscope::sleep(1.0);
    co_return text_response(200, "rested");
  });
  co_await server.start();
  ClientSession session;
  HttpResponse r = co_await session.get(server.url("/sleepy"));
  EXPECT_EQ(r.body, "rested");
  session.close();
  server.close();
  co_await server.wait_closed();
}

struct FlatEvent {
  TraceKind kind;
  AwaitKind await_kind;
  IoDirection direction;
  TaskId task;
  HandleId handle;
  std::uint64_t target;
  double time, deadline;
  std::string text;
  bool operator==(const FlatEvent&) const = default;
};

std::vector<FlatEvent> flatten(const TraceRecorder& rec) {
  std::vector<FlatEvent> out;
  for (const TraceEvent& e : rec.events())
    out.push_back({e.kind, e.await_kind, e.direction, e.task, e.handle, e.target, e.time,
                   e.deadline, std::string(rec.str(e.text))});
  return out;
}

}  // namespace

TEST_F(HttpExchange, OnTheVirtualClockAOneSecondHandlerTakesExactlyOneSecondAndNoRealTime) {
  auto real0 = std::chrono::steady_clock::now();
  run(sleepy_exchange());
  double real = std::chrono::duration<double>(std::chrono::steady_clock::now() - real0).count();
  EXPECT_EQ(loop().time(), 1.0);
  EXPECT_LT(real, 0.5);
}

TEST_F(HttpExchange, TheSameExchangeGivesTheSameTraceEveryRun) {
  std::vector<std::vector<FlatEvent>> runs;
  for (int i = 0; i < 3; ++i) {
    make_loop(ClockKind::virtual_time);
    TraceRecorder rec;
    loop().set_trace(&rec);
    run(sleepy_exchange());
    loop().set_trace(nullptr);
    loop().close();
    runs.push_back(flatten(rec));
    bool io_seen = false;
    for (const FlatEvent& e : runs.back()) io_seen |= e.kind == TraceKind::io_wait_begin;
    EXPECT_TRUE(io_seen);
  }
  EXPECT_GT(runs[0].size(), 20u);
  EXPECT_EQ(runs[0], runs[1]);
  EXPECT_EQ(runs[1], runs[2]);
}

TEST_F(HttpExchange, ARequestStartedAsATaskOutlivesItsSessionObject) {
  auto main = []() -> Coro<void> {
    HttpServer server = make_server();
    co_await server.start();
    Task<HttpResponse> t;
    {
      ClientSession session;
      t = create_task(session.get(server.url("/hello")));
    }  // the session object is gone before the task has even started
    HttpResponse r = co_await t;
    EXPECT_EQ(r.body, "Hello, world!");
    server.close();
  };
  run(main());
}
