#pragma once
// commands.hpp — the subcommands of `loopscope`, one function each. main.cpp dispatches here.
// Every command takes the arguments after its name and returns the process exit code:
//   0 success; 1 invalid lesson / failed program / check found problems / no display;
//   2 usage error. Messages go to stderr as `file:line:col: message` where a file is involved.
#include <span>
#include <string>

namespace loopscope::cli {

using Args = std::span<const std::string>;

int run(Args args);    // loopscope run LESSON [--step N] [--set NAME=VALUE]... [--clock virtual|real]
                       //               [--json] [--trace FILE]          (cli/run.cpp)
int check(Args args);  // loopscope check [PATH...]                       (cli/check.cpp)
int open(Args args);   // loopscope [open LESSON [--step N]]              (cli/gui.cpp)
int shot(Args args);   // loopscope shot [LESSON] [--step N] [--at SECS|--end] --out FILE.png
                       //               [--size WxH]                      (cli/gui.cpp)

// Prints "loopscope: MESSAGE" and a hint to try --help on stderr; returns 2.
int usage_error(const std::string& message);

}  // namespace loopscope::cli
