// timeline_panel.cpp — drawing the timeline and handling its mouse input.
//
// Sections:
//   layout             the panel's geometry (Layout), computed once per frame
//   segment styles     bars and terminal markers, one look per SegmentKind
//   text helpers
//   axis mapping       seconds or iterations on x (AxisMap)
//   header and legend
//   axis               the time and iteration rulers, the "now" label, the Time | Iterations switch
//   lanes              a lane's segments and label
//   interaction        zones, the Pointer read from the plot's button, drag (pan, scrollbar, seek,
//                      click to select), double-click fit, wheel (zoom, pan, scroll)
//   tooltip            a segment's, a lane label's, the ruler's
//   probe              rects for the interaction tests
//   the frame's parts  ruler, loop lane, task rows and segments, scrollbar, playhead
//   draw_timeline      input, then the parts in drawing order
#include "ui/timeline_panel.hpp"

#include "platform/fonts.hpp"
#include "ui/probe.hpp"
#include "ui/task_label_view.hpp"
#include "ui/clipped_text.hpp"
#include "ui/text_fit.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace loopscope::ui {
namespace {

// ---- layout --------------------------------------------------------------------------------
// Every size is in pixels at scale 1 and multiplied by the font scale.
struct Layout {
  float s = 1;             // scale
  ImVec2 origin;           // top-left of the panel
  ImVec2 size;
  float header_h = 0;      // title + legend row
  float axis_y0 = 0, axis_y1 = 0;
  float loop_y0 = 0, loop_h = 0;
  float lanes_y0 = 0, lanes_y1 = 0;  // the scrolling task lanes
  float lane_h = 0;
  float label_x0 = 0, label_w = 0;
  float plot_x0 = 0, plot_x1 = 0;
  float scrollbar_x0 = 0, scrollbar_w = 0;
  float content_h = 0;     // all task lanes stacked
  float plot_w() const { return plot_x1 - plot_x0; }
};

Layout make_layout(ImVec2 origin, ImVec2 size, std::size_t task_lanes) {
  Layout l;
  l.s = platform::fonts().base_size / 15.0f;
  const float s = l.s;
  l.origin = origin;
  l.size = size;
  l.header_h = 24 * s;
  l.axis_y0 = origin.y + l.header_h;
  l.axis_y1 = l.axis_y0 + 20 * s;
  l.loop_h = 26 * s;
  l.loop_y0 = l.axis_y1 + 2 * s;
  l.lanes_y0 = l.loop_y0 + l.loop_h + 3 * s;
  l.lanes_y1 = std::max(l.lanes_y0, origin.y + size.y);
  // Lanes share the height there is, from 22 to 30 px (scaled): a few lanes in a tall panel get
  // thicker bars rather than a band of empty space; many lanes scroll at the smallest height.
  const float per_lane = (l.lanes_y1 - l.lanes_y0) / static_cast<float>(std::max<std::size_t>(task_lanes, 1));
  l.lane_h = std::floor(std::clamp(per_lane, 22 * s, 30 * s));
  l.label_x0 = origin.x;
  l.label_w = std::clamp(size.x * 0.17f, 112 * s, 190 * s);
  l.content_h = static_cast<float>(task_lanes) * l.lane_h;
  l.scrollbar_w = l.content_h > l.lanes_y1 - l.lanes_y0 ? 7 * s : 0.0f;
  l.scrollbar_x0 = origin.x + size.x - l.scrollbar_w;
  l.plot_x0 = origin.x + l.label_w;
  l.plot_x1 = std::max(l.plot_x0 + 1, l.scrollbar_x0 - (l.scrollbar_w > 0 ? 4 * s : 0.0f));
  return l;
}

float max_scroll(const Layout& l) {
  return std::max(0.0f, l.content_h - (l.lanes_y1 - l.lanes_y0));
}

// ---- segment styles ------------------------------------------------------------------------
ImU32 with_alpha(ImU32 c, int alpha) {
  const auto a = static_cast<ImU32>(std::clamp(alpha, 0, 255));
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImU32 kind_colour(SegmentKind k) {
  switch (k) {
    case SegmentKind::ready: return palette::ready;
    case SegmentKind::running: return palette::running;
    case SegmentKind::sleeping: return palette::sleeping;
    case SegmentKind::io: return palette::io_wait;
    case SegmentKind::waiting: return palette::waiting;
    case SegmentKind::blocked: return palette::blocked;
    case SegmentKind::done: return palette::done;
    case SegmentKind::failed: return palette::failed;
    case SegmentKind::cancelled: return palette::cancelled;
    case SegmentKind::poll: return palette::rgb(0x59627A);
    case SegmentKind::timers: return palette::sleeping;
    case SegmentKind::run_ready: return palette::running;
  }
  return palette::text_dim;
}

// The colour of a kind's name in text: `done` and poll are drawn dark on purpose, too dark to
// read, and failed red is too dark as words (theme.hpp's failed_text).
ImU32 text_colour_of(SegmentKind k) {
  if (k == SegmentKind::done || k == SegmentKind::poll) return palette::text_dim;
  if (k == SegmentKind::failed) return palette::failed_text;
  return kind_colour(k);
}

// The narrowest a segment is drawn: zero-time runs and blocks must still be seen.
float min_width(SegmentKind k, float s) {
  switch (k) {
    case SegmentKind::running:
    case SegmentKind::run_ready:
    case SegmentKind::blocked: return 2.0f * s;
    case SegmentKind::timers: return 1.5f * s;
    default: return 1.0f;
  }
}

// A ghost run's segments (draw_ghost_segments): the kind's colour, faint; waits fainter still.
ImU32 ghost_colour(SegmentKind k) {
  switch (k) {
    case SegmentKind::running:
    case SegmentKind::blocked: return with_alpha(kind_colour(k), 60);
    case SegmentKind::ready: return with_alpha(kind_colour(k), 30);
    default: return with_alpha(kind_colour(k), 42);
  }
}

// Draws one bar [x0, x1] x [y0, y1] in the style of its kind:
//   solid (running, blocked), a thin line (ready), a light fill with a solid top edge (the waits),
//   a muted fill (poll).
void draw_bar(ImDrawList* dl, SegmentKind k, float x0, float x1, float y0, float y1, float s) {
  x1 = std::max(x1, x0 + min_width(k, s));
  const ImU32 c = kind_colour(k);
  switch (k) {
    case SegmentKind::running:
    case SegmentKind::run_ready:
      dl->AddRectFilled({x0, y0}, {x1, y1}, c);
      break;
    case SegmentKind::blocked: {
      dl->AddRectFilled({x0, y0}, {x1, y1}, c);
      // Darker diagonal hatching on wide blocks says "stuck" without a legend.
      const float step = 7 * s;
      const float h = y1 - y0;
      if (x1 - x0 > 3 * step) {
        const ImU32 dark = with_alpha(palette::rgb(0x9A2A2A), 120);
        for (float x = x0 - h; x < x1; x += step) {
          // The line from (x, y1) to (x + h, y0), clipped to [x0, x1].
          const float a = std::max(x, x0), b = std::min(x + h, x1);
          if (b <= a) continue;
          dl->AddLine({a, y1 - (a - x)}, {b, y1 - (b - x)}, dark, 1.5f * s);
        }
      }
      break;
    }
    case SegmentKind::ready: {
      // A half-height bar: queued, not yet running.
      const float q = (y1 - y0) * 0.25f;
      dl->AddRectFilled({x0, y0 + q}, {x1, y1 - q}, with_alpha(c, 150));
      break;
    }
    case SegmentKind::sleeping:
    case SegmentKind::io:
    case SegmentKind::waiting:
      dl->AddRectFilled({x0, y0}, {x1, y1}, with_alpha(c, 48));
      dl->AddRectFilled({x0, y0}, {x1, y0 + 2 * s}, with_alpha(c, 230));
      break;
    case SegmentKind::poll:
      dl->AddRectFilled({x0, y0 + 2 * s}, {x1, y1 - 2 * s}, with_alpha(c, 90));
      break;
    case SegmentKind::timers:
      dl->AddRectFilled({x0, y0}, {x1, y1}, with_alpha(c, 220));
      break;
    case SegmentKind::done:
    case SegmentKind::failed:
    case SegmentKind::cancelled:
      dl->AddRectFilled({x0, y0}, {x1, y1}, c);
      break;
  }
}

// A terminal marker centred on x, one shape per ending so they differ without colour: a filled
// dot with a tick for done, a red disc with a cross for failed, a hollow square struck through
// for cancelled.
void draw_terminal(ImDrawList* dl, SegmentKind k, float x, float y, float s) {
  const float r = 4.5f * s;
  switch (k) {
    case SegmentKind::failed:
      dl->AddCircleFilled({x, y}, r + 0.5f * s, palette::failed);
      dl->AddLine({x - 2 * s, y - 2 * s}, {x + 2 * s, y + 2 * s}, palette::panel, 1.6f * s);
      dl->AddLine({x - 2 * s, y + 2 * s}, {x + 2 * s, y - 2 * s}, palette::panel, 1.6f * s);
      break;
    case SegmentKind::cancelled:
      dl->AddRectFilled({x - r, y - r}, {x + r, y + r}, palette::panel, 1.5f * s);
      dl->AddRect({x - r, y - r}, {x + r, y + r}, palette::cancelled, 1.5f * s, 0, 1.6f * s);
      dl->AddLine({x - r + 1.5f * s, y + r - 1.5f * s}, {x + r - 1.5f * s, y - r + 1.5f * s},
                  palette::cancelled, 1.6f * s);
      break;
    default:
      dl->AddCircleFilled({x, y}, r, palette::text_dim);
      dl->AddLine({x - 2.2f * s, y + 0.2f * s}, {x - 0.6f * s, y + 1.9f * s}, palette::panel, 1.5f * s);
      dl->AddLine({x - 0.6f * s, y + 1.9f * s}, {x + 2.4f * s, y - 1.8f * s}, palette::panel, 1.5f * s);
      break;
  }
}

// The ending in words right of its marker, when the lane has room: a lane that "ends with
// cancelled" says so.
void draw_terminal_word(ImDrawList* dl, SegmentKind k, float x, float y, float right, float s) {
  const auto& f = platform::fonts();
  const float size = f.base_size * 0.78f;
  const char* word = segment_kind_name(k);
  const float w = f.mono->CalcTextSizeA(size, FLT_MAX, 0, word).x;
  if (x + 8 * s + w > right) return;
  const ImU32 c = k == SegmentKind::failed ? palette::failed_text
                  : k == SegmentKind::cancelled ? palette::cancelled
                                                : palette::text_dim;
  dl->AddText(f.mono, size, {x + 8 * s, y - size * 0.5f}, c, word);
}

// ---- text helpers --------------------------------------------------------------------------
// At most n bytes of `text` (cut at a UTF-8 boundary), with an ellipsis if cut.
std::string capped(std::string text, std::size_t n) {
  if (text.size() <= n) return text;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  text.resize(n);
  return text + "\xE2\x80\xA6";
}

std::string secs(double t) {
  char buf[48];
  if (std::fabs(t) < 10) std::snprintf(buf, sizeof buf, "%.3f s", t);
  else std::snprintf(buf, sizeof buf, "%.2f s", t);
  return buf;
}

// ---- axis mapping --------------------------------------------------------------------------
// Where segments and the playhead sit on the horizontal axis, in the camera's units: seconds in
// time mode, iterations (ui/iteration_axis.hpp) in iteration mode. Everything that places
// something on the x axis goes through here, so both modes draw, hit-test and seek alike.
struct AxisMap {
  const IterationAxis* iterations = nullptr;  // null: time mode
  std::size_t events = 0;                      // events decoded (the iteration axis' extent)
  std::size_t cursor = 0;
  double now = 0;

  bool by_iteration() const { return iterations != nullptr; }
  double at_event(std::size_t k) const { return iterations->position(k, events); }
  double begin_of(const Segment& sg) const { return by_iteration() ? at_event(sg.ev_begin) : sg.t0; }
  double end_of(const Segment& sg) const {
    if (!by_iteration()) return TimelineModel::end_at(sg, cursor, now);
    const bool closed = !sg.open() && sg.ev_end < cursor;
    return std::max(begin_of(sg), at_event(closed ? sg.ev_end : cursor));
  }
  double playhead() const { return by_iteration() ? at_event(cursor) : now; }
  double extent(double end_time) const {
    return by_iteration() ? static_cast<double>(iterations->columns(events)) : end_time;
  }
  SegmentRange visible(const TimelineModel& m, std::size_t lane, double u0, double u1) const {
    if (!by_iteration()) return m.visible(lane, u0, u1, cursor, now);
    return m.visible_events(lane, iterations->event_floor(u0, events),
                            iterations->event_ceil(u1, events), cursor);
  }
  std::size_t first_starting_at(const TimelineModel& m, std::size_t lane, std::size_t from, double u) const {
    if (!by_iteration()) return m.first_starting_at(lane, from, u);
    return m.first_starting_at_event(lane, from, iterations->event_ceil(u, events));
  }
};

// ---- wake arrows (shapes) ------------------------------------------------------------------
// A line from `from` to `to` with an arrow head at `to`, pointing along the line.
void draw_wake_arrow_head(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 c, float s, float thickness = 1.2f) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  const float ux = dx / len, uy = dy / len;
  const float hl = 5.0f * s, hw = 3.0f * s;
  const ImVec2 base{to.x - ux * hl, to.y - uy * hl};
  if (thickness > 0) dl->AddLine(from, base, c, thickness * s);
  dl->AddTriangleFilled(to, {base.x - uy * hw, base.y + ux * hw}, {base.x + uy * hw, base.y - ux * hw}, c);
}

// ---- header and legend ---------------------------------------------------------------------
// The legend names what this run draws (a kind no lane has is left out, and "woke" only with
// wake-ups to draw), so the entries that matter are the ones that fit.
void draw_header(ImDrawList* dl, const Layout& l, const TimelineView& cam, float right_edge,
                 const TimelineGhost* ghost, const TimelineModel& model, bool wakes) {
  const auto& f = platform::fonts();
  const float s = l.s;
  const float y = l.origin.y + 2 * s;
  float x = l.origin.x + 2 * s;
  dl->AddText(f.bold, f.base_size, {x, y}, palette::text, "Timeline");
  x += f.bold->CalcTextSizeA(f.base_size, FLT_MAX, 0, "Timeline").x + 18 * s;

  const float small = f.base_size * 0.86f;
  struct Item { SegmentKind kind; const char* name; };
  static constexpr Item items[] = {
      {SegmentKind::running, "running"}, {SegmentKind::ready, "ready"},
      {SegmentKind::sleeping, "sleeping"}, {SegmentKind::io, "I/O"},
      {SegmentKind::waiting, "waiting"}, {SegmentKind::blocked, "blocked"},
      {SegmentKind::done, "done"}, {SegmentKind::cancelled, "cancelled"},
      {SegmentKind::failed, "failed"}, {SegmentKind::poll, "loop: poll"},
      {SegmentKind::timers, "timers"}, {SegmentKind::run_ready, "run ready"}};
  const char* hint = "wheel zoom · drag pan · double-click fit";
  const float hint_w = f.body->CalcTextSizeA(small, FLT_MAX, 0, hint).x;
  const float right = right_edge - 10 * s;
  // The entries at full size, or, when they would not all fit, tighter (smaller swatches and
  // gaps) before any is left out.
  const char* woke = "woke";
  // Running and ready are always named (every run has them; the iteration axis shows them).
  // The loop lane's phases are named on the iteration axis, where each iteration's column shows
  // them as blocks (on the time axis the loop lane labels its polls in words).
  auto shown = [&](SegmentKind k) {
    const bool loop_phase = k == SegmentKind::poll || k == SegmentKind::timers || k == SegmentKind::run_ready;
    if (loop_phase) return cam.axis == TimelineAxis::iterations && model.has_kind(k);
    return k == SegmentKind::running || k == SegmentKind::ready || model.has_kind(k);
  };
  float natural = 0;
  for (const Item& it : items)
    if (shown(it.kind)) natural += 33 * s + f.body->CalcTextSizeA(small, FLT_MAX, 0, it.name).x;
  if (wakes) natural += 33 * s + f.body->CalcTextSizeA(small, FLT_MAX, 0, woke).x;
  const std::string ghost_name = ghost ? "ghost: step " + std::to_string(ghost->step) : std::string();
  if (ghost) natural += 33 * s + f.body->CalcTextSizeA(small, FLT_MAX, 0, ghost_name.c_str()).x;
  const bool tight = x + natural > right;
  const float sw = (tight ? 11 : 16) * s, sh = 9 * s, gap = (tight ? 8 : 12) * s, pad = (tight ? 4 : 5) * s;
  const float ty = y + (f.base_size - small) * 0.5f + 1 * s;
  const float sy = y + f.base_size * 0.5f - sh * 0.5f + 1 * s;
  bool room = true;
  // First, this step's own entry: another step's run drawn faintly behind the lanes
  // (draw_ghost_segments); the generic entries after it give way first when space runs out.
  if (ghost) {
    const float w = sw + pad + f.body->CalcTextSizeA(small, FLT_MAX, 0, ghost_name.c_str()).x;
    if (x + w <= right) {
      dl->AddRectFilled({x, sy}, {x + sw, sy + sh}, ghost_colour(SegmentKind::blocked));
      dl->AddText(f.body, small, {x + sw + pad, ty}, palette::text_dim, ghost_name.c_str());
      x += w + gap * 1.5f;
    }
  }
  for (const Item& it : items) {
    if (!shown(it.kind)) continue;
    const float w = sw + pad + f.body->CalcTextSizeA(small, FLT_MAX, 0, it.name).x;
    if (x + w > right) {
      room = false;
      break;
    }
    if (is_terminal(it.kind)) draw_terminal(dl, it.kind, x + sw * 0.5f, sy + sh * 0.5f, s * 0.8f);
    else draw_bar(dl, it.kind, x, x + sw, sy, sy + sh, s);
    dl->AddText(f.body, small, {x + sw + pad, ty}, palette::text_dim, it.name);
    x += w + gap;
  }
  // Cause -> effect: the arrows from the task that woke another (draw_wake_arrows).
  if (const float w = sw + pad + f.body->CalcTextSizeA(small, FLT_MAX, 0, woke).x; wakes && room && x + w <= right) {
    const float my = sy + sh * 0.5f;
    draw_wake_arrow_head(dl, {x + 1 * s, my}, {x + sw, my}, palette::text_dim, s);
    dl->AddText(f.body, small, {x + sw + pad, ty}, palette::text_dim, woke);
    x += w + gap;
  }
  // The hint (or, when zoomed, how to get back) on the right if there is room.
  const char* right_text = cam.follow == FollowMode::fit_all ? hint : "double-click to fit all";
  const float rw = cam.follow == FollowMode::fit_all
                       ? hint_w
                       : f.body->CalcTextSizeA(small, FLT_MAX, 0, right_text).x;
  if (x + rw + 8 * s < right)
    dl->AddText(f.body, small, {right - rw - 2 * s, ty}, palette::text_faint, right_text);
}

// ---- axis ----------------------------------------------------------------------------------
// Ticks and their grid lines over the lanes; labels on the axis row.
// Tick labels that would collide with [avoid_x0, avoid_x1] (the "now" label) are skipped.
void draw_axis(ImDrawList* dl, const Layout& l, const TimelineView& cam, double end_time,
               float avoid_x0, float avoid_x1) {
  const auto& f = platform::fonts();
  const float s = l.s;
  const float small = f.base_size * 0.8f;
  const double step = tick_step(cam.seconds_per_px, 86.0 * s);
  const double t_from = std::max(0.0, x_to_time(cam, 0));
  const double t_to = x_to_time(cam, l.plot_w());
  dl->AddLine({l.plot_x0, l.axis_y1 - 0.5f}, {l.plot_x1, l.axis_y1 - 0.5f}, palette::border);
  // Where the recorded trace ends (faint): beyond it, nothing has happened yet.
  const double x_end = l.plot_x0 + time_to_x(cam, end_time);
  if (x_end > l.plot_x0 && x_end < l.plot_x1)
    dl->AddLine({static_cast<float>(x_end), l.axis_y1 - 4 * s},
                {static_cast<float>(x_end), l.lanes_y1}, with_alpha(palette::border, 200));
  const double first = std::ceil(t_from / step - 1e-9) * step;
  for (int i = 0; i < 400; ++i) {
    const double t = first + i * step;
    if (t > t_to) break;
    const float x = std::round(l.plot_x0 + static_cast<float>(time_to_x(cam, t))) + 0.5f;
    if (x < l.plot_x0 || x > l.plot_x1) continue;
    dl->AddLine({x, l.axis_y1 - 5 * s}, {x, l.axis_y1}, palette::text_faint);
    dl->AddLine({x, l.loop_y0}, {x, l.lanes_y1}, with_alpha(palette::grid, 150));
    const std::string label = format_tick(t, step);
    const float w = f.body->CalcTextSizeA(small, FLT_MAX, 0, label.c_str()).x;
    const float lx = std::min(x - w * 0.5f, l.plot_x1 - w);
    if (lx < l.plot_x0 - 2 * s) continue;
    if (lx < avoid_x1 + 4 * s && lx + w > avoid_x0 - 4 * s) continue;
    dl->AddText(f.body, small, {lx, l.axis_y0 + 1 * s}, palette::text_dim, label.c_str());
  }
  // Minor ticks: 5 per step.
  const double minor = step / 5;
  const double mfirst = std::ceil(t_from / minor - 1e-9) * minor;
  for (int i = 0; i < 2000; ++i) {
    const double t = mfirst + i * minor;
    if (t > t_to) break;
    const float x = std::round(l.plot_x0 + static_cast<float>(time_to_x(cam, t))) + 0.5f;
    if (x < l.plot_x0 || x > l.plot_x1) continue;
    dl->AddLine({x, l.axis_y1 - 2.5f * s}, {x, l.axis_y1}, palette::border);
  }
}

// The iteration axis: a tick at each column's left edge, labelled with the loop's iteration
// number (every `step` columns when they are narrow); grid lines at every visible boundary.
std::string column_name(const IterationAxis& it, std::size_t column) {
  const std::uint64_t n = it.iteration_of(column);
  return n == 0 && column == 0 ? std::string("before the loop") : "iteration " + std::to_string(n);
}

void draw_iteration_axis(ImDrawList* dl, const Layout& l, const TimelineView& cam, const AxisMap& ax,
                         float avoid_x0, float avoid_x1) {
  const auto& f = platform::fonts();
  const float s = l.s;
  const float small = f.base_size * 0.8f;
  const std::size_t columns = ax.iterations->columns(ax.events);
  dl->AddLine({l.plot_x0, l.axis_y1 - 0.5f}, {l.plot_x1, l.axis_y1 - 0.5f}, palette::border);
  const double step = std::max(1.0, std::ceil(tick_step(cam.seconds_per_px, 56.0 * s)));
  const double from = std::max(0.0, std::floor(x_to_time(cam, 0)));
  const double to = std::min(static_cast<double>(columns), x_to_time(cam, l.plot_w()));
  const bool grid_every = 1.0 / cam.seconds_per_px >= 6.0 * s;  // columns wide enough for a line each
  for (double c = from; c <= to && c - from < 4000; c += 1.0) {
    const float x = std::round(l.plot_x0 + static_cast<float>(time_to_x(cam, c))) + 0.5f;
    if (x < l.plot_x0 || x > l.plot_x1) continue;
    const bool labelled = std::fmod(c, step) == 0;
    if (!labelled && !grid_every) continue;
    dl->AddLine({x, l.axis_y1 - (labelled ? 5 : 2.5f) * s}, {x, l.axis_y1}, palette::text_faint);
    dl->AddLine({x, l.loop_y0}, {x, l.lanes_y1}, with_alpha(palette::grid, labelled ? 170 : 110));
    if (!labelled || c >= static_cast<double>(columns)) continue;
    const auto column = static_cast<std::size_t>(c);
    const std::uint64_t n = ax.iterations->iteration_of(column);
    const std::string label = n == 0 && column == 0 ? std::string("start") : "#" + std::to_string(n);
    const float w = f.body->CalcTextSizeA(small, FLT_MAX, 0, label.c_str()).x;
    const float lx = std::min(x + 3 * s, l.plot_x1 - w);
    if (lx < avoid_x1 + 4 * s && lx + w > avoid_x0 - 4 * s) continue;
    dl->AddText(f.body, small, {lx, l.axis_y0 + 1 * s}, palette::text_dim, label.c_str());
  }
}

// What the playhead's label says: the time, and in iteration mode the iteration too.
std::string now_text(const AxisMap& ax, double now) {
  if (!ax.by_iteration()) return secs(now);
  const std::size_t column = ax.iterations->column_of(ax.cursor > 0 ? ax.cursor - 1 : 0);
  const std::uint64_t n = ax.iterations->iteration_of(column);
  return (n == 0 ? std::string("start") : "#" + std::to_string(n)) + " \xC2\xB7 " + secs(now);
}

// The "Time | Iterations" switch at the header's right; one click flips the axis (key I does
// too, see app.cpp). Returns the switch's left edge, where the legend must stop.
float axis_toggle(const Layout& l, TimelineView& cam) {
  const auto& f = platform::fonts();
  const float s = l.s;
  const float small = f.base_size * 0.86f;
  const char* names[] = {"Time", "Iterations"};
  const float pad = 8 * s;
  const float w0 = f.body->CalcTextSizeA(small, FLT_MAX, 0, names[0]).x + 2 * pad;
  const float w1 = f.body->CalcTextSizeA(small, FLT_MAX, 0, names[1]).x + 2 * pad;
  const float h = small + 6 * s;
  const ImVec2 p{l.origin.x + l.size.x - w0 - w1 - 2 * s, l.origin.y + 1 * s};
  ImGui::SetCursorScreenPos(p);
  if (ImGui::InvisibleButton("##axis_switch", {w0 + w1, h})) {
    cam.axis = cam.axis == TimelineAxis::time ? TimelineAxis::iterations : TimelineAxis::time;
    cam.follow = FollowMode::fit_all;
  }
  const bool hovered = ImGui::IsItemHovered();
  probe::item("axis_switch");
  if (hovered)
    ImGui::SetTooltip(cam.axis == TimelineAxis::time
                          ? "Lay the timeline out by loop iteration: each iteration one column, "
                            "even when it takes no time  (I)"
                          : "Lay the timeline out by virtual time  (I)");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, {p.x + w0 + w1, p.y + h}, hovered ? palette::rgb(0x2F3748) : palette::rgb(0x242A36), 5 * s);
  const bool by_time = cam.axis == TimelineAxis::time;
  const float sx = by_time ? p.x : p.x + w0;
  dl->AddRectFilled({sx, p.y}, {sx + (by_time ? w0 : w1), p.y + h}, palette::accent, 5 * s);
  dl->AddText(f.body, small, {p.x + pad, p.y + 3 * s}, by_time ? palette::background : palette::text, names[0]);
  dl->AddText(f.body, small, {p.x + w0 + pad, p.y + 3 * s}, by_time ? palette::text : palette::background, names[1]);
  return p.x;
}

