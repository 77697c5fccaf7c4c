#pragma once
// net/resolve.hpp — name resolution off the loop thread.
//
// resolve() returns the addresses for host:port, IPv6 and IPv4, in the resolver's order.
// A numeric host ("127.0.0.1", "::1", "[::1]") is converted at once, without leaving the loop.
// Any other name goes to getaddrinfo() on the loop's executor (to_thread), so the loop keeps
// running while the resolver blocks; the awaiting task is suspended with AwaitKind::executor.
// Cancelling the awaiting task abandons the lookup: the task gets CancelledError at once and
// the worker's late answer is dropped. Failure: ResolveError ("cannot resolve 'nohost.invalid':
// Name or service not known").
#include <loopscope/coro.hpp>
#include <loopscope/net/address.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace loopscope::net {

Coro<std::vector<SocketAddress>> resolve(std::string host, std::uint16_t port);

// The blocking lookup itself (what runs on the executor); throws ResolveError.
std::vector<SocketAddress> resolve_blocking(const std::string& host, std::uint16_t port);

}  // namespace loopscope::net
