#pragma once
// net/url.hpp — the http:// URLs a client session accepts.
//
// parse_url() splits "http://host:port/path?query" (host may be a name, an IPv4 address or a
// bracketed IPv6 address) using http-parser's URL parser. Only plain http:// is supported:
// any other scheme, a missing host or a bad port is an InvalidUrlError whose message names the
// URL and says what is wrong.
#include <cstdint>
#include <string>
#include <string_view>

namespace loopscope::net {

struct Url {
  std::string scheme = "http";
  std::string host;          // without brackets for IPv6 ("::1")
  std::uint16_t port = 80;
  std::string target = "/";  // path and query, always starting with '/'

  // "host:port" as it goes in a Host field / an error message ("[::1]:8080" for IPv6).
  std::string authority() const;
  // The whole URL again.
  std::string to_string() const;
};

Url parse_url(std::string_view url);

// Resolves a redirect's Location against the URL that was requested: absolute http URLs are
// parsed, absolute paths keep the scheme/host/port of `base`.
Url resolve_location(const Url& base, std::string_view location);

}  // namespace loopscope::net
