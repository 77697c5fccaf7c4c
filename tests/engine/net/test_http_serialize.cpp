// Tests for net/http_serialize.hpp: framing decisions, round trips through the parsers, refusal
// of header injection.
#include <loopscope/net/http_parse.hpp>
#include <loopscope/net/http_serialize.hpp>

#include <gtest/gtest.h>

using namespace loopscope::net;

TEST(HttpSerialize, WritesAGetWithoutContentLength) {
  HttpRequest r;
  r.target = "/a?b=c";
  r.headers.add("Host", "127.0.0.1:80");
  std::string out;
  serialize(r, out);
  EXPECT_EQ(out, "GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n");
}

TEST(HttpSerialize, AddsContentLengthToAPost) {
  HttpRequest r;
  r.method = "POST";
  r.body = "data";
  std::string out;
  serialize(r, out);
  EXPECT_EQ(out, "POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\ndata");
}

TEST(HttpSerialize, RoundTripsARequestThroughTheParser) {
  // Designated initialisers: assigning short literals after default member initialisers trips a
  // g++ 12 -O2 false -Wmaybe-uninitialized.
  HttpRequest r{.method = "PUT", .target = "/x", .headers = {}, .body = std::string(1000, 'z')};
  r.headers.add("X-A", "1");
  std::string out;
  serialize(r, out);
  HttpRequestParser p;
  ASSERT_EQ(p.feed(out).status, ParseStatus::complete);
  EXPECT_EQ(p.message().method, "PUT");
  EXPECT_EQ(p.message().target, "/x");
  EXPECT_EQ(p.message().body, r.body);
  EXPECT_EQ(p.message().headers.get("x-a").value_or(""), "1");
}

TEST(HttpSerialize, WritesAChunkedResponseThatParsesBack) {
  HttpResponse r;
  r.headers.add("Transfer-Encoding", "chunked");
  r.body = "hello chunks";
  std::string out;
  serialize(r, out);
  EXPECT_NE(out.find("\r\n\r\nc\r\nhello chunks\r\n0\r\n\r\n"), std::string::npos);
  HttpResponseParser p;
  ASSERT_EQ(p.feed(out).status, ParseStatus::complete);
  EXPECT_EQ(p.message().body, "hello chunks");
}

TEST(HttpSerialize, UsesTheStandardReasonAndAlwaysFramesAResponse) {
  HttpResponse r;
  r.status = 404;
  std::string out;
  serialize(r, out);
  EXPECT_EQ(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
}

TEST(HttpSerialize, RefusesHeaderInjection) {
  HttpRequest r;
  r.headers.add("X", "a\r\nEvil: 1");
  std::string out;
  EXPECT_THROW(serialize(r, out), std::invalid_argument);
  HttpRequest t;
  t.target = "/a b";
  EXPECT_THROW(serialize(t, out), std::invalid_argument);
}

TEST(HttpSerialize, AppendsToTheGivenBuffer) {
  std::string out = "prefix|";
  append_chunk(out, "abc");
  append_chunk(out, "");
  append_last_chunk(out);
  EXPECT_EQ(out, "prefix|3\r\nabc\r\n0\r\n\r\n");
}
