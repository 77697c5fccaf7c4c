// Tests for net/http_parse.hpp: incremental parsing, framing, pipelining, limits, typed errors.
#include <loopscope/net/http_parse.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace loopscope::net;

namespace {

// Feeds `bytes` one byte at a time; returns the status of the last call.
template <class Parser>
ParseStatus feed_bytewise(Parser& p, std::string_view bytes) {
  ParseStatus st = ParseStatus::need_more;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    ParseResult r = p.feed(bytes.substr(i, 1));
    st = r.status;
    if (st != ParseStatus::need_more) {
      EXPECT_EQ(i + 1, bytes.size()) << "stopped early at byte " << i;
      return st;
    }
  }
  return st;
}

}  // namespace

TEST(HttpRequestParser, ParsesAGetFedOneByteAtATime) {
  HttpRequestParser p;
  std::string raw = "GET /hello?x=1 HTTP/1.1\r\nHost: localhost\r\nX-Two: a b\r\n\r\n";
  ASSERT_EQ(feed_bytewise(p, raw), ParseStatus::complete);
  HttpRequest& m = p.message();
  EXPECT_EQ(m.method, "GET");
  EXPECT_EQ(m.target, "/hello?x=1");
  EXPECT_EQ(m.version_minor, 1);
  EXPECT_EQ(m.headers.get("host").value_or(""), "localhost");
  EXPECT_EQ(m.headers.get("x-two").value_or(""), "a b");
  EXPECT_TRUE(m.body.empty());
  EXPECT_TRUE(m.keep_alive);
}

TEST(HttpRequestParser, ReadsAContentLengthBody) {
  HttpRequestParser p;
  std::string raw = "POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello";
  ParseResult r = p.feed(raw);
  ASSERT_EQ(r.status, ParseStatus::complete);
  EXPECT_EQ(r.consumed, raw.size());
  EXPECT_EQ(p.message().body, "hello");
}

TEST(HttpRequestParser, DecodesAChunkedBody) {
  HttpRequestParser p;
  std::string raw =
      "POST /up HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
  ASSERT_EQ(feed_bytewise(p, raw), ParseStatus::complete);
  EXPECT_EQ(p.message().body, "hello world");
}

TEST(HttpRequestParser, StopsAtTheEndOfEachPipelinedRequest) {
  HttpRequestParser p;
  std::string raw =
      "GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nokGET /c HTTP/1.1\r\n\r\n";
  std::string_view rest = raw;
  std::vector<std::string> targets;
  while (!rest.empty()) {
    ParseResult r = p.feed(rest);
    ASSERT_EQ(r.status, ParseStatus::complete);
    targets.push_back(p.message().target);
    rest.remove_prefix(r.consumed);
    p.next_message();
  }
  EXPECT_EQ(targets, (std::vector<std::string>{"/a", "/b", "/c"}));
}

TEST(HttpRequestParser, HonoursConnectionCloseAndHttp10) {
  HttpRequestParser p;
  ASSERT_EQ(p.feed("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").status, ParseStatus::complete);
  EXPECT_FALSE(p.message().keep_alive);
  HttpRequestParser q;
  ASSERT_EQ(q.feed("GET / HTTP/1.0\r\n\r\n").status, ParseStatus::complete);
  EXPECT_FALSE(q.message().keep_alive);
  EXPECT_EQ(q.message().version_minor, 0);
}

TEST(HttpRequestParser, RejectsGarbageAsMalformed) {
  HttpRequestParser p;
  ParseResult r = p.feed("\x01\x02 NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(r.status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::malformed);
  EXPECT_EQ(status_for(p.error_kind()), 400);
  EXPECT_NE(p.error_message().find("malformed HTTP request"), std::string::npos);
  // Stays in error.
  EXPECT_EQ(p.feed("GET / HTTP/1.1\r\n\r\n").status, ParseStatus::error);
}

TEST(HttpRequestParser, StopsAnOversizedHeadAsSoonAsItGoesOverTheLimit) {
  HttpLimits limits;
  limits.max_header_bytes = 1024;
  HttpRequestParser p(limits);
  ASSERT_EQ(p.feed("GET / HTTP/1.1\r\nX-Big: ").status, ParseStatus::need_more);
  std::string filler(2000, 'a');  // no end of head in sight: must fail now, not later
  ParseResult r = p.feed(filler);
  EXPECT_EQ(r.status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::header_too_large);
  EXPECT_EQ(status_for(p.error_kind()), 431);
}

TEST(HttpRequestParser, LimitsTheNumberOfHeaderFields) {
  HttpLimits limits;
  limits.max_header_count = 3;
  HttpRequestParser p(limits);
  std::string raw = "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n";
  EXPECT_EQ(p.feed(raw).status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::header_too_large);
}

TEST(HttpRequestParser, RefusesADeclaredBodyOverTheLimitBeforeReadingIt) {
  HttpLimits limits;
  limits.max_body_bytes = 10;
  HttpRequestParser p(limits);
  ParseResult r = p.feed("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n");
  EXPECT_EQ(r.status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::body_too_large);
  EXPECT_EQ(status_for(p.error_kind()), 413);
}

TEST(HttpRequestParser, RefusesAChunkedBodyThatGrowsOverTheLimit) {
  HttpLimits limits;
  limits.max_body_bytes = 8;
  HttpRequestParser p(limits);
  ParseResult r =
      p.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\nworld\r\n");
  EXPECT_EQ(r.status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::body_too_large);
}

TEST(HttpRequestParser, TreatsACloseBetweenRequestsAsClean) {
  HttpRequestParser p;
  EXPECT_EQ(p.feed_eof().status, ParseStatus::need_more);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::none);
}

