// run_python.cpp — running and checking plain Python files (see run_python.hpp).
#include "cli/run_python.hpp"

#include "lesson/chrome_trace.hpp"
#include "python/runtime/program.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace loopscope::cli {

namespace {
python::ProgramOptions options_for(const std::string& path, std::optional<ClockKind> clock, bool big, bool trace) {
  python::ProgramOptions po;
  po.record_trace = trace;
  po.filename = path;
  po.clock = clock.value_or(ClockKind::virtual_time);
  // A plain file gets roomier limits than a lesson step (still bounded: a runaway loop stops).
  po.limits.max_tasks = big ? 1'000'000 : 100'000;
  po.limits.max_ops = big ? 500'000'000 : 5'000'000;
  po.limits.max_output = 100'000;
  po.limits.max_time = big ? 1e9 : 86400;
  return po;
}

nlohmann::json to_json(const python::ProgramResult& r) {
  nlohmann::json j;
  j["output"] = nlohmann::json::array();
  for (const auto& l : r.output) j["output"].push_back({{"t", l.time}, {"task", r.task_name(l.task)}, {"text", l.text}});
  j["duration"] = r.duration;
  j["tasks"] = nlohmann::json::array();
  for (const auto& t : r.tasks) {
    nlohmann::json tj = {{"id", t.id}, {"name", t.name}, {"state", to_string(t.state)}};
    tj["error"] = t.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.error);
    j["tasks"].push_back(std::move(tj));
  }
  j["warnings"] = r.warnings;
  j["error"] = r.error ? nlohmann::json(*r.error) : nlohmann::json(nullptr);
  return j;
}

void print_error(const std::string& path, const python::ProgramResult& r) {
  if (!r.traceback.empty()) {
    std::fputs(r.traceback.c_str(), stderr);
    return;
  }
  std::fprintf(stderr, "%s:%d:%d: %s\n", path.c_str(), r.error_line, r.error_col ? r.error_col : 1, r.error->c_str());
}
}  // namespace

bool is_python_path(const std::string& path) { return path.size() > 3 && path.compare(path.size() - 3, 3, ".py") == 0; }

int run_python_file(const PythonRunOptions& o) {
  auto source = python::read_source(o.path);
  if (!source) {
    std::fprintf(stderr, "loopscope: cannot read '%s'\n", o.path.c_str());
    return 1;
  }
  python::ProgramRun run(std::move(*source), options_for(o.path, o.clock, o.big_limits, !o.trace_file.empty()));
  if (!o.json) {
    run.set_output_handler([](double, TaskId, std::string_view text) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fputc('\n', stdout);
      std::fflush(stdout);
    });
    // Lines printed before the handler was set (module-level prints at start).
    for (const auto& l : run.result().output) std::printf("%s\n", l.text.c_str());
    std::fflush(stdout);
  }
  run.run_to_end();
  const python::ProgramResult r = run.result();
  if (o.json) std::printf("%s\n", to_json(r).dump(2).c_str());
  std::fflush(stdout);
  for (const auto& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  int code = 0;
  if (!o.trace_file.empty()) {
    std::ofstream out(o.trace_file, std::ios::binary);
    out << lesson::chrome_trace_json(run.trace(), o.path);
    if (!out) {
      std::fprintf(stderr, "loopscope: cannot write the trace to '%s'\n", o.trace_file.c_str());
      code = 1;
    }
  }
  if (r.error) {
    print_error(o.path, r);
    code = 1;
  }
  return code;
}

int check_python_file(const std::string& path) {
  auto source = python::read_source(path);
  if (!source) {
    std::fprintf(stderr, "%s:1:1: cannot read the file\n", path.c_str());
    return 1;
  }
  python::ProgramRun run(std::move(*source), options_for(path, ClockKind::virtual_time, false, false));
  run.run_to_end();
  const python::ProgramResult r = run.result();
  if (r.error) {
    std::fprintf(stderr, "%s:%d:%d: %s\n", path.c_str(), r.error_line ? r.error_line : 1, r.error_col ? r.error_col : 1, r.error->c_str());
    return 1;
  }
  std::printf("checked %s: ran to the end in %s s of virtual time\n", path.c_str(), python::float_repr(r.duration).c_str());
  return 0;
}

}  // namespace loopscope::cli
