// Our HTTP client against a hostile server (peers/hostile_server.py): garbage, a close in the
// middle of the body, a one-byte-per-second trickle, silence, a reset, an endless header.
// In every case the client reports a typed error within its timeout and leaks no fd.
// Labels: python, peer.
#include "loop_fixture.hpp"
#include "peer_process.hpp"

#include <loopscope/errors.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_client.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>

using namespace loopscope;
using namespace loopscope::net;
using namespace loopscope::net::testing;

namespace {

struct Outcome {
  std::string type;      // "TimeoutError", "HttpParseError:malformed", ...
  std::string message;
  double seconds = 0;    // real time the request took
};

// Runs one GET against a hostile server in `mode` with a 1 s total timeout.
Outcome against(const std::string& mode) {
  PeerProcess peer({python3, peer_script("hostile_server.py"), "--mode", mode, "--lifetime", "60"});
  int port = peer.port();
  if (port == 0) return {"no peer", "", 0};
  Outcome out;
  {
    EventLoop loop(ClockKind::real_time);
    loop.make_current();
    auto main = [&]() -> Coro<void> {
      ClientOptions o;
      o.total_timeout = 1.0;
      ClientSession session(o);
      auto t0 = std::chrono::steady_clock::now();
      try {
        co_await session.get("http://127.0.0.1:" + std::to_string(port) + "/");
        out.type = "no error";
      } catch (const HttpParseError& e) {
        out.type = std::string("HttpParseError:") + to_string(e.kind());
        out.message = e.what();
      } catch (const TimeoutError& e) {
        out.type = "TimeoutError";
        out.message = e.what();
      } catch (const NetError& e) {
        out.type = e.type_name();
        out.message = e.what();
      }
      out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    loop.run_until_complete(main());
    loop.close();
  }
  return out;
}

class HostilePeer : public ::testing::Test {
protected:
  void SetUp() override {
    if (run_command({python3, "-c", "import asyncio"}, 20).exit_code != 0)
      GTEST_SKIP() << "no python3";
    m_fds = open_fd_count();
  }
  void TearDown() override { EXPECT_EQ(open_fd_count(), m_fds) << "an fd leaked"; }
  int m_fds = 0;
};

}  // namespace

TEST_F(HostilePeer, GarbageIsAMalformedResponse) {
  Outcome o = against("garbage");
  EXPECT_EQ(o.type, "HttpParseError:malformed") << o.message;
  EXPECT_NE(o.message.find("malformed HTTP response from 127.0.0.1:"), std::string::npos) << o.message;
  EXPECT_LT(o.seconds, 1.5);
}

TEST_F(HostilePeer, ACloseInTheMiddleOfTheBodyIsAnUnexpectedEof) {
  Outcome o = against("close-mid-body");
  EXPECT_EQ(o.type, "HttpParseError:unexpected_eof") << o.message;
  EXPECT_NE(o.message.find("closed the connection in the middle of a response"), std::string::npos)
      << o.message;
  EXPECT_LT(o.seconds, 1.5);
}

TEST_F(HostilePeer, ATrickleOfOneBytePerSecondHitsTheTimeout) {
  Outcome o = against("trickle");
  EXPECT_EQ(o.type, "TimeoutError") << o.message;
  EXPECT_GE(o.seconds, 0.95);
  EXPECT_LT(o.seconds, 2.0);
}

TEST_F(HostilePeer, SilenceHitsTheTimeout) {
  Outcome o = against("silent");
  EXPECT_EQ(o.type, "TimeoutError") << o.message;
  EXPECT_LT(o.seconds, 2.0);
}

TEST_F(HostilePeer, AServerThatHangsUpWithoutAnsweringIsReported) {
  Outcome o = against("reset");
  EXPECT_EQ(o.type, "ConnectionResetError") << o.message;
  EXPECT_NE(o.message.find("closed the connection without answering"), std::string::npos)
      << o.message;
}

TEST_F(HostilePeer, AnEndlessHeaderIsStoppedAtTheLimit) {
  Outcome o = against("huge-header");
  EXPECT_EQ(o.type, "HttpParseError:header_too_large") << o.message;
  EXPECT_LT(o.seconds, 1.5);
}
