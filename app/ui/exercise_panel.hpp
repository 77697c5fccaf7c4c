#pragma once
// exercise_panel.hpp — an exercise step's goal, which parts of it the last run met, the hints
// (revealed one at a time) and the author's solution (on request).
#include "lesson/exercise.hpp"
#include "ui/markdown.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace loopscope::ui {

// What the learner has revealed, and the verdict on the last finished run.
struct ExerciseState {
  MarkdownDoc goal;                       // parsed once per step
  int hints_shown = 0;
  bool solution_shown = false;
  std::optional<lesson::GoalResult> verdict;  // of the finished run `verdict_run`
  std::uint64_t verdict_run = 0;
  bool solved = false;                    // a run met the goal (kept in the progress)
};

void draw_exercise(const lesson::Exercise& exercise, ExerciseState& state);

}  // namespace loopscope::ui
