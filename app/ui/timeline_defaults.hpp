#pragma once
// timeline_defaults.hpp — how the timeline opens for a step, from the lesson alone (no run).
//
// Scale: the steps of a lesson are drawn at one time scale, the longest `expect.duration` over
// the lesson's steps, so "6 s sequential" and "2 s concurrent" are compared by their lengths, and
// the axis does not grow while a step plays. Steps without an expected duration fall back to
// fitting what has been recorded.
// Axis: a step expected to take no virtual time opens by loop iteration (a time axis would put
// everything at one instant); the others open by time.
// (A lesson field choosing the axis and the steps that share a scale belongs to the lesson format;
// until it exists, these rules are the default.)
#include "lesson/lesson.hpp"
#include "ui/timeline_view.hpp"

namespace loopscope::ui {

// The longest expected duration over the lesson's steps, 0 when none says.
double lesson_time_scale(const lesson::Lesson& lesson);
TimelineAxis default_axis(const lesson::Step& step);
// A camera for opening `step` of `lesson`: fit everything, the step's default axis, the shared scale.
TimelineView initial_timeline_view(const lesson::Lesson& lesson, const lesson::Step& step);

}  // namespace loopscope::ui
