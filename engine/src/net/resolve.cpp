// resolve.cpp — getaddrinfo on the loop's executor; numeric hosts converted in place.
#include <loopscope/net/resolve.hpp>

#include <loopscope/executor.hpp>
#include <loopscope/net/errors.hpp>

#include <netdb.h>

#include <functional>

namespace loopscope::net {

std::vector<SocketAddress> resolve_blocking(const std::string& host, std::uint16_t port) {
  if (auto a = SocketAddress::from_numeric(host, port)) return {*a};
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_protocol = IPPROTO_TCP;
  addrinfo* res = nullptr;
  std::string service = std::to_string(port);
  int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &res);
  if (rc != 0)
    throw ResolveError("cannot resolve '" + host + "': " + gai_strerror(rc), rc);
  std::vector<SocketAddress> out;
  for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next)
    if (ai->ai_family == AF_INET || ai->ai_family == AF_INET6)
      out.push_back(SocketAddress::from_sockaddr(ai->ai_addr, ai->ai_addrlen));
  ::freeaddrinfo(res);
  if (out.empty()) throw ResolveError("cannot resolve '" + host + "': no IPv4 or IPv6 address");
  return out;
}

Coro<std::vector<SocketAddress>> resolve(std::string host, std::uint16_t port) {
  if (auto a = SocketAddress::from_numeric(host, port)) co_return std::vector<SocketAddress>{*a};
  // Named locals, not temporaries inside `co_return co_await ...`: g++ 12 mishandles the
  // lifetime of a lambda temporary there (double destruction).
  std::function<std::vector<SocketAddress>()> job = [host, port] {
    return resolve_blocking(host, port);
  };
  std::vector<SocketAddress> found = co_await to_thread(std::move(job));
  co_return found;
}

}  // namespace loopscope::net