// The "now" label on the axis: the time shown, in a pill centred on the cursor line.
struct NowLabel {
  bool visible = false;
  float x0 = 0, x1 = 0, size = 0;
  std::string text;
};

NowLabel now_label_at(const Layout& l, float x_now, std::string text) {
  NowLabel n;
  if (x_now < l.plot_x0 - 1 || x_now > l.plot_x1 + 1) return n;
  const auto& f = platform::fonts();
  n.visible = true;
  n.size = f.base_size * 0.8f;
  n.text = std::move(text);
  const float w = f.mono->CalcTextSizeA(n.size, FLT_MAX, 0, n.text.c_str()).x + 10 * l.s;
  n.x0 = std::clamp(std::round(x_now) + 0.5f - w * 0.5f, l.plot_x0, l.plot_x1 - w);
  n.x1 = n.x0 + w;
  return n;
}

// ---- lanes ---------------------------------------------------------------------------------
// What the mouse is over, found while drawing (so it matches what is on screen).
struct Hit {
  std::size_t lane = TimelineModel::npos;
  std::size_t segment = TimelineModel::npos;
  std::size_t merged = 0;  // > 1: that many segments share the hovered pixel column
};

struct LaneGeometry {
  float y0 = 0, y1 = 0;     // the lane's row
  float bar_y0 = 0, bar_y1 = 0;
};

