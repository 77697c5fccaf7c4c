// timeline_defaults.cpp — the timeline's opening axis and scale for a step.
#include "ui/timeline_defaults.hpp"

#include <algorithm>

namespace loopscope::ui {

double lesson_time_scale(const lesson::Lesson& lesson) {
  double scale = 0;
  for (const lesson::Step& s : lesson.steps)
    if (s.expect.duration) scale = std::max(scale, *s.expect.duration);
  return scale;
}

TimelineAxis default_axis(const lesson::Step& step) {
  return step.expect.duration && *step.expect.duration <= 0 ? TimelineAxis::iterations : TimelineAxis::time;
}

TimelineView initial_timeline_view(const lesson::Lesson& lesson, const lesson::Step& step) {
  TimelineView v;
  v.axis = default_axis(step);
  v.scale_end = lesson_time_scale(lesson);
  return v;
}

}  // namespace loopscope::ui
