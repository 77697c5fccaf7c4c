// iteration_axis.cpp — event index <-> position on the iteration axis.
#include "ui/iteration_axis.hpp"

#include <algorithm>
#include <cmath>

namespace loopscope::ui {

void IterationAxis::reset() { m_columns.clear(); }

void IterationAxis::consume(const TraceEvent& e, std::size_t index) {
  const bool starts_iteration = e.kind == TraceKind::loop_iteration;
  if (m_columns.empty()) {
    m_columns.push_back({index, 0, e.time});
  } else if (starts_iteration && m_columns.back().start != index) {
    m_columns.push_back({index, 0, e.time});
  }
  if (starts_iteration) m_columns.back().iteration = static_cast<std::uint64_t>(e.value);
}

std::size_t IterationAxis::columns(std::size_t events) const { return events == 0 ? 0 : m_columns.size(); }

std::size_t IterationAxis::length(std::size_t c, std::size_t events) const {
  const std::size_t end = c + 1 < m_columns.size() ? m_columns[c + 1].start : events;
  return std::max<std::size_t>(1, end - m_columns[c].start);
}

std::size_t IterationAxis::column_of(std::size_t k) const {
  auto it = std::upper_bound(m_columns.begin(), m_columns.end(), k,
                             [](std::size_t v, const Column& c) { return v < c.start; });
  return it == m_columns.begin() ? 0 : static_cast<std::size_t>(it - m_columns.begin()) - 1;
}

double IterationAxis::position(std::size_t k, std::size_t events) const {
  if (m_columns.empty() || events == 0) return 0;
  k = std::min(k, events);
  const std::size_t c = column_of(k);
  const double frac = static_cast<double>(k - m_columns[c].start) / static_cast<double>(length(c, events));
  return static_cast<double>(c) + std::min(1.0, frac);
}

std::size_t IterationAxis::event_floor(double u, std::size_t events) const {
  if (m_columns.empty() || events == 0 || !(u > 0)) return 0;
  const double cols = static_cast<double>(m_columns.size());
  if (u >= cols) return events;
  const auto c = static_cast<std::size_t>(std::floor(u));
  const double len = static_cast<double>(length(c, events));
  const auto k = m_columns[c].start + static_cast<std::size_t>(std::floor((u - c) * len + 1e-9));
  return std::min(k, events);
}

std::size_t IterationAxis::event_ceil(double u, std::size_t events) const {
  if (m_columns.empty() || events == 0 || !(u > 0)) return 0;
  const double cols = static_cast<double>(m_columns.size());
  if (u >= cols) return events;
  const auto c = static_cast<std::size_t>(std::floor(u));
  const double len = static_cast<double>(length(c, events));
  const auto k = m_columns[c].start + static_cast<std::size_t>(std::ceil((u - c) * len - 1e-9));
  return std::min(k, events);
}

std::uint64_t IterationAxis::iteration_of(std::size_t column) const {
  return column < m_columns.size() ? m_columns[column].iteration : 0;
}

double IterationAxis::time_of(std::size_t column) const {
  return column < m_columns.size() ? m_columns[column].time : 0;
}

}  // namespace loopscope::ui