// Draws the segments of one lane visible in [plot_x0, plot_x1]. Segments narrower than a pixel
// are merged per pixel column (one binary search per column), so the cost is bounded by the
// plot's width, not by the number of segments.
void draw_segments(ImDrawList* dl, const Layout& l, const TimelineModel& model, std::size_t li,
                   const LaneGeometry& g, const TimelineView& cam, const AxisMap& ax,
                   const TraceRecorder& trace, float mouse_x, Hit* hit) {
  const auto& f = platform::fonts();
  const float s = l.s;
  const auto& segs = model.lanes()[li].segments;
  const double t_from = x_to_time(cam, -2.0);
  const double t_to = x_to_time(cam, l.plot_w() + 2.0);
  const SegmentRange r = ax.visible(model, li, t_from, t_to);
  auto x_of = [&](double t) {
    return static_cast<float>(l.plot_x0 + std::clamp(time_to_x(cam, t), -4.0, l.plot_w() + 4.0));
  };
  const float slop = 2.0f * s;
  auto note_hit = [&](float x0, float x1, std::size_t seg, std::size_t merged) {
    if (hit && mouse_x >= x0 - slop && mouse_x <= x1 + slop) {
      // Later (and narrower) draws are on top, so they win ties.
      hit->lane = li;
      hit->segment = seg;
      hit->merged = merged;
    }
  };
  const float mid_y = (g.bar_y0 + g.bar_y1) * 0.5f;
  float floor_x = -1e30f;  // pixels left of this are already drawn
  std::size_t i = r.begin;
  while (i < r.end) {
    const Segment& sg = segs[i];
    if (is_terminal(sg.kind)) {
      const float x = x_of(ax.begin_of(sg));
      draw_terminal(dl, sg.kind, x, mid_y, s);
      if (li != 0) draw_terminal_word(dl, sg.kind, x, mid_y, l.plot_x1, s);
      note_hit(x - 4 * s, x + 4 * s, i, 1);
      ++i;
      continue;
    }
    const float x0 = std::max(x_of(ax.begin_of(sg)), floor_x);
    const float x1 = x_of(ax.end_of(sg));
    if (x1 - x0 >= 1.0f || i + 1 == r.end) {
      draw_bar(dl, sg.kind, x0, x1, g.bar_y0, g.bar_y1, s);
      note_hit(x0, std::max(x1, x0 + min_width(sg.kind, s)), i, 1);
      // A label inside wide waits: what it waits on.
      const bool labelled = sg.kind == SegmentKind::sleeping || sg.kind == SegmentKind::io ||
                            sg.kind == SegmentKind::waiting || sg.kind == SegmentKind::blocked ||
                            sg.kind == SegmentKind::poll;
      if (labelled && x1 - x0 > 48 * s) {
        std::string_view label = trace.str(sg.detail.label);
        char poll_label[64];
        if (sg.kind == SegmentKind::poll) {
          // The loop lane says how long the selector was allowed to wait.
          if (sg.detail.value < 0)
            std::snprintf(poll_label, sizeof poll_label, "poll, no timeout");
          else
            std::snprintf(poll_label, sizeof poll_label, "poll, timeout %s",
                          secs(sg.detail.value).c_str());
          label = poll_label;
        }
        if (label.empty()) label = segment_kind_name(sg.kind);
        const float size = f.base_size * 0.78f;
        const float vis0 = std::max(x0, l.plot_x0), vis1 = std::min(x1, l.plot_x1);
        const std::string text = ellipsised(f.mono, size, platform::display_text(label).view(), vis1 - vis0 - 10 * s, Fit::fitted);
        if (vis1 - vis0 > 30 * s && !text.empty()) {
          const ImU32 tc = sg.kind == SegmentKind::blocked ? palette::background
                           : sg.kind == SegmentKind::poll  ? palette::text_dim
                                                           : kind_colour(sg.kind);
          dl->AddText(f.mono, size, {vis0 + 5 * s, mid_y - size * 0.5f + 1 * s}, tc, text.c_str());
        }
      }
      floor_x = std::max(floor_x, x1);
      ++i;
      continue;
    }
    // Sub-pixel: merge every segment that starts in this pixel column.
    const float col = std::floor(x0);
    const double t_next = x_to_time(cam, static_cast<double>(col + 1.0f - l.plot_x0));
    std::size_t j = std::min(ax.first_starting_at(model, li, i + 1, t_next), r.end);
    if (j <= i + 1) {
      draw_bar(dl, sg.kind, x0, x1, g.bar_y0, g.bar_y1, s);
      note_hit(x0, x0 + std::max(1.0f, min_width(sg.kind, s)), i, 1);
      floor_x = std::max(floor_x, x0 + 1.0f);
      ++i;
      continue;
    }
    // Terminal markers are drawn as markers, not merged.
    if (is_terminal(segs[j - 1].kind)) --j;
    const SegmentKind k = model.dominant(li, {i, j});
    if (k == SegmentKind::run_ready) {
      // On the loop lane a pixel of many iterations is mostly waiting in poll with instants of
      // running: show both, so a busy stretch does not read as "always running".
      draw_bar(dl, SegmentKind::poll, col, col + 1.0f, g.bar_y0, g.bar_y1, s);
      const float q = (g.bar_y1 - g.bar_y0) * 0.25f;
      dl->AddRectFilled({col, g.bar_y0 + q}, {col + 1.0f, g.bar_y1 - q},
                        with_alpha(palette::running, 170));
    } else {
      draw_bar(dl, k, col, col + 1.0f, g.bar_y0, g.bar_y1, s);
    }
    // The hovered merged column reports its most telling segment: the last of the dominant kind.
    std::size_t rep = j - 1;
    for (std::size_t q = j; q > i && j - q < 64; --q)
      if (segs[q - 1].kind == k) { rep = q - 1; break; }
    note_hit(col, col + std::max(1.0f, min_width(k, s)), rep, j - i);
    floor_x = col + 1.0f;
    // The last merged segment may run on past this column: continue it from the column's end.
    const Segment& last = segs[j - 1];
    if (!is_terminal(last.kind) && x_of(ax.end_of(last)) > col + 1.0f)
      i = j - 1;
    else
      i = j;
  }
}

