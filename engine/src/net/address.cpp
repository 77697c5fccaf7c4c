// address.cpp — numeric socket addresses.
#include <loopscope/net/address.hpp>

#include <arpa/inet.h>

#include <cstring>

namespace loopscope::net {

std::optional<SocketAddress> SocketAddress::from_numeric(std::string_view host,
                                                         std::uint16_t port) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  std::string h(host);
  SocketAddress a;
  sockaddr_in v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    v4.sin_port = htons(port);
    std::memcpy(&a.m_storage, &v4, sizeof v4);
    a.m_size = sizeof v4;
    return a;
  }
  sockaddr_in6 v6{};
  if (inet_pton(AF_INET6, h.c_str(), &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    v6.sin6_port = htons(port);
    std::memcpy(&a.m_storage, &v6, sizeof v6);
    a.m_size = sizeof v6;
    return a;
  }
  return std::nullopt;
}

SocketAddress SocketAddress::from_sockaddr(const sockaddr* sa, socklen_t len) {
  SocketAddress a;
  if (len > sizeof a.m_storage) len = sizeof a.m_storage;
  std::memcpy(&a.m_storage, sa, len);
  a.m_size = len;
  return a;
}

AddressFamily SocketAddress::family() const noexcept {
  return m_storage.ss_family == AF_INET6 ? AddressFamily::ipv6 : AddressFamily::ipv4;
}

std::uint16_t SocketAddress::port() const noexcept {
  if (m_storage.ss_family == AF_INET6)
    return ntohs(reinterpret_cast<const sockaddr_in6*>(&m_storage)->sin6_port);
  if (m_storage.ss_family == AF_INET)
    return ntohs(reinterpret_cast<const sockaddr_in*>(&m_storage)->sin_port);
  return 0;
}

std::string SocketAddress::host() const {
  char buf[INET6_ADDRSTRLEN] = {0};
  if (m_storage.ss_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&m_storage)->sin6_addr, buf,
              sizeof buf);
  else if (m_storage.ss_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&m_storage)->sin_addr, buf,
              sizeof buf);
  return buf;
}

std::string SocketAddress::to_string() const {
  // Built by appending: g++ 12 at -O2 warns falsely (-Wrestrict) on "[" + std::string&&.
  std::string out;
  bool v6 = m_storage.ss_family == AF_INET6;
  if (v6) out.push_back('[');
  out.append(host());
  if (v6) out.push_back(']');
  out.push_back(':');
  out.append(std::to_string(port()));
  return out;
}

}  // namespace loopscope::net
