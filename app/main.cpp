// main.cpp — the `loopscope` command: parses the subcommand and dispatches to cli/.
#include "cli/commands.hpp"

#include "lesson/folders.hpp"

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr const char* help_text = R"help(loopscope — watch asynchronous programs run, one loop iteration at a time.

Usage:
  loopscope                          open the app on the lesson browser (or the last lesson)
  loopscope open LESSON [--step N]   open the app on a lesson (id, path, .loopscope bundle or .py program)
  loopscope run LESSON [--step N] [--set NAME=VALUE]... [--clock virtual|real] [--json] [--trace FILE]
                                     run one step's Python listing headless on the engine, print its output;
                                     --json prints the output, duration, tasks, warnings and error;
                                     --trace writes a Chrome trace-event JSON (opens in Perfetto)
  loopscope check [PATH...] [--format text|json] [--watch]
                                     validate lessons (schema + run + expect + exercises); problems as
                                     file:line:col on stderr, or as JSON on stdout; --watch
                                     rechecks on every save and prints what changed
  loopscope shot [LESSON] [--step N] [--at SECS|--end] --out FILE.png [--size WxH]
                                     render the app at that moment to a PNG (needs a display);
                                     --bench FRAMES also times that many frames (median ms);
                                     --layout-report prints the text that frame cut, as JSON
                                     (--out is then optional)
  loopscope new ID [--dir DIR]       write DIR/ID.json, a new lesson that passes check
  loopscope schema                   print the path of the lesson JSON Schema
  loopscope pack DIR -o FILE.loopscope
                                     bundle a folder of lessons (and their C++ files) in one file
  loopscope --version | --help

run, check, open, shot and the bare command accept --lessons DIR (repeatable): one more lesson
folder (or .loopscope bundle). Lesson folders, in order: the shipped lessons,
$XDG_DATA_HOME/loopscope/lessons, $LOOPSCOPE_LESSONS_PATH (colon-separated), --lessons.
LESSON is a lesson id (found in the lesson folders), a path to a lesson JSON file, a bundle, or a
.py program (a one-step lesson).
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

namespace {
// Takes every `--lessons DIR` (or `--lessons=DIR`) out of `args` into `dirs`; false when one
// has no folder.
bool take_lesson_folders(std::vector<std::string>& args, std::vector<std::filesystem::path>& dirs) {
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lessons") {
      if (i + 1 >= args.size() || args[i + 1].empty()) return false;
      dirs.emplace_back(args[++i]);
    } else if (args[i].starts_with("--lessons=")) {
      if (args[i].size() == 10) return false;
      dirs.emplace_back(args[i].substr(10));
    } else {
      kept.push_back(args[i]);
    }
  }
  args = std::move(kept);
  return true;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace loopscope;
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool bare = args.empty() || args.front() == "--lessons" || args.front().starts_with("--lessons=");
  const std::string cmd = bare ? "open" : args.front();
  if (!bare) args.erase(args.begin());
  if (cmd == "run" || cmd == "check" || cmd == "open" || cmd == "shot") {
    std::vector<std::filesystem::path> dirs;
    if (!take_lesson_folders(args, dirs)) return cli::usage_error("--lessons needs a folder");
    lesson::set_command_line_folders(std::move(dirs));
  }
  const cli::Args rest(args.data(), args.size());
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
  if (cmd == "new") return cli::new_lesson(rest);
  if (cmd == "schema") return cli::schema(rest);
  if (cmd == "pack") return cli::pack(rest);
  return cli::usage_error("unknown command '" + cmd + "'");
}
