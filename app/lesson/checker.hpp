#pragma once
// checker.hpp — what `loopscope check` does: validate lessons, resolve their prerequisites
// across the folder stack, run every step's listing in virtual time, compare each run with the
// step's `expect`, and prove each exercise (its solution meets the goal, its starting code
// does not).
//
// Every problem is a Diagnostic (file:line:col: message (at /pointer)) at the member at fault:
// a wrong duration at `duration`, a wrong line at that line of `output`, an unknown
// prerequisite at that prerequisite, a Look at name the run does not show at that text line.
// A step is run with its param defaults on the virtual clock, whatever its `clock` says, so
// checks are fast and deterministic. Every step that can
// run is run, whatever else is wrong: a lesson's unknown prerequisite or duplicate id, another
// step's failed run, or another step's load errors (LoadResult::clean_steps).
//
// Sections: one lesson · paths
#include "lesson/folders.hpp"
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <filesystem>
#include <vector>

namespace loopscope::lesson {

// ---- one lesson ----------------------------------------------------------------------------
// Differences between a finished run of step `step_index` and what its `expect` says.
std::vector<Diagnostic> compare_with_expect(const Lesson& lesson, std::size_t step_index, const RunResult& run);

// A step with an exercise: runs its solution, which must meet the goal (each unmet part is a
// problem at /steps/N/exercise/solution), and its starting listing, which must not (a problem
// at /steps/N/exercise). Empty for a step without an exercise.
std::vector<Diagnostic> check_exercise(const Lesson& lesson, std::size_t step_index);

// Runs step `step_index` (0-based) of a valid lesson and compares it with its `expect`; checks
// that its Look at paragraph names only what the run shows (look_at.hpp: problems at the text
// line when the lesson's file is on disk, else at the step) and its exercise (check_exercise).
std::vector<Diagnostic> check_step(const Lesson& lesson, std::size_t step_index);

// Runs every step of a valid lesson and compares; returns the problems. This is the function
// for the app's hot reload: call it on the freshly loaded lesson and show what it returns.
std::vector<Diagnostic> check_lesson(const Lesson& lesson);

// ---- paths ---------------------------------------------------------------------------------
struct CheckReport {
  std::vector<Diagnostic> problems;
  int lessons = 0;   // lesson files looked at
  int steps = 0;     // steps run
  // Every file and folder the check read (lesson files, their folders, bundles, C++ listing
  // files), for a watcher to poll.
  std::vector<std::filesystem::path> inputs;
};

// Each path is a lesson file, a directory of lessons (every *.json but the schema) or a
// .loopscope bundle. Prerequisites and duplicate ids are resolved against `stack` and the
// checked lessons themselves. No paths: every folder of `stack`.
CheckReport check_paths(const std::vector<std::filesystem::path>& paths, const std::vector<LessonFolder>& stack);
// The same, with this process's folder stack (folders.hpp).
CheckReport check_paths(const std::vector<std::filesystem::path>& paths);

}  // namespace loopscope::lesson
