// Our HTTP server against clients we did not write: curl and Python aiohttp (plus raw sockets
// from Python for pipelined / malformed / oversized requests), on loopback, on the real clock.
// Each test runs the client as a subprocess on the executor (to_thread) while the loop serves.
// Labels: python, peer.
#include "loop_fixture.hpp"
#include "peer_process.hpp"

#include <loopscope/executor.hpp>
#include <loopscope/net/http_server.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>

using namespace loopscope;
using namespace loopscope::net;
using namespace loopscope::net::testing;

namespace {

class OurServer : public ::testing::Test {
protected:
  void SetUp() override {
    m_loop = std::make_unique<EventLoop>(ClockKind::real_time);
    m_loop->make_current();
    m_server.get("/hello", [](const HttpRequest&) -> Coro<HttpResponse> {
      HttpResponse r;
      r.body = "Hello, world!";
      co_return r;
    });
    m_server.post("/echo", [](const HttpRequest& req) -> Coro<HttpResponse> {
      HttpResponse r;
      r.body = req.body;
      co_return r;
    });
    m_loop->run_until_complete(m_server.start());
  }
  void TearDown() override {
    m_server.close();
    m_loop->close();
  }

  // Runs argv as a subprocess while the loop keeps serving; returns its stdout.
  CommandResult run_client(std::vector<std::string> argv) {
    auto main = [](std::vector<std::string> args) -> Coro<CommandResult> {
      std::function<CommandResult()> job = [args] { return run_command(args, 30); };
      CommandResult r = co_await to_thread(std::move(job));
      co_return r;
    };
    return m_loop->run_until_complete(main(std::move(argv)));
  }
  std::string url(std::string_view path) { return m_server.url(path); }
  std::string port() { return std::to_string(m_server.port()); }

  std::unique_ptr<EventLoop> m_loop;
  HttpServer m_server;
};

bool has_aiohttp() {
  static int ok = -1;
  if (ok < 0) ok = run_command({python3, "-c", "import aiohttp"}, 20).exit_code == 0;
  return ok == 1;
}

}  // namespace

TEST_F(OurServer, ServesCurlAndKeepsTheConnectionAlive) {
  CommandResult r = run_client(
      {"/usr/bin/curl", "-sS", "-v", "--stderr", "-", url("/hello"), url("/hello"), url("/hello")});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  int bodies = 0;
  for (auto p = r.out.find("Hello, world!"); p != std::string::npos;
       p = r.out.find("Hello, world!", p + 1))
    ++bodies;
  EXPECT_EQ(bodies, 3) << r.out;
  EXPECT_NE(r.out.find("Re-using existing connection"), std::string::npos) << r.out;
  EXPECT_EQ(m_server.statistics().connections, 1u);
  EXPECT_EQ(m_server.statistics().requests, 3u);
}

TEST_F(OurServer, EchoesACurlPost) {
  CommandResult r =
      run_client({"/usr/bin/curl", "-sS", "--data-binary", "posted by curl", url("/echo")});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "posted by curl");
}

TEST_F(OurServer, TakesALargeCurlPostWithoutMakingItWaitForContinue) {
  // curl sends "Expect: 100-continue" for large bodies and waits up to 1 s for the interim
  // answer before sending anyway: the server must say 100 Continue at once.
  std::string path = ::testing::TempDir() + "loopscope_net_post_body.txt";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::string body(200000, 'p');
    std::fwrite(body.data(), 1, body.size(), f);
    std::fclose(f);
  }
  auto t0 = std::chrono::steady_clock::now();
  CommandResult r = run_client({"/usr/bin/curl", "-sS", "--data-binary", "@" + path, url("/echo")});
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::remove(path.c_str());
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.size(), 200000u);
  EXPECT_LT(took, 0.9);
}

TEST_F(OurServer, Answers431ToCurlWithAnOversizedHeader) {
  CommandResult r = run_client({"/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                                "-H", "X-Big: " + std::string(40000, 'a'), url("/hello")});
  EXPECT_EQ(r.out, "431");
}

TEST_F(OurServer, Answers404And405ToCurl) {
  CommandResult a =
      run_client({"/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url("/missing")});
  EXPECT_EQ(a.out, "404");
  CommandResult b = run_client(
      {"/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE", url("/hello")});
  EXPECT_EQ(b.out, "405");
}

TEST_F(OurServer, ServesAnHttp10CurlWithoutKeepAlive) {
  CommandResult r = run_client({"/usr/bin/curl", "-sS", "-0", "-i", url("/hello")});
  ASSERT_EQ(r.exit_code, 0);
  // The answer may carry our version (1.1) as RFC 9110 allows; what matters is the close.
  EXPECT_EQ(r.out.find(" 200 OK\r\n"), 8u) << r.out;
  EXPECT_NE(r.out.find("Connection: close"), std::string::npos) << r.out;
}

TEST_F(OurServer, KeepsOneConnectionForAnAiohttpSession) {
  if (!has_aiohttp()) GTEST_SKIP() << "python3-aiohttp missing";
  CommandResult r = run_client({python3, peer_script("aiohttp_client.py"), port(), "keepalive"});
  EXPECT_NE(r.out.find("statuses=200\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("body=Hello, world!\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("DONE"), std::string::npos) << r.out;
  EXPECT_EQ(m_server.statistics().connections, 1u);
  EXPECT_EQ(m_server.statistics().requests, 20u);
}

TEST_F(OurServer, EchoesAnAiohttpPost) {
  if (!has_aiohttp()) GTEST_SKIP() << "python3-aiohttp missing";
  CommandResult r = run_client({python3, peer_script("aiohttp_client.py"), port(), "post"});
  EXPECT_NE(r.out.find("status=200\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("echo_ok=True\n"), std::string::npos) << r.out;
}

TEST_F(OurServer, AnswersPipelinedRequestsInOrder) {
  if (!has_aiohttp()) GTEST_SKIP() << "python3-aiohttp missing";
  CommandResult r = run_client({python3, peer_script("aiohttp_client.py"), port(), "pipelined"});
  EXPECT_NE(r.out.find("statuses=200,404,200\n"), std::string::npos) << r.out;
}

TEST_F(OurServer, Answers400ToAMalformedRequest) {
  if (!has_aiohttp()) GTEST_SKIP() << "python3-aiohttp missing";
  CommandResult r = run_client({python3, peer_script("aiohttp_client.py"), port(), "malformed"});
  EXPECT_NE(r.out.find("statuses=400\n"), std::string::npos) << r.out;
}

TEST_F(OurServer, Answers431ToAnOversizedHeaderOnARawSocket) {
  if (!has_aiohttp()) GTEST_SKIP() << "python3-aiohttp missing";
  CommandResult r = run_client({python3, peer_script("aiohttp_client.py"), port(), "oversized"});
  EXPECT_NE(r.out.find("statuses=431\n"), std::string::npos) << r.out;
}

TEST_F(OurServer, Answers404ToAiohttp) {
  if (!has_aiohttp()) GTEST_SKIP() << "python3-aiohttp missing";
  CommandResult r = run_client({python3, peer_script("aiohttp_client.py"), port(), "notfound"});
  EXPECT_NE(r.out.find("status=404\n"), std::string::npos) << r.out;
}