void draw_lane_label(ImDrawList* dl, const Layout& l, const Lane& lane, const LaneGeometry& g,
                     bool finished, bool selected, std::string_view function = {}) {
  const auto& f = platform::fonts();
  const float s = l.s;
  const float cy = (g.y0 + g.y1) * 0.5f;
  const float x = l.label_x0 + 8 * s;
  const float size = f.base_size * 0.86f;
  const ImU32 text_colour = selected ? palette::text : finished ? palette::text_dim : palette::text;
  if (lane.task == 0) {
    // The loop: a small ring, like a cycle.
    dl->AddCircle({x + 3.5f * s, cy}, 4 * s, palette::accent, 0, 1.6f * s);
    dl->AddText(f.bold, size, {x + 13 * s, cy - size * 0.55f}, palette::text, platform::display_text(lane.name).c_str());
    return;
  }
  dl->AddCircleFilled({x + 3.5f * s, cy}, 3.5f * s,
                      finished ? with_alpha(palette::task_colour(lane.task), 110)
                               : palette::task_colour(lane.task));
  ImFont* font = selected ? f.bold : f.body;
  // "Task-1 main()": the coroutine function dimmer, cut before the name is.
  draw_task_label(dl, font, size, {x + 13 * s, cy - size * 0.55f}, text_colour, lane.name, function,
                  l.label_w - 22 * s, f.body);
}

// ---- interaction ---------------------------------------------------------------------------
enum class Zone { none, header, axis, loop_lane, task_lanes, labels, scrollbar };

Zone zone_at(const Layout& l, ImVec2 p) {
  if (p.x < l.origin.x || p.x >= l.origin.x + l.size.x || p.y < l.origin.y ||
      p.y >= l.origin.y + l.size.y)
    return Zone::none;
  if (p.y < l.axis_y0) return Zone::header;
  if (l.scrollbar_w > 0 && p.x >= l.scrollbar_x0 && p.y >= l.lanes_y0) return Zone::scrollbar;
  if (p.x < l.plot_x0) return p.y >= l.lanes_y0 ? Zone::labels : Zone::loop_lane;
  if (p.y < l.axis_y1) return Zone::axis;
  if (p.y < l.lanes_y0) return Zone::loop_lane;
  return Zone::task_lanes;
}

// The lane index under y (0 = loop), or npos.
std::size_t lane_at(const Layout& l, const TimelineView& cam, float y, std::size_t lanes) {
  if (y >= l.loop_y0 && y < l.loop_y0 + l.loop_h) return 0;
  if (y < l.lanes_y0 || y >= l.lanes_y1) return TimelineModel::npos;
  const auto row = static_cast<std::size_t>((y - l.lanes_y0 + cam.scroll_y) / l.lane_h);
  return row + 1 < lanes ? row + 1 : TimelineModel::npos;
}

double clamp_seek(double t, const ViewState& view) { return std::clamp(t, 0.0, view.end_time); }

