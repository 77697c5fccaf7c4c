// main.cpp — the `loopscope` command: parses the subcommand and dispatches to cli/.
#include "cli/commands.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace {

constexpr const char* help_text = R"help(loopscope — watch asynchronous programs run, one loop iteration at a time.

Usage:
  loopscope                          open the app on the lesson browser (or the last lesson)
  loopscope open LESSON [--step N]   open the app on a lesson (id or path)
  loopscope run LESSON [--step N] [--set NAME=VALUE]... [--clock virtual|real] [--json] [--trace FILE]
                                     run one step's program headless on the engine, print its output;
                                     --json prints the output, duration, tasks, warnings and error;
                                     --trace writes a Chrome trace-event JSON (opens in Perfetto)
  loopscope check [PATH...]          validate lessons (schema + run + expect); errors as file:line:col
  loopscope shot [LESSON] [--step N] [--at SECS|--end] --out FILE.png [--size WxH]
                                     render the app at that moment to a PNG (needs a display);
                                     --bench FRAMES also times that many frames (median ms)
  loopscope --version | --help

LESSON is a lesson id (found in the lessons directory) or a path to a lesson JSON file.
Steps are numbered from 1.
Exit codes: 0 success; 1 invalid lesson, failed program, problems found, or no display; 2 usage error.
)help";

}  // namespace

namespace loopscope::cli {
int usage_error(const std::string& message) {
  std::fprintf(stderr, "loopscope: %s\nTry 'loopscope --help'.\n", message.c_str());
  return 2;
}
}  // namespace loopscope::cli

int main(int argc, char** argv) {
  using namespace loopscope;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return cli::open({});
  const std::string cmd = args.front();
  const cli::Args rest(args.data() + 1, args.size() - 1);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(help_text, stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::printf("loopscope %s\n", LOOPSCOPE_VERSION);
    return 0;
  }
  if (cmd == "run") return cli::run(rest);
  if (cmd == "check") return cli::check(rest);
  if (cmd == "open") return cli::open(rest);
  if (cmd == "shot") return cli::shot(rest);
  return cli::usage_error("unknown command '" + cmd + "'");
}
