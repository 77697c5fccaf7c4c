#pragma once
// lesson_steps.hpp — what the lesson tests share: every step of every lesson in lessons/, its
// expected output, and a bounded way to run a command and read its stdout.
//
// Sections: StepRef · all_steps · expected_texts · run_command · split_lines
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace lesson_tests {

// ---- StepRef ----------------------------------------------------------------------------------
// One step of one lesson file. `number` counts from 1, as `loopscope run --step N` does.
struct StepRef {
  std::string lesson_id;
  std::filesystem::path file;
  int number = 0;
  nlohmann::json step;
};

// How gtest prints a StepRef in messages: "tasks step 3".
inline void PrintTo(const StepRef& s, std::ostream* os) { *os << s.lesson_id << " step " << s.number; }

// A gtest-friendly name: "sync_vs_async_step_1".
inline std::string test_name(const StepRef& s) {
  std::string n = s.lesson_id + "_step_" + std::to_string(s.number);
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
}

// ---- all_steps --------------------------------------------------------------------------------
// The five lessons of the course, in order. A missing or unreadable file gives no steps (the
// content test reports it).
inline const std::vector<std::string>& lesson_ids() {
  static const std::vector<std::string> ids = {"sync-vs-async", "coroutines", "event-loop", "tasks", "http"};
  return ids;
}

inline nlohmann::json read_lesson(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return nlohmann::json();
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

inline std::vector<StepRef> all_steps(const std::filesystem::path& lessons_dir) {
  std::vector<StepRef> out;
  for (const std::string& id : lesson_ids()) {
    std::filesystem::path file = lessons_dir / (id + ".json");
    nlohmann::json lesson = read_lesson(file);
    if (!lesson.is_object() || !lesson.contains("steps") || !lesson["steps"].is_array()) continue;
    int n = 0;
    for (const auto& step : lesson["steps"]) out.push_back(StepRef{id, file, ++n, step});
  }
  return out;
}

// ---- expected_texts ---------------------------------------------------------------------------
// The step's expect.output as plain texts (an entry is a string or {"text", "t", "task"}).
inline std::vector<std::string> expected_texts(const nlohmann::json& step) {
  std::vector<std::string> out;
  if (!step.contains("expect") || !step["expect"].contains("output")) return out;
  for (const auto& e : step["expect"]["output"]) {
    out.push_back(e.is_string() ? e.get<std::string>() : e.value("text", std::string()));
  }
  return out;
}

// ---- changed_params -------------------------------------------------------------------------
// `--set NAME=VALUE` arguments that move every param of the step one slider step away from its
// default (up, or down when the default is the maximum). Empty when the step has no params.
inline std::string changed_params(const nlohmann::json& step) {
  std::string args;
  if (!step.contains("params")) return args;
  for (const auto& p : step["params"]) {
    double def = p["default"].get<double>();
    double inc = p.value("step", 1.0);
    double v = def + inc <= p["max"].get<double>() ? def + inc : def - inc;
    bool whole = v == static_cast<double>(static_cast<long long>(v)) && inc == static_cast<double>(static_cast<long long>(inc)) &&
                 p["min"].get<double>() == static_cast<double>(static_cast<long long>(p["min"].get<double>()));
    std::string value = whole ? std::to_string(static_cast<long long>(v)) : std::to_string(v);
    if (!whole) value.erase(value.find_last_not_of('0') + 1);  // "2.500000" -> "2.5"
    args += " --set " + p["name"].get<std::string>() + "=" + value;
  }
  return args;
}

// ---- run_command ------------------------------------------------------------------------------
struct CommandResult {
  int exit_code = -1;
  std::string out;
};

// Runs `cmd` through /bin/sh with a 60 s bound (coreutils `timeout`); stderr is not captured.
inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  std::string bounded = "timeout 60 " + cmd;
  FILE* p = ::popen(bounded.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

// ---- split_lines ------------------------------------------------------------------------------
inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

}  // namespace lesson_tests
