// The Chrome trace-event export: valid JSON with complete, async, flow and counter events.
#include "lesson/chrome_trace.hpp"
#include "lesson_fixture.hpp"

#include <nlohmann/json.hpp>

using namespace loopscope;
using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

TEST(ChromeTrace, ExportsSlicesSpansFlowsAndCounters) {
  Lesson l = make_lesson(R"py(import asyncio
import time

async def job(n):
    await asyncio.sleep(1)
    time.sleep(0.5)
    print(f"job {n}")

async def main():
    t = asyncio.create_task(job(1), name="job-1")
    await t

asyncio.run(main())
)py");
  StepRun run(l, 0, {});
  run.run_to_end();
  const auto j = nlohmann::json::parse(chrome_trace_json(run.trace(), "test"));
  ASSERT_TRUE(j.contains("traceEvents"));
  std::map<std::string, int> phases;
  bool job_thread = false, sleep_span = false, crunch = false, output = false;
  for (const auto& e : j["traceEvents"]) {
    const std::string ph = e["ph"];
    ++phases[ph];
    if (ph == "M" && e["name"] == "thread_name" && e["args"]["name"] == "job-1") job_thread = true;
    if (ph == "b" && e["name"].get<std::string>().find("sleep") != std::string::npos) sleep_span = true;
    if (ph == "X" && e["name"].get<std::string>().find("time.sleep") != std::string::npos) {
      crunch = true;
      EXPECT_DOUBLE_EQ(e["dur"].get<double>(), 500000.0);
      EXPECT_DOUBLE_EQ(e["ts"].get<double>(), 1000000.0);
    }
    if (ph == "i" && e["name"] == "job 1") output = true;
  }
  EXPECT_TRUE(job_thread);
  EXPECT_TRUE(sleep_span);
  EXPECT_TRUE(crunch);
  EXPECT_TRUE(output);
  EXPECT_GT(phases["X"], 3);
  EXPECT_EQ(phases["b"], phases["e"]);
  EXPECT_GT(phases["b"], 0);
  EXPECT_EQ(phases["s"], phases["f"]);
  EXPECT_GT(phases["s"], 0);
  EXPECT_GT(phases["C"], 0);
}
