// timeline_view.cpp — time <-> pixel maths for the timeline.
#include "ui/timeline_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loopscope::ui {
namespace {

double clamp_spp(double spp) {
  if (!(spp > 0)) return min_seconds_per_px;  // also catches NaN
  return std::clamp(spp, min_seconds_per_px, max_seconds_per_px);
}

void clamp_left(TimelineView& v) {
  v.t_left = std::max(v.t_left, -left_margin_px * v.seconds_per_px);
}

// Prints v with `decimals` decimals, then drops trailing zeros and a trailing dot.
std::string trimmed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 9), v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace

double time_to_x(const TimelineView& v, double t) { return (t - v.t_left) / v.seconds_per_px; }
double x_to_time(const TimelineView& v, double x) { return v.t_left + x * v.seconds_per_px; }

void zoom_about(TimelineView& v, double factor, double x) {
  if (!(factor > 0)) return;
  const double t = x_to_time(v, x);
  v.seconds_per_px = clamp_spp(v.seconds_per_px / factor);
  v.t_left = t - x * v.seconds_per_px;
  clamp_left(v);
}

void pan(TimelineView& v, double dx_px) {
  v.t_left -= dx_px * v.seconds_per_px;
  clamp_left(v);
}

void fit(TimelineView& v, double t0, double t1, double width_px) {
  const double usable = std::max(width_px - 2 * left_margin_px, 1.0);
  const double span = std::max(t1 - t0, 1e-9);
  v.seconds_per_px = clamp_spp(span / usable);
  v.t_left = t0 - left_margin_px * v.seconds_per_px;
}

void follow(TimelineView& v, double now, double end, double width_px) {
  switch (v.follow) {
    case FollowMode::fit_all:
      fit(v, 0.0, std::max({end, now, 1.0, v.axis == TimelineAxis::time ? v.scale_end : 0.0}), width_px);
      break;
    case FollowMode::now: {
      const double right = x_to_time(v, width_px);
      const double span = width_px * v.seconds_per_px;
      if (now > right - 0.05 * span) v.t_left = now - 0.85 * span;
      else if (now < v.t_left) v.t_left = now - 0.15 * span;
      clamp_left(v);
      break;
    }
    case FollowMode::free: break;
  }
}

double tick_step(double seconds_per_px, double min_px) {
  const double raw = std::max(seconds_per_px * min_px, 1e-9);
  const double base = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * base >= raw * (1 - 1e-9)) return m * base;
  return 10 * base;
}

std::string format_tick(double t, double step) {
  if (std::fabs(t) < step * 1e-6) return "0";
  if (step >= 0.1 - 1e-12) {
    const int decimals = static_cast<int>(std::max(0.0, -std::floor(std::log10(step) + 1e-9)));
    return trimmed(t, decimals) + " s";
  }
  const double step_ms = step * 1000.0;
  const int decimals = static_cast<int>(std::max(0.0, -std::floor(std::log10(step_ms) + 1e-9)));
  return trimmed(t * 1000.0, decimals) + " ms";
}

}  // namespace loopscope::ui
