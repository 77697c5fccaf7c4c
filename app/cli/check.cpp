// check.cpp — `loopscope check [PATH...] [--format text|json] [--watch]`: validate lessons,
// resolve prerequisites across the lesson folders, run every step in virtual time, compare with
// `expect`.
//
// Text format: every problem as `file:line:col: message (at /pointer)`, then a one-line
// summary, all on stderr (one stream, so they stay in order). JSON format (for editors and CI):
// one object on stdout, {"problems":[{"file","line","col","pointer","message","severity"}...],
// "lessons":N,"steps":N}. --watch rechecks on every change (lesson/watch.hpp); the hidden
// `--watch-iterations N` stops after N polls (tests). Exit 0 when all is well, 1 when anything
// is wrong, 2 on a usage error.
#include "cli/commands.hpp"
#include "cli/run_python.hpp"

#include "lesson/checker.hpp"
#include "lesson/watch.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <thread>

namespace loopscope::cli {

namespace {
nlohmann::json problems_json(const lesson::CheckReport& report) {
  nlohmann::json j;
  j["problems"] = nlohmann::json::array();
  for (const auto& d : report.problems)
    j["problems"].push_back({{"file", d.file},
                             {"line", d.line},
                             {"col", d.col},
                             {"pointer", d.pointer},
                             {"message", d.message},
                             {"severity", "error"}});
  j["lessons"] = report.lessons;
  j["steps"] = report.steps;
  return j;
}
}  // namespace

int check(Args args) {
  std::vector<std::filesystem::path> paths;
  bool json = false;
  bool watching = false;
  std::optional<int> polls;  // nullopt: until interrupted
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format") {
      if (i + 1 >= args.size()) return usage_error("check: --format needs 'text' or 'json'");
      const std::string& f = args[++i];
      if (f == "json") json = true;
      else if (f != "text") return usage_error("check: --format must be 'text' or 'json', not '" + f + "'");
    } else if (a == "--watch") {
      watching = true;
    } else if (a == "--watch-iterations") {
      const std::string* v = i + 1 < args.size() ? &args[++i] : nullptr;
      int n = -1;
      if (v) {
        auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
        if (ec != std::errc() || p != v->data() + v->size()) n = -1;
      }
      if (n < 0) return usage_error("check: --watch-iterations needs a number of polls (>= 0)");
      polls = n;
      watching = true;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage_error("check: unknown option '" + a + "'");
    } else {
      paths.emplace_back(a);
    }
  }
  if (watching && json) return usage_error("check: --watch prints text; it cannot be combined with --format json");

  if (watching) {
    lesson::WatchIo io;
    io.check = [&] { return lesson::check_paths(paths); };
    io.print = [](const std::string& line) {
      std::fprintf(stderr, "%s\n", line.c_str());
      std::fflush(stderr);
    };
    io.wait = [] { std::this_thread::sleep_for(std::chrono::milliseconds(500)); };
    return lesson::watch(io, polls);
  }

  if (paths.size() == 1 && is_python_path(paths.front().string())) return check_python_file(paths.front().string());
  const lesson::CheckReport report = lesson::check_paths(paths);
  if (json) {
    std::printf("%s\n", problems_json(report).dump(2).c_str());
  } else {
    for (const auto& d : report.problems) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    std::fprintf(stderr, "%s\n", lesson::check_summary(report).c_str());
  }
  return report.problems.empty() ? 0 : 1;
}

}  // namespace loopscope::cli
