// timeline_defaults.cpp — the timeline's opening axis and scale for a step.
#include "ui/timeline_defaults.hpp"

#include <algorithm>

namespace loopscope::ui {

double step_time_scale(const lesson::Lesson& lesson, const lesson::Step& step) {
  double scale = step.expect.duration ? *step.expect.duration : 0.0;
  if (step.ghost >= 1 && static_cast<std::size_t>(step.ghost) <= lesson.steps.size())
    if (const auto& d = lesson.steps[static_cast<std::size_t>(step.ghost - 1)].expect.duration)
      scale = std::max(scale, *d);
  return scale;
}

TimelineAxis default_axis(const lesson::Step& step) {
  return step.expect.duration && *step.expect.duration <= 0 ? TimelineAxis::iterations : TimelineAxis::time;
}

TimelineView initial_timeline_view(const lesson::Lesson& lesson, const lesson::Step& step) {
  TimelineView v;
  v.axis = default_axis(step);
  v.scale_end = step_time_scale(lesson, step);
  return v;
}

}  // namespace loopscope::ui
