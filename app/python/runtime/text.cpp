// text.cpp — str() and repr() of every value, float repr, UTF-8 helpers (see ops.hpp).
#include "python/runtime/ops.hpp"
#include "text/utf8.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace loopscope::python {

// ---- UTF-8 -----------------------------------------------------------------------------------
std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t utf8_offset(std::string_view s, std::size_t index) {
  std::size_t i = 0;
  for (std::size_t b = 0; b < s.size(); ++b) {
    if ((static_cast<unsigned char>(s[b]) & 0xC0) != 0x80) {
      if (i == index) return b;
      ++i;
    }
  }
  return s.size();
}

// ---- case mapping ----------------------------------------------------------------------------
// Simple (one-to-one, plus ß → SS) case mapping for ASCII, Latin-1, Latin Extended-A, Greek and
// Cyrillic: what teaching programs print.
std::uint32_t cp_upper(std::uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0x80) return c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    const bool odd_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_lower ? (c % 2 == 0) : (c % 2 == 1)) return c - 1;
    return c;
  }
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
  if (c == 0x3C2) return 0x3A3;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return c;
}

std::uint32_t cp_lower(std::uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    const bool odd_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_lower ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

std::vector<std::uint32_t> utf8_decode(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = b;
    std::size_t n = 1;
    if (b >= 0xF0) { cp = b & 0x07; n = 4; }
    else if (b >= 0xE0) { cp = b & 0x0F; n = 3; }
    else if (b >= 0xC0) { cp = b & 0x1F; n = 2; }
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string case_map(std::string_view s, CaseMode mode) {
  std::string out;
  bool start = true;
  for (std::uint32_t c : utf8_decode(s)) {
    const bool up = mode == CaseMode::upper || (mode != CaseMode::lower && start);
    const bool letter = cp_upper(c) != c || cp_lower(c) != c || c == 0xDF;
    if (up && c == 0xDF) out += mode == CaseMode::upper ? "SS" : "Ss";
    else text::append_utf8(out, up ? cp_upper(c) : cp_lower(c));
    if (mode == CaseMode::title) start = !letter;
    else if (mode == CaseMode::capitalize) start = false;
  }
  return out;
}

// ---- float repr ------------------------------------------------------------------------------
// CPython's repr: the shortest digits that round-trip, in fixed notation when the decimal
// exponent is in [-4, 16), else scientific with a two-digit (at least) exponent.
std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  (void)ec;
  std::string s(buf, p);
  const bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  const auto epos = s.find('e');
  std::string mant = s.substr(0, epos);
  const int exp = std::stoi(s.substr(epos + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out;
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      out = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
    } else if (static_cast<int>(digits.size()) <= exp + 1) {
      out = digits + std::string(static_cast<std::size_t>(exp + 1) - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<std::size_t>(exp + 1)) + "." + digits.substr(static_cast<std::size_t>(exp + 1));
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += e;
  }
  return neg ? "-" + out : out;
}

// ---- repr of str -----------------------------------------------------------------------------
std::string str_repr(std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char q = has_single && !has_double ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7F) {
          char b[8];
          std::snprintf(b, sizeof b, "\\x%02x", c);
          out += b;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += q;
  return out;
}

// ---- str and repr ----------------------------------------------------------------------------
namespace {
std::string address(const void* p) {
  char b[32];
  std::snprintf(b, sizeof b, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
  return b;
}

std::string join_repr(const std::vector<Value>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += to_repr(items[i]);
  }
  return out;
}

std::string type_repr(const TypeObject& t) {
  if (t.module.empty() || t.module == "_asyncio") return "<class '" + t.name + "'>";
  return "<class '" + t.module + "." + t.name + "'>";
}

// Containers being printed: one that contains itself prints as [...] / {...}, like CPython.
thread_local std::vector<const Object*> repr_stack;
struct DepthGuard {
  explicit DepthGuard(const Object* o) { repr_stack.push_back(o); }
  ~DepthGuard() { repr_stack.pop_back(); }
};
bool in_progress(const Object* o) {
  for (const Object* x : repr_stack)
    if (x == o) return true;
  return false;
}
}  // namespace

std::string to_str(const Value& v) {
  if (auto* s = v.get<StrObject>(ObjKind::str)) return s->text;
  if (auto* e = v.get<ExceptionObject>(ObjKind::exception)) return exception_str(*e);
  return to_repr(v);
}

std::string to_repr(const Value& v) {
  switch (v.kind()) {
    case Kind::none: return "None";
    case Kind::boolean: return v.as_bool() ? "True" : "False";
    case Kind::integer: return std::to_string(v.as_int());
    case Kind::floating: return float_repr(v.as_float());
    case Kind::object: break;
  }
  Object* o = v.obj();
  if (in_progress(o)) return o->kind == ObjKind::list ? "[...]" : (o->kind == ObjKind::tuple ? "(...)" : "{...}");
  if (repr_stack.size() > 200) raise(types().recursion_error, "maximum recursion depth exceeded while getting the repr of an object");
  DepthGuard guard(o);
  switch (o->kind) {
    case ObjKind::str: return str_repr(static_cast<StrObject*>(o)->text);
    case ObjKind::list: return "[" + join_repr(static_cast<ListObject*>(o)->items) + "]";
    case ObjKind::tuple: {
      const auto& items = static_cast<TupleObject*>(o)->items;
      return "(" + join_repr(items) + (items.size() == 1 ? ",)" : ")");
    }
    case ObjKind::dict: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, val] : static_cast<DictObject*>(o)->entries) {
        if (!first) out += ", ";
        first = false;
        out += to_repr(k) + ": " + to_repr(val);
      }
      return out + "}";
    }
    case ObjKind::set: {
      const auto& items = static_cast<SetObject*>(o)->items;
      if (items.empty()) return "set()";
      return "{" + join_repr(items) + "}";
    }
    case ObjKind::range: {
      auto* r = static_cast<RangeObject*>(o);
      std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
      if (r->step != 1) out += ", " + std::to_string(r->step);
      return out + ")";
    }
    case ObjKind::slice: {
      auto* s = static_cast<SliceObject*>(o);
      return "slice(" + to_repr(s->lower) + ", " + to_repr(s->upper) + ", " + to_repr(s->step) + ")";
    }
    case ObjKind::function: {
      auto* f = static_cast<FunctionObject*>(o);
      return "<function " + f->qualname + " at " + address(o) + ">";
    }
    case ObjKind::builtin: {
      auto* b = static_cast<BuiltinObject*>(o);
      if (b->is_method) return "<built-in method " + b->name + " of " + type_name(b->self) + " object at " + address(b->self.obj()) + ">";
      return "<built-in function " + b->name + ">";
    }
    case ObjKind::bound_method: {
      auto* m = static_cast<BoundMethodObject*>(o);
      return "<bound method " + to_repr(m->func) + ">";
    }
    case ObjKind::coroutine: return "<coroutine object " + static_cast<CoroutineObject*>(o)->name + " at " + address(o) + ">";
    case ObjKind::task: {
      auto* t = static_cast<TaskObject*>(o);
      std::string state = t->task.done() ? (t->task.cancelled() ? "cancelled" : "finished") : "pending";
      return "<Task " + state + " name='" + t->name() + "' coro=<" + t->coro_name + "()>>";
    }
    case ObjKind::exception: {
      auto* e = static_cast<ExceptionObject*>(o);
      if (e->type->is_subclass_of(types().base_exception_group)) {
        std::string out = e->type->name + "(" + str_repr(e->group_message) + ", [";
        out += join_repr(e->group);
        return out + "])";
      }
      return e->type->name + "(" + join_repr(e->args) + ")";
    }
    case ObjKind::type: return type_repr(*static_cast<TypeObject*>(o));
    case ObjKind::module: return "<module '" + static_cast<ModuleObject*>(o)->name + "'>";
    case ObjKind::iterator: return "<" + static_cast<IteratorObject*>(o)->type_name + " object at " + address(o) + ">";
    case ObjKind::native: return static_cast<NativeObject*>(o)->repr();
  }
  return "<object>";
}

}  // namespace loopscope::python
