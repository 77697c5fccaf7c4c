// Our HTTP client against a server we did not write: Python aiohttp (Debian python3-aiohttp),
// on loopback, on the real clock. The server runs as a subprocess (peers/aiohttp_server.py),
// started once for the suite and stopped at the end. Labels: python, peer.
#include "loop_fixture.hpp"
#include "peer_process.hpp"

#include <loopscope/errors.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_client.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <set>

using namespace loopscope;
using namespace loopscope::net;
using namespace loopscope::net::testing;

namespace {

class AiohttpServer : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    s_server = new PeerProcess({python3, peer_script("aiohttp_server.py"), "--lifetime", "120"});
    s_port = s_server->port();
  }
  static void TearDownTestSuite() {
    delete s_server;
    s_server = nullptr;
  }
  void SetUp() override {
    if (s_port == 0) GTEST_SKIP() << "the aiohttp server did not start (python3-aiohttp missing?)";
    m_loop = std::make_unique<EventLoop>(ClockKind::real_time);
    m_loop->make_current();
  }
  void TearDown() override {
    if (m_loop) m_loop->close();
  }
  std::string url(std::string_view path) {
    return "http://127.0.0.1:" + std::to_string(s_port) + std::string(path);
  }
  template <class T> T run(Coro<T> c) { return m_loop->run_until_complete(std::move(c)); }

  static inline PeerProcess* s_server = nullptr;
  static inline int s_port = 0;
  std::unique_ptr<EventLoop> m_loop;
};

std::string pattern(std::size_t n) {
  const std::string unit = "0123456789abcdefghijklmnopqrstuvwxyz\n";
  std::string out;
  while (out.size() < n) out += unit;
  out.resize(n);
  return out;
}

}  // namespace

TEST_F(AiohttpServer, GetsAPlainBody) {
  auto main = [this]() -> Coro<void> {
    ClientSession session;
    HttpResponse r = co_await session.get(url("/plain"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "Hello, world!");
    EXPECT_NE(r.headers.get("Server").value_or("").find("aiohttp"), std::string_view::npos);
  };
  run(main());
}

TEST_F(AiohttpServer, DecodesAChunkedBody) {
  auto main = [this]() -> Coro<void> {
    ClientSession session;
    HttpResponse r = co_await session.get(url("/chunked?n=50"));
    EXPECT_TRUE(r.headers.has_token("Transfer-Encoding", "chunked"));
    std::string want;
    for (int i = 0; i < 50; ++i) want += "chunk-" + std::to_string(i) + ";";
    EXPECT_EQ(r.body, want);
  };
  run(main());
}

TEST_F(AiohttpServer, ReadsALargeBody) {
  auto main = [this]() -> Coro<void> {
    ClientSession session;
    HttpResponse r = co_await session.get(url("/large?n=5000000"));
    EXPECT_EQ(r.body.size(), 5000000u);
    EXPECT_TRUE(r.body == pattern(5000000));
  };
  run(main());
}

TEST_F(AiohttpServer, ReusesOneConnectionForManyRequests) {
  auto main = [this]() -> Coro<void> {
    ClientSession session;
    HttpResponse before = co_await session.get(url("/stats"));
    std::set<std::string> client_ends;
    for (int i = 0; i < 20; ++i) {
      HttpResponse r = co_await session.get(url("/conn"));
      client_ends.insert(r.body);
    }
    HttpResponse after = co_await session.get(url("/stats"));
    // The server saw the same client address:port every time, and no new connection.
    EXPECT_EQ(client_ends.size(), 1u);
    auto conns = [](const std::string& s) { return s.substr(0, s.find(' ')); };
    EXPECT_EQ(conns(before.body), conns(after.body)) << before.body << " / " << after.body;
    EXPECT_EQ(session.statistics().connections_opened, 1u);
    EXPECT_EQ(session.statistics().connections_reused, 21u);
  };
  run(main());
}

TEST_F(AiohttpServer, PostsABodyAndReadsTheEcho) {
  auto main = [this]() -> Coro<void> {
    ClientSession session;
    std::string body(300000, 'q');
    HttpResponse r = co_await session.post(url("/echo"), body);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.get("X-Seen-Length").value_or(""), "300000");
    EXPECT_TRUE(r.body == body);
  };
  run(main());
}

TEST_F(AiohttpServer, TimesOutASlowHandler) {
  auto main = [this]() -> Coro<void> {
    ClientOptions o;
    o.total_timeout = 0.3;
    ClientSession session(o);
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_THROW(co_await session.get(url("/slow?secs=5")), TimeoutError);
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_GE(took, 0.29);
    EXPECT_LT(took, 2.0);
    // A fast request afterwards works (on a new connection: the timed-out one was dropped).
    ClientOptions quick;
    ClientSession again(quick);
    HttpResponse r = co_await again.get(url("/plain"));
    EXPECT_EQ(r.status, 200);
  };
  run(main());
}

TEST_F(AiohttpServer, FollowsARedirectOnlyWhenAsked) {
  auto main = [this]() -> Coro<void> {
    ClientSession plain;
    HttpResponse r = co_await plain.get(url("/redirect"));
    EXPECT_EQ(r.status, 302);
    ClientOptions o;
    o.max_redirects = 2;
    ClientSession following(o);
    HttpResponse f = co_await following.get(url("/redirect"));
    EXPECT_EQ(f.status, 200);
    EXPECT_EQ(f.body, "Hello, world!");
  };
  run(main());
}

TEST_F(AiohttpServer, SendsTheHeadersItIsGiven) {
  auto main = [this]() -> Coro<void> {
    ClientSession session;
    HttpHeaders h;
    h.add("X-Lesson", "http");
    HttpResponse r = co_await session.get(url("/headers"), h);
    EXPECT_NE(r.body.find("X-Lesson: http"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("Host: 127.0.0.1:"), std::string::npos) << r.body;
  };
  run(main());
}
