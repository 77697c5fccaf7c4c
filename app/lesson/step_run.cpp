// step_run.cpp — driving one step's program on its own loop (see step_run.hpp).
//
// Sections: construction · stepping · shutdown and results · param overrides
#include "lesson/step_run.hpp"

#include "lesson/loader.hpp"

#include <loopscope/sleep.hpp>

#include <cctype>
#include <cmath>

namespace loopscope::lesson {

namespace {
bool is_halt(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const Halt&) {
    return true;
  } catch (...) {
    return false;
  }
}
}  // namespace

std::string RunResult::task_name(TaskId id) const {
  for (const auto& t : tasks)
    if (t.id == id) return t.name;
  return {};
}

// ---- construction --------------------------------------------------------------------------
StepRun::StepRun(const Lesson& lesson, std::size_t step_index, const std::map<std::string, double>& params,
                 std::optional<ClockKind> clock, StepSource source)
    : m_step(step_index < lesson.steps.size() ? lesson.steps[step_index] : Step{}) {
  const bool has_tree = !m_step.program.coroutines.empty();
  if (step_index < lesson.steps.size() && !m_step.python.lines.empty() &&
      (source == StepSource::python || (source == StepSource::automatic && !has_tree))) {
    start_python(params, clock);
    return;
  }
  m_loop = std::make_unique<EventLoop>(clock.value_or(m_step.clock));
  m_loop->make_current();
  m_loop->set_trace(&m_trace);
  m_loop->set_warning_handler([this](std::string_view w) {
    if (m_warnings.size() < 100) m_warnings.emplace_back(w);
  });
  m_loop->set_exception_handler([this](const ExceptionContext& ctx) {
    if (ctx.exception && is_halt(ctx.exception)) return;
    if (m_warnings.size() >= 100) return;
    std::string w = ctx.message;
    if (!ctx.task_name.empty()) w += ": " + ctx.task_name;
    if (ctx.exception) w += ": " + describe_exception(ctx.exception);
    m_warnings.push_back(std::move(w));
  });
  if (step_index >= lesson.steps.size()) {
    finish("step " + std::to_string(step_index + 1) + " does not exist (the lesson has " +
           std::to_string(lesson.steps.size()) + " steps)");
    return;
  }
  m_interp = std::make_unique<Interpreter>(m_step, *m_loop, params);
  try {
    m_main = m_interp->start();
  } catch (...) {
    finish(describe_exception(std::current_exception()));
  }
}

// The listing runs through the Python front end. Params replace the listing's module-level
// constants named after them (`jobs` → `JOBS = 3`); a step's server routes are served on
// 127.0.0.1 and the listing's BASE points at them.
void StepRun::start_python(const std::map<std::string, double>& params, std::optional<ClockKind> clock) {
  python::ProgramOptions po;
  po.filename = "listing.py";
  po.clock = clock.value_or(m_step.clock);
  const Limits& l = m_step.program.limits;
  po.limits.max_tasks = l.max_tasks;
  po.limits.max_time = l.max_time;
  po.limits.max_output = l.max_output;
  for (const auto& p : m_step.params) {
    double v = p.value;
    if (auto it = params.find(p.name); it != params.end()) v = it->second;
    const bool whole = std::floor(v) == v && std::fabs(v) < 9e15 && std::floor(p.min) == p.min && std::floor(p.step) == p.step;
    std::string name = p.name;
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    po.constants[name] = whole ? python::py_int(static_cast<std::int64_t>(v)) : python::py_float(v);
  }
  if (m_step.program.server) {
    // Route latency and body depend on params only: evaluate them once, with the tree
    // interpreter's expression evaluator (on a scratch loop it never runs).
    EventLoop scratch;
    Interpreter interp(m_step, scratch, params);
    for (const auto& route : m_step.program.server->routes) {
      Frame f;
      const double latency = interp.eval_seconds(route.latency, f, "route latency");
      const std::string body = interp.render(route.body, f);
      const int status = route.status;
      po.routes.push_back({route.path, [latency, body, status]() -> Coro<net::HttpResponse> {
                             if (latency > 0) co_await sleep(latency);
                             net::HttpResponse r;
                             r.status = status;
                             r.body = body;
                             co_return r;
                           }});
    }
  }
  std::string source;
  for (const auto& line : m_step.python.lines) source += line + "\n";
  m_py = std::make_unique<python::ProgramRun>(std::move(source), std::move(po));
  m_finished = m_py->finished();
}

StepRun::~StepRun() {
  if (m_py) {
    m_py.reset();
    return;
  }
  // Order matters: frames (owned by the loop) refer to the interpreter, so the loop closes
  // first; the interpreter's values go before the loop is destroyed.
  if (m_loop && !m_loop->is_closed()) {
    m_loop->make_current();
    m_loop->set_trace(nullptr);
    if (m_interp) m_interp->halt_quietly("the run was abandoned");
    m_main = Task<Value>();
    m_cancelled.clear();
    if (m_interp) m_interp->release_values();
    m_loop->close();
  }
  m_interp.reset();
  m_loop.reset();
}

