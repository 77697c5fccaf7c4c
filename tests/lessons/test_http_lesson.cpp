// What the HTTP lesson's narration says about connections, checked on the engine's trace
// (`loopscope run http --step N --trace FILE`): one session reuses one kept-alive connection
// for sequential requests, opens one per request in flight, and a semaphore caps them.
#include "lesson_steps.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace {

const std::filesystem::path source_dir = LOOPSCOPE_SOURCE_DIR;

// How many TCP connections the client opened while running the step (the trace's "connect fd N"
// suspensions); -1 if the run failed.
int connections_opened(int step, const std::string& params = {}) {
  std::filesystem::path trace = std::filesystem::temp_directory_path() /
                                ("loopscope-http-" + std::to_string(::getpid()) + "-" + std::to_string(step) + ".json");
  std::string cmd = lesson_tests::quote(LOOPSCOPE_BINARY) + " run " +
                    lesson_tests::quote((source_dir / "lessons/http.json").string()) + " --step " +
                    std::to_string(step) + params + " --trace " + lesson_tests::quote(trace.string()) + " > /dev/null";
  if (lesson_tests::run_command(cmd).exit_code != 0) return -1;
  nlohmann::json j = lesson_tests::read_lesson(trace);
  std::filesystem::remove(trace);
  const nlohmann::json& events = j.is_object() ? j["traceEvents"] : j;
  int n = 0;
  for (const auto& e : events) {
    if (e.value("ph", std::string()) == "b" && e.value("name", std::string()).rfind("connect", 0) == 0) ++n;
  }
  return n;
}

TEST(HttpLesson, SequentialRequestsReuseOneKeptAliveConnection) {
  EXPECT_EQ(connections_opened(1), 1);
  EXPECT_EQ(connections_opened(5), 1);
  EXPECT_EQ(connections_opened(6), 1);
}

TEST(HttpLesson, ConcurrentRequestsOpenOneConnectionPerRequestInFlight) {
  EXPECT_EQ(connections_opened(2), 3);
}

TEST(HttpLesson, TheSemaphoreCapsTheConnectionsAtItsLimit) {
  EXPECT_EQ(connections_opened(3), 2);
  EXPECT_EQ(connections_opened(3, " --set limit=3"), 3);
}

}  // namespace
