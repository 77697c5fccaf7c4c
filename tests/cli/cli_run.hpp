#pragma once
// cli_run.hpp — runs the built `loopscope` with its output captured, for the CLI tests.
// Every run is isolated from the machine's own lesson folders: XDG_DATA_HOME points at an
// empty folder and LOOPSCOPE_LESSONS_PATH is empty, unless the test's `env` says otherwise.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace loopscope::cli::testing {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

inline const std::string exe = LOOPSCOPE_EXE;

// Runs `loopscope ARGS` with stdout and stderr captured separately; `env` is prefixed
// (VAR=value …) after the isolation defaults, so it can override them.
inline Result run(const std::string& args, const std::string& env = "") {
  namespace fs = std::filesystem;
  const fs::path err_file = fs::temp_directory_path() / ("loopscope-cli-err-" + std::to_string(::getpid()));
  const fs::path no_data = fs::temp_directory_path() / ("loopscope-cli-no-data-" + std::to_string(::getpid()));
  Result r;
  const std::string isolation = "XDG_DATA_HOME=" + no_data.string() + " LOOPSCOPE_LESSONS_PATH= ";
  FILE* pipe = ::popen(("env " + isolation + env + " " + exe + " " + args + " 2>" + err_file.string()).c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::ostringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  fs::remove(err_file);
  return r;
}

}  // namespace loopscope::cli::testing
