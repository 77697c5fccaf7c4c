#pragma once
// ghost_run.hpp — a step's "ghost": another step's run (`"ghost": N` in the lesson), run once to
// its end on the virtual clock with its params' defaults and decoded into a TimelineModel of its
// own, which the timeline draws faintly behind the live lanes for comparison (timeline_panel.hpp).
//
// Invariants: a GhostRun is complete and immutable once made (the whole run, finished); it keeps
// its run (and so its trace) and the lesson it was made from alive, so its model's trace pointer
// stays valid. No ImGui here.
#include "lesson/lesson.hpp"
#include "lesson/step_run.hpp"
#include "ui/timeline_model.hpp"

#include <cstddef>
#include <memory>

namespace loopscope::ui {

struct GhostRun {
  std::shared_ptr<const lesson::Lesson> lesson;  // what it was made from (a reload makes a new one)
  std::size_t for_step = 0;                      // 0-based index of the step that shows it
  int step = 0;                                  // 1-based number of the step whose run this is
  double end_time = 0;                           // when that run ended (virtual seconds)
  std::size_t events = 0;                        // its trace's size: draw it with this cursor
  std::unique_ptr<lesson::StepRun> run;
  TimelineModel timeline;
};

// The ghost of step `step_index` (0-based) of `lesson`, or null when the step has none (or the
// index is out of range). Runs the ghost step to its end: call once per step opened.
std::shared_ptr<const GhostRun> make_ghost_run(const std::shared_ptr<const lesson::Lesson>& lesson,
                                               std::size_t step_index);

}  // namespace loopscope::ui