// The mouse as the plot's button sees it this frame. It is all read right after the button is
// submitted, because ImGui's IsItem* queries refer to the last item; the input steps below then
// depend on nothing but this, the layout and the camera.
struct Pointer {
  ImVec2 pos;              // the mouse
  ImVec2 pressed_at;       // where the left button went down
  ImVec2 delta;            // the mouse's move since the last frame
  float plot_x = 0;        // pos.x from the plot's left edge (negative over the labels)
  float wheel = 0, wheel_h = 0;
  Zone zone = Zone::none;  // none unless the button is hovered
  bool hovered = false, active = false, activated = false, deactivated = false;
  bool dragged = false;    // moved past the click slop since the press: not a click
  bool double_clicked = false;
  bool shift = false;
};

// The plot's button covers the panel below the header: the axis, the loop lane and the task
// lanes. (The header's axis switch is a separate item, submitted before it.)
Pointer plot_button(const Layout& l) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetCursorScreenPos({l.origin.x, l.axis_y0});
  ImGui::InvisibleButton("##timeline", {l.size.x, l.size.y - l.header_h});
  Pointer p;
  p.hovered = ImGui::IsItemHovered();
  p.active = ImGui::IsItemActive();
  p.activated = ImGui::IsItemActivated();
  p.deactivated = ImGui::IsItemDeactivated();
  p.pos = io.MousePos;
  p.pressed_at = io.MouseClickedPos[0];
  p.delta = io.MouseDelta;
  p.plot_x = p.pos.x - l.plot_x0;
  p.wheel = io.MouseWheel;
  p.wheel_h = io.MouseWheelH;
  p.zone = p.hovered ? zone_at(l, p.pos) : Zone::none;
  p.dragged = io.MouseDragMaxDistanceSqr[0] > 9.0f * l.s * l.s;
  p.double_clicked = ImGui::IsMouseDoubleClicked(0);
  p.shift = io.KeyShift;
  return p;
}

// A press decides what the drag moves by where it began: the scrollbar, the ruler, or the plot.
void begin_drag(const Layout& l, const Pointer& p, TimelineView& cam) {
  if (!p.activated) return;
  const Zone z = zone_at(l, p.pressed_at);
  cam.drag = z == Zone::scrollbar ? TimelineDrag::scrollbar
             : z == Zone::axis    ? TimelineDrag::axis
                                  : TimelineDrag::plot;
}

// While the button is held: a plot drag pans (and scrolls the lanes) once past the click slop,
// a scrollbar drag centres the view on the mouse, a ruler drag seeks to the mouse.
void continue_drag(const Layout& l, const Pointer& p, const AxisMap& ax, const ViewState& view,
                   TimelineView& cam, PanelAction& action) {
  if (!p.active) return;
  switch (cam.drag) {
    case TimelineDrag::plot:
      if (p.dragged && (p.delta.x != 0 || p.delta.y != 0)) {
        pan(cam, p.delta.x);
        cam.scroll_y -= p.delta.y;
        if (p.delta.x != 0) cam.follow = FollowMode::free;
      }
      break;
    case TimelineDrag::scrollbar: {
      const float track = l.lanes_y1 - l.lanes_y0;
      if (track > 0 && l.content_h > 0)
        cam.scroll_y = (p.pos.y - l.lanes_y0) / track * l.content_h - track * 0.5f;
      break;
    }
    case TimelineDrag::axis:
      if (ax.by_iteration())
        action.seek_cursor = ax.iterations->event_floor(x_to_time(cam, p.plot_x), ax.events);
      else
        action.seek_time = clamp_seek(x_to_time(cam, p.plot_x), view);
      break;
    case TimelineDrag::none: break;
  }
}

// On release, a plot press that stayed within the click slop is a click: over a lane or its
// label it selects that lane's task (the loop lane's task is 0, which clears the selection).
void end_drag(const Layout& l, const Pointer& p, const TimelineModel& model, std::size_t lanes,
              TimelineView& cam, PanelAction& action) {
  if (!p.deactivated) return;
  if (cam.drag == TimelineDrag::plot && !p.dragged) {
    const Zone z = zone_at(l, p.pos);
    if (z == Zone::loop_lane || z == Zone::task_lanes || z == Zone::labels) {
      const std::size_t li = lane_at(l, cam, p.pos.y, lanes);
      action.select = li == TimelineModel::npos ? TaskId{0} : model.lanes()[li].task;
    }
  }
  cam.drag = TimelineDrag::none;
}

// The wheel over the labels or the scrollbar scrolls the lanes; shift+wheel or a horizontal
// wheel pans; the wheel over the plot zooms about the mouse, following "now" only if it stays
// in view.
void apply_wheel(const Layout& l, const Pointer& p, const AxisMap& ax, TimelineView& cam) {
  if (!p.hovered || (p.wheel == 0 && p.wheel_h == 0)) return;
  if (p.zone == Zone::labels || p.zone == Zone::scrollbar) {
    cam.scroll_y -= p.wheel * l.lane_h * 3;
  } else if (p.shift || p.wheel_h != 0) {
    const float w = p.wheel_h != 0 ? p.wheel_h : p.wheel;
    pan(cam, w * 60.0 * l.s);
    cam.follow = FollowMode::free;
  } else if (p.wheel != 0 && p.plot_x >= 0) {
    zoom_about(cam, std::pow(1.2, static_cast<double>(p.wheel)), p.plot_x);
    const double x_now = time_to_x(cam, ax.playhead());
    cam.follow = x_now >= 0 && x_now <= l.plot_w() ? FollowMode::now : FollowMode::free;
  }
}

// A task selected elsewhere (code marker, queue, console) is scrolled into view once, when the
// selection changes: afterwards the learner may scroll it away.
void reveal_selection(const Layout& l, const TimelineModel& model, const ViewState& view,
                      std::size_t lanes, TimelineView& cam) {
  if (view.selected_task == cam.shown_selection) return;
  cam.shown_selection = view.selected_task;
  const std::size_t li = model.lane_index(view.selected_task);
  if (view.selected_task == 0 || li == TimelineModel::npos || li >= lanes) return;
  const float top = static_cast<float>(li - 1) * l.lane_h;
  const float visible_h = l.lanes_y1 - l.lanes_y0;
  if (top < cam.scroll_y || top + l.lane_h > cam.scroll_y + visible_h)
    cam.scroll_y = top - (visible_h - l.lane_h) * 0.5f;
}

// The frame's input, in order: the drag (press, hold, release), double-click to fit, the wheel;
// then the camera follows the playhead and the scroll is clamped to the lanes.
PanelAction handle_input(const Layout& l, const Pointer& p, const TimelineModel& model,
                         const AxisMap& ax, const ViewState& view, std::size_t lanes,
                         TimelineView& cam) {
  PanelAction action;
  begin_drag(l, p, cam);
  continue_drag(l, p, ax, view, cam, action);
  end_drag(l, p, model, lanes, cam, action);
  if (p.hovered && p.double_clicked && p.zone != Zone::axis && p.zone != Zone::scrollbar)
    cam.follow = FollowMode::fit_all;
  apply_wheel(l, p, ax, cam);
  follow(cam, ax.playhead(), ax.extent(view.end_time), l.plot_w());
  reveal_selection(l, model, view, lanes, cam);
  cam.scroll_y = std::clamp(cam.scroll_y, 0.0f, max_scroll(l));
  return action;
}

// The lane whose segment under the mouse gets a tooltip: the one under the mouse in the plot,
// unless a drag is on; npos otherwise.
std::size_t tooltip_lane(const Layout& l, const Pointer& p, const TimelineView& cam,
                         std::size_t lanes) {
  const bool wanted = p.hovered && cam.drag == TimelineDrag::none &&
                      (p.zone == Zone::loop_lane || p.zone == Zone::task_lanes) && p.plot_x >= 0;
  return wanted ? lane_at(l, cam, p.pos.y, lanes) : TimelineModel::npos;
}

// ---- tooltip -------------------------------------------------------------------------------
// The wake-up that put the hovered segment's task in the ready queue: the segment's own if it is
// a ready span, the ready span's just before it if it is the run that followed. Null if none.
const Wake* wake_at_segment(const WakeModel* wakes, const Lane& lane, std::size_t seg, std::size_t cursor) {
  if (!wakes || lane.task == 0 || seg >= lane.segments.size()) return nullptr;
  const Segment& sg = lane.segments[seg];
  std::size_t ev = TimelineModel::npos;
  if (sg.kind == SegmentKind::ready) {
    ev = sg.ev_begin;
  } else if (sg.kind == SegmentKind::running && seg > 0) {
    const Segment& before = lane.segments[seg - 1];
    if (before.kind == SegmentKind::ready && before.ev_end == sg.ev_begin) ev = before.ev_begin;
  }
  if (ev == TimelineModel::npos || ev >= cursor) return nullptr;
  const Wake* w = wakes->at_event(ev);
  return w && w->task == lane.task ? w : nullptr;
}

// "Task-1 main() set Event#1": describe_wake with the tasks' labels.
std::string wake_words(const Wake& w, const TimelineModel& model, const ViewState& view) {
  return describe_wake(w, [&](TaskId id) {
    const std::size_t li = model.lane_index(id);
    return task_text(view, id, li == TimelineModel::npos ? "task " + std::to_string(id) : model.lanes()[li].name);
  });
}

