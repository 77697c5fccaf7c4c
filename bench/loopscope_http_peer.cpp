// loopscope_http_peer.cpp — the engine's peer in bench/run for the http workload.
//
// Usage: loopscope_http_peer [http | http-streams] [--trace] [--repeat N]
//   http          (peer=loopscope) the engine's real HTTP/1.1: net::HttpServer with one GET route
//                 and one net::ClientSession per client (full parsing with http-parser, real
//                 headers: Content-Type, Content-Length, Date-less keep-alive responses).
//   http-streams  (peer=loopscope-streams) the same minimal hand-written HTTP as the asyncio,
//                 uvloop and Node peers, over the engine's streams (start_server /
//                 open_connection): read to the blank line, honour Content-Length.
// The workload: 100 clients x 100 sequential keep-alive GETs of a 13-byte body on 127.0.0.1,
// server and clients in this process on one loop (real clock). Prints e.g.
//   peer=loopscope workload=http n=10000 seconds=0.12 req_per_s=83000 cpu_seconds=0.11
//
// Sections: helpers · http (HttpServer + ClientSession) · http-streams · main
#include "stopwatch.hpp"

#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>
#include <loopscope/net/http_client.hpp>
#include <loopscope/net/http_server.hpp>
#include <loopscope/net/stream.hpp>
#include <loopscope/task.hpp>
#include <loopscope/trace.hpp>


#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace loopscope;

constexpr std::string_view body_text = "Hello, world!";
constexpr int clients_n = 100;
constexpr int requests_n = 100;

// ---- helpers -----------------------------------------------------------------------------

std::string result_fields(double dt, double cpu) {
  char buf[160];
  double n = double(clients_n) * requests_n;
  std::snprintf(buf, sizeof buf, "n=%.0f seconds=%.6g req_per_s=%.6g cpu_seconds=%.6g", n, dt,
                n / dt, cpu);
  return buf;
}

// Runs clients_n clients (each made by make_client()) at once and times them, from before the
// first is created to after the gather returns. Returns the result fields.
template <class MakeClient> Coro<std::string> time_clients(MakeClient make_client) {
  loopscope::bench::Stopwatch sw;
  std::vector<Task<void>> clients;
  clients.reserve(clients_n);
  for (int i = 0; i < clients_n; ++i) clients.push_back(create_task(make_client()));
  co_await gather(std::move(clients));
  co_return result_fields(sw.wall_seconds(), sw.cpu_seconds());
}

// ---- http (HttpServer + ClientSession) ---------------------------------------------------
Coro<void> http_client(std::string url) {
  net::ClientSession session;  // one keep-alive connection per client, like the aiohttp peer
  for (int i = 0; i < requests_n; ++i) {
    net::HttpResponse r = co_await session.get(url);
    if (r.status != 200 || r.body != body_text) throw std::runtime_error("bad response");
  }
  session.close();
}

Coro<std::string> http_workload() {
  net::HttpServer server;
  server.get("/", [](const net::HttpRequest&) -> Coro<net::HttpResponse> {
    net::HttpResponse r;
    r.headers.set("Content-Type", "text/plain");
    r.body = std::string(body_text);
    co_return r;
  });
  co_await server.start();
  std::string url = server.url("/");
  std::string result = co_await time_clients([&url] { return http_client(url); });
  server.close();
  co_await server.wait_closed();
  co_return result;
}

// ---- http-streams ------------------------------------------------------------------------
constexpr std::string_view raw_response =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, world!";
constexpr std::string_view raw_request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

// Waits until the reader's buffer holds a complete head; returns its length (with the blank
// line), or 0 at end of stream.
Coro<std::size_t> read_head(net::StreamReader& reader) {
  for (;;) {
    std::size_t end = reader.buffered().find("\r\n\r\n");
    if (end != std::string_view::npos) co_return end + 4;
    if (co_await reader.fill() == 0) co_return 0;
  }
}

Coro<void> raw_server_conn(net::StreamReader reader, net::StreamWriter writer) {
  for (;;) {
    std::size_t head = co_await read_head(reader);
    if (head == 0) break;
    reader.consume(head);
    writer.write(raw_response);
    co_await writer.drain();
  }
}

std::size_t content_length(std::string_view head) {
  for (std::size_t pos = 0; pos < head.size();) {
    std::size_t eol = head.find("\r\n", pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view line = head.substr(pos, eol - pos);
    if (line.size() > 15 && strncasecmp(line.data(), "content-length:", 15) == 0)
      return std::strtoul(std::string(line.substr(15)).c_str(), nullptr, 10);
    pos = eol + 2;
  }
  return 0;
}

Coro<void> raw_client(std::uint16_t port) {
  net::Connection c = co_await net::open_connection("127.0.0.1", port);
  for (int i = 0; i < requests_n; ++i) {
    c.writer.write(raw_request);
    std::size_t head = co_await read_head(c.reader);
    if (head == 0) throw std::runtime_error("server closed");
    std::size_t length = content_length(c.reader.buffered().substr(0, head));
    c.reader.consume(head);
    std::string body = co_await c.reader.read_exactly(length);
    if (body != body_text) throw std::runtime_error("bad body");
  }
  c.writer.close();
  co_await c.writer.wait_closed();
}

Coro<std::string> http_streams_workload() {
  net::Server server = co_await net::start_server(raw_server_conn, "127.0.0.1", 0);
  std::uint16_t port = server.port();
  std::string result = co_await time_clients([port] { return raw_client(port); });
  server.close();
  co_await server.wait_closed();
  co_return result;
}

}  // namespace

// ---- main --------------------------------------------------------------------------------
int main(int argc, char** argv) {
  std::string_view mode = "http";
  bool traced = false;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--trace") == 0) traced = true;
    else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "http") == 0 || std::strcmp(argv[i], "http-streams") == 0)
      mode = argv[i];
    else {
      std::fprintf(stderr, "usage: %s [http|http-streams] [--trace] [--repeat N]\n", argv[0]);
      return 2;
    }
  }
  std::string peer = mode == "http" ? "loopscope" : "loopscope-streams";
  if (traced) peer += "+trace";

  TraceRecorder recorder;
  for (int r = 0; r < std::max(repeat, 1); ++r) {
    recorder.clear();
    std::string fields;
    {
      EventLoop loop(ClockKind::real_time);
      if (traced) loop.set_trace(&recorder);
      fields = mode == "http" ? loop.run_until_complete(http_workload())
                              : loop.run_until_complete(http_streams_workload());
      loop.close();
    }
    std::printf("peer=%s workload=http %s", peer.c_str(), fields.c_str());
    if (traced) std::printf(" events=%zu", recorder.size());
    std::printf("\n");
    std::fflush(stdout);
  }
  return 0;
}
