// conformance_run.cpp — see conformance_run.hpp.
#include "conformance_run.hpp"

#include "../engine/replay_check.hpp"
#include "scenarios.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <sys/wait.h>

namespace conformance {

std::vector<std::string> scenario_names() {
  std::vector<std::string> v;
  for (const auto& [name, fn] : scenarios()) v.push_back(name);
  return v;
}

std::vector<std::string> run_python(const std::string& name) {
  const std::string dir = std::string(LOOPSCOPE_SOURCE_DIR) + "/tests/conformance";
  const std::string cmd = "/usr/bin/python3 " + dir + "/run_scenario.py " + dir + "/scenarios/" + name + ".py";
  std::vector<std::string> lines;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) {
    ADD_FAILURE() << "cannot run " << cmd;
    return lines;
  }
  std::string cur;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) cur.append(buf, n);
  int status = ::pclose(p);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd << " failed";
  std::size_t start = 0;
  while (start < cur.size()) {
    std::size_t end = cur.find('\n', start);
    if (end == std::string::npos) end = cur.size();
    lines.push_back(cur.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> run_engine(const std::string& name, std::size_t* iterations) {
  using namespace loopscope;
  std::vector<std::string> lines;
  auto it = scenarios().find(name);
  if (it == scenarios().end()) {
    ADD_FAILURE() << "no C++ scenario " << name;
    return lines;
  }
  EventLoop loop;
  loop.make_current();
  TraceRecorder rec;
  loop.set_trace(&rec);
  auto main = loop.create_task(it->second());
  bool stop = false;
  main.add_done_callback([&stop](AnyTask) { stop = true; });
  std::size_t n = check::run_checked(loop, rec, [&] { return stop; });
  if (iterations) *iterations = n;
  EXPECT_TRUE(main.done()) << name << ": main task did not finish";
  if (main.done() && main.state() == TaskState::failed) ADD_FAILURE() << describe_exception(main.exception());
  loop.close();
  for (const auto& o : loop.output()) lines.push_back(o.text);
  return lines;
}

}  // namespace conformance
