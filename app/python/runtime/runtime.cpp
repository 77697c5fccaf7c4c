// runtime.cpp — the Runtime's frame: construction, the module driver, synchronous runs,
// limits, exception objects, calls, awaits and tasks (see runtime.hpp).
//
// Sections: construction · driving the module · limits · exceptions · calls · awaits and tasks
#include "python/runtime/runtime.hpp"

#include <loopscope/errors.hpp>
#include <loopscope/sleep.hpp>

#include <stdexcept>

namespace loopscope::python {

namespace {
// Resumes `h` (a frame outside any task, or a plain function's frame) and runs the trampoline
// until nothing more is asked (the frame finished or suspended outside a task).
void drive(std::coroutine_handle<> h) {
  const std::coroutine_handle<> saved = detail::tls.next;
  do {
    detail::tls.next = nullptr;
    h.resume();
    h = detail::tls.next;
  } while (h);
  detail::tls.next = saved;
}
}  // namespace

// ---- construction ----------------------------------------------------------------------------
Runtime::Runtime(const Module& module, std::string filename, std::vector<std::string> lines, EventLoop& loop,
                 Limits limits, std::uint64_t seed)
    : m_module(module), m_filename(std::move(filename)), m_lines(std::move(lines)), m_loop(loop), m_limits(limits),
      m_rng(seed), m_globals(std::make_shared<Env>()) {
  m_wall_start = wall_now();
  m_module_frame.scope = &scope_table(module.scope, true);
  m_module_frame.function = "<module>";
  m_globals->vars["__name__"] = py_str("__main__");
  install_builtins();
}

Runtime::~Runtime() {
  release_values();
}

namespace {
// Empties the containers among `vars` (a list that contains itself is a cycle), then the vars.
void clear_vars(std::unordered_map<std::string, Value>& vars) {
  std::unordered_map<std::string, Value> taken;
  taken.swap(vars);
  for (auto& [name, v] : taken) {
    if (auto* l = v.get<ListObject>(ObjKind::list)) {
      std::vector<Value> items;
      items.swap(l->items);
    } else if (auto* d = v.get<DictObject>(ObjKind::dict)) {
      std::vector<std::pair<Value, Value>> entries;
      entries.swap(d->entries);
      d->index.clear();
    }
  }
}
}  // namespace

void Runtime::release_values() {
  m_main = Task<Value>();
  m_main_coro = Value();
  m_tasks.clear();
  if (m_globals) {
    // Break cycles through module globals (functions whose closures see the globals…).
    clear_vars(m_globals->vars);
  }
  m_modules.clear();
  m_engine_errors.clear();
  for (auto& w : m_envs) {
    if (auto e = w.lock()) {
      clear_vars(e->vars);
      e->parent.reset();
    }
  }
  m_envs.clear();
  m_module_frame.ret = Value();
  m_module_frame.handling.clear();
}

std::shared_ptr<Env> Runtime::new_env(std::shared_ptr<Env> parent) {
  auto env = std::make_shared<Env>();
  env->parent = std::move(parent);
  if (m_envs.size() >= m_envs_prune_at) {
    std::erase_if(m_envs, [](const std::weak_ptr<Env>& w) { return w.expired(); });
    m_envs_prune_at = std::max<std::size_t>(1024, m_envs.size() * 2);
  }
  m_envs.push_back(env);
  return env;
}

std::string Runtime::source_line(int line) const {
  if (line < 1 || line > static_cast<int>(m_lines.size())) return {};
  return m_lines[static_cast<std::size_t>(line - 1)];
}

// ---- driving the module ----------------------------------------------------------------------
Coro<Value> run_module_body(Runtime& rt) {
  Frame& f = rt.m_module_frame;
  try {
    co_await rt.exec_block(rt.m_module.body, f);
  } catch (const Halt&) {
    throw;
  } catch (...) {
    auto e = std::current_exception();
    rt.exception_object(e)->traceback.push_back(trace_entry(f, "<module>"));
    throw;
  }
  co_return Value();
}

void Runtime::start() {
  for (auto& [name, v] : m_overrides) m_globals->vars[name] = v;
  m_module_coro = run_module_body(*this);
  auto h = m_module_coro.handle();
  h.promise().m_started = true;
  drive(h);
  if (h.done()) {
    m_module_done = true;
    try {
      (void)h.promise().result();
    } catch (...) {
      m_module_error = std::current_exception();
    }
  }
}

void Runtime::track_handle(HandleRef h, std::shared_ptr<bool> ran) {
  // Handles that ran or were cancelled are dropped whenever the list has doubled (amortized O(1)).
  if (m_handles.size() >= m_handles_prune_at) {
    std::erase_if(m_handles, [](const auto& x) { return *x.second || x.first.cancelled(); });
    m_handles_prune_at = std::max<std::size_t>(256, m_handles.size() * 2);
  }
  m_handles.emplace_back(std::move(h), std::move(ran));
}

void Runtime::resume_module() {
  auto h = std::exchange(m_module_resume, nullptr);
  if (!h) return;
  for (auto& x : m_handles) x.first.cancel();
  m_handles.clear();
  drive(h);
  auto root = m_module_coro.handle();
  if (root.done()) {
    m_module_done = true;
    try {
      (void)root.promise().result();
    } catch (...) {
      m_module_error = std::current_exception();
    }
  }
}

Value Runtime::run_sync(Coro<Value> c) {
  auto h = c.handle();
  h.promise().m_started = true;
  drive(h);
  if (!h.done()) raise(types().runtime_error, "a plain function tried to wait (only async functions can await)");
  return h.promise().result();
}

std::vector<AnyTask> Runtime::live_tasks() {
  std::erase_if(m_tasks, [](const AnyTask& t) { return t.done(); });
  return m_tasks;
}

// ---- limits ----------------------------------------------------------------------------------
void Runtime::halt_quietly(std::string reason, int line) {
  if (m_halted) return;
  m_halted = true;
  m_halt_reason = std::move(reason);
  m_halt_line = line ? line : m_last_line;  // 0: the statement running now
}

void Runtime::halt(std::string reason, int line) {
  halt_quietly(std::move(reason), line);
  throw Halt{};
}

void Runtime::write(const std::string& text) {
  std::size_t start = 0;
  while (true) {
    const auto nl = text.find('\n', start);
    if (nl == std::string::npos) {
      m_partial_line.append(text, start, std::string::npos);
      return;
    }
    if (++m_output_lines > m_limits.max_output)
      halt("limit exceeded: more than " + std::to_string(m_limits.max_output) + " lines printed", 0);
    m_partial_line.append(text, start, nl - start);
    m_loop.annotate(Annotation::output(m_partial_line));
    m_partial_line.clear();
    start = nl + 1;
  }
}

void Runtime::flush_output() {
  if (m_partial_line.empty()) return;
  m_loop.annotate(Annotation::output(m_partial_line));
  m_partial_line.clear();
}

// ---- exceptions ------------------------------------------------------------------------------
Ref<ExceptionObject> Runtime::exception_object(const std::exception_ptr& e) {
  const auto& t = types();
  try {
    std::rethrow_exception(e);
  } catch (const PyError& x) {
    return x.exception();
  } catch (const PyCancelled& x) {
    return x.exc;
  } catch (const std::exception& x) {
    const void* key = &x;
    if (auto it = m_engine_errors.find(key); it != m_engine_errors.end()) return it->second.second;
    Ref<ExceptionObject> obj;
    auto with_message = [&](TypeObject* type) {
      const std::string m = x.what();
      return m.empty() ? new_exception_args(type, {}) : new_exception(type, m);
    };
    if (auto* g = dynamic_cast<const loopscope::ExceptionGroup*>(&x)) {
      obj = make<ExceptionObject>(t.exception_group);
      obj->group_message = g->message();
      bool all_exceptions = true;
      for (const auto& sub : g->exceptions()) {
        auto so = exception_object(sub);
        all_exceptions = all_exceptions && so->type->is_subclass_of(t.exception);
        obj->group.push_back(Value(so));
      }
      if (!all_exceptions) obj->type = t.base_exception_group;
      obj->args = {py_str(obj->group_message), py_list(obj->group)};
    } else if (dynamic_cast<const loopscope::CancelledError*>(&x)) {
      obj = with_message(t.cancelled_error);
    } else if (dynamic_cast<const loopscope::TimeoutError*>(&x)) {
      obj = new_exception_args(t.timeout_error, {});
    } else if (dynamic_cast<const loopscope::InvalidStateError*>(&x)) {
      obj = with_message(t.invalid_state_error);
    } else if (dynamic_cast<const loopscope::QueueEmpty*>(&x)) {
      obj = new_exception_args(t.queue_empty, {});
    } else if (dynamic_cast<const loopscope::QueueFull*>(&x)) {
      obj = new_exception_args(t.queue_full, {});
    } else if (dynamic_cast<const loopscope::BrokenBarrierError*>(&x)) {
      obj = with_message(t.broken_barrier_error);
    } else if (dynamic_cast<const loopscope::ValueError*>(&x) || dynamic_cast<const std::invalid_argument*>(&x)) {
      obj = with_message(t.value_error);
    } else if (auto* n = dynamic_cast<const NamedError*>(&x); n && std::string_view(n->type_name()).find("Error") != std::string_view::npos &&
                                                           std::string_view(n->type_name()) != "RuntimeError" &&
                                                           std::string_view(n->type_name()) != "DeadlockError") {
      // network errors from the engine: aiohttp's ClientConnectionError family
      obj = with_message(t.client_connection_error);
    } else {
      obj = with_message(t.runtime_error);
    }
    obj->origin = e;
    m_engine_errors.emplace(key, std::make_pair(e, obj));
    return obj;
  } catch (...) {
    return new_exception(t.runtime_error, "unknown error");
  }
}

// ---- calls -----------------------------------------------------------------------------------
Value Runtime::call(const Value& f, std::vector<Value> args) {
  CallArgs a;
  a.pos = std::move(args);
  return call(f, a);
}

Value Runtime::call(const Value& f, CallArgs& args) {
  if (f.is_object()) {
    switch (f.obj()->kind) {
      case ObjKind::builtin: return f.as<BuiltinObject>()->fn(*this, args);
      case ObjKind::function: {
        Ref<FunctionObject> fn(f.as<FunctionObject>());
        if (fn->lambda) return call_lambda(*fn, args);
        auto env = bind(*fn, args);
        if (fn->is_async) {
          Coro<Value> c = run_function(fn, std::move(env));
          // (No Coro::set_name: the CoroutineObject reports "never awaited" itself, which spares
          // every call an allocation.)
          auto co = make<CoroutineObject>(std::move(c), fn->qualname);
          co->warn_unawaited = true;
          return Value(co);
        }
        if (++m_call_depth > m_limits.max_depth) {
          --m_call_depth;
          raise(types().recursion_error, "maximum recursion depth exceeded");
        }
        struct Unwind {
          std::int64_t& d;
          ~Unwind() { --d; }
        } unwind{m_call_depth};
        return run_sync(run_function(fn, std::move(env)));
      }
      case ObjKind::bound_method: {
        auto* m = f.as<BoundMethodObject>();
        args.pos.insert(args.pos.begin(), m->self);
        return call(m->func, args);
      }
      case ObjKind::type: {
        auto* t = f.as<TypeObject>();
        if (t->construct) return t->construct(*this, args);
        if (t->is_exception) {
          if (!args.kw.empty()) type_error(t->name + "() takes no keyword arguments");
          if (t->is_subclass_of(types().base_exception_group)) {
            if (args.pos.size() != 2) type_error("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(args.pos.size()) + " given)");
            auto e = make<ExceptionObject>(t);
            if (!args.pos[0].is(ObjKind::str)) type_error("argument 1 must be str, not " + type_name(args.pos[0]));
            e->group_message = str_of(args.pos[0]);
            e->group = to_vector(args.pos[1]);
            if (e->group.empty()) value_error("second argument (exceptions) must be a non-empty sequence");
            e->args = {args.pos[0], py_list(e->group)};
            return Value(e);
          }
          return Value(new_exception_args(t, std::move(args.pos)));
        }
        type_error("cannot create '" + t->name + "' instances");
      }
      default: break;
    }
  }
  type_error("'" + type_name(f) + "' object is not callable");
}

// ---- awaits and tasks ------------------------------------------------------------------------
Coro<Value> Runtime::await_value(Value v) {
  if (auto* c = v.get<CoroutineObject>(ObjKind::coroutine)) {
    if (c->consumed) raise(types().runtime_error, "cannot reuse already awaited coroutine");
    c->consumed = true;
    Coro<Value> body = std::move(c->coro);
    co_return co_await std::move(body);
  }
  note_frames();
  if (auto* t = v.get<TaskObject>(ObjKind::task)) {
    Task<Value> task = t->task;
    co_return co_await task;
  }
  if (auto* s = as_sleep(v)) {
    co_await loopscope::sleep(s->delay);
    co_return s->result;
  }
  if (auto* n = v.get<NativeObject>(ObjKind::native); n && n->is_awaitable()) co_return co_await n->await_(*this, v);
  type_error("object " + type_name(v) + " can't be used in 'await' expression");
}

Value Runtime::task_value(const AnyTask& t) {
  if (auto it = m_task_objects.find(t.core()); it != m_task_objects.end()) return Value(static_cast<Object*>(it->second));
  auto obj = make<TaskObject>(Task<Value>(static_cast<detail::CoroPromise<Value>*>(t.core())));
  obj->runtime = this;
  m_task_objects[t.core()] = obj.get();
  return Value(obj);
}

void Runtime::forget_task(detail::TaskCore* core) noexcept { m_task_objects.erase(core); }

std::string Runtime::next_task_name(const std::string& given, bool consume_number) {
  if (given.empty()) return "Task-" + std::to_string(++m_task_counter);
  if (consume_number) ++m_task_counter;
  return given;
}

Value Runtime::create_task(const Value& coro, std::string name, bool consume_number) {
  if (auto* s = as_sleep(coro)) return create_task(s->as_coroutine(), std::move(name), consume_number);
  auto* c = coro.get<CoroutineObject>(ObjKind::coroutine);
  if (!c) type_error("a coroutine was expected, got " + to_repr(coro));
  if (c->consumed) raise(types().runtime_error, "cannot reuse already awaited coroutine");
  if (static_cast<std::int64_t>(m_loop.statistics().tasks_alive) >= m_limits.max_tasks)
    halt("limit exceeded: more than " + std::to_string(m_limits.max_tasks) + " tasks alive at once", 0);
  c->consumed = true;
  Task<Value> t = m_loop.create_task(std::move(c->coro), next_task_name(name, consume_number));
  // Finished tasks are dropped whenever the list has doubled since the last pruning (amortized O(1)).
  if (m_tasks.size() >= m_tasks_prune_at) {
    std::erase_if(m_tasks, [](const AnyTask& x) { return x.done(); });
    m_tasks_prune_at = std::max<std::size_t>(256, m_tasks.size() * 2);
  }
  m_tasks.push_back(t);
  Value v = task_value(t);
  v.as<TaskObject>()->coro_name = c->name;
  return v;
}

Task<Value> Runtime::as_task(const Value& v, const char* what) {
  if (auto* t = v.get<TaskObject>(ObjKind::task)) return t->task;
  if (auto* s = as_sleep(v)) return as_task(s->as_coroutine(), what);
  if (v.is(ObjKind::coroutine)) return create_task(v, {}).as<TaskObject>()->task;
  type_error(std::string("An asyncio.Future, a coroutine or an awaitable is required") + (what[0] ? "" : ""));
}

}  // namespace loopscope::python
