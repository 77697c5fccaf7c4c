// frames.cpp — what a task's Python frames hold when it awaits, for the UI's frames view.
//
// While the loop is tracing, run_function pushes each user frame on its task's list (outermost
// first) and pops it when the frame ends. At an await that can suspend (note_frames: a sleep, a
// task, an asyncio awaitable — not a coroutine, whose own awaits speak for it), the running task's
// frames become one text, recorded as Annotation::frames when it differs from the task's last:
//
//   frame <function>\t<line>\n           one per frame, outermost first
//   local <name>\t<value>\n              that frame's locals, by name, after its frame line
//
// A value is a repr cut to 40 bytes ("…" added), a container of more than 8 items is
// "list (N items)"; functions, classes, modules and builtins are left out, as are more than 8
// locals per frame ("local …\t+N more"). No program code runs (no user __repr__), addresses are
// left out (" at 0x…"), and tabs and newlines become spaces. Parsed by app/ui/frame_source.cpp.
#include "python/runtime/runtime.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>

namespace loopscope::python {

namespace {
constexpr std::size_t max_value_bytes = 40;
constexpr std::size_t max_items = 8;
constexpr std::size_t max_locals = 8;

// Cuts s to at most n bytes at a UTF-8 character boundary, marking the cut.
void cut(std::string& s, std::size_t n) {
  if (s.size() <= n) return;
  std::size_t k = n;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  s.resize(k);
  s += "\u2026";
}

void drop_addresses(std::string& s) {
  for (std::size_t at = s.find(" at 0x"); at != std::string::npos; at = s.find(" at 0x", at)) {
    std::size_t end = at + 6;
    while (end < s.size() && std::isxdigit(static_cast<unsigned char>(s[end]))) ++end;
    s.erase(at, end - at);
  }
}

bool shown(const Value& v) {
  if (!v.is_object()) return true;
  switch (v.obj()->kind) {
    case ObjKind::function:
    case ObjKind::builtin:
    case ObjKind::bound_method:
    case ObjKind::type:
    case ObjKind::module: return false;
    default: return true;
  }
}

std::size_t items_of(const Value& v) {
  if (auto* l = v.get<ListObject>(ObjKind::list)) return l->items.size();
  if (auto* t = v.get<TupleObject>(ObjKind::tuple)) return t->items.size();
  if (auto* d = v.get<DictObject>(ObjKind::dict)) return d->entries.size();
  if (auto* s = v.get<SetObject>(ObjKind::set)) return s->items.size();
  return 0;
}

std::string value_text(const Value& v) {
  std::string out;
  if (auto* s = v.get<StrObject>(ObjKind::str); s && s->text.size() > max_value_bytes) {
    std::string head = s->text;
    cut(head, max_value_bytes);  // the repr below is cut again, which marks it
    out = str_repr(head);
  } else if (const std::size_t n = items_of(v); n > max_items) {
    out = type_name(v) + " (" + std::to_string(n) + " items)";
  } else {
    try {
      out = to_repr(v);
    } catch (...) {
      out = "<" + type_name(v) + ">";
    }
  }
  drop_addresses(out);
  std::replace(out.begin(), out.end(), '\t', ' ');
  std::replace(out.begin(), out.end(), '\n', ' ');
  cut(out, max_value_bytes);
  return out;
}

void append_int(std::string& out, std::int64_t n) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, r.ptr);
}

// value_text's result, without a string of its own for the common small values.
void append_value(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Kind::none: out += "None"; return;
    case Kind::boolean: out += v.as_bool() ? "True" : "False"; return;
    case Kind::integer: append_int(out, v.as_int()); return;
    default: out += value_text(v); return;
  }
}

using Var = std::pair<const std::string, Value>;

void append_frame(std::string& out, const Frame& f) {
  out += "frame ";
  out += f.function;
  out += '\t';
  append_int(out, f.line);
  out += '\n';
  if (!f.env) return;
  thread_local std::vector<const Var*> vars;  // kept: no allocation per await
  vars.clear();
  for (const auto& kv : f.env->vars)
    if (shown(kv.second)) vars.push_back(&kv);
  std::sort(vars.begin(), vars.end(), [](const Var* a, const Var* b) { return a->first < b->first; });
  const std::size_t n = std::min(vars.size(), max_locals);
  for (std::size_t i = 0; i < n; ++i) {
    out += "local ";
    out += vars[i]->first;
    out += '\t';
    append_value(out, vars[i]->second);
    out += '\n';
  }
  if (vars.size() > n) {
    out += "local \u2026\t+";
    append_int(out, static_cast<std::int64_t>(vars.size() - n));
    out += " more\n";
  }
}
}  // namespace

detail::TaskCore* Runtime::push_frame(const Frame& f) {
  if (!m_loop.tracing()) return nullptr;
  detail::TaskCore* t = detail::tls.task;
  if (!t) return nullptr;
  m_task_frames[t].push_back(&f);
  return t;
}

void Runtime::pop_frame(detail::TaskCore* task, const Frame& f) {
  auto it = m_task_frames.find(task);
  if (it == m_task_frames.end()) return;
  auto& v = it->second;
  if (auto at = std::find(v.rbegin(), v.rend(), &f); at != v.rend()) v.erase(std::next(at).base());
  if (v.empty()) {
    m_task_frames.erase(it);
    m_frames_sent.erase(task);
  }
}

void Runtime::note_frames() {
  if (!m_loop.tracing()) return;
  detail::TaskCore* t = detail::tls.task;
  if (!t) return;
  auto it = m_task_frames.find(t);
  if (it == m_task_frames.end()) return;
  std::string& text = m_frames_scratch;
  text.clear();
  for (const Frame* f : it->second) append_frame(text, *f);
  std::string& sent = m_frames_sent[t];
  if (sent == text) return;
  sent.swap(text);
  m_loop.annotate(Annotation::frames(sent));
}

}  // namespace loopscope::python
