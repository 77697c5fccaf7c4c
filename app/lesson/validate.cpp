// validate.cpp — JSON tree -> Lesson, reporting every problem (see detail/validate.hpp).
//
// Every object of the format has one row in the members table (its allowed and required
// members); the Checker reads each object's members against its row, then its values.
//
// Sections: members · Checker basics · values · listings, params, expect, quiz · exercise ·
//           server · step and lesson · entry point
#include "lesson/detail/validate.hpp"

#include "lesson/cpp_anchors.hpp"
#include "lesson/python_check.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace loopscope::lesson {

namespace {

// ---- members -------------------------------------------------------------------------------
struct Members {
  const char* what;                   // as messages name it: "step", "route"
  std::vector<std::string> allowed;
  std::vector<std::string> required;
};

enum class Shape : std::uint8_t { lesson, step, code, cpp_file, param, expect, expected_line, quiz, exercise, exercise_check, server, route };

const Members& members(Shape s) {
  static const std::map<Shape, Members> table = {
      {Shape::lesson, {"lesson", {"$schema", "id", "title", "summary", "order", "prerequisites", "steps"}, {"id", "title", "summary", "order", "steps"}}},
      {Shape::step, {"step", {"title", "text", "code", "server", "params", "expect", "quiz", "clock", "exercise", "ghost"}, {"title", "text", "code"}}},
      {Shape::code, {"code", {"python", "cpp"}, {"python"}}},
      {Shape::cpp_file, {"C++ listing", {"file"}, {"file"}}},
      {Shape::param, {"param", {"name", "label", "min", "max", "step", "default"}, {"name", "min", "max", "default"}}},
      {Shape::expect, {"expect", {"output", "duration", "error", "warnings", "tolerance"}, {}}},
      {Shape::expected_line, {"an expected line", {"text", "t", "task"}, {"text"}}},
      {Shape::quiz, {"quiz", {"question", "kind", "options", "answer", "explanation"}, {"question", "options", "answer"}}},
      {Shape::exercise, {"exercise", {"goal", "check", "hints", "solution"}, {"goal", "check", "solution"}}},
      {Shape::exercise_check, {"an exercise check", {"output", "max_duration", "max_tasks_alive", "no_blocking", "uses"}, {}}},
      {Shape::server, {"server", {"routes"}, {"routes"}}},
      {Shape::route, {"route", {"path", "latency", "status", "body"}, {"path"}}},
  };
  return table.at(s);
}

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

