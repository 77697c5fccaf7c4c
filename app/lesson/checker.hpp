#pragma once
// checker.hpp — what `loopscope check` does: validate lessons, run every step in virtual time,
// and compare each run with the step's `expect`.
//
// Every problem is a Diagnostic (file:line:col: message (at /pointer)). A step is run with its
// param defaults on the virtual clock, whatever its `clock` says, so checks are fast and
// deterministic.
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <filesystem>
#include <vector>

namespace loopscope::lesson {

// Differences between a finished run of step `step_index` and what its `expect` says.
std::vector<Diagnostic> compare_with_expect(const Lesson& lesson, std::size_t step_index, const RunResult& run);

// Runs every step of a valid lesson and compares; returns the problems.
std::vector<Diagnostic> check_lesson(const Lesson& lesson);

struct CheckReport {
  std::vector<Diagnostic> problems;
  int lessons = 0;   // lesson files looked at
  int steps = 0;     // steps run
};

// Each path is a lesson file or a directory of lessons (every *.json but the schema).
CheckReport check_paths(const std::vector<std::filesystem::path>& paths);

}  // namespace loopscope::lesson
