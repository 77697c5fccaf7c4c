#pragma once
// peer_process.hpp — test helper: run a peer program (python3 aiohttp, curl) as a subprocess.
//
// PeerProcess starts a long-lived peer with pipes on stdin and stdout; the peer prints
// "PORT <n>" when it listens and exits when its stdin closes. Every wait is bounded (poll with a
// timeout), and the destructor closes stdin, then kills the process if it has not exited, so no
// peer outlives its test. run_command() runs a short-lived program to completion (bounded) and
// returns its exit status and stdout; tests call it through to_thread so the loop keeps serving.
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <spawn.h>
#include <string>
#include <string_view>
#include <utility>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace loopscope::net::testing {

inline constexpr const char* python3 = "/usr/bin/python3";

inline std::string peer_script(std::string_view name) {
  return std::string(LOOPSCOPE_NET_PEERS_DIR) + "/" + std::string(name);
}

class PeerProcess {
public:
  explicit PeerProcess(const std::vector<std::string>& argv) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (posix_spawn(&m_pid, args[0], &fa, nullptr, args.data(), environ) != 0) m_pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    ::close(in[0]);
    ::close(out[1]);
    m_stdin = in[1];
    m_stdout = out[0];
  }
  PeerProcess(const PeerProcess&) = delete;
  PeerProcess& operator=(const PeerProcess&) = delete;
  ~PeerProcess() { stop(); }

  bool started() const { return m_pid > 0; }

  // The next stdout line, or nullopt when none arrives within `timeout` seconds.
  std::optional<std::string> read_line(double timeout) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
    for (;;) {
      auto nl = m_buffer.find('\n');
      if (nl != std::string::npos) {
        std::string line = m_buffer.substr(0, nl);
        m_buffer.erase(0, nl + 1);
        return line;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || m_stdout < 0) return std::nullopt;
      pollfd p{m_stdout, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[4096];
      ssize_t n = ::read(m_stdout, buf, sizeof buf);
      if (n <= 0) return std::nullopt;
      m_buffer.append(buf, static_cast<std::size_t>(n));
    }
  }

  // Waits (bounded) for the "PORT <n>" line; 0 when it did not come.
  int port(double timeout = 20.0) {
    while (auto line = read_line(timeout))
      if (line->rfind("PORT ", 0) == 0) return std::stoi(line->substr(5));
    return 0;
  }

  // Everything the process writes to stdout until it closes it (bounded by `timeout`).
  std::string read_all(double timeout) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
    while (m_stdout >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{m_stdout, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[4096];
      ssize_t n = ::read(m_stdout, buf, sizeof buf);
      if (n <= 0) break;
      m_buffer.append(buf, static_cast<std::size_t>(n));
    }
    return std::exchange(m_buffer, {});
  }

  // Closes stdin and waits for the exit status (killing the process after 2 s); -1 if killed.
  int wait_exit_code() {
    if (m_stdin >= 0) ::close(m_stdin);
    m_stdin = -1;
    int status = 0;
    for (int i = 0; i < 200 && m_pid > 0; ++i) {
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      ::usleep(10'000);
    }
    stop();
    return -1;
  }

  void stop() {
    if (m_stdin >= 0) ::close(m_stdin);
    m_stdin = -1;
    if (m_pid > 0) {
      int status = 0;
      for (int i = 0; i < 200; ++i) {  // up to 2 s to exit on its own
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
          m_pid = -1;
          break;
        }
        ::usleep(10'000);
      }
      if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
      }
    }
    if (m_stdout >= 0) ::close(m_stdout);
    m_stdout = -1;
  }

private:
  pid_t m_pid = -1;
  int m_stdin = -1;
  int m_stdout = -1;
  std::string m_buffer;
};

struct CommandResult {
  int exit_code = -1;  // -1: could not start or was killed at the timeout
  std::string out;
};

// Runs argv to completion, killing it after `timeout` seconds. Blocking: call via to_thread.
inline CommandResult run_command(const std::vector<std::string>& argv, double timeout = 30.0) {
  CommandResult result;
  PeerProcess p(argv);
  if (!p.started()) return result;
  result.out = p.read_all(timeout);
  result.exit_code = p.wait_exit_code();
  return result;
}

}  // namespace loopscope::net::testing