double StepRun::time() const noexcept {
  if (m_py) return m_py->time();
  return m_finished ? m_final.duration : m_loop->time();
}

std::optional<double> StepRun::next_time() {
  if (m_py) return m_py->next_time();
  if (m_finished) return std::nullopt;
  if (m_loop->ready_count() > 0) return m_loop->time();
  auto d = m_loop->next_deadline();
  if (d) return std::max(*d, m_loop->time());
  if (m_loop->has_pending_work()) return m_loop->time();
  return std::nullopt;
}

// ---- stepping ------------------------------------------------------------------------------
bool StepRun::run_once() {
  if (m_py) {
    const bool more = m_py->run_once();
    m_finished = m_py->finished();
    return more;
  }
  if (m_finished) return false;
  m_loop->make_current();
  if (m_interp->halted()) {
    finish(m_interp->halt_reason());
    return false;
  }
  // Never let the clock jump past the time limit.
  if (m_loop->ready_count() == 0) {
    if (auto d = m_loop->next_deadline(); d && *d > m_interp->limits().max_time) {
      finish("limit exceeded: the run would go past " + float_repr(m_interp->limits().max_time) + " s");
      return false;
    }
  }
  bool more = false;
  try {
    more = m_loop->run_once();
  } catch (...) {
    finish("internal error: " + describe_exception(std::current_exception()));
    return false;
  }
  if (m_interp->halted()) {
    finish(m_interp->halt_reason());
    return false;
  }
  if (m_loop->time() > m_interp->limits().max_time) {
    finish("limit exceeded: the run went past " + float_repr(m_interp->limits().max_time) + " s");
    return false;
  }
  if (!m_shutdown && m_main && m_main.done()) begin_shutdown();
  // Like asyncio.run(), the run is over when main and the tasks cancelled after it are done;
  // what remains (the program server's connections) is closed with the loop.
  if (m_shutdown) std::erase_if(m_cancelled, [](const AnyTask& t) { return t.done(); });
  if (!more || (m_shutdown && m_cancelled.empty())) {
    if (!m_shutdown) {
      finish("deadlock: nothing can run, but '" + m_main.name() +
             "' has not finished (every task is waiting for something that will never happen)");
    } else {
      finish(m_main_error);
    }
    return false;
  }
  return true;
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

// ---- shutdown and results ------------------------------------------------------------------
// Like asyncio.run(): main's outcome is the run's; what is still alive gets cancelled and the
// loop keeps running so that their except/finally blocks run.
void StepRun::begin_shutdown() {
  m_shutdown = true;
  std::exception_ptr failure;
  try {
    (void)m_main.result();
  } catch (const Halt&) {
    m_main_error = m_interp->halt_reason();
  } catch (...) {
    failure = std::current_exception();
    m_main_error = describe_exception(failure);
  }
  if (const Op* op = m_interp->raised_at(failure)) {
    m_error_pos = op->pos;
    m_error_pointer = op->pointer;
  }
  for (auto& t : m_interp->live_tasks()) {
    if (t.done()) continue;
    t.cancel();
    m_cancelled.push_back(t);
  }
  m_interp->release_values();
}

void StepRun::finish(std::optional<std::string> error) {
  if (m_finished) return;
  m_finished = true;
  m_error = std::move(error);
  m_final.duration = m_loop->time();
  m_final.output = m_loop->output();
  // Drop our references so that unretrieved exceptions are reported now, while the loop and
  // its handlers exist; then close the loop (detached from the trace: its cleanup is not part
  // of the story the trace tells).
  m_main = Task<Value>();
  m_cancelled.clear();
  if (m_interp) {
    if (m_error && !m_interp->halted()) m_interp->halt_quietly(*m_error);
    m_interp->release_values();
  }
  const LoopSnapshot snap = m_loop->snapshot();
  for (const auto& t : snap.tasks) m_final.tasks.push_back({t.id, t.name, t.state, t.error});
  m_loop->set_trace(nullptr);
  m_loop->close();
  m_final.warnings = m_warnings;
  m_final.error = m_error;
  if (m_error) {
    m_final.error_pos = m_error_pos.line ? m_error_pos : m_step.pos;
    m_final.error_pointer = m_error_pos.line ? m_error_pointer : m_step.pointer;
  }
}

RunResult StepRun::result() const {
  if (m_py) {
    const python::ProgramResult p = m_py->result();
    RunResult r;
    r.output = p.output;
    r.duration = p.duration;
    for (const auto& t : p.tasks) r.tasks.push_back({t.id, t.name, t.state, t.error});
    r.warnings = p.warnings;
    r.error = p.error;
    if (p.error) {
      r.error_pos = m_step.pos;
      r.error_pointer = m_step.pointer + "/code/python";
      r.listing_line = p.error_line;
      r.traceback = p.traceback;
    }
    return r;
  }
  if (m_finished) return m_final;
  RunResult r;
  r.duration = m_loop->time();
  r.output = m_loop->output();
  const LoopSnapshot snap = m_loop->snapshot();
  for (const auto& t : snap.tasks) r.tasks.push_back({t.id, t.name, t.state, t.error});
  r.warnings = m_warnings;
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
