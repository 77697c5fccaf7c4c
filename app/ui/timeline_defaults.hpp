#pragma once
// timeline_defaults.hpp — how the timeline opens for a step, from the lesson alone (no run).
//
// Scale: a step opens scaled to its `expect.duration`, known before it runs, so the axis does not
// grow while it plays. A step compared with another (`"ghost": N`, the lesson's declaration that
// step N is drawn behind it) shares that step's scale too: the longer of the two, so "2 s
// concurrent" is drawn against "6 s sequential" by length. Steps without an expected duration
// fit what has been recorded.
// Axis: a step expected to take no virtual time opens by loop iteration (a time axis would put
// everything at one instant); the others open by time.
#include "lesson/lesson.hpp"
#include "ui/timeline_view.hpp"

namespace loopscope::ui {

// The time scale `step` opens at: its expected duration, or its ghost step's when that is longer;
// 0 when neither says.
double step_time_scale(const lesson::Lesson& lesson, const lesson::Step& step);
TimelineAxis default_axis(const lesson::Step& step);
// A camera for opening `step` of `lesson`: fit everything, the step's default axis, the shared scale.
TimelineView initial_timeline_view(const lesson::Lesson& lesson, const lesson::Step& step);

}  // namespace loopscope::ui
