// watch.cpp — the polling loop of `check --watch` (see watch.hpp).
#include "lesson/watch.hpp"

#include <filesystem>
#include <map>
#include <set>

namespace loopscope::lesson {
namespace fs = std::filesystem;

namespace {

struct Stamp {
  bool exists = false;
  fs::file_time_type mtime{};
  std::uintmax_t size = 0;
  bool operator==(const Stamp&) const = default;
};

Stamp stamp_of(const fs::path& p) {
  std::error_code ec;
  Stamp s;
  const auto status = fs::status(p, ec);
  if (ec || !fs::exists(status)) return s;
  s.exists = true;
  s.mtime = fs::last_write_time(p, ec);
  if (fs::is_regular_file(status)) s.size = fs::file_size(p, ec);
  return s;
}

using Fingerprint = std::map<std::string, Stamp>;

Fingerprint fingerprint(const std::vector<fs::path>& inputs) {
  Fingerprint f;
  for (const auto& p : inputs) {
    f[p.string()] = stamp_of(p);
    std::error_code ec;
    if (fs::is_directory(p, ec))
      for (const auto& file : lesson_files_in(p)) f[file.string()] = stamp_of(file);
  }
  return f;
}

std::string key_of(const Diagnostic& d) { return d.file + '\x1f' + d.pointer + '\x1f' + d.message; }

}  // namespace

std::string check_summary(const CheckReport& report) {
  std::string s = "checked " + std::to_string(report.lessons) + (report.lessons == 1 ? " lesson, " : " lessons, ") +
                  std::to_string(report.steps) + (report.steps == 1 ? " step: " : " steps: ");
  if (report.problems.empty()) return s + "all good";
  return s + std::to_string(report.problems.size()) + (report.problems.size() == 1 ? " problem" : " problems");
}

int watch(const WatchIo& io, std::optional<int> max_polls) {
  CheckReport last = io.check();
  for (const auto& d : last.problems) io.print(d.to_string());
  io.print(check_summary(last) + " — watching for changes (Ctrl+C to stop)");
  Fingerprint seen = fingerprint(last.inputs);
  for (int poll = 0; !max_polls || poll < *max_polls; ++poll) {
    io.wait();
    const Fingerprint now = fingerprint(last.inputs);
    if (now == seen) continue;
    CheckReport next = io.check();
    std::set<std::string> before, after;
    for (const auto& d : last.problems) before.insert(key_of(d));
    for (const auto& d : next.problems) after.insert(key_of(d));
    int fixed = 0, added = 0;
    for (const auto& d : last.problems)
      if (!after.contains(key_of(d))) {
        io.print("fixed: " + d.to_string());
        ++fixed;
      }
    for (const auto& d : next.problems)
      if (!before.contains(key_of(d))) {
        io.print(d.to_string());
        ++added;
      }
    std::string summary = check_summary(next);
    if (fixed == 0 && added == 0) summary += " (no change)";
    io.print(summary);
    last = std::move(next);
    seen = fingerprint(last.inputs);
  }
  return last.problems.empty() ? 0 : 1;
}

}  // namespace loopscope::lesson
