// fuzz_lesson.cpp — libFuzzer harness over the loader and the runs of steps' listings.
//
// Any bytes are parsed and validated as a lesson; the first steps that `check` would run (all of
// a valid lesson's, or the clean steps of a lesson with errors) run their Python listing on the
// virtual clock (the runtime's limits bound each run), and those with an exercise run its
// solution too. The same bytes are also read as a lesson bundle and as a `.py` program. Built
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
  (void)load_python_program(text, "fuzz.py");
  LoadResult r = load_lesson_text(text, "fuzz.json");
  Lesson* lesson = r.lesson ? &*r.lesson : r.clean_steps ? &*r.clean_steps : nullptr;
  if (!lesson) return 0;
  for (auto& step : lesson->steps) step.clock = loopscope::ClockKind::virtual_time;
  for (std::size_t i = 0; i < lesson->steps.size() && i < 4; ++i) {
    StepRun run(*lesson, i, {});
    int guard = 0;
    while (run.run_once() && ++guard < 20000) {
    }
    (void)run.result();
    if (const auto& x = lesson->steps[i].exercise) {
      StepRun solution(lesson->steps[i], x->solution, {});
      guard = 0;
      while (solution.run_once() && ++guard < 20000) {
      }
      (void)solution.result();
    }
  }
  return 0;
}
