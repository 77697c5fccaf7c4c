#pragma once
// commands.hpp — the subcommands of `loopscope`, one function each. main.cpp dispatches here.
// Every command takes the arguments after its name and returns the process exit code:
//   0 success; 1 invalid lesson / failed program / check found problems / no display;
//   2 usage error. Messages go to stderr as `file:line:col: message` where a file is involved.
// `--lessons DIR` (repeatable) is taken out of the arguments of run, check, open, shot and the
// bare command by main.cpp, before they see them (lesson/folders.hpp: set_command_line_folders).
#include <span>
#include <string>

namespace loopscope::cli {

using Args = std::span<const std::string>;

int run(Args args);     // loopscope run LESSON [--step N] [--set NAME=VALUE]... [--clock virtual|real]
                        //               [--json] [--trace FILE]          (cli/run.cpp)
int check(Args args);   // loopscope check [PATH...] [--format text|json] [--watch]  (cli/check.cpp)
int open(Args args);    // loopscope [open LESSON [--step N]]              (cli/gui.cpp)
int shot(Args args);    // loopscope shot [LESSON] [--step N] [--at SECS|--end] --out FILE.png
                        //               [--size WxH]                      (cli/gui.cpp)
int new_lesson(Args args);  // loopscope new ID [--dir DIR]               (cli/new.cpp)
int schema(Args args);  // loopscope schema                               (cli/schema.cpp)
int pack(Args args);    // loopscope pack DIR -o FILE.loopscope           (cli/pack.cpp)

// Prints "loopscope: MESSAGE" and a hint to try --help on stderr; returns 2.
int usage_error(const std::string& message);

}  // namespace loopscope::cli
