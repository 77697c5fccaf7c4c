// Tests for net/http_message.hpp: header storage, lookups, tokens, request target parts.
#include <loopscope/net/http_message.hpp>

#include <gtest/gtest.h>

using namespace loopscope::net;

TEST(HttpHeaders, LooksNamesUpWithoutRegardToCase) {
  HttpHeaders h;
  h.add("Content-Type", "text/plain");
  EXPECT_EQ(h.get("content-type").value_or(""), "text/plain");
  EXPECT_EQ(h.get("CONTENT-TYPE").value_or(""), "text/plain");
  EXPECT_FALSE(h.get("Content-Length").has_value());
}

TEST(HttpHeaders, KeepsRepeatedFieldsInArrivalOrder) {
  HttpHeaders h{{"A", "1"}, {"B", "2"}, {"a", "3"}};
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[2].name, "a");
  EXPECT_EQ(h[2].value, "3");
  EXPECT_EQ(h.get("A").value_or(""), "1");
}

TEST(HttpHeaders, SetReplacesEveryFieldOfThatName) {
  HttpHeaders h{{"X", "1"}, {"Y", "2"}, {"x", "3"}};
  h.set("X", "9");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h.get("x").value_or(""), "9");
  EXPECT_EQ(h.remove("y"), 1u);
  EXPECT_EQ(h.size(), 1u);
}

TEST(HttpHeaders, FindsATokenInACommaSeparatedList) {
  HttpHeaders h{{"Connection", "keep-alive, Upgrade"}, {"Transfer-Encoding", "gzip,  chunked "}};
  EXPECT_TRUE(h.has_token("connection", "upgrade"));
  EXPECT_TRUE(h.has_token("Transfer-Encoding", "chunked"));
  EXPECT_FALSE(h.has_token("Connection", "close"));
}

TEST(HttpHeaders, AssemblesFieldsArrivingInPieces) {
  HttpHeaders h;
  h.append_name_piece("Ho", true);
  h.append_name_piece("st", false);
  h.append_value_piece("exa", true);
  h.append_value_piece("mple", false);
  h.append_name_piece("X", true);
  h.append_value_piece("1", true);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].name, "Host");
  EXPECT_EQ(h[0].value, "example");
  EXPECT_EQ(h.get("x").value_or(""), "1");
}

TEST(HttpRequest, SplitsTargetIntoPathAndQuery) {
  HttpRequest r;
  r.target = "/items?id=3&x=y";
  EXPECT_EQ(r.path(), "/items");
  EXPECT_EQ(r.query(), "id=3&x=y");
  r.target = "/plain";
  EXPECT_EQ(r.path(), "/plain");
  EXPECT_EQ(r.query(), "");
}

TEST(HttpResponse, KnowsStandardReasonPhrases) {
  EXPECT_STREQ(reason_phrase(404), "Not Found");
  EXPECT_STREQ(reason_phrase(431), "Request Header Fields Too Large");
  EXPECT_STREQ(reason_phrase(799), "Unknown");
}
