// program.cpp — parsing and running a Python program on its own loop (see program.hpp).
//
// Sections: helpers · construction · stepping · shutdown and results
#include "python/runtime/program.hpp"

#include "python/parser.hpp"
#include "python/runtime/check.hpp"

#include <loopscope/net/http_server.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace loopscope::python {

// ---- helpers ---------------------------------------------------------------------------------
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

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\n') {
      if (!cur.empty() && cur.back() == '\r') cur.pop_back();
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// A free loopback port, so that BASE is known before the server starts.
std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  std::uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

std::string trim_left(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b);
}
}  // namespace

std::string ProgramResult::task_name(TaskId id) const {
  for (const auto& t : tasks)
    if (t.id == id) return t.name;
  return {};
}

std::optional<std::string> read_source(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ---- construction ----------------------------------------------------------------------------
ProgramRun::ProgramRun(std::string source, ProgramOptions options)
    : m_options(std::move(options)), m_source(std::move(source)), m_lines(split_lines(m_source)) {
  m_loop = std::make_unique<EventLoop>(m_options.clock);
  m_loop->make_current();
  if (m_options.record_trace) m_loop->set_trace(&m_trace);
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
  ParseResult parsed = parse(m_source);
  if (!parsed.ok()) {
    const Diagnostic& d = parsed.diagnostics.front();
    m_final.syntax_error = true;
    m_final.error_col = d.col;
    finish(std::string(d.kind_name()) + ": " + d.message, d.line);
    return;
  }
  m_module = std::move(parsed.module);
  if (auto refusal = find_unsupported(*m_module)) {
    m_final.syntax_error = true;
    m_final.error_col = refusal->col;
    finish("NotSupported: " + refusal->message, refusal->line);
    return;
  }
  if (!m_options.routes.empty()) {
    net::HttpServerOptions so;
    so.port = free_port();
    m_server = std::make_unique<net::HttpServer>(so);
    for (const auto& r : m_options.routes) {
      auto handler = r.handler;
      m_server->get(r.path, [handler](const net::HttpRequest&) { return handler(); });
    }
    m_options.constants[m_options.base_constant] = py_str("http://127.0.0.1:" + std::to_string(so.port));
    // The server starts on the loop's first iteration, before the main task's first step. Its
    // lane says what it is, the start of the lesson's server, beside the server's own lane.
    auto start = [](net::HttpServer* s) -> Coro<void> { co_await s->start(); };
    m_loop->create_task(start(m_server.get()), "server.start()");
  }
  m_rt = std::make_unique<Runtime>(*m_module, m_options.filename, m_lines, *m_loop, m_options.limits, m_options.seed);
  m_rt->set_overrides(m_options.constants);
  try {
    m_rt->start();
  } catch (...) {
    finish("internal error: " + describe_exception(std::current_exception()));
    return;
  }
  if (m_rt->module_finished() || m_rt->halted()) {
    if (m_rt->halted()) finish(m_rt->halt_reason(), m_rt->halt_line());
    else if (m_rt->module_error()) describe_failure(m_rt->module_error());
    else finish(std::nullopt);
  }
}

ProgramRun::~ProgramRun() {
  if (m_loop && !m_loop->is_closed()) {
    m_loop->make_current();
    m_loop->set_trace(nullptr);
    if (m_rt) m_rt->halt_quietly("the run was abandoned");
    m_cancelled.clear();
    if (m_rt) m_rt->release_values();
    if (m_server) m_server->close();
    m_loop->close();
  }
  m_rt.reset();
  m_server.reset();
  m_loop.reset();
}

void ProgramRun::set_output_handler(std::function<void(double, TaskId, std::string_view)> fn) {
  if (!fn) {
    m_loop->set_annotation_handler(nullptr);
    return;
  }
  m_loop->set_annotation_handler([fn = std::move(fn)](double t, TaskId task, const Annotation& a) {
    if (a.kind == Annotation::Kind::output) fn(t, task, a.text);
  });
}

double ProgramRun::time() const noexcept { return m_finished ? m_final.duration : m_loop->time(); }

std::optional<double> ProgramRun::next_time() {
  if (m_finished) return std::nullopt;
  if (m_loop->ready_count() > 0) return m_loop->time();
  if (auto d = m_loop->next_deadline()) return std::max(*d, m_loop->time());
  return m_loop->time();
}

// ---- stepping --------------------------------------------------------------------------------
// Between loop iterations: main done → shutdown; shutdown done → the module resumes.
// The shutdown takes CPython 3.11's iterations: after the one in which main finished, one more
// runs main's done callback (which stops run_until_complete); then the tasks left are cancelled
// and run until they are all done, plus two iterations (gather's done callback, the stop);
// then shutdown_asyncgens and shutdown_default_executor take two each. Callbacks that are
// ready meanwhile run in those iterations, as they do under CPython.
// Returns false when the run finished here.
bool ProgramRun::step_module() {
  if (!m_rt->waiting_for_main()) return true;
  for (;;) {
    if (m_phase == Shutdown::none) {
      if (!m_rt->main_task().done()) return true;
      m_phase = Shutdown::stopping;
      m_pad = 1;
    }
    if (m_phase == Shutdown::stopping) {
      if (m_pad > 0) break;
      begin_shutdown();
      m_phase = m_cancelled.empty() ? Shutdown::closing : Shutdown::cancelling;
      m_pad = 4;
    }
    if (m_phase == Shutdown::cancelling) {
      std::erase_if(m_cancelled, [](const AnyTask& t) { return t.done(); });
      if (!m_cancelled.empty()) return true;
      m_phase = Shutdown::closing;
      m_pad = 2 + 4;
    }
    if (m_pad > 0) break;
    m_phase = Shutdown::none;
    try {
      m_rt->resume_module();
    } catch (...) {
      finish("internal error: " + describe_exception(std::current_exception()));
      return false;
    }
    if (m_rt->halted()) {
      finish(m_rt->halt_reason(), m_rt->halt_line());
      return false;
    }
    if (m_rt->module_finished()) {
      if (m_rt->module_error()) describe_failure(m_rt->module_error());
      else finish(std::nullopt);
      return false;
    }
    return true;
  }
  // An iteration of asyncio's own is due: its stand-in keeps the loop from waiting for a timer.
  if (!m_pad_pending) {
    m_pad_pending = true;
    m_loop->call_soon([this] {
      --m_pad;
      m_pad_pending = false;
    }, "asyncio.run shutdown");
  }
  return true;
}

bool ProgramRun::run_once() {
  if (m_finished) return false;
  m_loop->make_current();
  if (m_rt->halted()) {
    finish(m_rt->halt_reason(), m_rt->halt_line());
    return false;
  }
  if (!step_module()) return false;
  const double max_time = m_rt->limits().max_time;
  if (m_loop->clock_kind() == ClockKind::real_time) {
    // Real clock: the loop must not wait past the wall-time limit.
    const double left = m_rt->wall_start() + m_rt->limits().max_wall - wall_now();
    auto d = m_loop->ready_count() == 0 ? m_loop->next_deadline() : std::nullopt;
    if (left <= 0 || (d && *d - m_loop->time() > left)) {
      finish("limit exceeded: the run would take longer than " + float_repr(m_rt->limits().max_wall) + " s of real time");
      return false;
    }
  }
  if (m_loop->ready_count() == 0) {
    if (auto d = m_loop->next_deadline(); d && *d > max_time) {
      finish("limit exceeded: the run would go past " + float_repr(max_time) + " s");
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
  if (m_rt->halted()) {
    finish(m_rt->halt_reason(), m_rt->halt_line());
    return false;
  }
  if (m_loop->time() > max_time) {
    finish("limit exceeded: the run went past " + float_repr(max_time) + " s");
    return false;
  }
  if (!step_module()) return false;
  if (!more && m_phase == Shutdown::none) {
    if (m_rt->waiting_for_main() && !m_rt->main_task().done()) {
      // The error points at where the main task waits (its last statement).
      const detail::TaskExtras* x = m_rt->main_task().core() ? m_rt->main_task().core()->extras_if() : nullptr;
      finish("deadlock: nothing can run, but the main task '" + m_rt->main_task().name() +
                 "' has not finished (every task is waiting for something that will never happen)",
             x ? x->line_a : 0);
      return false;
    }
  }
  return true;
}

void ProgramRun::run_until(double t) {
  while (!m_finished) {
    auto next = next_time();
    if (!next || *next > t) break;
    if (!run_once()) break;
  }
}

void ProgramRun::run_to_end() {
  while (run_once()) {
  }
}

// ---- shutdown and results --------------------------------------------------------------------
void ProgramRun::begin_shutdown() {
  // The lesson's server stands for another process: when the program ends it stops, and its
  // connections end with it (else the final picture shows a server still serving and a request
  // still sleeping after the program is done).
  if (m_server) m_server->abort();
  for (auto& t : m_rt->live_tasks()) {
    if (t.done() || t == m_rt->main_task()) continue;
    t.cancel();
    m_cancelled.push_back(t);
  }
}

void ProgramRun::describe_failure(const std::exception_ptr& e) {
  if (is_halt(e)) {
    finish(m_rt->halt_reason(), m_rt->halt_line());
    return;
  }
  auto eo = m_rt->exception_object(e);
  std::string tb;
  // CPython prints the chain: the context (or cause) first.
  std::vector<Ref<ExceptionObject>> chain{eo};
  for (int i = 0; i < 10; ++i) {
    ExceptionObject& cur = *chain.back();
    Value next = cur.suppress_context ? cur.cause : (cur.cause.is_none() ? cur.context : cur.cause);
    if (!next.is(ObjKind::exception)) break;
    chain.push_back(Ref<ExceptionObject>(next.as<ExceptionObject>()));
  }
  for (std::size_t k = chain.size(); k-- > 0;) {
    ExceptionObject& x = *chain[k];
    tb += "Traceback (most recent call last):\n";
    // Like CPython, a frame repeated more than three times in a row is summarised.
    int repeats = 0;
    auto flush_repeats = [&] {
      if (repeats > 0) tb += "  [Previous line repeated " + std::to_string(repeats) + " more time" + (repeats == 1 ? "" : "s") + "]\n";
      repeats = 0;
    };
    int same = 0;
    for (auto it = x.traceback.rbegin(); it != x.traceback.rend(); ++it) {
      const bool again = it != x.traceback.rbegin() && std::prev(it)->line == it->line && std::prev(it)->function == it->function;
      same = again ? same + 1 : 0;
      if (same >= 3) {
        ++repeats;
        continue;
      }
      flush_repeats();
      tb += "  File \"" + m_options.filename + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
      const std::string src = trim_left(m_rt->source_line(it->line));
      if (!src.empty()) tb += "    " + src + "\n";
    }
    flush_repeats();
    tb += exception_line(x) + "\n";
    if (x.type->is_subclass_of(types().base_exception_group))
      for (std::size_t i = 0; i < x.group.size(); ++i)
        tb += "  +---------------- " + std::to_string(i + 1) + " ----------------\n  | " + exception_line(*x.group[i].as<ExceptionObject>()) + "\n";
    if (k > 0) {
      tb += chain[k - 1]->suppress_context
                ? "\nThe above exception was the direct cause of the following exception:\n\n"
                : "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
  }
  m_traceback = tb;
  const int line = eo->traceback.empty() ? 0 : eo->traceback.front().line;
  if (!eo->traceback.empty() && eo->traceback.front().col > 0) {
    const TraceEntry& where = eo->traceback.front();
    m_final.error_col = where.col;
    m_final.error_end_line = where.end_line;
    m_final.error_end_col = where.end_col;
  }
  finish(exception_line(*eo), line);
}

void ProgramRun::finish(std::optional<std::string> error, int line) {
  if (m_finished) return;
  m_finished = true;
  if (m_rt) m_rt->flush_output();
  m_final.duration = m_loop->time();
  m_final.output = m_loop->output();
  m_cancelled.clear();
  if (m_rt) {
    if (error && !m_rt->halted()) m_rt->halt_quietly(*error);
    m_rt->release_values();
  }
  if (m_server) m_server->close();
  const LoopSnapshot snap = m_loop->snapshot();
  for (const auto& t : snap.tasks) m_final.tasks.push_back({t.id, t.name, t.state, t.error});
  m_loop->set_trace(nullptr);
  m_loop->close();
  m_final.warnings = m_warnings;
  m_final.error = std::move(error);
  m_final.error_line = line;
  m_final.traceback = m_traceback;
}

ProgramResult ProgramRun::result() const {
  if (m_finished) return m_final;
  ProgramResult r;
  r.duration = m_loop->time();
  r.output = m_loop->output();
  const LoopSnapshot snap = m_loop->snapshot();
  for (const auto& t : snap.tasks) r.tasks.push_back({t.id, t.name, t.state, t.error});
  r.warnings = m_warnings;
  return r;
}

}  // namespace loopscope::python
