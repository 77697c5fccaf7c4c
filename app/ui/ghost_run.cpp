// ghost_run.cpp — running a step's ghost step once and decoding its trace.
#include "ui/ghost_run.hpp"

#include <map>
#include <string>

namespace loopscope::ui {

std::shared_ptr<const GhostRun> make_ghost_run(const std::shared_ptr<const lesson::Lesson>& lesson,
                                               std::size_t step_index) {
  if (!lesson || step_index >= lesson->steps.size()) return nullptr;
  const int n = lesson->steps[step_index].ghost;
  if (n < 1 || static_cast<std::size_t>(n) > lesson->steps.size() || static_cast<std::size_t>(n) == step_index + 1)
    return nullptr;
  auto g = std::make_shared<GhostRun>();
  g->lesson = lesson;
  g->for_step = step_index;
  g->step = n;
  // Its params' defaults (an empty override map), always on the virtual clock: a ghost never
  // waits in real time.
  g->run = std::make_unique<lesson::StepRun>(*lesson, static_cast<std::size_t>(n - 1),
                                             std::map<std::string, double>{}, ClockKind::virtual_time);
  g->run->run_to_end();
  g->timeline.update(g->run->trace());
  g->events = g->run->trace().events().size();
  g->end_time = g->run->result().duration;
  return g;
}

}  // namespace loopscope::ui
