#pragma once
// net/address.hpp — an IPv4 or IPv6 socket address (numeric host + port).
//
// A plain value: no name resolution happens here (see resolve.hpp). to_string() gives the form
// used in messages: "127.0.0.1:8080", "[::1]:8080".
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::net {

enum class AddressFamily : std::uint8_t { ipv4, ipv6 };

class SocketAddress {
public:
  SocketAddress() = default;
  // Parses a numeric host ("127.0.0.1", "::1", "[::1]"); nullopt when it is not numeric.
  static std::optional<SocketAddress> from_numeric(std::string_view host, std::uint16_t port);
  static SocketAddress from_sockaddr(const sockaddr* sa, socklen_t len);

  AddressFamily family() const noexcept;
  std::uint16_t port() const noexcept;
  std::string host() const;        // "127.0.0.1", "::1"
  std::string to_string() const;   // "127.0.0.1:8080", "[::1]:8080"

  const sockaddr* data() const noexcept { return reinterpret_cast<const sockaddr*>(&m_storage); }
  socklen_t size() const noexcept { return m_size; }
  int native_family() const noexcept { return m_storage.ss_family; }

private:
  sockaddr_storage m_storage{};
  socklen_t m_size = 0;
};

}  // namespace loopscope::net
