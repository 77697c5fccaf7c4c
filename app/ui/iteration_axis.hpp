#pragma once
// iteration_axis.hpp — the timeline laid out by loop iteration instead of by time.
//
// Each loop iteration is one column of width 1, whatever virtual time it took, so iterations
// that take no time (most of them) are as wide as the ones that wait. Inside a column, events
// are spread evenly by their index, so the order of what happened at one instant is visible.
// A position u on this axis is a column number plus a fraction: column c covers [c, c + 1).
// Column 0 holds the events recorded before the first iteration (task creation, the first
// scheduling); it exists as soon as there is an event.
//
// Invariants: column starts strictly increase and the first is event 0; position() is
// non-decreasing in the event index; event_floor(position(k)) == k for k within the trace.
// No ImGui here.
#include <loopscope/trace.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace loopscope::ui {

class IterationAxis {
public:
  // Takes event `index` (indices arrive in order, from 0).
  void consume(const TraceEvent& e, std::size_t index);
  void reset();

  // Columns when `events` events exist (0 for an empty trace).
  std::size_t columns(std::size_t events) const;
  // Where event index k (0 <= k <= events) sits: k == events is the right edge of the last column.
  double position(std::size_t k, std::size_t events) const;
  // The largest event index (cursor) whose position is at or before u, in [0, events].
  std::size_t event_floor(double u, std::size_t events) const;
  // The smallest event index whose position is at or after u, in [0, events].
  std::size_t event_ceil(double u, std::size_t events) const;
  // The loop's own iteration number of column c (0 for the column before the loop ran).
  std::uint64_t iteration_of(std::size_t column) const;
  // The column event k belongs to.
  std::size_t column_of(std::size_t k) const;
  // The virtual time at which column c began.
  double time_of(std::size_t column) const;

private:
  struct Column {
    std::size_t start = 0;        // first event index
    std::uint64_t iteration = 0;  // the loop's number (loop_iteration's value)
    double time = 0;
  };
  std::size_t length(std::size_t c, std::size_t events) const;
  std::vector<Column> m_columns;
};

}  // namespace loopscope::ui
