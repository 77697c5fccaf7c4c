// Tests for net/url.hpp: the http:// URLs a client accepts, and clear errors for the rest.
#include <loopscope/net/errors.hpp>
#include <loopscope/net/url.hpp>

#include <gtest/gtest.h>

using namespace loopscope::net;

TEST(Url, SplitsHostPortAndTarget) {
  Url u = parse_url("http://127.0.0.1:8080/items?id=3");
  EXPECT_EQ(u.host, "127.0.0.1");
  EXPECT_EQ(u.port, 8080);
  EXPECT_EQ(u.target, "/items?id=3");
  EXPECT_EQ(u.authority(), "127.0.0.1:8080");
}

TEST(Url, DefaultsToPort80AndPathSlash) {
  Url u = parse_url("http://localhost");
  EXPECT_EQ(u.port, 80);
  EXPECT_EQ(u.target, "/");
}

TEST(Url, AcceptsBracketedIpv6) {
  Url u = parse_url("http://[::1]:9000/x");
  EXPECT_EQ(u.host, "::1");
  EXPECT_EQ(u.port, 9000);
  EXPECT_EQ(u.authority(), "[::1]:9000");
}

TEST(Url, RejectsOtherSchemesWithAClearMessage) {
  try {
    parse_url("https://example.com/");
    FAIL() << "https accepted";
  } catch (const InvalidUrlError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("unsupported scheme 'https'"), std::string::npos) << what;
    EXPECT_NE(what.find("only plain http://"), std::string::npos) << what;
  }
  EXPECT_THROW(parse_url("ftp://x/"), InvalidUrlError);
  EXPECT_THROW(parse_url("localhost:80/"), InvalidUrlError);
  EXPECT_THROW(parse_url("http:///nohost"), InvalidUrlError);
}

TEST(Url, ResolvesRedirectLocations) {
  Url base = parse_url("http://127.0.0.1:81/a");
  EXPECT_EQ(resolve_location(base, "/b?c").to_string(), "http://127.0.0.1:81/b?c");
  EXPECT_EQ(resolve_location(base, "http://localhost:82/").authority(), "localhost:82");
  EXPECT_THROW(resolve_location(base, "relative"), InvalidUrlError);
}
