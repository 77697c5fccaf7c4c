// check.cpp — `loopscope check [PATH...]`: validate lessons, run every step in virtual time,
// compare with `expect`. Problems go to stderr as `file:line:col: message (at /pointer)`;
// a one-line summary goes to stdout. Exit 0 when all is well, 1 when anything is wrong.
#include "cli/commands.hpp"
#include "cli/run_python.hpp"

#include "lesson/checker.hpp"
#include "lesson/loader.hpp"

#include <cstdio>
#include <filesystem>

namespace loopscope::cli {

int check(Args args) {
  std::vector<std::filesystem::path> paths;
  for (const auto& a : args) {
    if (!a.empty() && a[0] == '-' && a != "-") return usage_error("check: unknown option '" + a + "'");
    paths.emplace_back(a);
  }
  if (paths.size() == 1 && is_python_path(paths.front().string())) return check_python_file(paths.front().string());
  if (paths.empty()) paths.push_back(lesson::lessons_dir());
  const lesson::CheckReport report = lesson::check_paths(paths);
  for (const auto& d : report.problems) std::fprintf(stderr, "%s\n", d.to_string().c_str());
  if (report.problems.empty()) {
    std::printf("checked %d lesson%s, %d step%s: all good\n", report.lessons, report.lessons == 1 ? "" : "s", report.steps,
                report.steps == 1 ? "" : "s");
    return 0;
  }
  std::printf("checked %d lesson%s, %d step%s: %zu problem%s\n", report.lessons, report.lessons == 1 ? "" : "s",
              report.steps, report.steps == 1 ? "" : "s", report.problems.size(), report.problems.size() == 1 ? "" : "s");
  return 1;
}

}  // namespace loopscope::cli
