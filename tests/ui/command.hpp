#pragma once
// command.hpp — runs the built `loopscope` binary for the command-line and GUI tests.
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace loopscope::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `command` through /bin/sh with stderr merged into stdout.
inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.output.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// The display wrapper for GUI commands: a private Xvfb server at 1280x800.
inline std::string under_xvfb(const std::string& command) {
  return "xvfb-run -a -s '-screen 0 1280x800x24' " + command;
}

}  // namespace loopscope::testing
