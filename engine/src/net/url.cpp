// url.cpp — http:// URLs through http-parser's URL parser.
#include <loopscope/net/url.hpp>

#include <loopscope/net/errors.hpp>

#include <http_parser.h>

namespace loopscope::net {

namespace {
[[noreturn]] void bad(std::string_view url, const std::string& why) {
  throw InvalidUrlError("invalid URL '" + std::string(url) + "': " + why);
}
bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}
}  // namespace

std::string Url::authority() const {
  // Built by appending: g++ 12 at -O2 warns falsely (-Wrestrict) on "[" + std::string.
  std::string out;
  bool v6 = host.find(':') != std::string::npos;
  if (v6) out.push_back('[');
  out.append(host);
  if (v6) out.push_back(']');
  out.push_back(':');
  out.append(std::to_string(port));
  return out;
}

std::string Url::to_string() const { return scheme + "://" + authority() + target; }

Url parse_url(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) bad(url, "expected http://host[:port]/path");
  std::string_view scheme = url.substr(0, scheme_end);
  if (!ieq(scheme, "http"))
    bad(url, "unsupported scheme '" + std::string(scheme) +
                 "' (only plain http:// is supported; https is not)");
  http_parser_url u;
  http_parser_url_init(&u);
  if (http_parser_parse_url(url.data(), url.size(), 0, &u) != 0) bad(url, "not a valid URL");
  if (!(u.field_set & (1 << UF_HOST)) || u.field_data[UF_HOST].len == 0) bad(url, "no host");
  if (u.field_set & (1 << UF_USERINFO)) bad(url, "user information in URLs is not supported");
  Url out;
  out.scheme = "http";
  out.host.assign(url.data() + u.field_data[UF_HOST].off, u.field_data[UF_HOST].len);
  if (u.field_set & (1 << UF_PORT)) {
    if (u.port == 0) bad(url, "port 0 is not a port one can connect to");
    out.port = u.port;
  }
  std::string target;
  if (u.field_set & (1 << UF_PATH))
    target.assign(url.data() + u.field_data[UF_PATH].off, u.field_data[UF_PATH].len);
  if (target.empty()) target.push_back('/');  // not = "/": g++ 12 -O2 false -Wrestrict
  if (u.field_set & (1 << UF_QUERY)) {
    target.push_back('?');
    target.append(url.data() + u.field_data[UF_QUERY].off, u.field_data[UF_QUERY].len);
  }
  out.target = std::move(target);
  return out;
}

Url resolve_location(const Url& base, std::string_view location) {
  if (location.find("://") != std::string_view::npos) return parse_url(location);
  Url out = base;
  if (location.empty() || location.front() != '/')
    throw InvalidUrlError("unsupported redirect location '" + std::string(location) +
                          "' (expected an absolute path or an http:// URL)");
  out.target = std::string(location);
  return out;
}

}  // namespace loopscope::net
