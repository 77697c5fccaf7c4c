// validate.cpp — JSON tree -> Lesson, reporting every problem (see detail/validate.hpp).
//
// Sections: tables · Checker basics · values and expressions · listings, params, expect, quiz ·
//           operations · name checks · program · step and lesson · entry point
#include "lesson/detail/validate.hpp"

#include "lesson/cpp_anchors.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace loopscope::lesson {

namespace detail {

// ---- tables --------------------------------------------------------------------------------
namespace {
const std::map<std::string, std::string, std::less<>>& exception_parents() {
  static const std::map<std::string, std::string, std::less<>> m = {
      {"BaseException", ""},
      {"Exception", "BaseException"},
      {"CancelledError", "BaseException"},
      {"ArithmeticError", "Exception"},
      {"ZeroDivisionError", "ArithmeticError"},
      {"LookupError", "Exception"},
      {"KeyError", "LookupError"},
      {"IndexError", "LookupError"},
      {"ValueError", "Exception"},
      {"RuntimeError", "Exception"},
      {"TypeError", "Exception"},
      {"NameError", "Exception"},
      {"AssertionError", "Exception"},
      {"OSError", "Exception"},
      {"ConnectionError", "OSError"},
      {"ConnectionRefusedError", "ConnectionError"},
      {"ConnectionResetError", "ConnectionError"},
      {"TimeoutError", "OSError"},
      {"QueueEmpty", "Exception"},
      {"QueueFull", "Exception"},
      {"InvalidStateError", "Exception"},
      {"ExceptionGroup", "Exception"},
  };
  return m;
}
}  // namespace

const std::vector<std::string>& exception_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& [k, _] : exception_parents()) v.push_back(k);
    return v;
  }();
  return names;
}

bool exception_matches(std::string_view type, std::string_view handler) {
  const auto& parents = exception_parents();
  std::string t(type);
  for (int guard = 0; guard < 16 && !t.empty(); ++guard) {
    if (t == handler) return true;
    auto it = parents.find(t);
    if (it == parents.end()) return handler == "Exception" || handler == "BaseException";
    t = it->second;
  }
  return false;
}

const std::vector<std::string>& builtin_function_names() {
  static const std::vector<std::string> v = {"len", "str", "int", "float", "round", "min",
                                             "max", "abs", "now", "range", "repr", "type"};
  return v;
}

}  // namespace detail

const std::vector<std::string>& operation_names() {
  static const std::vector<std::string> v = {
      "print",      "sleep",        "blocking_sleep", "cpu",           "call",        "create_task",
      "await",      "gather",       "wait",           "wait_for",      "timeout",     "cancel",
      "try",        "raise",        "return",         "set",           "for",         "if",
      "event_set",  "event_wait",   "event_clear",    "acquire",       "release",     "async_with",
      "queue_put",  "queue_get",    "queue_task_done", "queue_join",   "to_thread",   "http_get"};
  return v;
}

const Coroutine* Program::find(std::string_view name) const noexcept {
  for (const auto& c : coroutines)
    if (c.name == name) return &c;
  return nullptr;
}

