#pragma once
// net/http_limits.hpp — how much a peer may send in one HTTP message.
//
// Both parsers enforce these while bytes arrive, so a hostile peer is stopped as soon as it goes
// over a limit (not after it has sent everything). A request over a head limit is answered 431,
// over the body limit 413; a response over a limit is an HttpParseError on the client.
#include <cstddef>

namespace loopscope::net {

struct HttpLimits {
  std::size_t max_header_bytes = 16 * 1024;       // request/status line + all header fields
  std::size_t max_header_count = 100;             // number of header fields
  std::size_t max_body_bytes = 8 * 1024 * 1024;   // decoded body (after de-chunking)
};

}  // namespace loopscope::net
