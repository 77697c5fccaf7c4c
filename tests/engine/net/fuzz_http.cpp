// fuzz_http.cpp — libFuzzer harness for the HTTP parsing paths.
//
// Input layout: byte 0 chooses the mode (bit 0: request or response parser, bit 1: the response
// answers a HEAD, bits 2-7: the size of the pieces the rest is fed in, 1..64); the remaining bytes
// are what a peer sends. The harness feeds them piece by piece, takes every complete message,
// re-serialises each request and parses it back (the body must survive the round trip), ends with
// an EOF, and also hands the bytes to the URL parser. Any crash, sanitizer report, leak or hang
// is a bug. Built for fuzzing by tests/engine/net/fuzz.sh (clang -fsanitize=fuzzer); replayed over
// tests/engine/net/corpus/ in the normal test run by fuzz_replay_main.cpp.
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_parse.hpp>
#include <loopscope/net/http_serialize.hpp>
#include <loopscope/net/url.hpp>

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

using namespace loopscope::net;

namespace {

HttpLimits fuzz_limits() {
  HttpLimits l;
  l.max_header_bytes = 2048;
  l.max_header_count = 32;
  l.max_body_bytes = 16 * 1024;
  return l;
}

void check_round_trip(const HttpRequest& m) {
  std::string out;
  try {
    serialize(m, out);
  } catch (const std::invalid_argument&) {
    return;  // a field we refuse to write (cannot come from a parsed message, but be lenient)
  }
  HttpRequestParser again(HttpLimits{1 << 20, 1000, 1 << 20});
  ParseResult r = again.feed(out);
  if (r.status == ParseStatus::complete && again.message().body != m.body) std::abort();
  if (r.status == ParseStatus::complete && again.message().target != m.target) std::abort();
}

template <class Parser>
void run(Parser& p, std::string_view data, std::size_t piece, bool is_request) {
  int messages = 0;
  while (!data.empty()) {
    std::string_view chunk = data.substr(0, piece);
    ParseResult r = p.feed(chunk);
    if (r.consumed > chunk.size()) std::abort();
    if (r.status == ParseStatus::error) return;
    // need_more promises every byte was taken; anything else would stall a connection.
    if (r.status == ParseStatus::need_more && r.consumed != chunk.size()) std::abort();
    if (r.status == ParseStatus::complete) {
      if constexpr (std::is_same_v<Parser, HttpRequestParser>) {
        if (is_request) check_round_trip(p.message());
      }
      p.next_message();
      if (++messages > 10000) std::abort();
      // A complete message is made of at least one byte: a parser that completes without
      // progress would make a server spin on the same bytes forever.
      if (r.consumed == 0) std::abort();
    }
    data.remove_prefix(r.consumed);
  }
  ParseResult end = p.feed_eof();
  if (end.status == ParseStatus::error && p.error_kind() == HttpErrorKind::none) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  std::uint8_t mode = bytes[0];
  std::string_view data(reinterpret_cast<const char*>(bytes + 1), size - 1);
  std::size_t piece = 1 + (mode >> 2);
  if (mode & 1) {
    HttpResponseParser p(fuzz_limits());
    if (mode & 2) p.expect_no_body();
    run(p, data, piece, false);
  } else {
    HttpRequestParser p(fuzz_limits());
    run(p, data, piece, true);
  }
  try {
    Url u = parse_url(data);
    if (u.host.empty()) std::abort();
    (void)resolve_location(u, "/x");
  } catch (const InvalidUrlError&) {
  }
  return 0;
}