namespace {

using detail::exception_type_names;

// ---- Checker basics ------------------------------------------------------------------------
std::string ptr_join(const std::string& base, std::string_view token) {
  return base + "/" + json_pointer_token(token);
}
std::string ptr_join(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

std::string article(JsonType t) {
  switch (t) {
    case JsonType::null: return "null";
    case JsonType::boolean: return "a boolean";
    case JsonType::number: return "a number";
    case JsonType::string: return "a string";
    case JsonType::array: return "an array";
    case JsonType::object: return "an object";
  }
  return "?";
}

// Where member `key` of `obj` is, or where `obj` is when the member is missing.
SourcePos pos_of(const JsonValue& obj, std::string_view key) {
  const JsonValue* v = obj.find(key);
  return v ? v->pos : obj.pos;
}
// The source text of member `key` (a number's digits, a string's value), "" when missing.
std::string text_of(const JsonValue& obj, std::string_view key) {
  const JsonValue* v = obj.find(key);
  return v ? v->string : std::string();
}

bool is_identifier(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  if (!(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  static const std::set<std::string, std::less<>> reserved = {"and", "or", "not", "in", "True", "False", "None"};
  return !reserved.contains(s);
}

// Names a coroutine's expressions may read, gathered before its ops are checked.
struct Scope {
  std::set<std::string, std::less<>> names;
  std::vector<std::string> list() const { return {names.begin(), names.end()}; }
};

class Checker {
public:
  Checker(std::string file, FileReader files) : m_file(std::move(file)), m_files(std::move(files)) {}

  std::vector<Diagnostic> errors;

  static constexpr std::size_t max_errors = 200;  // enough to fix; a hostile file cannot flood us
  bool capped = false;                            // errors were dropped at max_errors

  void error(SourcePos p, const std::string& pointer, std::string msg) {
    if (errors.size() >= max_errors) {
      capped = true;
      return;
    }
    errors.push_back({m_file, p.line, p.col, pointer.empty() ? "/" : pointer, std::move(msg)});
  }

  // Reports members not in `allowed` (with "did you mean"), and missing `required` ones.
  // Returns false when `v` is not an object (already reported).
  bool fields(const JsonValue& v, const std::string& ptr, const std::vector<std::string>& allowed,
              const std::vector<std::string>& required, std::string_view what) {
    if (!v.is_object()) {
      error(v.pos, ptr, std::string(what) + " must be an object, found " + article(v.type));
      return false;
    }
    for (const auto& m : v.object) {
      if (std::find(allowed.begin(), allowed.end(), m.key) != allowed.end()) continue;
      if (m.key == "comment" || m.key == "$comment") continue;
      std::string msg = "unknown field '" + m.key + "' in " + std::string(what);
      if (auto s = closest_match(m.key, allowed)) msg += " (did you mean '" + *s + "'?)";
      error(m.key_pos, ptr_join(ptr, m.key), msg);
    }
    for (const auto& r : required)
      if (!v.find(r)) error(v.pos, ptr, "missing required field '" + r + "' in " + std::string(what));
    return true;
  }

  // ---- values and expressions --------------------------------------------------------------
  std::optional<std::string> string_field(const JsonValue& obj, const std::string& ptr, std::string_view key,
                                          bool allow_empty = true) {
    const JsonValue* v = obj.find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      error(v->pos, ptr_join(ptr, key), "'" + std::string(key) + "' must be a string, found " + article(v->type));
      return std::nullopt;
    }
    if (!allow_empty && v->string.empty()) {
      error(v->pos, ptr_join(ptr, key), "'" + std::string(key) + "' must not be empty");
      return std::nullopt;
    }
    return v->string;
  }

  std::optional<double> number_field(const JsonValue& obj, const std::string& ptr, std::string_view key) {
    const JsonValue* v = obj.find(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      error(v->pos, ptr_join(ptr, key), "'" + std::string(key) + "' must be a number, found " + article(v->type));
      return std::nullopt;
    }
    return v->number;
  }

  std::optional<std::int64_t> int_field(const JsonValue& obj, const std::string& ptr, std::string_view key,
                                        std::int64_t min_value = 0) {
    const JsonValue* v = obj.find(key);
    if (!v) return std::nullopt;
    if (!v->is_number() || !v->is_integer) {
      error(v->pos, ptr_join(ptr, key),
            "'" + std::string(key) + "' must be an integer, found " +
                (v->is_number() ? "the number " + v->string : article(v->type)));
      return std::nullopt;
    }
    if (v->number < static_cast<double>(min_value)) {
      error(v->pos, ptr_join(ptr, key),
            "'" + std::string(key) + "' must be at least " + std::to_string(min_value) + ", found " + v->string);
      return std::nullopt;
    }
    return static_cast<std::int64_t>(v->number);
  }

  std::optional<bool> bool_field(const JsonValue& obj, const std::string& ptr, std::string_view key) {
    const JsonValue* v = obj.find(key);
    if (!v) return std::nullopt;
    if (!v->is_bool()) {
      error(v->pos, ptr_join(ptr, key), "'" + std::string(key) + "' must be true or false, found " + article(v->type));
      return std::nullopt;
    }
    return v->boolean;
  }

  // A string (Markdown, listing) given as one string or an array of lines.
  std::optional<std::vector<std::string>> lines_value(const JsonValue& v, const std::string& ptr, std::string_view key) {
    std::vector<std::string> out;
    if (v.is_string()) {
      std::string cur;
      for (char c : v.string) {
        if (c == '\n') {
          out.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
      if (!cur.empty()) out.push_back(cur);
      return out;
    }
    if (!v.is_array()) {
      error(v.pos, ptr, "'" + std::string(key) + "' must be a string or an array of strings, found " + article(v.type));
      return std::nullopt;
    }
    bool ok = true;
    for (std::size_t i = 0; i < v.array.size(); ++i) {
      const auto& e = v.array[i];
      if (!e.is_string()) {
        error(e.pos, ptr_join(ptr, i), "each line of '" + std::string(key) + "' must be a string, found " + article(e.type));
        ok = false;
      } else {
        out.push_back(e.string);
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  // Position of byte `offset` inside a JSON string value (exact when the string has no escapes).
  static SourcePos inside(const JsonValue& v, int offset) {
    return {v.pos.line, v.pos.col + 1 + offset};
  }

  // An expression: a JSON number / boolean / null, or a string holding an expression.
  std::optional<Expr> expr_value(const JsonValue& v, const std::string& ptr, std::string_view key) {
    switch (v.type) {
      case JsonType::number:
        if (v.is_integer) return Expr::constant(static_cast<std::int64_t>(v.number), v.string);
        return Expr::constant(v.number, v.string);
      case JsonType::boolean: return Expr::constant(v.boolean, v.boolean ? "True" : "False");
      case JsonType::null: return Expr::constant(NoneLiteral{}, "None");
      case JsonType::string: {
        auto parsed = parse_expr(v.string);
        if (auto* e = std::get_if<ExprError>(&parsed)) {
          error(inside(v, e->offset), ptr, "invalid expression \"" + v.string + "\" in '" + std::string(key) + "': " + e->message);
          return std::nullopt;
        }
        Expr ex = std::get<Expr>(std::move(parsed));
        note_names(*ex.root, v, ptr);
        return ex;
      }
      default:
        error(v.pos, ptr, "'" + std::string(key) + "' must be a number or an expression string, found " + article(v.type));
        return std::nullopt;
    }
  }
  std::optional<Expr> expr_field(const JsonValue& obj, const std::string& ptr, std::string_view key) {
    const JsonValue* v = obj.find(key);
    if (!v) return std::nullopt;
    return expr_value(*v, ptr_join(ptr, key), key);
  }

  std::optional<Template> template_value(const JsonValue& v, const std::string& ptr, std::string_view key) {
    if (!v.is_string()) {
      error(v.pos, ptr, "'" + std::string(key) + "' must be a string (a template), found " + article(v.type));
      return std::nullopt;
    }
    auto parsed = parse_template(v.string);
    if (auto* e = std::get_if<ExprError>(&parsed)) {
      error(inside(v, e->offset), ptr, "invalid template \"" + v.string + "\" in '" + std::string(key) + "': " + e->message);
      return std::nullopt;
    }
    Template t = std::get<Template>(std::move(parsed));
    for (const auto& piece : t.pieces)
      if (piece.field.valid()) note_names(*piece.field.root, v, ptr, piece.offset);
    return t;
  }
  std::optional<Template> template_field(const JsonValue& obj, const std::string& ptr, std::string_view key) {
    const JsonValue* v = obj.find(key);
    if (!v) return std::nullopt;
    return template_value(*v, ptr_join(ptr, key), key);
  }

  // A variable name that an op assigns.
  std::optional<std::string> target_field(const JsonValue& obj, const std::string& ptr, std::string_view key) {
    auto s = string_field(obj, ptr, key);
    if (!s) return std::nullopt;
    if (!is_identifier(*s)) {
      error(obj.find(key)->pos, ptr_join(ptr, key), "'" + std::string(key) + "' must be a variable name (letters, digits, _), found \"" + *s + "\"");
      return std::nullopt;
    }
    return s;
  }

  // ---- name checks -------------------------------------------------------------------------
  // Names read by expressions are recorded while parsing and checked once the coroutine's
  // scope (params + every variable it assigns + globals) is known.
  struct PendingName {
    std::string name;
    SourcePos pos;
    std::string pointer;
    std::string source;
  };
  std::vector<PendingName> m_pending_names;

  void note_names(const ExprNode& root, const JsonValue& v, const std::string& ptr, int base = 0) {
    std::vector<NameUse> uses;
    collect_names(root, uses);
    for (auto& u : uses) m_pending_names.push_back({u.name, inside(v, base + u.offset), ptr, v.string});
  }

  void check_names(const Scope& scope) {
    const auto& builtins = detail::builtin_function_names();
    std::vector<std::string> candidates = scope.list();
    candidates.insert(candidates.end(), builtins.begin(), builtins.end());
    for (const auto& n : m_pending_names) {
      if (scope.names.contains(n.name)) continue;
      if (std::find(builtins.begin(), builtins.end(), n.name) != builtins.end()) continue;
      std::string msg = "unknown variable '" + n.name + "' in \"" + n.source + "\"";
      if (auto s = closest_match(n.name, candidates)) msg += " (did you mean '" + *s + "'?)";
      error(n.pos, n.pointer, msg);
    }
    m_pending_names.clear();
  }

  // ---- program context ---------------------------------------------------------------------
  struct ProgramCtx {
    std::map<std::string, std::vector<std::string>> coroutines;   // name -> params
    std::map<std::string, ObjectKind> objects;
    bool has_server = false;
    std::size_t py_lines = 0, cpp_lines = 0;
    bool cpp_unavailable = false;  // the step names a C++ file that was not found or is invalid
  };
  ProgramCtx m_ctx;
  Scope m_scope;  // assigned names of the coroutine being checked

  void lines_of(const JsonValue& obj, const std::string& ptr, Lines& out) {
    auto check = [&](std::string_view key, std::size_t count, const char* listing, int& dst) {
      const JsonValue* v = obj.find(key);
      if (!v) return;
      if (!v->is_number() || !v->is_integer || v->number < 0) {
        error(v->pos, ptr_join(ptr, key), "line tag '" + std::string(key) + "' must be a line number (an integer >= 0; 0 = none), found " +
                                              (v->is_number() ? v->string : article(v->type)));
        return;
      }
      const auto n = static_cast<std::int64_t>(v->number);
      if (n > static_cast<std::int64_t>(count)) {
        error(v->pos, ptr_join(ptr, key), "line tag " + std::string(key) + ": " + std::to_string(n) + " is beyond the " + listing +
                                              " listing (" + std::to_string(count) + " lines)");
        return;
      }
      dst = static_cast<int>(n);
    };
    check("py", m_ctx.py_lines, "Python", out.py);
    // A C++ listing that could not be read is reported once, where it is named; its line tags
    // cannot be checked against it and are not reported again.
    if (!m_ctx.cpp_unavailable) check("cpp", m_ctx.cpp_lines, "C++", out.cpp);
  }

  // ---- operations --------------------------------------------------------------------------
  Block block(const JsonValue& v, const std::string& ptr, std::string_view key, int depth) {
    Block out;
    if (!v.is_array()) {
      error(v.pos, ptr, "'" + std::string(key) + "' must be an array of operations, found " + article(v.type));
      return out;
    }
    if (depth > Limits::max_static_depth) {
      error(v.pos, ptr, "operations are nested more than " + std::to_string(Limits::max_static_depth) + " levels deep");
      return out;
    }
    for (std::size_t i = 0; i < v.array.size(); ++i)
      if (auto op = operation(v.array[i], ptr_join(ptr, i), depth)) out.push_back(std::move(*op));
    return out;
  }

  Block block_field(const JsonValue& obj, const std::string& ptr, std::string_view key, int depth) {
    const JsonValue* v = obj.find(key);
    if (!v) return {};
    return block(*v, ptr_join(ptr, key), key, depth + 1);
  }

  std::optional<CallSpec> call_spec(const JsonValue& obj, const std::string& ptr) {
    auto coro = string_field(obj, ptr, "coro");
    if (!coro) return std::nullopt;
    CallSpec c;
    c.coro = *coro;
    auto it = m_ctx.coroutines.find(*coro);
    if (it == m_ctx.coroutines.end()) {
      std::vector<std::string> names;
      for (const auto& [k, _] : m_ctx.coroutines) names.push_back(k);
      std::string msg = "unknown coroutine '" + *coro + "'";
      if (auto s = closest_match(*coro, names)) msg += " (did you mean '" + *s + "'?)";
      error(pos_of(obj, "coro"), ptr_join(ptr, "coro"), msg);
      return std::nullopt;
    }
    const auto& params = it->second;
    const JsonValue* args = obj.find("args");
    const std::string aptr = ptr_join(ptr, "args");
    bool ok = true;
    if (!args) {
      if (!params.empty()) {
        error(obj.pos, ptr, "coroutine '" + *coro + "' takes " + std::to_string(params.size()) + " argument(s), none given");
        ok = false;
      }
    } else if (args->is_array()) {
      if (args->array.size() != params.size()) {
        error(args->pos, aptr, "coroutine '" + *coro + "' takes " + std::to_string(params.size()) + " argument(s), " +
                                   std::to_string(args->array.size()) + " given");
        ok = false;
      }
      for (std::size_t i = 0; i < args->array.size(); ++i) {
        auto e = expr_value(args->array[i], ptr_join(aptr, i), "args");
        if (e) c.args.push_back(std::move(*e));
        else ok = false;
      }
    } else if (args->is_object()) {
      c.args.resize(params.size());
      for (const auto& m : args->object) {
        auto pit = std::find(params.begin(), params.end(), m.key);
        if (pit == params.end()) {
          std::string msg = "coroutine '" + *coro + "' has no parameter '" + m.key + "'";
          if (auto s = closest_match(m.key, params)) msg += " (did you mean '" + *s + "'?)";
          error(m.key_pos, ptr_join(aptr, m.key), msg);
          ok = false;
          continue;
        }
        auto e = expr_value(m.value, ptr_join(aptr, m.key), "args");
        if (e) c.args[static_cast<std::size_t>(pit - params.begin())] = std::move(*e);
        else ok = false;
      }
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (!args->find(params[i])) {
          error(args->pos, aptr, "missing argument '" + params[i] + "' for coroutine '" + *coro + "'");
          ok = false;
        }
      }
    } else {
      error(args->pos, aptr, "'args' must be an array or an object, found " + article(args->type));
      ok = false;
    }
    if (!ok) return std::nullopt;
    return c;
  }

  // Checks that `obj[key]` names a declared object of one of `kinds`.
  std::optional<std::string> object_ref(const JsonValue& obj, const std::string& ptr, std::string_view key,
                                        std::initializer_list<ObjectKind> kinds, std::string_view op_name) {
    auto name = string_field(obj, ptr, key);
    if (!name) return std::nullopt;
    auto it = m_ctx.objects.find(*name);
    if (it == m_ctx.objects.end()) {
      std::vector<std::string> names;
      for (const auto& [k, _] : m_ctx.objects) names.push_back(k);
      std::string msg = "unknown object '" + *name + "'";
      if (auto s = closest_match(*name, names)) msg += " (did you mean '" + *s + "'?)";
      else msg += " (declare it in the program's \"objects\")";
      error(obj.find(key)->pos, ptr_join(ptr, key), msg);
      return std::nullopt;
    }
    if (std::find(kinds.begin(), kinds.end(), it->second) == kinds.end()) {
      static const char* kind_names[] = {"an Event", "a Lock", "a Semaphore", "a Queue"};
      std::string wanted;
      for (auto k : kinds) wanted += (wanted.empty() ? "" : " or ") + std::string(kind_names[static_cast<int>(k)]);
      error(obj.find(key)->pos, ptr_join(ptr, key),
            "'" + *name + "' is " + kind_names[static_cast<int>(it->second)] + ", but '" + std::string(op_name) + "' needs " + wanted);
      return std::nullopt;
    }
    return name;
  }

  void assign(const std::optional<std::string>& name) {
    if (name && !name->empty()) m_scope.names.insert(*name);
  }

  // Task lists for gather / wait: "tasks": "expr" | ["expr", ...].
  void task_list(const JsonValue& obj, const std::string& ptr, std::optional<Expr>& list, std::vector<Expr>& items) {
    const JsonValue* v = obj.find("tasks");
    if (!v) return;
    const std::string tp = ptr_join(ptr, "tasks");
    if (v->is_string()) {
      list = expr_value(*v, tp, "tasks");
    } else if (v->is_array()) {
      for (std::size_t i = 0; i < v->array.size(); ++i)
        if (auto e = expr_value(v->array[i], ptr_join(tp, i), "tasks")) items.push_back(std::move(*e));
    } else {
      error(v->pos, tp, "'tasks' must be an expression giving a list, or an array of expressions, found " + article(v->type));
    }
  }

  std::optional<Op> operation(const JsonValue& v, const std::string& ptr, int depth) {
    if (!v.is_object()) {
      error(v.pos, ptr, "an operation must be an object with an \"op\" field, found " + article(v.type));
      return std::nullopt;
    }
    const JsonValue* opv = v.find("op");
    if (!opv) {
      error(v.pos, ptr, "missing required field 'op' in operation");
      return std::nullopt;
    }
    if (!opv->is_string()) {
      error(opv->pos, ptr_join(ptr, "op"), "'op' must be a string, found " + article(opv->type));
      return std::nullopt;
    }
    const std::string& name = opv->string;
    const auto& names = operation_names();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      std::string msg = "unknown operation '" + name + "'";
      if (auto s = closest_match(name, names)) msg += " (did you mean '" + *s + "'?)";
      error(opv->pos, ptr_join(ptr, "op"), msg);
      return std::nullopt;
    }
    Op op;
    op.name = name;
    op.pos = v.pos;
    op.pointer = ptr;
    lines_of(v, ptr, op.lines);
    const std::string what = "operation '" + name + "'";
    auto F = [&](std::vector<std::string> allowed, std::vector<std::string> required) {
      allowed.insert(allowed.end(), {"op", "py", "cpp"});
      return fields(v, ptr, allowed, required, what);
    };
    const std::size_t errors_before = errors.size();

    if (name == "print") {
      F({"text"}, {"text"});
      op.data = PrintOp{template_field(v, ptr, "text").value_or(Template{})};
    } else if (name == "sleep" || name == "blocking_sleep") {
      F({"seconds"}, {"seconds"});
      auto s = expr_field(v, ptr, "seconds").value_or(Expr{});
      if (name == "sleep") op.data = SleepOp{s};
      else op.data = BlockingSleepOp{s};
    } else if (name == "cpu") {
      F({"seconds", "label"}, {"seconds"});
      CpuOp o;
      o.seconds = expr_field(v, ptr, "seconds").value_or(Expr{});
      o.label = template_field(v, ptr, "label").value_or(Template{});
      op.data = std::move(o);
    } else if (name == "call") {
      F({"coro", "args", "into", "await"}, {"coro"});
      CallOp o;
      if (auto c = call_spec(v, ptr)) o.call = std::move(*c);
      if (auto a = bool_field(v, ptr, "await"); a && !*a) o.mode = AwaitMode::create_only;
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      op.data = std::move(o);
    } else if (name == "create_task") {
      F({"coro", "args", "name", "into", "append_to"}, {"coro"});
      CreateTaskOp o;
      if (auto c = call_spec(v, ptr)) o.call = std::move(*c);
      o.name = template_field(v, ptr, "name");
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      if (auto t = target_field(v, ptr, "append_to")) o.append_to = *t;
      assign(o.into);
      assign(o.append_to);
      op.data = std::move(o);
    } else if (name == "await") {
      F({"task", "into"}, {"task"});
      AwaitOp o;
      o.target = expr_field(v, ptr, "task").value_or(Expr{});
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      op.data = std::move(o);
    } else if (name == "gather") {
      F({"tasks", "calls", "return_exceptions", "into"}, {});
      GatherOp o;
      task_list(v, ptr, o.list, o.items);
      if (const JsonValue* calls = v.find("calls")) {
        const std::string cp = ptr_join(ptr, "calls");
        if (!calls->is_array()) {
          error(calls->pos, cp, "'calls' must be an array of {\"coro\", \"args\"} objects, found " + article(calls->type));
        } else {
          for (std::size_t i = 0; i < calls->array.size(); ++i) {
            const std::string ip = ptr_join(cp, i);
            if (!fields(calls->array[i], ip, {"coro", "args"}, {"coro"}, "a gather call")) continue;
            if (auto c = call_spec(calls->array[i], ip)) o.calls.push_back(std::move(*c));
          }
        }
      }
      if (!v.find("tasks") && !v.find("calls"))
        error(v.pos, ptr, "operation 'gather' needs 'tasks' or 'calls'");
      if (auto b = bool_field(v, ptr, "return_exceptions"); b && *b) o.return_exceptions = ReturnExceptions::yes;
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      op.data = std::move(o);
    } else if (name == "wait") {
      F({"tasks", "return_when", "timeout", "done", "pending"}, {"tasks"});
      WaitOp o;
      task_list(v, ptr, o.list, o.items);
      if (auto rw = string_field(v, ptr, "return_when")) {
        if (*rw == "FIRST_COMPLETED") o.return_when = WaitWhen::first_completed;
        else if (*rw == "FIRST_EXCEPTION") o.return_when = WaitWhen::first_exception;
        else if (*rw == "ALL_COMPLETED") o.return_when = WaitWhen::all_completed;
        else {
          std::string msg = "'return_when' must be FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED, found \"" + *rw + "\"";
          if (auto s = closest_match(*rw, {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"}))
            msg += " (did you mean '" + *s + "'?)";
          error(pos_of(v, "return_when"), ptr_join(ptr, "return_when"), msg);
        }
      }
      o.timeout = expr_field(v, ptr, "timeout");
      if (auto t = target_field(v, ptr, "done")) o.done = *t;
      if (auto t = target_field(v, ptr, "pending")) o.pending = *t;
      assign(o.done);
      assign(o.pending);
      op.data = std::move(o);
    } else if (name == "wait_for") {
      F({"task", "coro", "args", "timeout", "into"}, {"timeout"});
      WaitForOp o;
      if (v.find("task") && v.find("coro")) error(v.pos, ptr, "operation 'wait_for' takes either 'task' or 'coro', not both");
      else if (!v.find("task") && !v.find("coro")) error(v.pos, ptr, "operation 'wait_for' needs 'task' or 'coro'");
      if (v.find("coro")) o.call = call_spec(v, ptr);
      o.task = expr_field(v, ptr, "task");
      o.timeout = expr_field(v, ptr, "timeout").value_or(Expr{});
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      op.data = std::move(o);
    } else if (name == "timeout") {
      F({"seconds", "body"}, {"seconds", "body"});
      TimeoutOp o;
      o.seconds = expr_field(v, ptr, "seconds").value_or(Expr{});
      o.body = block_field(v, ptr, "body", depth);
      op.data = std::move(o);
    } else if (name == "cancel") {
      F({"task", "message", "into"}, {"task"});
      CancelOp o;
      o.task = expr_field(v, ptr, "task").value_or(Expr{});
      o.message = template_field(v, ptr, "message");
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      op.data = std::move(o);
    } else if (name == "try") {
      F({"body", "except", "else", "finally", "finally_py", "finally_cpp"}, {"body"});
      TryOp o;
      o.body = block_field(v, ptr, "body", depth);
      if (const JsonValue* ex = v.find("except")) {
        const std::string ep = ptr_join(ptr, "except");
        if (!ex->is_array()) {
          error(ex->pos, ep, "'except' must be an array of handlers, found " + article(ex->type));
        } else {
          for (std::size_t i = 0; i < ex->array.size(); ++i) {
            const JsonValue& h = ex->array[i];
            const std::string hp = ptr_join(ep, i);
            if (!fields(h, hp, {"type", "as", "body", "py", "cpp"}, {"body"}, "an except handler")) continue;
            ExceptClause c;
            lines_of(h, hp, c.lines);
            if (const JsonValue* t = h.find("type")) {
              std::vector<const JsonValue*> ts;
              if (t->is_string()) ts.push_back(t);
              else if (t->is_array()) for (const auto& e : t->array) ts.push_back(&e);
              else error(t->pos, ptr_join(hp, "type"), "'type' must be an exception type name or an array of them, found " + article(t->type));
              for (const JsonValue* tv : ts) {
                if (!tv->is_string()) {
                  error(tv->pos, ptr_join(hp, "type"), "an exception type must be a string, found " + article(tv->type));
                  continue;
                }
                if (!known_exception(*tv, ptr_join(hp, "type"))) continue;
                c.types.push_back(tv->string);
              }
            }
            if (auto a = target_field(h, hp, "as")) c.as = *a;
            assign(c.as);
            c.body = block_field(h, hp, "body", depth);
            o.handlers.push_back(std::move(c));
          }
        }
      }
      o.else_body = block_field(v, ptr, "else", depth);
      o.finally_body = block_field(v, ptr, "finally", depth);
      if (!v.find("except") && !v.find("finally"))
        error(v.pos, ptr, "operation 'try' needs 'except' or 'finally'");
      Lines fl;
      {
        // finally_py / finally_cpp tag the `finally:` line itself.
        JsonValue tags;
        tags.type = JsonType::object;
        if (const JsonValue* a = v.find("finally_py")) tags.object.push_back({"py", a->pos, *a});
        if (const JsonValue* b = v.find("finally_cpp")) tags.object.push_back({"cpp", b->pos, *b});
        lines_of(tags, ptr, fl);
      }
      o.finally_lines = fl;
      op.data = std::move(o);
    } else if (name == "raise") {
      F({"type", "message"}, {});
      RaiseOp o;
      if (const JsonValue* t = v.find("type")) {
        if (!t->is_string()) error(t->pos, ptr_join(ptr, "type"), "'type' must be a string, found " + article(t->type));
        else if (known_exception(*t, ptr_join(ptr, "type"))) o.type = t->string;
      }
      o.message = template_field(v, ptr, "message").value_or(Template{});
      op.data = std::move(o);
    } else if (name == "return") {
      F({"value"}, {});
      op.data = ReturnOp{expr_field(v, ptr, "value")};
    } else if (name == "set") {
      F({"var", "value"}, {"var", "value"});
      SetOp o;
      if (auto t = target_field(v, ptr, "var")) o.var = *t;
      o.value = expr_field(v, ptr, "value").value_or(Expr{});
      assign(o.var);
      op.data = std::move(o);
    } else if (name == "for") {
      F({"var", "start", "stop", "in", "body"}, {"var", "body"});
      ForOp o;
      if (auto t = target_field(v, ptr, "var")) o.var = *t;
      assign(o.var);
      o.start = expr_field(v, ptr, "start");
      o.stop = expr_field(v, ptr, "stop");
      o.in = expr_field(v, ptr, "in");
      if (v.find("in") && (v.find("start") || v.find("stop")))
        error(v.pos, ptr, "operation 'for' takes either 'in' or 'start'/'stop', not both");
      else if (!v.find("in") && !v.find("stop"))
        error(v.pos, ptr, "operation 'for' needs 'stop' (a counted loop) or 'in' (a list)");
      o.body = block_field(v, ptr, "body", depth);
      op.data = std::move(o);
    } else if (name == "if") {
      F({"cond", "then", "else", "else_py", "else_cpp"}, {"cond", "then"});
      IfOp o;
      o.cond = expr_field(v, ptr, "cond").value_or(Expr{});
      o.then_body = block_field(v, ptr, "then", depth);
      o.else_body = block_field(v, ptr, "else", depth);
      JsonValue tags;
      tags.type = JsonType::object;
      if (const JsonValue* a = v.find("else_py")) tags.object.push_back({"py", a->pos, *a});
      if (const JsonValue* b = v.find("else_cpp")) tags.object.push_back({"cpp", b->pos, *b});
      lines_of(tags, ptr, o.else_lines);
      op.data = std::move(o);
    } else if (name == "event_set" || name == "event_wait" || name == "event_clear") {
      F({"object"}, {"object"});
      EventOp o;
      o.action = name == "event_set" ? EventAction::set : name == "event_wait" ? EventAction::wait : EventAction::clear;
      o.object = object_ref(v, ptr, "object", {ObjectKind::event}, name).value_or("");
      op.data = std::move(o);
    } else if (name == "acquire" || name == "release") {
      F({"object"}, {"object"});
      LockOp o;
      o.action = name == "acquire" ? LockAction::acquire : LockAction::release;
      o.object = object_ref(v, ptr, "object", {ObjectKind::lock, ObjectKind::semaphore}, name).value_or("");
      op.data = std::move(o);
    } else if (name == "async_with") {
      F({"object", "body"}, {"object", "body"});
      AsyncWithOp o;
      o.object = object_ref(v, ptr, "object", {ObjectKind::lock, ObjectKind::semaphore}, name).value_or("");
      o.body = block_field(v, ptr, "body", depth);
      op.data = std::move(o);
    } else if (name == "queue_put") {
      F({"queue", "value", "nowait"}, {"queue", "value"});
      QueuePutOp o;
      o.queue = object_ref(v, ptr, "queue", {ObjectKind::queue}, name).value_or("");
      o.value = expr_field(v, ptr, "value").value_or(Expr{});
      if (auto b = bool_field(v, ptr, "nowait"); b && *b) o.nowait = Nowait::yes;
      op.data = std::move(o);
    } else if (name == "queue_get") {
      F({"queue", "into", "nowait"}, {"queue"});
      QueueGetOp o;
      o.queue = object_ref(v, ptr, "queue", {ObjectKind::queue}, name).value_or("");
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      if (auto b = bool_field(v, ptr, "nowait"); b && *b) o.nowait = Nowait::yes;
      op.data = std::move(o);
    } else if (name == "queue_task_done" || name == "queue_join") {
      F({"queue"}, {"queue"});
      QueueCtlOp o;
      o.action = name == "queue_join" ? QueueAction::join : QueueAction::task_done;
      o.queue = object_ref(v, ptr, "queue", {ObjectKind::queue}, name).value_or("");
      op.data = std::move(o);
    } else if (name == "to_thread") {
      F({"seconds", "label", "value", "into"}, {"seconds"});
      ToThreadOp o;
      o.seconds = expr_field(v, ptr, "seconds").value_or(Expr{});
      o.label = template_field(v, ptr, "label").value_or(Template{});
      o.value = expr_field(v, ptr, "value");
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      op.data = std::move(o);
    } else if (name == "http_get") {
      F({"path", "timeout", "into"}, {"path"});
      HttpGetOp o;
      if (auto p = template_field(v, ptr, "path")) {
        o.path = *p;
        // A path that starts with literal text must start with '/'; a computed one is checked
        // when the request is made.
        if (!p->pieces.empty() && !p->pieces[0].field.valid() && p->source[0] != '/')
          error(pos_of(v, "path"), ptr_join(ptr, "path"), "'path' must start with '/' (requests go to the program's own server)");
      }
      o.timeout = expr_field(v, ptr, "timeout");
      if (auto t = target_field(v, ptr, "into")) o.into = *t;
      assign(o.into);
      if (!m_ctx.has_server)
        error(v.pos, ptr, "operation 'http_get' needs a server: declare \"server\": {\"routes\": [...]} in the program");
      op.data = std::move(o);
    }
    if (errors.size() != errors_before) return std::nullopt;
    return op;
  }

  bool known_exception(const JsonValue& t, const std::string& ptr) {
    const auto& names = exception_type_names();
    if (std::find(names.begin(), names.end(), t.string) != names.end()) return true;
    std::string msg = "unknown exception type '" + t.string + "'";
    if (auto s = closest_match(t.string, names)) msg += " (did you mean '" + *s + "'?)";
    error(t.pos, ptr, msg);
    return false;
  }

  // ---- program -----------------------------------------------------------------------------
  std::vector<std::string> m_param_names;  // every param name of the current step

  Program program(const JsonValue& v, const std::string& ptr, const std::vector<Param>& params) {
    Program prog;
    if (!fields(v, ptr, {"entry", "coroutines", "objects", "server", "limits"}, {"coroutines"}, "program")) return prog;
    m_ctx.coroutines.clear();
    m_ctx.objects.clear();
    m_ctx.has_server = v.find("server") != nullptr;

    Scope globals;
    for (const auto& p : params) globals.names.insert(p.name);
    // A param with a bad range is still a name: do not report its uses as unknown too.
    globals.names.insert(m_param_names.begin(), m_param_names.end());

    // Objects first: ops refer to them.
    if (const JsonValue* objs = v.find("objects")) {
      const std::string op = ptr_join(ptr, "objects");
      if (!objs->is_object()) {
        error(objs->pos, op, "'objects' must be an object mapping names to declarations, found " + article(objs->type));
      } else {
        for (const auto& m : objs->object) {
          const std::string mp = ptr_join(op, m.key);
          if (!is_identifier(m.key)) {
            error(m.key_pos, mp, "object name \"" + m.key + "\" must be a variable name (letters, digits, _)");
            continue;
          }
          if (!fields(m.value, mp, {"type", "value", "maxsize"}, {"type"}, "object '" + m.key + "'")) continue;
          ObjectDecl d;
          d.name = m.key;
          auto t = string_field(m.value, mp, "type");
          if (!t) continue;
          if (*t == "Event") d.kind = ObjectKind::event;
          else if (*t == "Lock") d.kind = ObjectKind::lock;
          else if (*t == "Semaphore") d.kind = ObjectKind::semaphore;
          else if (*t == "Queue") d.kind = ObjectKind::queue;
          else {
            std::string msg = "unknown object type '" + *t + "' (expected Event, Lock, Semaphore or Queue)";
            if (auto s = closest_match(*t, {"Event", "Lock", "Semaphore", "Queue"})) msg = "unknown object type '" + *t + "' (did you mean '" + *s + "'?)";
            error(pos_of(m.value, "type"), ptr_join(mp, "type"), msg);
            continue;
          }
          const std::size_t before = m_pending_names.size();
          if (d.kind == ObjectKind::semaphore) d.value = expr_field(m.value, mp, "value").value_or(Expr::constant(std::int64_t{1}, "1"));
          else if (d.kind == ObjectKind::queue) d.value = expr_field(m.value, mp, "maxsize").value_or(Expr::constant(std::int64_t{0}, "0"));
          if (d.kind != ObjectKind::semaphore && m.value.find("value"))
            error(pos_of(m.value, "value"), ptr_join(mp, "value"), "'value' applies to a Semaphore only");
          if (d.kind != ObjectKind::queue && m.value.find("maxsize"))
            error(pos_of(m.value, "maxsize"), ptr_join(mp, "maxsize"), "'maxsize' applies to a Queue only");
          (void)before;
          if (globals.names.contains(d.name)) {
            error(m.key_pos, mp, "object '" + d.name + "' has the same name as a param");
            continue;
          }
          m_ctx.objects[d.name] = d.kind;
          prog.objects.push_back(std::move(d));
        }
      }
    }
    // Object initialisers may read params only.
    check_names(globals);
    for (const auto& [name, _] : m_ctx.objects) globals.names.insert(name);

    if (const JsonValue* s = v.find("server")) {
      const std::string sp = ptr_join(ptr, "server");
      if (fields(*s, sp, {"routes"}, {"routes"}, "server")) {
        Server server;
        const JsonValue* routes = s->find("routes");
        const std::string rp = ptr_join(sp, "routes");
        if (!routes) {
          // missing: already reported by fields()
        } else if (!routes->is_array()) {
          error(routes->pos, rp, "'routes' must be an array, found " + article(routes->type));
        } else {
          std::set<std::string> seen;
          for (std::size_t i = 0; i < routes->array.size(); ++i) {
            const JsonValue& r = routes->array[i];
            const std::string ip = ptr_join(rp, i);
            if (!fields(r, ip, {"path", "latency", "status", "body"}, {"path"}, "route")) continue;
            Route route;
            route.path = string_field(r, ip, "path", false).value_or("/");
            if (route.path.empty() || route.path[0] != '/')
              error(pos_of(r, "path"), ptr_join(ip, "path"), "a route's 'path' must start with '/'");
            if (!seen.insert(route.path).second)
              error(pos_of(r, "path"), ptr_join(ip, "path"), "duplicate route '" + route.path + "'");
            route.latency = expr_field(r, ip, "latency").value_or(Expr::constant(std::int64_t{0}, "0"));
            if (auto st = int_field(r, ip, "status", 100)) {
              if (*st > 599) error(pos_of(r, "status"), ptr_join(ip, "status"), "'status' must be an HTTP status between 100 and 599");
              else route.status = static_cast<int>(*st);
            }
            route.body = template_field(r, ip, "body").value_or(Template{});
            server.routes.push_back(std::move(route));
          }
        }
        check_names(globals);
        prog.server = std::move(server);
      }
    }

    if (const JsonValue* lim = v.find("limits")) {
      const std::string lp = ptr_join(ptr, "limits");
      if (fields(*lim, lp, {"max_tasks", "max_ops", "max_time", "max_output", "max_depth"}, {}, "limits")) {
        const Limits caps;
        auto cap_int = [&](const char* key, std::int64_t cap, std::int64_t& dst) {
          if (auto n = int_field(*lim, lp, key, 1)) {
            if (*n > cap) error(lim->find(key)->pos, ptr_join(lp, key), std::string("limit '") + key + "' may not exceed " + std::to_string(cap));
            else dst = *n;
          }
        };
        cap_int("max_tasks", caps.max_tasks, prog.limits.max_tasks);
        cap_int("max_ops", caps.max_ops, prog.limits.max_ops);
        cap_int("max_output", caps.max_output, prog.limits.max_output);
        cap_int("max_depth", caps.max_depth, prog.limits.max_depth);
        if (auto t = number_field(*lim, lp, "max_time")) {
          if (*t <= 0 || *t > caps.max_time)
            error(pos_of(*lim, "max_time"), ptr_join(lp, "max_time"), "limit 'max_time' must be > 0 and at most " + std::to_string(static_cast<int>(caps.max_time)));
          else prog.limits.max_time = *t;
        }
      }
    }

    const JsonValue* coros = v.find("coroutines");
    if (!coros) return prog;
    const std::string cp = ptr_join(ptr, "coroutines");
    if (!coros->is_object()) {
      error(coros->pos, cp, "'coroutines' must be an object mapping names to coroutines, found " + article(coros->type));
      return prog;
    }
    // Pass 1: names and parameters, so calls can be checked in any order.
    for (const auto& m : coros->object) {
      const std::string mp = ptr_join(cp, m.key);
      if (!is_identifier(m.key)) {
        error(m.key_pos, mp, "coroutine name \"" + m.key + "\" must be a function name (letters, digits, _)");
        continue;
      }
      std::vector<std::string> ps;
      if (m.value.is_object()) {
        if (const JsonValue* p = m.value.find("params")) {
          if (!p->is_array()) {
            error(p->pos, ptr_join(mp, "params"), "'params' must be an array of names, found " + article(p->type));
          } else {
            for (std::size_t i = 0; i < p->array.size(); ++i) {
              const JsonValue& e = p->array[i];
              if (!e.is_string() || !is_identifier(e.string)) {
                error(e.pos, ptr_join(ptr_join(mp, "params"), i), "a parameter must be a name (letters, digits, _)");
              } else if (std::find(ps.begin(), ps.end(), e.string) != ps.end()) {
                error(e.pos, ptr_join(ptr_join(mp, "params"), i), "duplicate parameter '" + e.string + "'");
              } else {
                ps.push_back(e.string);
              }
            }
          }
        }
      }
      m_ctx.coroutines[m.key] = ps;
    }
    // Pass 2: bodies.
    for (const auto& m : coros->object) {
      if (!m_ctx.coroutines.contains(m.key)) continue;
      const std::string mp = ptr_join(cp, m.key);
      if (!fields(m.value, mp, {"params", "body", "py", "cpp"}, {"body"}, "coroutine '" + m.key + "'")) continue;
      Coroutine c;
      c.name = m.key;
      c.params = m_ctx.coroutines[m.key];
      c.pos = m.value.pos;
      lines_of(m.value, mp, c.lines);
      m_scope = globals;
      for (const auto& p : c.params) m_scope.names.insert(p);
      if (const JsonValue* body = m.value.find("body")) c.body = block(*body, ptr_join(mp, "body"), "body", 1);
      check_names(m_scope);
      prog.coroutines.push_back(std::move(c));
    }
    if (auto e = string_field(v, ptr, "entry")) prog.entry = *e;
    if (!m_ctx.coroutines.contains(prog.entry)) {
      std::vector<std::string> names;
      for (const auto& [k, _] : m_ctx.coroutines) names.push_back(k);
      const JsonValue* ev = v.find("entry");
      std::string msg = "the entry coroutine '" + prog.entry + "' is not defined";
      if (auto s = closest_match(prog.entry, names)) msg += " (did you mean '" + *s + "'?)";
      error(ev ? ev->pos : coros->pos, ev ? ptr_join(ptr, "entry") : cp, msg);
    } else if (!m_ctx.coroutines[prog.entry].empty()) {
      error(coros->pos, cp, "the entry coroutine '" + prog.entry + "' must not take parameters");
    }
    return prog;
  }

  // ---- listings, params, expect, quiz ------------------------------------------------------
  void code(const JsonValue& v, const std::string& ptr, Step& step) {
    if (!fields(v, ptr, {"python", "cpp"}, {"python"}, "code")) return;
    if (const JsonValue* py = v.find("python"))
      if (auto l = lines_value(*py, ptr_join(ptr, "python"), "python")) step.python.lines = std::move(*l);
    const JsonValue* cpp = v.find("cpp");
    if (!cpp) return;
    const std::string cp = ptr_join(ptr, "cpp");
    if (cpp->is_object()) {
      if (!fields(*cpp, cp, {"file"}, {"file"}, "C++ listing")) return;
      auto f = string_field(*cpp, cp, "file", false);
      if (!f) return;
      if (f->find("..") != std::string::npos || (!f->empty() && (*f)[0] == '/')) {
        m_ctx.cpp_unavailable = true;
        error(pos_of(*cpp, "file"), ptr_join(cp, "file"), "'file' must be a relative path inside the project, such as \"examples/tasks.cpp\"");
        return;
      }
      auto text = m_files ? m_files(*f) : std::nullopt;
      if (!text) {
        m_ctx.cpp_unavailable = true;
        error(pos_of(*cpp, "file"), ptr_join(cp, "file"), "C++ listing file '" + *f + "' not found");
        return;
      }
      std::istringstream in(*text);
      std::string line;
      while (std::getline(in, line) && step.cpp.lines.size() < Limits::max_listing_lines) step.cpp.lines.push_back(line);
      step.cpp.file = *f;
      const AnchorMap anchors = map_anchors(step.python.lines, step.cpp.lines);
      for (const AnchorProblem& a : anchors.problems) {
        if (errors.size() >= 200) break;
        errors.push_back({*f, a.cpp_line, a.col, ptr_join(cp, "file"), a.message});
      }
      step.cpp.line_for_python = anchors.cpp_for_py;
    } else if (auto l = lines_value(*cpp, cp, "cpp")) {
      step.cpp.lines = std::move(*l);
    }
  }

  std::vector<Param> params(const JsonValue& v, const std::string& ptr) {
    std::vector<Param> out;
    if (!v.is_array()) {
      error(v.pos, ptr, "'params' must be an array, found " + article(v.type));
      return out;
    }
    for (std::size_t i = 0; i < v.array.size(); ++i) {
      const JsonValue& p = v.array[i];
      const std::string pp = ptr_join(ptr, i);
      if (!fields(p, pp, {"name", "label", "min", "max", "step", "default"}, {"name", "min", "max", "default"}, "param")) continue;
      const std::size_t before = errors.size();
      Param param;
      param.name = string_field(p, pp, "name").value_or("");
      if (!param.name.empty()) m_param_names.push_back(param.name);
      if (p.find("name") && p.find("name")->is_string() && !is_identifier(param.name))
        error(pos_of(p, "name"), ptr_join(pp, "name"), "param name \"" + param.name + "\" must be a variable name (letters, digits, _)");
      for (const auto& other : out)
        if (!param.name.empty() && other.name == param.name) error(pos_of(p, "name"), ptr_join(pp, "name"), "duplicate param '" + param.name + "'");
      param.label = string_field(p, pp, "label").value_or(param.name);
      param.min = number_field(p, pp, "min").value_or(0);
      param.max = number_field(p, pp, "max").value_or(0);
      param.step = number_field(p, pp, "step").value_or(1);
      param.value = number_field(p, pp, "default").value_or(param.min);
      if (errors.size() != before) continue;
      if (param.min > param.max)
        error(p.pos, pp, "param '" + param.name + "': min " + text_of(p, "min") + " is greater than max " + text_of(p, "max"));
      else if (param.value < param.min || param.value > param.max)
        error(pos_of(p, "default"), ptr_join(pp, "default"),
              "param '" + param.name + "': default " + text_of(p, "default") + " is outside [" + text_of(p, "min") + ", " +
                  text_of(p, "max") + "]");
      if (param.step <= 0) error(pos_of(p, "step"), ptr_join(pp, "step"), "param '" + param.name + "': step must be > 0");
      if (errors.size() == before) out.push_back(std::move(param));
    }
    return out;
  }

  Expect expect(const JsonValue& v, const std::string& ptr) {
    Expect e;
    e.pos = v.pos;
    e.output_pos = e.duration_pos = e.error_pos = e.warnings_pos = v.pos;
    if (!fields(v, ptr, {"output", "duration", "error", "warnings", "tolerance"}, {}, "expect")) return e;
    for (const auto& m : v.object) {
      if (m.key == "output") e.output_pos = m.key_pos;
      else if (m.key == "duration") e.duration_pos = m.key_pos;
      else if (m.key == "error") e.error_pos = m.key_pos;
      else if (m.key == "warnings") e.warnings_pos = m.key_pos;
    }
    if (const JsonValue* out = v.find("output")) {
      const std::string op = ptr_join(ptr, "output");
      if (!out->is_array()) {
        error(out->pos, op, "'output' must be an array of lines, found " + article(out->type));
      } else {
        std::vector<ExpectedLine> lines;
        for (std::size_t i = 0; i < out->array.size(); ++i) {
          const JsonValue& l = out->array[i];
          const std::string lp = ptr_join(op, i);
          if (l.is_string()) {
            lines.push_back({l.string, std::nullopt, std::nullopt, l.pos});
          } else if (l.is_object()) {
            if (!fields(l, lp, {"text", "t", "task"}, {"text"}, "an expected line")) continue;
            ExpectedLine el;
            el.text = string_field(l, lp, "text").value_or("");
            el.time = number_field(l, lp, "t");
            el.task = string_field(l, lp, "task");
            el.pos = l.pos;
            lines.push_back(std::move(el));
          } else {
            error(l.pos, lp, "an expected line must be a string or {\"text\", \"t\", \"task\"}, found " + article(l.type));
          }
        }
        e.output = std::move(lines);
      }
    }
    if (auto d = number_field(v, ptr, "duration")) {
      if (*d < 0) error(pos_of(v, "duration"), ptr_join(ptr, "duration"), "'duration' must be >= 0");
      e.duration = d;
    }
    e.error = string_field(v, ptr, "error");
    if (const JsonValue* w = v.find("warnings")) {
      if (auto l = lines_value(*w, ptr_join(ptr, "warnings"), "warnings")) {
        if (!w->is_array()) error(w->pos, ptr_join(ptr, "warnings"), "'warnings' must be an array of strings");
        else e.warnings = std::move(*l);
      }
    }
    if (auto t = number_field(v, ptr, "tolerance")) {
      if (*t < 0) error(pos_of(v, "tolerance"), ptr_join(ptr, "tolerance"), "'tolerance' must be >= 0");
      else e.tolerance = *t;
    }
    return e;
  }

  std::optional<Quiz> quiz(const JsonValue& v, const std::string& ptr) {
    if (!fields(v, ptr, {"question", "kind", "options", "answer", "explanation"}, {"question", "options", "answer"}, "quiz"))
      return std::nullopt;
    const std::size_t before = errors.size();
    Quiz q;
    q.question = string_field(v, ptr, "question").value_or("");
    q.explanation = string_field(v, ptr, "explanation").value_or("");
    if (auto k = string_field(v, ptr, "kind")) {
      if (*k == "choice") q.kind = QuizKind::choice;
      else if (*k == "order") q.kind = QuizKind::order;
      else error(pos_of(v, "kind"), ptr_join(ptr, "kind"), "quiz 'kind' must be \"choice\" or \"order\", found \"" + *k + "\"");
    }
    if (const JsonValue* o = v.find("options")) {
      if (auto l = lines_value(*o, ptr_join(ptr, "options"), "options")) {
        if (!o->is_array()) error(o->pos, ptr_join(ptr, "options"), "'options' must be an array of strings");
        else q.options = std::move(*l);
      }
      if (o->is_array() && o->array.size() < 2) error(o->pos, ptr_join(ptr, "options"), "a quiz needs at least 2 options");
    }
    const JsonValue* a = v.find("answer");
    const std::string ap = ptr_join(ptr, "answer");
    const auto n = static_cast<std::int64_t>(q.options.size());
    if (a && errors.size() == before) {
      if (q.kind == QuizKind::choice) {
        if (!a->is_number() || !a->is_integer) error(a->pos, ap, "a choice quiz's 'answer' must be the index (from 0) of the right option");
        else if (a->number < 0 || a->number >= static_cast<double>(n))
          error(a->pos, ap, "'answer' " + a->string + " is not an option index (0.." + std::to_string(n - 1) + ")");
        else q.answer = {static_cast<int>(a->number)};
      } else {
        std::vector<int> perm;
        bool ok = a->is_array();
        if (ok)
          for (const auto& e : a->array) {
            if (!e.is_number() || !e.is_integer || e.number < 0 || e.number >= static_cast<double>(n)) ok = false;
            else perm.push_back(static_cast<int>(e.number));
          }
        std::vector<int> sorted = perm;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; ok && i < sorted.size(); ++i)
          if (sorted[i] != static_cast<int>(i)) ok = false;
        if (!ok || static_cast<std::int64_t>(perm.size()) != n)
          error(a->pos, ap, "an order quiz's 'answer' must list every option index exactly once, in the right order");
        else q.answer = perm;
      }
    }
    if (errors.size() != before) return std::nullopt;
    return q;
  }

  // ---- exercise ----------------------------------------------------------------------------
  std::optional<Exercise> exercise(const JsonValue& v, const std::string& ptr) {
    if (!fields(v, ptr, {"goal", "check", "hints", "solution"}, {"goal", "check", "solution"}, "exercise"))
      return std::nullopt;
    const std::size_t before = errors.size();
    Exercise x;
    if (const JsonValue* g = v.find("goal"))
      if (auto l = lines_value(*g, ptr_join(ptr, "goal"), "goal"))
        for (std::size_t i = 0; i < l->size(); ++i) x.goal += (i ? "\n" : "") + (*l)[i];
    if (const JsonValue* h = v.find("hints")) {
      const std::string hp = ptr_join(ptr, "hints");
      if (!h->is_array()) error(h->pos, hp, "'hints' must be an array of strings, found " + article(h->type));
      else
        for (std::size_t i = 0; i < h->array.size(); ++i) {
          if (h->array[i].is_string()) x.hints.push_back(h->array[i].string);
          else error(h->array[i].pos, ptr_join(hp, i), "a hint must be a string, found " + article(h->array[i].type));
        }
    }
    if (const JsonValue* s = v.find("solution"))
      if (auto l = lines_value(*s, ptr_join(ptr, "solution"), "solution")) x.solution = std::move(*l);
    if (const JsonValue* c = v.find("check")) {
      const std::string cp = ptr_join(ptr, "check");
      if (fields(*c, cp, {"output", "max_duration", "max_tasks_alive", "no_blocking", "uses"}, {}, "an exercise check")) {
        if (const JsonValue* o = c->find("output"))
          if (auto l = lines_value(*o, ptr_join(cp, "output"), "output")) x.check.output = std::move(*l);
        if (auto d = number_field(*c, cp, "max_duration")) {
          if (*d <= 0) error(pos_of(*c, "max_duration"), ptr_join(cp, "max_duration"), "'max_duration' must be > 0 seconds");
          x.check.max_duration = *d;
        }
        if (auto n = number_field(*c, cp, "max_tasks_alive")) {
          if (*n < 1 || *n != std::floor(*n))
            error(pos_of(*c, "max_tasks_alive"), ptr_join(cp, "max_tasks_alive"), "'max_tasks_alive' must be a whole number >= 1");
          x.check.max_tasks_alive = static_cast<int>(*n);
        }
        if (auto b = bool_field(*c, cp, "no_blocking")) x.check.no_blocking = *b;
        if (const JsonValue* u = c->find("uses"))
          if (auto l = lines_value(*u, ptr_join(cp, "uses"), "uses")) x.check.uses = std::move(*l);
        if (!x.check.output && !x.check.max_duration && !x.check.max_tasks_alive && !x.check.no_blocking &&
            x.check.uses.empty())
          error(c->pos, cp, "an exercise check needs at least one of output, max_duration, max_tasks_alive, no_blocking, uses");
      }
    }
    if (errors.size() != before) return std::nullopt;
    return x;
  }

  // ---- step and lesson ---------------------------------------------------------------------
  std::optional<Step> step(const JsonValue& v, const std::string& ptr) {
    if (!fields(v, ptr, {"title", "text", "code", "program", "params", "expect", "quiz", "clock", "exercise"},
                {"title", "text", "code", "program"}, "step"))
      return std::nullopt;
    Step s;
    s.pos = v.pos;
    s.pointer = ptr;
    s.expect.pos = s.expect.output_pos = s.expect.duration_pos = s.expect.error_pos = s.expect.warnings_pos = v.pos;
    s.title = string_field(v, ptr, "title", false).value_or("");
    if (const JsonValue* t = v.find("text")) {
      if (auto l = lines_value(*t, ptr_join(ptr, "text"), "text")) {
        for (std::size_t i = 0; i < l->size(); ++i) s.text += (i ? "\n" : "") + (*l)[i];
      }
    }
    m_ctx.cpp_unavailable = false;
    if (const JsonValue* c = v.find("code")) code(*c, ptr_join(ptr, "code"), s);
    m_ctx.py_lines = s.python.lines.size();
    m_ctx.cpp_lines = s.cpp.lines.size();
    if (auto c = string_field(v, ptr, "clock")) {
      if (*c == "virtual") s.clock = ClockKind::virtual_time;
      else if (*c == "real") s.clock = ClockKind::real_time;
      else error(pos_of(v, "clock"), ptr_join(ptr, "clock"), "'clock' must be \"virtual\" or \"real\", found \"" + *c + "\"");
    }
    m_param_names.clear();
    if (const JsonValue* p = v.find("params")) s.params = params(*p, ptr_join(ptr, "params"));
    if (const JsonValue* p = v.find("program")) s.program = program(*p, ptr_join(ptr, "program"), s.params);
    if (const JsonValue* e = v.find("expect")) s.expect = expect(*e, ptr_join(ptr, "expect"));
    if (const JsonValue* q = v.find("quiz")) s.quiz = quiz(*q, ptr_join(ptr, "quiz"));
    if (const JsonValue* x = v.find("exercise")) s.exercise = exercise(*x, ptr_join(ptr, "exercise"));
    return s;
  }

  std::optional<Lesson> lesson(const JsonValue& v) {
    if (!fields(v, "", {"$schema", "id", "title", "summary", "order", "prerequisites", "steps"},
                {"id", "title", "summary", "order", "steps"}, "lesson"))
      return std::nullopt;
    Lesson l;
    if (auto id = string_field(v, "", "id", false)) {
      bool ok = id->size() <= 64;
      for (char c : *id)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-')) ok = false;
      if (!ok || (*id)[0] == '-')
        error(pos_of(v, "id"), "/id", "'id' must use lowercase letters, digits and '-', such as \"event-loop\"");
      l.id = *id;
      l.id_pos = pos_of(v, "id");
    }
    l.title = string_field(v, "", "title", false).value_or("");
    l.summary = string_field(v, "", "summary").value_or("");
    l.order = static_cast<int>(int_field(v, "", "order").value_or(0));
    if (const JsonValue* p = v.find("prerequisites")) {
      if (!p->is_array()) {
        error(p->pos, "/prerequisites", "'prerequisites' must be an array of lesson ids, found " + article(p->type));
      } else {
        for (std::size_t i = 0; i < p->array.size(); ++i) {
          if (!p->array[i].is_string()) error(p->array[i].pos, ptr_join("/prerequisites", i), "a prerequisite must be a lesson id (a string)");
          else {
            l.prerequisites.push_back(p->array[i].string);
            l.prerequisite_pos.push_back(p->array[i].pos);
          }
        }
      }
    }
    if (const JsonValue* s = v.find("steps")) {
      if (!s->is_array()) {
        error(s->pos, "/steps", "'steps' must be an array, found " + article(s->type));
      } else if (s->array.empty()) {
        error(s->pos, "/steps", "a lesson needs at least one step");
      } else {
        for (std::size_t i = 0; i < s->array.size(); ++i)
          if (auto st = step(s->array[i], ptr_join("/steps", i))) l.steps.push_back(std::move(*st));
      }
    }
    return l;
  }

private:
  std::string m_file;
  FileReader m_files;
};

}  // namespace

// ---- entry point ---------------------------------------------------------------------------
LoadResult detail::validate_lesson(const JsonValue& root, const std::string& filename, const FileReader& files) {
  Checker c(filename, files);
  LoadResult r;
  auto lesson = c.lesson(root);
  r.errors = std::move(c.errors);
  std::stable_sort(r.errors.begin(), r.errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.col < b.col;
  });
  if (r.errors.empty() && lesson) {
    r.lesson = std::move(lesson);
  } else if (lesson && !c.capped) {
    // Every problem of a step is reported under its pointer; a step without any is complete.
    std::erase_if(lesson->steps, [&](const Step& s) {
      return std::any_of(r.errors.begin(), r.errors.end(), [&](const Diagnostic& d) {
        return d.pointer == s.pointer || d.pointer.starts_with(s.pointer + "/");
      });
    });
    if (!lesson->steps.empty()) {
      lesson->path = filename;
      r.clean_steps = std::move(lesson);
    }
  }
  return r;
}

}  // namespace loopscope::lesson