void draw_tooltip(const TimelineModel& model, const Hit& hit, const ViewState& view, const WakeModel* wakes) {
  const auto& f = platform::fonts();
  const Lane& lane = model.lanes()[hit.lane];
  const Segment& sg = lane.segments[hit.segment];
  ImGui::BeginTooltip();
  ImGui::PushFont(f.bold);
  if (lane.task == 0) {
    ImGui::TextUnformatted("event loop");
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::task_colour(lane.task)));
    ImGui::TextUnformatted(platform::display_text(task_text(view, lane.task, lane.name)).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushFont(f.body);
    ImGui::TextDisabled("task %llu", static_cast<unsigned long long>(lane.task));
    ImGui::PopFont();
  }
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(text_colour_of(sg.kind)));
  ImGui::TextUnformatted(segment_kind_name(sg.kind));
  ImGui::PopStyleColor();
  ImGui::SameLine();
  const double end = TimelineModel::end_at(sg, view.cursor, view.time);
  const bool still_open = sg.open() || sg.ev_end >= view.cursor;
  std::string when;
  if (is_terminal(sg.kind) || (end - sg.t0 < 1e-12 && !still_open)) {
    when = "at " + secs(sg.t0);
  } else {
    when = secs(sg.t0) + " \xE2\x86\x92 " + (still_open ? std::string("now") : secs(end)) + "  (" +
           secs(end - sg.t0) + (still_open ? " so far)" : ")");
  }
  ImGui::TextColored(to_vec4(palette::text_dim), "%s", when.c_str());
  ImGui::PushFont(f.mono);
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
  ImGui::TextUnformatted(platform::display_text(capped(model.describe(sg, *view.trace), 400)).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  if (const Wake* w = wake_at_segment(wakes, lane, hit.segment, view.cursor))
    ImGui::TextColored(to_vec4(palette::text), "woken: %s", capped(wake_words(*w, model, view), 300).c_str());
  if (hit.merged > 1)
    ImGui::TextColored(to_vec4(palette::text_faint), "%zu segments share this pixel; zoom in",
                       hit.merged);
  ImGui::TextColored(to_vec4(palette::text_faint), "%s",
                     lane.task == 0 ? "trace events from #" : "click to select · events from #");
  ImGui::SameLine(0, 0);
  if (sg.open())
    ImGui::TextColored(to_vec4(palette::text_faint), "%u", sg.ev_begin);
  else
    ImGui::TextColored(to_vec4(palette::text_faint), "%u to #%u", sg.ev_begin, sg.ev_end);
  ImGui::EndTooltip();
}

// A task lane's label: the full name, who created it and when, and how it ended.
void draw_lane_tooltip(const TimelineModel& model, std::size_t li, const ViewState& view) {
  if (li == TimelineModel::npos || li == 0 || li >= model.lanes().size()) return;
  const Lane& lane = model.lanes()[li];
  ImGui::BeginTooltip();
  ImGui::PushFont(platform::fonts().bold);
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::task_colour(lane.task)));
  ImGui::TextUnformatted(platform::display_text(task_text(view, lane.task, lane.name)).c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::TextColored(to_vec4(palette::text_dim), "task %llu, created at %s",
                     static_cast<unsigned long long>(lane.task), secs(lane.created_time).c_str());
  const std::size_t parent = lane.parent ? model.lane_index(lane.parent) : TimelineModel::npos;
  if (parent != TimelineModel::npos)
    ImGui::TextColored(to_vec4(palette::text_dim), "by %s",
                       task_text(view, lane.parent, model.lanes()[parent].name).c_str());
  if (lane.finished_event < view.cursor && !lane.segments.empty()) {
    const Segment& last = lane.segments.back();
    ImGui::TextColored(to_vec4(text_colour_of(last.kind)), "%s at %s", segment_kind_name(last.kind),
                       secs(last.t0).c_str());
  }
  ImGui::TextColored(to_vec4(palette::text_faint), "click to select");
  ImGui::EndTooltip();
}

// The tooltip for what the mouse is over, none during a drag: a segment (found while drawing,
// so it matches the pixels), a lane's label, or the ruler (where a click moves the playhead).
void draw_hover_tooltip(const Layout& l, const Pointer& p, const TimelineView& cam,
                        const TimelineModel& model, const AxisMap& ax, const ViewState& view,
                        const Hit& hit, std::size_t lanes, const WakeModel* wakes) {
  if (hit.lane != TimelineModel::npos && hit.segment != TimelineModel::npos) {
    draw_tooltip(model, hit, view, wakes);
    return;
  }
  if (!p.hovered || cam.drag != TimelineDrag::none) return;
  if (p.zone == Zone::labels) {
    draw_lane_tooltip(model, lane_at(l, cam, p.pos.y, lanes), view);
  } else if (p.zone == Zone::axis && ax.by_iteration()) {
    const std::size_t k = ax.iterations->event_floor(x_to_time(cam, p.plot_x), ax.events);
    ImGui::SetTooltip("click or drag to move the playhead into %s",
                      column_name(*ax.iterations, ax.iterations->column_of(k)).c_str());
  } else if (p.zone == Zone::axis) {
    ImGui::SetTooltip("click or drag to move the playhead to %s",
                      secs(clamp_seek(x_to_time(cam, p.plot_x), view)).c_str());
  }
}

// ---- probe ---------------------------------------------------------------------------------
// The plot, the time ruler and each visible lane, for the interaction tests (ui/probe.hpp).
void probe_layout(const Layout& l, const TimelineView& cam, const TimelineModel& model, std::size_t lanes) {
  probe::rect("timeline_plot", {l.plot_x0, l.lanes_y0}, {l.plot_x1, l.lanes_y1});
  probe::rect("timeline_axis", {l.plot_x0, l.axis_y0}, {l.plot_x1, l.axis_y1});
  for (std::size_t li = 1; li < lanes; ++li) {
    const float y0 = l.lanes_y0 + static_cast<float>(li - 1) * l.lane_h - cam.scroll_y;
    if (y0 < l.lanes_y0 || y0 + l.lane_h > l.lanes_y1) continue;
    probe::rect("lane_" + std::to_string(model.lanes()[li].task), {l.label_x0, y0},
                {l.label_x0 + l.label_w, y0 + l.lane_h});
  }
}

// ---- the frame's parts ---------------------------------------------------------------------
// Drawn in this order, each over the last: header, ruler, loop lane, task rows, their segments,
// scrollbar, playhead.

// Where the playhead is this frame, and its label on the ruler (not visible off the plot).
struct Playhead {
  float x = 0;
  NowLabel label;
};

Playhead place_playhead(const Layout& l, const TimelineView& cam, const AxisMap& ax, double now) {
  Playhead ph;
  ph.x = static_cast<float>(l.plot_x0 + time_to_x(cam, ax.playhead()));
  ph.label = now_label_at(l, ph.x, now_text(ax, now));
  return ph;
}

// The ruler of the axis in use, its tick labels kept clear of the playhead's label.
void draw_ruler(ImDrawList* dl, const Layout& l, const TimelineView& cam, const AxisMap& ax,
                double end_time, const Playhead& ph) {
  const float s = l.s;
  dl->PushClipRect({l.plot_x0, l.axis_y0}, {l.plot_x1, l.lanes_y1}, true);
  // The recorded future (after "now", up to the end of the trace) is marked on the axis as a
  // faint band: the lanes do not draw it yet. (A band, not a veil over the lanes: on llvmpipe
  // every blended pixel counts.)
  const float x_end = static_cast<float>(l.plot_x0 + time_to_x(cam, ax.extent(end_time)));
  if (x_end > ph.x + 1)
    dl->AddRectFilled({std::max(ph.x, l.plot_x0), l.axis_y1 - 3 * s},
                      {std::min(x_end, l.plot_x1), l.axis_y1}, with_alpha(palette::accent, 70));
  const float avoid_x0 = ph.label.visible ? ph.label.x0 : 0.0f;
  const float avoid_x1 = ph.label.visible ? ph.label.x1 : 0.0f;
  if (ax.by_iteration())
    draw_iteration_axis(dl, l, cam, ax, avoid_x0, avoid_x1);
  else
    draw_axis(dl, l, cam, end_time, avoid_x0, avoid_x1);
  dl->PopClipRect();
}

// The loop's lane, pinned above the scrolling task lanes, with a rule under it.
void draw_loop_lane(ImDrawList* dl, const Layout& l, const TimelineModel& model,
                    const TimelineView& cam, const AxisMap& ax, const TraceRecorder& trace,
                    float mouse_x, Hit* hit) {
  const float s = l.s;
  const LaneGeometry g{l.loop_y0, l.loop_y0 + l.loop_h, l.loop_y0 + 5 * s,
                       l.loop_y0 + l.loop_h - 5 * s};
  dl->AddRectFilled({l.origin.x, g.y0}, {l.plot_x1, g.y1}, palette::rgb(0x1B1F27));
  draw_lane_label(dl, l, model.lanes()[0], g, false, false);
  dl->PushClipRect({l.plot_x0, g.y0}, {l.plot_x1, g.y1}, true);
  draw_segments(dl, l, model, 0, g, cam, ax, trace, mouse_x, hit);
  dl->PopClipRect();
  dl->AddLine({l.origin.x, l.lanes_y0 - 1.5f * s}, {l.origin.x + l.size.x, l.lanes_y0 - 1.5f * s},
              palette::border);
}

// The task rows on screen, [first, end): row r shows lane r + 1 (lane 0 is the loop's). Only
// these are drawn, so a frame costs the rows visible, not the lanes in the trace.
struct Rows {
  std::size_t first = 0, end = 0;
};

