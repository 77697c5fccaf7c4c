// fuzz_lesson.cpp — libFuzzer harness over the loader and the interpreter.
//
// Any bytes are parsed and validated as a lesson; every step that `check` would run (all of a
// valid lesson's, or the clean steps of a lesson with errors) runs on the virtual clock with
// small limits (so a fuzzed program cannot take long). The same bytes are also read as a
// lesson bundle. Built
// with clang -fsanitize=fuzzer by tests/lesson/fuzz.sh; the corpus in tests/lesson/corpus/
// replays in the normal test run through fuzz_replay_main.cpp.
#include "lesson/bundle.hpp"
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace loopscope::lesson;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)parse_bundle(text);
  LoadResult r = load_lesson_text(text, "fuzz.json");
  Lesson* lesson = r.lesson ? &*r.lesson : r.clean_steps ? &*r.clean_steps : nullptr;
  if (!lesson) return 0;
  for (auto& step : lesson->steps) {
    // Keep each run small: the fuzzer looks for crashes, not for long programs.
    Limits& l = step.program.limits;
    l.max_ops = std::min<std::int64_t>(l.max_ops, 5000);
    l.max_tasks = std::min<std::int64_t>(l.max_tasks, 100);
    l.max_time = std::min(l.max_time, 100.0);
    l.max_output = std::min<std::int64_t>(l.max_output, 200);
    l.max_depth = std::min<std::int64_t>(l.max_depth, 16);
    step.clock = loopscope::ClockKind::virtual_time;
  }
  for (std::size_t i = 0; i < lesson->steps.size() && i < 4; ++i) {
    StepRun run(*lesson, i, {});
    int guard = 0;
    while (run.run_once() && ++guard < 20000) {
    }
    (void)run.result();
  }
  return 0;
}