TEST(HttpRequestParser, ReportsACloseInsideABodyAsUnexpectedEof) {
  HttpRequestParser p;
  ASSERT_EQ(p.feed("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc").status,
            ParseStatus::need_more);
  EXPECT_TRUE(p.in_message());
  EXPECT_EQ(p.feed_eof().status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::unexpected_eof);
  EXPECT_THROW(p.throw_error(), HttpParseError);
}

TEST(HttpRequestParser, ReusesStorageAcrossMessages) {
  HttpRequestParser p;
  std::string raw = "GET /x HTTP/1.1\r\nHost: h\r\n\r\n";
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(p.feed(raw).status, ParseStatus::complete);
    EXPECT_EQ(p.message().headers.size(), 1u);
    EXPECT_EQ(p.message().target, "/x");
    p.next_message();
  }
}

TEST(HttpResponseParser, ParsesStatusReasonHeadersAndBody) {
  HttpResponseParser p;
  std::string raw = "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\nServer: t\r\n\r\nnop";
  ASSERT_EQ(feed_bytewise(p, raw), ParseStatus::complete);
  HttpResponse& m = p.message();
  EXPECT_EQ(m.status, 404);
  EXPECT_EQ(m.reason, "Not Found");
  EXPECT_EQ(m.body, "nop");
  EXPECT_FALSE(m.ok());
}

TEST(HttpResponseParser, DecodesAChunkedResponse) {
  HttpResponseParser p;
  std::string raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "3\r\nabc\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n";
  ASSERT_EQ(p.feed(raw).status, ParseStatus::complete);
  EXPECT_EQ(p.message().body, "abcabcdefghijklmnopqrstuvwxyz");
}

TEST(HttpResponseParser, ReadsABodyDelimitedByTheEndOfTheConnection) {
  HttpResponseParser p;
  ASSERT_EQ(p.feed("HTTP/1.0 200 OK\r\n\r\nuntil the end").status, ParseStatus::need_more);
  EXPECT_EQ(p.feed_eof().status, ParseStatus::complete);
  EXPECT_EQ(p.message().body, "until the end");
  EXPECT_FALSE(p.message().keep_alive);
}

TEST(HttpResponseParser, IgnoresTheBodyLengthOfAHeadResponse) {
  HttpResponseParser p;
  p.expect_no_body();
  ParseResult r = p.feed("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
  EXPECT_EQ(r.status, ParseStatus::complete);
  EXPECT_TRUE(p.message().body.empty());
}

TEST(HttpResponseParser, KnowsThat204HasNoBody) {
  HttpResponseParser p;
  EXPECT_EQ(p.feed("HTTP/1.1 204 No Content\r\n\r\n").status, ParseStatus::complete);
}

TEST(HttpResponseParser, ReportsAResponseCutShortAsUnexpectedEof) {
  HttpResponseParser p;
  ASSERT_EQ(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort").status,
            ParseStatus::need_more);
  EXPECT_EQ(p.feed_eof().status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::unexpected_eof);
  EXPECT_NE(p.error_message().find("closed the connection in the middle of a response"),
            std::string::npos);
}

TEST(HttpResponseParser, RejectsAnOversizedResponseHead) {
  HttpLimits limits;
  limits.max_header_bytes = 64;
  HttpResponseParser p(limits);
  std::string raw = "HTTP/1.1 200 OK\r\nX: " + std::string(100, 'v') + "\r\n\r\n";
  EXPECT_EQ(p.feed(raw).status, ParseStatus::error);
  EXPECT_EQ(p.error_kind(), HttpErrorKind::header_too_large);
  EXPECT_NE(p.error_message().find("response header too large"), std::string::npos);
}