Rows visible_rows(const Layout& l, const TimelineView& cam, std::size_t lanes) {
  Rows r;
  r.first = static_cast<std::size_t>(cam.scroll_y / l.lane_h);
  const std::size_t rows = static_cast<std::size_t>((l.lanes_y1 - l.lanes_y0) / l.lane_h) + 2;
  r.end = std::min(r.first + rows, lanes > 0 ? lanes - 1 : 0);
  return r;
}

LaneGeometry row_geometry(const Layout& l, const TimelineView& cam, std::size_t row) {
  const float s = l.s;
  const float y0 = l.lanes_y0 + static_cast<float>(row) * l.lane_h - cam.scroll_y;
  return LaneGeometry{y0, y0 + l.lane_h, y0 + 5 * s, y0 + l.lane_h - 5 * s};
}

// The first of the task lanes' two passes: each row's background (selected, hovered, or zebra)
// and its label, or a hint while there are no tasks. The rows and the segments are drawn in two
// passes so that the panel needs a handful of clip rectangles, i.e. draw calls, whatever the
// lane count.
void draw_task_rows(ImDrawList* dl, const Layout& l, const TimelineModel& model,
                    const ViewState& view, const TimelineView& cam, Rows rows, std::size_t lanes,
                    std::size_t hovered_lane, const TimelineGhost* ghost, Rows ghost_rows) {
  const float s = l.s;
  dl->PushClipRect({l.origin.x, l.lanes_y0}, {l.origin.x + l.size.x, l.lanes_y1}, true);
  if (lanes <= 1) {
    const char* msg = "No tasks yet. Press Play, or step once.";
    dl->AddText({l.plot_x0 + 10 * s, l.lanes_y0 + 8 * s}, palette::text_faint, msg);
  }
  for (std::size_t row = rows.first; row < rows.end; ++row) {
    const std::size_t li = row + 1;
    const Lane& lane = model.lanes()[li];
    const LaneGeometry g = row_geometry(l, cam, row);
    const bool selected = lane.task == view.selected_task && view.selected_task != 0;
    const bool finished = lane.finished_event < view.cursor;
    if (selected) {
      dl->AddRectFilled({l.origin.x, g.y0}, {l.plot_x1, g.y1}, with_alpha(palette::accent, 30));
      dl->AddRectFilled({l.origin.x, g.y0}, {l.origin.x + 2.5f * s, g.y1}, palette::accent);
    } else if (li == hovered_lane) {
      dl->AddRectFilled({l.origin.x, g.y0}, {l.plot_x1, g.y1}, IM_COL32(255, 255, 255, 9));
    } else if (row % 2 == 1) {
      // Zebra rows only under the labels: on llvmpipe every blended pixel costs, and the bars
      // already mark the rows in the plot.
      dl->AddRectFilled({l.origin.x, g.y0}, {l.plot_x0, g.y1}, IM_COL32(255, 255, 255, 5));
    }
    draw_lane_label(dl, l, lane, g, finished, selected, task_function(view, lane.task));
  }
  // Rows only the ghost has: its lane's name, faint.
  if (ghost) {
    const auto& f = platform::fonts();
    const float size = f.base_size * 0.8f;
    for (std::size_t row = std::max(ghost_rows.first, rows.end); row < ghost_rows.end; ++row) {
      if (row + 1 < lanes) continue;
      const LaneGeometry g = row_geometry(l, cam, row);
      const std::string name = capped(ghost->model->lanes()[row + 1].name, 18);
      dl->AddText(f.body, size, {l.label_x0 + 8 * s, (g.y0 + g.y1) * 0.5f - size * 0.55f},
                  palette::text_faint, platform::display_text(name).c_str());
    }
  }
  dl->PopClipRect();
}

// The second pass: the segments of each visible row, clipped to the plot. The hovered lane's
// segment under the mouse is reported in `hit`.
void draw_task_segments(ImDrawList* dl, const Layout& l, const TimelineModel& model,
                        const TimelineView& cam, const AxisMap& ax, const TraceRecorder& trace,
                        Rows rows, float mouse_x, std::size_t hovered_lane, Hit& hit) {
  dl->PushClipRect({l.plot_x0, l.lanes_y0}, {l.plot_x1, l.lanes_y1}, true);
  for (std::size_t row = rows.first; row < rows.end; ++row) {
    const std::size_t li = row + 1;
    draw_segments(dl, l, model, li, row_geometry(l, cam, row), cam, ax, trace, mouse_x,
                  li == hovered_lane ? &hit : nullptr);
  }
  dl->PopClipRect();
}

// Cause -> effect over the task lanes, for the wake-ups on screen before the playhead: an arrow
// from the lane of the task that woke another (handoff, finished, cancelled, started) down or up
// to the woken lane, where its ready span begins; for a timer or I/O wake-up a small mark there.
// Both ends are at the wake's event, so the arrows are (nearly) vertical in either axis; a slight
// bow tells them from the grid. Faint, except those of the selected task (as cause or effect).
// Found by binary search (wakes are in trace order, so in time and event order); when more than
// max_wake_marks are on screen none are drawn: zoom in. Returns the arrows drawn.
constexpr std::size_t max_wake_marks = 200;

bool arrow_cause(WakeCause c) {
  return c == WakeCause::handoff || c == WakeCause::finished || c == WakeCause::cancelled ||
         c == WakeCause::started;
}

int draw_wake_arrows(ImDrawList* dl, const Layout& l, const TimelineModel& model, const WakeModel& wakes,
                     const TimelineView& cam, const AxisMap& ax, const ViewState& view, std::size_t lanes) {
  const std::vector<Wake>& all = wakes.wakes();
  if (all.empty() || lanes <= 1) return 0;
  const float s = l.s;
  using It = std::vector<Wake>::const_iterator;
  const It past = std::partition_point(all.begin(), all.end(), [&](const Wake& w) { return w.event < ax.cursor; });
  const double u0 = x_to_time(cam, -8.0 * s), u1 = x_to_time(cam, l.plot_w() + 8.0 * s);
  It first, last;
  if (!ax.by_iteration()) {
    first = std::partition_point(all.begin(), past, [&](const Wake& w) { return w.time < u0; });
    last = std::partition_point(first, past, [&](const Wake& w) { return w.time <= u1; });
  } else {
    const std::size_t k0 = ax.iterations->event_floor(u0, ax.events);
    const std::size_t k1 = ax.iterations->event_ceil(u1, ax.events);
    first = std::partition_point(all.begin(), past, [&](const Wake& w) { return w.event < k0; });
    last = std::partition_point(first, past, [&](const Wake& w) { return w.event <= k1; });
  }
  if (last - first > static_cast<std::ptrdiff_t>(max_wake_marks)) return 0;

  auto row_y = [&](std::size_t li, float frac) {
    return l.lanes_y0 + (static_cast<float>(li - 1) + frac) * l.lane_h - cam.scroll_y;
  };
  const float pad = 5 * s;  // the bar's inset in its row (row_geometry)
  struct Arrow {
    ImVec2 a, b;
    float bow;
    bool lit;
    ImU32 colour;
  };
  Arrow arrows[max_wake_marks];
  std::size_t n = 0;
  dl->PushClipRect({l.plot_x0, l.lanes_y0}, {l.plot_x1, l.lanes_y1}, true);
  for (It it = first; it != last; ++it) {
    const Wake& w = *it;
    const bool mark = w.cause == WakeCause::timer || w.cause == WakeCause::io;
    if (!mark && !(arrow_cause(w.cause) && w.by != 0 && w.by != w.task)) continue;
    const std::size_t to = model.lane_index(w.task);
    if (to == TimelineModel::npos || to == 0 || to >= lanes) continue;
    const float x = std::round(static_cast<float>(
                        l.plot_x0 + time_to_x(cam, ax.by_iteration() ? ax.at_event(w.event) : w.time))) + 0.5f;
    if (x < l.plot_x0 - 1 || x > l.plot_x1 + 1) continue;
    const bool lit = view.selected_task != 0 && (w.task == view.selected_task || w.by == view.selected_task);
    if (mark) {
      const float y = row_y(to, 0) + pad;
      if (y < l.lanes_y0 - l.lane_h || y > l.lanes_y1 + l.lane_h) continue;
      // A small notch on the bar's top edge where the ready span begins.
      const ImU32 c = with_alpha(w.cause == WakeCause::timer ? palette::sleeping : palette::io_wait, lit ? 255 : 170);
      dl->AddTriangleFilled({x - 3 * s, y - 3.5f * s}, {x + 3 * s, y - 3.5f * s}, {x, y + 0.5f * s}, c);
      continue;
    }
    const std::size_t from = model.lane_index(w.by);
    if (from == TimelineModel::npos || from == 0 || from >= lanes) continue;
    const bool down = to > from;
    const float ya = row_y(from, 0.5f);
    const float yb = down ? row_y(to, 0) + pad : row_y(to, 1) - pad;
    if (std::max(ya, yb) < l.lanes_y0 || std::min(ya, yb) > l.lanes_y1) continue;
    const float bow = std::min(10.0f * s, std::fabs(yb - ya) * 0.12f + 3 * s);
    arrows[n++] = {{x, ya}, {x, yb}, bow, lit, palette::task_colour(w.by)};
  }
  // The faint ones first, the selected task's over them.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < n; ++i) {
      const Arrow& a = arrows[i];
      if (a.lit != (pass == 1)) continue;
      const ImU32 c = a.lit ? a.colour : with_alpha(palette::text_dim, 130);
      const float th = (a.lit ? 1.6f : 1.0f) * s;
      const float dy = a.b.y - a.a.y;
      const ImVec2 c1{a.a.x + a.bow, a.a.y + dy * 0.3f}, c2{a.b.x + a.bow, a.b.y - dy * 0.35f};
      // The curve stops short of the head, which points along its last stretch.
      const float dir = dy > 0 ? 1.0f : -1.0f;
      const ImVec2 neck{a.b.x + a.bow * 0.15f, a.b.y - dir * 5.0f * s};
      dl->AddBezierCubic(a.a, c1, c2, neck, c, th, 12);
      draw_wake_arrow_head(dl, neck, a.b, c, s, 0.0f);
      dl->AddCircleFilled(a.a, (a.lit ? 2.2f : 1.6f) * s, c, 8);
    }
  }
  dl->PopClipRect();
  return static_cast<int>(n);
}

