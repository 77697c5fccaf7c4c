// step_run.cpp — running one step's Python listing (see step_run.hpp).
//
// Sections: construction · stepping · results · param overrides
#include "lesson/step_run.hpp"

#include "lesson/loader.hpp"

#include <loopscope/sleep.hpp>

#include <cctype>
#include <cmath>

namespace loopscope::lesson {

using python::float_repr;

std::string RunResult::task_name(TaskId id) const {
  for (const auto& t : tasks)
    if (t.id == id) return t.name;
  return {};
}

// ---- construction --------------------------------------------------------------------------
StepRun::StepRun(const Lesson& lesson, std::size_t step_index, const std::map<std::string, double>& params,
                 std::optional<ClockKind> clock)
    : m_step(step_index < lesson.steps.size() ? lesson.steps[step_index] : Step{}) {
  if (step_index >= lesson.steps.size())
    m_error = "step " + std::to_string(step_index + 1) + " does not exist (the lesson has " +
              std::to_string(lesson.steps.size()) + " steps)";
  start(m_error ? std::vector<std::string>{} : m_step.python.lines, params, clock);
}

StepRun::StepRun(const Step& step, const std::vector<std::string>& source, const std::map<std::string, double>& params,
                 std::optional<ClockKind> clock)
    : m_step(step) {
  start(source, params, clock);
}

StepRun::~StepRun() = default;

// Params replace the listing's module-level constants named after them (`jobs` → `JOBS = 3`);
// the step's server routes answer after their latency (seconds, or a param's value).
void StepRun::start(const std::vector<std::string>& lines, const std::map<std::string, double>& params,
                    std::optional<ClockKind> clock) {
  python::ProgramOptions po;
  po.filename = "listing.py";
  po.clock = clock.value_or(m_step.clock);
  auto value_of = [&](const Param& p) {
    auto it = params.find(p.name);
    return it != params.end() ? it->second : p.value;
  };
  for (const auto& p : m_step.params) {
    const double v = value_of(p);
    const bool whole = std::floor(v) == v && std::fabs(v) < 9e15 && std::floor(p.min) == p.min && std::floor(p.step) == p.step;
    std::string name = p.name;
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    po.constants[name] = whole ? python::py_int(static_cast<std::int64_t>(v)) : python::py_float(v);
  }
  if (m_step.server) {
    for (const auto& route : m_step.server->routes) {
      double latency = route.latency;
      for (const auto& p : m_step.params)
        if (p.name == route.latency_param) latency = value_of(p);
      po.routes.push_back({route.path, [latency, body = route.body, status = route.status]() -> Coro<net::HttpResponse> {
                             if (latency > 0) co_await sleep(latency);
                             net::HttpResponse r;
                             r.status = status;
                             r.body = body;
                             co_return r;
                           }});
    }
  }
  std::string source;
  for (const auto& line : lines) source += line + "\n";
  m_py = std::make_unique<python::ProgramRun>(std::move(source), std::move(po));
  m_finished = m_error || m_py->finished();
}

double StepRun::time() const noexcept { return m_py->time(); }

std::optional<double> StepRun::next_time() {
  if (m_finished) return std::nullopt;
  return m_py->next_time();
}

// ---- stepping ------------------------------------------------------------------------------
bool StepRun::run_once() {
  if (m_finished) return false;
  const bool more = m_py->run_once();
  m_finished = m_py->finished();
  return more && !m_finished;
}

void StepRun::run_until(double t) {
  while (!m_finished) {
    auto next = next_time();
    if (!next || *next > t) break;
    if (!run_once()) break;
  }
}

void StepRun::run_to_end() {
  while (run_once()) {
  }
}

// ---- results -------------------------------------------------------------------------------
RunResult StepRun::result() const {
  const python::ProgramResult p = m_py->result();
  RunResult r;
  r.output = p.output;
  r.duration = p.duration;
  for (const auto& t : p.tasks) r.tasks.push_back({t.id, t.name, t.state, t.error});
  r.warnings = p.warnings;
  r.error = m_error ? m_error : p.error;
  if (!r.error) return r;
  r.error_pos = m_step.pos;
  r.error_pointer = m_step.pointer;
  if (m_error) return r;
  r.listing_line = p.error_line;
  if (!p.syntax_error && p.error_col > 0) {
    r.listing_col = p.error_col;
    r.listing_end_line = p.error_end_line;
    r.listing_end_col = p.error_end_col;
  }
  r.traceback = p.traceback;
  r.error_pointer = m_step.pointer + "/code/python";
  // The listing line in the lesson file: its own string when the listing is an array of lines
  // (at the error's column when known; exact when the line has no escapes).
  const Listing& l = m_step.python;
  const auto line = static_cast<std::size_t>(p.error_line);
  if (line >= 1 && line <= l.line_pos.size() && l.line_pos[line - 1].line) {
    r.error_pos = l.line_pos[line - 1];
    if (l.exact_pos) {
      r.error_pos.col += p.error_col > 1 ? p.error_col - 1 : 0;
      r.error_pointer += "/" + std::to_string(line - 1);
    }
  }
  return r;
}
// ---- param overrides -----------------------------------------------------------------------
std::vector<std::string> check_param_overrides(const Step& step, const std::map<std::string, double>& params) {
  std::vector<std::string> out;
  std::vector<std::string> names;
  for (const auto& p : step.params) names.push_back(p.name);
  for (const auto& [name, value] : params) {
    const Param* param = nullptr;
    for (const auto& p : step.params)
      if (p.name == name) param = &p;
    if (!param) {
      std::string msg = "unknown param '" + name + "'";
      if (auto s = closest_match(name, names)) msg += " (did you mean '" + *s + "'?)";
      else if (names.empty()) msg += " (this step has no params)";
      else {
        msg += " (params:";
        for (const auto& n : names) msg += " " + n;
        msg += ")";
      }
      out.push_back(msg);
      continue;
    }
    if (!(value >= param->min && value <= param->max))
      out.push_back("param '" + name + "' must be within [" + float_repr(param->min) + ", " + float_repr(param->max) +
                    "], got " + float_repr(value));
  }
  return out;
}

}  // namespace loopscope::lesson