  // Reports members not in the shape's allowed ones (with "did you mean"), and missing required
  // ones. Returns false when `v` is not an object (already reported).
  bool fields(const JsonValue& v, const std::string& ptr, Shape shape) {
    const Members& m = members(shape);
    return fields(v, ptr, m.allowed, m.required, m.what);
  }
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
      if (m.key == "program" && what == "step")  // the retired first format
        msg += " (the Python listing, code.python, is the program; an HTTP step's routes go in the step's 'server')";
      else if (auto s = closest_match(m.key, allowed)) msg += " (did you mean '" + *s + "'?)";
      error(m.key_pos, ptr_join(ptr, m.key), msg);
    }
    for (const auto& r : required)
      if (!v.find(r)) error(v.pos, ptr, "missing required field '" + r + "' in " + std::string(what));
    return true;
  }

  // ---- values ----------------------------------------------------------------------------
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
  // `where` (optional) receives where each line is written.
  std::optional<std::vector<std::string>> lines_value(const JsonValue& v, const std::string& ptr, std::string_view key,
                                                      std::vector<SourcePos>* where = nullptr) {
    std::vector<std::string> out;
    if (where) where->clear();
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
      if (where) where->assign(out.size(), v.pos);
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
        if (where) where->push_back({e.pos.line, e.pos.col + 1});  // past the opening quote
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  // A Python listing (a step's code, an exercise's solution) must parse and stay within the
  // subset the runtime runs: its first problem is reported at the listing line it is on.
  void python_listing(const Listing& l, const std::string& ptr) {
    const auto problem = python_problem(l.lines);
    if (!problem) return;
    SourcePos at{0, 0};
    std::string pointer = ptr;
    const auto line = static_cast<std::size_t>(problem->line);
    if (line >= 1 && line <= l.line_pos.size()) {
      at = l.line_pos[line - 1];
      if (l.exact_pos) {
        at.col += problem->col - 1;
        pointer = ptr_join(ptr, line - 1);
      }
    }
    error(at, pointer, "Python listing line " + std::to_string(problem->line) + ": " + problem->message);
  }

  // ---- listings, params, expect, quiz ------------------------------------------------------
  void code(const JsonValue& v, const std::string& ptr, Step& step) {
    if (!fields(v, ptr, Shape::code)) return;
    if (const JsonValue* py = v.find("python")) {
      if (auto l = lines_value(*py, ptr_join(ptr, "python"), "python", &step.python.line_pos)) {
        step.python.lines = std::move(*l);
        step.python.exact_pos = py->is_array();
        python_listing(step.python, ptr_join(ptr, "python"));
      }
    }
    const JsonValue* cpp = v.find("cpp");
    if (!cpp) return;
    const std::string cp = ptr_join(ptr, "cpp");
    if (cpp->is_object()) {
      if (!fields(*cpp, cp, Shape::cpp_file)) return;
      auto f = string_field(*cpp, cp, "file", false);
      if (!f) return;
      if (f->find("..") != std::string::npos || (!f->empty() && (*f)[0] == '/')) {
        
        error(pos_of(*cpp, "file"), ptr_join(cp, "file"), "'file' must be a relative path inside the project, such as \"examples/tasks.cpp\"");
        return;
      }
      auto text = m_files ? m_files(*f) : std::nullopt;
      if (!text) {
        
        error(pos_of(*cpp, "file"), ptr_join(cp, "file"), "C++ listing file '" + *f + "' not found");
        return;
      }
      std::istringstream in(*text);
      std::string line;
      while (std::getline(in, line) && step.cpp.lines.size() < max_listing_lines) step.cpp.lines.push_back(line);
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
      if (!fields(p, pp, Shape::param)) continue;
      const std::size_t before = errors.size();
      Param param;
      param.name = string_field(p, pp, "name").value_or("");
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
    if (!fields(v, ptr, Shape::expect)) return e;
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
            if (!fields(l, lp, Shape::expected_line)) continue;
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
    if (!fields(v, ptr, Shape::quiz))
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
    if (!fields(v, ptr, Shape::exercise))
      return std::nullopt;
    const std::size_t before = errors.size();
    Exercise x;
    x.pos = v.pos;
    x.solution_pos = pos_of(v, "solution");
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
    if (const JsonValue* s = v.find("solution")) {
      Listing l;
      if (auto lines = lines_value(*s, ptr_join(ptr, "solution"), "solution", &l.line_pos)) {
        l.lines = std::move(*lines);
        l.exact_pos = s->is_array();
        python_listing(l, ptr_join(ptr, "solution"));
        x.solution = std::move(l.lines);
      }
    }
    if (const JsonValue* c = v.find("check")) {
      const std::string cp = ptr_join(ptr, "check");
      if (fields(*c, cp, Shape::exercise_check)) {
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

  // ---- server ------------------------------------------------------------------------------
  // `"server": {"routes": [{"path", "latency", "status", "body"}]}`; latency is seconds or the
  // name of one of the step's params.
  std::optional<Server> server(const JsonValue& v, const std::string& ptr, const std::vector<Param>& params) {
    if (!fields(v, ptr, Shape::server)) return std::nullopt;
    const JsonValue* routes = v.find("routes");
    if (!routes) return std::nullopt;  // reported by fields()
    const std::string rp = ptr_join(ptr, "routes");
    if (!routes->is_array()) {
      error(routes->pos, rp, "'routes' must be an array of routes, found " + article(routes->type));
      return std::nullopt;
    }
    Server out;
    std::vector<std::string> names;
    for (const auto& p : params) names.push_back(p.name);
    for (std::size_t i = 0; i < routes->array.size(); ++i) {
      const JsonValue& r = routes->array[i];
      const std::string ip = ptr_join(rp, i);
      if (!fields(r, ip, Shape::route)) continue;
      Route route;
      route.pos = r.pos;
      route.path = string_field(r, ip, "path", false).value_or("/");
      if (route.path.empty() || route.path[0] != '/')
        error(pos_of(r, "path"), ptr_join(ip, "path"), "a route's 'path' must start with '/', found \"" + route.path + "\"");
      for (const auto& other : out.routes)
        if (other.path == route.path) error(pos_of(r, "path"), ptr_join(ip, "path"), "duplicate route '" + route.path + "'");
      if (const JsonValue* l = r.find("latency")) {
        const std::string lp = ptr_join(ip, "latency");
        if (l->is_number()) {
          if (!(l->number >= 0) || l->number > 3600) error(l->pos, lp, "'latency' must be between 0 and 3600 seconds, found " + l->string);
          else route.latency = l->number;
        } else if (l->is_string()) {
          if (std::find(names.begin(), names.end(), l->string) != names.end()) {
            route.latency_param = l->string;
          } else {
            std::string msg = "'latency' names an unknown param '" + l->string + "'";
            if (auto s = closest_match(l->string, names)) msg += " (did you mean '" + *s + "'?)";
            else if (names.empty()) msg += " (this step has no params)";
            error(l->pos, lp, msg);
          }
        } else {
          error(l->pos, lp, "'latency' must be a number of seconds or the name of a param, found " + article(l->type));
        }
      }
      if (auto st = int_field(r, ip, "status", 100)) {
        if (*st > 599) error(pos_of(r, "status"), ptr_join(ip, "status"), "'status' must be an HTTP status between 100 and 599, found " + text_of(r, "status"));
        else route.status = static_cast<int>(*st);
      }
      route.body = string_field(r, ip, "body").value_or("");
      out.routes.push_back(std::move(route));
    }
    return out;
  }

  // ---- step and lesson ---------------------------------------------------------------------
  std::optional<Step> step(const JsonValue& v, const std::string& ptr) {
    if (!fields(v, ptr, Shape::step))
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
    if (const JsonValue* c = v.find("code")) code(*c, ptr_join(ptr, "code"), s);
    if (auto c = string_field(v, ptr, "clock")) {
      if (*c == "virtual") s.clock = ClockKind::virtual_time;
      else if (*c == "real") s.clock = ClockKind::real_time;
      else error(pos_of(v, "clock"), ptr_join(ptr, "clock"), "'clock' must be \"virtual\" or \"real\", found \"" + *c + "\"");
    }
    if (const JsonValue* p = v.find("params")) s.params = params(*p, ptr_join(ptr, "params"));
    if (const JsonValue* sv = v.find("server")) s.server = server(*sv, ptr_join(ptr, "server"), s.params);
    if (const JsonValue* e = v.find("expect")) s.expect = expect(*e, ptr_join(ptr, "expect"));
    if (const JsonValue* q = v.find("quiz")) s.quiz = quiz(*q, ptr_join(ptr, "quiz"));
    if (const JsonValue* x = v.find("exercise")) s.exercise = exercise(*x, ptr_join(ptr, "exercise"));
    s.ghost_pos = pos_of(v, "ghost");
    if (auto g = int_field(v, ptr, "ghost", 1)) s.ghost = static_cast<int>(std::min<std::int64_t>(*g, 1'000'000));
    return s;
  }

  // A step's `ghost` names another step of the lesson (1-based); `index` is the step's own.
  void ghost(Step& st, std::size_t index, std::size_t count) {
    if (st.ghost == 0) return;
    const std::string gp = ptr_join(st.pointer, "ghost");
    const auto n = static_cast<std::size_t>(st.ghost);
    if (n > count) {
      error(st.ghost_pos, gp, "'ghost' must name another step of the lesson (1 to " + std::to_string(count) +
                                  "), found " + std::to_string(st.ghost));
      st.ghost = 0;
    } else if (n == index + 1) {
      error(st.ghost_pos, gp, "'ghost' must name another step, not the step itself (step " + std::to_string(n) + ")");
      st.ghost = 0;
    }
  }

  std::optional<Lesson> lesson(const JsonValue& v) {
    if (!fields(v, "", Shape::lesson))
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
          if (auto st = step(s->array[i], ptr_join("/steps", i))) {
            ghost(*st, i, s->array.size());
            l.steps.push_back(std::move(*st));
          }
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
    // A ghost keeps naming the same step (renumbered), or none when that step was dropped.
    for (Step& s : lesson->steps) {
      if (s.ghost == 0) continue;
      const std::string target = "/steps/" + std::to_string(s.ghost - 1);
      auto it = std::find_if(lesson->steps.begin(), lesson->steps.end(), [&](const Step& o) { return o.pointer == target; });
      s.ghost = it == lesson->steps.end() ? 0 : static_cast<int>(it - lesson->steps.begin()) + 1;
    }
    if (!lesson->steps.empty()) {
      lesson->path = filename;
      r.clean_steps = std::move(lesson);
    }
  }
  return r;
}

}  // namespace loopscope::lesson