// The ghost run (TimelineGhost), time axis only: behind the live segments, each of its task lanes'
// segments as a faint bar without text on the row of the same number (rows past the live lanes
// are the ghost's own), sub-pixel ones merged per pixel column; then its end as a faint line.
void draw_ghost_segments(ImDrawList* dl, const Layout& l, const TimelineView& cam,
                         const TimelineGhost& ghost, Rows rows) {
  const TimelineModel& gm = *ghost.model;
  const float s = l.s;
  const double t_from = x_to_time(cam, -2.0);
  const double t_to = x_to_time(cam, l.plot_w() + 2.0);
  auto x_of = [&](double t) {
    return static_cast<float>(l.plot_x0 + std::clamp(time_to_x(cam, t), -4.0, l.plot_w() + 4.0));
  };
  dl->PushClipRect({l.plot_x0, l.lanes_y0}, {l.plot_x1, l.lanes_y1}, true);
  const std::size_t lanes = gm.lanes().size();
  for (std::size_t row = rows.first; row < rows.end && row + 1 < lanes; ++row) {
    const std::size_t li = row + 1;
    const auto& segs = gm.lanes()[li].segments;
    const LaneGeometry g = row_geometry(l, cam, row);
    const SegmentRange r = gm.visible(li, t_from, t_to, ghost.events, ghost.end_time);
    float floor_x = -1e30f;
    for (std::size_t i = r.begin; i < r.end; ++i) {
      const Segment& sg = segs[i];
      if (is_terminal(sg.kind)) continue;
      const float x0 = std::max(x_of(sg.t0), floor_x);
      float x1 = std::max(x_of(TimelineModel::end_at(sg, ghost.events, ghost.end_time)), x0 + 1.0f);
      if (x1 <= floor_x) continue;
      floor_x = x1;
      // A pixel's gap after a wide bar, so runs of the same kind end to end read as separate.
      if (x1 - x0 > 4 * s) x1 -= 1.5f * s;
      dl->AddRectFilled({x0, g.bar_y0 + 1 * s}, {x1, g.bar_y1 - 1 * s}, ghost_colour(sg.kind));
    }
  }
  dl->PopClipRect();
}

void draw_ghost_end(ImDrawList* dl, const Layout& l, const TimelineView& cam, const TimelineGhost& ghost) {
  const float x = std::round(static_cast<float>(l.plot_x0 + time_to_x(cam, ghost.end_time))) + 0.5f;
  if (x < l.plot_x0 || x > l.plot_x1) return;
  const auto& f = platform::fonts();
  const float s = l.s;
  const ImU32 c = with_alpha(palette::text_dim, 110);
  dl->PushClipRect({l.plot_x0, l.axis_y0}, {l.plot_x1, l.lanes_y1}, true);
  for (float y = l.axis_y1; y < l.lanes_y1; y += 6 * s)  // dashed, to tell it from the playhead
    dl->AddLine({x, y}, {x, std::min(y + 3.5f * s, l.lanes_y1)}, c, 1.0f * s);
  char text[64];
  std::snprintf(text, sizeof text, "step %d ended %.1f s", ghost.step, ghost.end_time);
  const float size = f.base_size * 0.74f;
  const float w = f.body->CalcTextSizeA(size, FLT_MAX, 0, text).x;
  // Right of the line when there is room, else left of it; at the foot of the lanes.
  const float tx = x + 4 * s + w <= l.plot_x1 ? x + 4 * s : x - 4 * s - w;
  const float ty = l.lanes_y1 - size - 3 * s;
  dl->AddText(f.body, size, {tx, ty}, with_alpha(palette::text_dim, 170), text);
  dl->PopClipRect();
}

// The lanes' scrollbar, only when they overflow; lit while hovered or dragged.
void draw_scrollbar(ImDrawList* dl, const Layout& l, const TimelineView& cam, Zone zone) {
  if (l.scrollbar_w <= 0) return;
  const float s = l.s;
  const float track = l.lanes_y1 - l.lanes_y0;
  const float grab_h = std::max(18 * s, track * track / l.content_h);
  const float grab_y =
      l.lanes_y0 + (track - grab_h) * (cam.scroll_y / std::max(1.0f, max_scroll(l)));
  const bool hot = zone == Zone::scrollbar || cam.drag == TimelineDrag::scrollbar;
  declare_vertical_scrolling({l.origin.x, l.lanes_y0}, {l.origin.x + l.size.x, l.lanes_y1});
  dl->AddRectFilled({l.scrollbar_x0, grab_y}, {l.scrollbar_x0 + l.scrollbar_w, grab_y + grab_h},
                    hot ? palette::rgb(0x465068) : palette::rgb(0x2E3442), l.scrollbar_w * 0.5f);
}

// The playhead at "now": a line through every lane, with its label on the ruler. Drawn last, so
// it stays on top of the lanes.
void draw_playhead(ImDrawList* dl, const Layout& l, const Playhead& ph) {
  if (!ph.label.visible) return;
  const float s = l.s;
  const float x = std::round(ph.x) + 0.5f;
  dl->AddLine({x, l.axis_y0 + 2 * s}, {x, l.lanes_y1}, palette::accent, 1.5f * s);
  const auto& f = platform::fonts();
  const float by = l.axis_y0;
  dl->AddRectFilled({ph.label.x0, by}, {ph.label.x1, by + ph.label.size + 4 * s},
                    palette::accent, 4 * s);
  dl->AddText(f.mono, ph.label.size, {ph.label.x0 + 5 * s, by + 2 * s}, palette::background,
              ph.label.text.c_str());
}

}  // namespace

// ---- draw_timeline -------------------------------------------------------------------------
PanelAction draw_timeline(const ViewState& view, const TimelineModel& model,
                          const IterationAxis& iterations, TimelineView& cam, const WakeModel* wakes,
                          const TimelineGhost* ghost_in) {
  if (!view.trace) return {};
  // The ghost is drawn in the time axis only; fit_all shows its whole run.
  const TimelineGhost* ghost = ghost_in && ghost_in->model && cam.axis == TimelineAxis::time ? ghost_in : nullptr;
  if (ghost) cam.scale_end = std::max(cam.scale_end, ghost->end_time);
  const std::size_t ghost_lanes = ghost ? ghost->model->lanes().size() : 0;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 200.0f);
  size.y = std::max(size.y, 120.0f);
  const std::size_t lanes = model.lanes_at(view.cursor);
  const std::size_t rows_total = std::max(lanes, ghost_lanes);
  const Layout l = make_layout(origin, size, rows_total > 0 ? rows_total - 1 : 0);

  // Input before drawing, so this frame shows its effect. The axis switch is submitted before
  // the plot's button (the first item under the mouse takes it), and may flip the axis the
  // rest of the frame maps through.
  const float toggle_x0 = axis_toggle(l, cam);
  const AxisMap ax{cam.axis == TimelineAxis::iterations ? &iterations : nullptr, model.consumed(),
                   view.cursor, view.time};
  const Pointer p = plot_button(l);
  const PanelAction action = handle_input(l, p, model, ax, view, lanes, cam);
  if (probe::enabled()) probe_layout(l, cam, model, lanes);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_header(dl, l, cam, toggle_x0, ghost, model, wakes && !wakes->wakes().empty());
  const Playhead ph = place_playhead(l, cam, ax, view.time);
  draw_ruler(dl, l, cam, ax, view.end_time, ph);
  Hit hit;
  const std::size_t hovered_lane = tooltip_lane(l, p, cam, lanes);
  draw_loop_lane(dl, l, model, cam, ax, *view.trace, p.pos.x, hovered_lane == 0 ? &hit : nullptr);
  const Rows rows = visible_rows(l, cam, lanes);
  const Rows ghost_rows = ghost ? visible_rows(l, cam, ghost_lanes) : Rows{};
  draw_task_rows(dl, l, model, view, cam, rows, lanes, hovered_lane, ghost, ghost_rows);
  if (ghost) {
    draw_ghost_segments(dl, l, cam, *ghost, ghost_rows);
    draw_ghost_end(dl, l, cam, *ghost);
  }
  draw_task_segments(dl, l, model, cam, ax, *view.trace, rows, p.pos.x, hovered_lane, hit);
  cam.arrows_drawn = wakes ? draw_wake_arrows(dl, l, model, *wakes, cam, ax, view, lanes) : 0;
  draw_scrollbar(dl, l, cam, p.zone);
  draw_playhead(dl, l, ph);
  draw_hover_tooltip(l, p, cam, model, ax, view, hit, lanes, wakes);
  return action;
}

}  // namespace loopscope::ui
