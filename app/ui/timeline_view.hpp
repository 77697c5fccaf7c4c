#pragma once
// timeline_view.hpp — the timeline's camera: which stretch of time is on screen, and the pure
// functions that map time to pixels, zoom about the mouse, pan, fit, and pick axis ticks.
// No ImGui here; x is measured in pixels from the plot's left edge.
//
// Invariants: seconds_per_px stays within [min_seconds_per_px, max_seconds_per_px]; t_left is
// never earlier than a small margin before 0.
#include <cstdint>
#include <string>

namespace loopscope::ui {

inline constexpr double min_seconds_per_px = 1e-7;   // 0.1 µs per pixel
inline constexpr double max_seconds_per_px = 10.0;
inline constexpr double left_margin_px = 12.0;       // room before t = 0 when fitted

// How the view moves by itself as the program runs.
enum class FollowMode : std::uint8_t {
  fit_all,  // show everything recorded so far (the default; double-click returns to it)
  now,      // keep the "now" cursor on screen at the current zoom
  free,     // the learner panned: stay put
};

// What the horizontal axis measures: virtual seconds, or loop iterations (each iteration one
// unit wide, ui/iteration_axis.hpp). In iteration mode the camera's "seconds" are iterations.
enum class TimelineAxis : std::uint8_t { time, iterations };

// What the mouse is dragging, remembered between frames.
enum class TimelineDrag : std::uint8_t { none, plot, scrollbar, axis };

struct TimelineView {
  double seconds_per_px = 0.01;
  double t_left = 0;                 // time at the plot's left edge
  FollowMode follow = FollowMode::fit_all;
  float scroll_y = 0;                // task lanes scrolled, in pixels
  TimelineDrag drag = TimelineDrag::none;
  std::uint64_t shown_selection = 0; // the selection last brought into view
  TimelineAxis axis = TimelineAxis::time;
  // Time mode: fit_all shows at least [0, scale_end] (the lesson's shared scale, so steps meant
  // to be compared are drawn at one scale and the axis does not grow while a step plays).
  double scale_end = 0;
  // What the last frame drew, for the probe: cause -> effect arrows between lanes.
  int arrows_drawn = 0;
};

double time_to_x(const TimelineView& v, double t);
double x_to_time(const TimelineView& v, double x);

// Multiplies the zoom by `factor` (> 1 zooms in) keeping the time under x fixed.
void zoom_about(TimelineView& v, double factor, double x);
// Moves the view by a drag of dx pixels (dragging right shows earlier times).
void pan(TimelineView& v, double dx_px);
// Shows [t0, t1] across width_px, with left_margin_px before t0 and a little room after t1.
void fit(TimelineView& v, double t0, double t1, double width_px);
// Applies the follow mode for this frame: fit_all fits [0, max(end, now, 1 s)]; `now` scrolls so
// that `now` stays within the plot; free does nothing.
void follow(TimelineView& v, double now, double end, double width_px);

// A "nice" tick spacing (1, 2 or 5 × 10^k seconds) at least min_px pixels wide.
double tick_step(double seconds_per_px, double min_px);
// The label of a tick at t for that spacing: "0", "0.5 s", "1 s", "12 s"; in ms below 0.1 s
// spacing: "2510 ms", "2510.5 ms".
std::string format_tick(double t, double step);

}  // namespace loopscope::ui
