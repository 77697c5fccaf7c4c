// value.cpp — Python-like printing and formatting of program values (see value.hpp).
//
// Sections: Value · str and repr · format specs · equality · errors
#include "lesson/value.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace loopscope::lesson {

// ---- Value ---------------------------------------------------------------------------------
Value Value::list(std::vector<Value> items) {
  auto l = std::make_shared<ListValue>();
  l->items = std::move(items);
  return Value(std::move(l));
}

double Value::as_double() const {
  if (auto* i = get_if<std::int64_t>()) return static_cast<double>(*i);
  if (auto* d = get_if<double>()) return *d;
  if (auto* b = get_if<bool>()) return *b ? 1 : 0;
  throw ProgramError("TypeError", "expected a number, got " + type_name());
}

bool Value::truthy() const {
  return std::visit(
      [](const auto& x) -> bool {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, NoneValue>) return false;
        else if constexpr (std::is_same_v<T, bool>) return x;
        else if constexpr (std::is_same_v<T, std::int64_t>) return x != 0;
        else if constexpr (std::is_same_v<T, double>) return x != 0.0;
        else if constexpr (std::is_same_v<T, std::string>) return !x.empty();
        else if constexpr (std::is_same_v<T, std::shared_ptr<ListValue>>) return !x->items.empty();
        else return true;
      },
      m_data);
}

std::string Value::type_name() const {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, NoneValue>) return "NoneType";
        else if constexpr (std::is_same_v<T, bool>) return "bool";
        else if constexpr (std::is_same_v<T, std::int64_t>) return "int";
        else if constexpr (std::is_same_v<T, double>) return "float";
        else if constexpr (std::is_same_v<T, std::string>) return "str";
        else if constexpr (std::is_same_v<T, std::shared_ptr<ListValue>>) return "list";
        else if constexpr (std::is_same_v<T, TaskValue>) return "Task";
        else if constexpr (std::is_same_v<T, std::shared_ptr<CoroValue>>) return "coroutine";
        else if constexpr (std::is_same_v<T, std::shared_ptr<ResponseValue>>) return "ClientResponse";
        else if constexpr (std::is_same_v<T, ExceptionValue>) return x.type;
        else if constexpr (std::is_same_v<T, ObjectValue>) return "object";
        else return "type";
      },
      m_data);
}

// ---- str and repr --------------------------------------------------------------------------
std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[40];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  // Python switches to exponent notation at 1e16 and below 1e-4; %g at the precision's size.
  const auto e = s.find('e');
  if (e != std::string::npos) {
    std::string mant = s.substr(0, e);
    int exp = std::atoi(s.c_str() + e + 1);
    if (exp >= -4 && exp < 16) {
      // Re-derive a plain decimal with the fewest digits that round-trips.
      for (int prec = 0; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*f", prec, d);
        if (std::strtod(buf, nullptr) == d) break;
      }
      s = buf;
    } else {
      char eb[16];
      std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
      return mant + eb;
    }
  }
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

namespace {
std::string quote_str(const std::string& s) {
  const bool use_double = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
  const char q = use_double ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    if (c == q || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  out += q;
  return out;
}
}  // namespace

std::string to_repr(const Value& v) {
  if (auto* s = v.get_if<std::string>()) return quote_str(*s);
  if (auto* e = v.get_if<ExceptionValue>()) return e->type + "(" + (e->message.empty() ? "" : quote_str(e->message)) + ")";
  return to_str(v);
}

std::string to_str(const Value& v) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, NoneValue>) return "None";
        else if constexpr (std::is_same_v<T, bool>) return x ? "True" : "False";
        else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(x);
        else if constexpr (std::is_same_v<T, double>) return float_repr(x);
        else if constexpr (std::is_same_v<T, std::string>) return x;
        else if constexpr (std::is_same_v<T, std::shared_ptr<ListValue>>) {
          std::string out = "[";
          for (std::size_t i = 0; i < x->items.size(); ++i) out += (i ? ", " : "") + to_repr(x->items[i]);
          return out + "]";
        } else if constexpr (std::is_same_v<T, TaskValue>) return "<Task " + (x.task ? x.task.name() : std::string("?")) + ">";
        else if constexpr (std::is_same_v<T, std::shared_ptr<CoroValue>>) return "<coroutine object>";
        else if constexpr (std::is_same_v<T, std::shared_ptr<ResponseValue>>) return "<ClientResponse " + std::to_string(x->status) + ">";
        else if constexpr (std::is_same_v<T, ExceptionValue>) return x.message;
        else if constexpr (std::is_same_v<T, ObjectValue>) return "<object>";
        else return "<class '" + x.name + "'>";
      },
      v.data());
}

// ---- format specs --------------------------------------------------------------------------
std::string format_value(const Value& v, std::string_view spec) {
  if (spec.empty()) return to_str(v);
  char fill = ' ';
  char align = 0;
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
  if (spec.size() >= 2 && is_align(spec[1])) {
    fill = spec[0];
    align = spec[1];
    i = 2;
  } else if (is_align(spec[0])) {
    align = spec[0];
    i = 1;
  }
  int width = 0;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width = width * 10 + (spec[i++] - '0');
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    precision = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) precision = precision * 10 + (spec[i++] - '0');
  }
  const char type = i < spec.size() ? spec[i] : 0;
  std::string body;
  const bool numeric = v.is_number() && !v.is<bool>();
  char buf[128];
  if (type == 'f' || type == '%' || (type == 0 && precision >= 0 && numeric)) {
    double d = v.as_double();
    if (type == '%') d *= 100;
    std::snprintf(buf, sizeof buf, type == 0 ? "%.*g" : "%.*f", precision < 0 ? 6 : precision, d);
    body = buf;
    if (type == '%') body += '%';
  } else if (type == 'g') {
    std::snprintf(buf, sizeof buf, "%.*g", precision < 0 ? 6 : precision, v.as_double());
    body = buf;
  } else if (type == 'd') {
    if (!v.is<std::int64_t>() && !v.is<bool>())
      throw ProgramError("ValueError", "Unknown format code 'd' for object of type '" + v.type_name() + "'");
    body = std::to_string(static_cast<std::int64_t>(v.as_double()));
  } else {
    body = to_str(v);
    if (precision >= 0 && !numeric && static_cast<int>(body.size()) > precision) body.resize(static_cast<std::size_t>(precision));
  }
  if (static_cast<int>(body.size()) < width) {
    const std::size_t pad = static_cast<std::size_t>(width) - body.size();
    if (align == 0) align = numeric ? '>' : '<';
    if (align == '<') body += std::string(pad, fill);
    else if (align == '>') body = std::string(pad, fill) + body;
    else body = std::string(pad / 2, fill) + body + std::string(pad - pad / 2, fill);
  }
  return body;
}

// ---- equality ------------------------------------------------------------------------------
bool values_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.as_double() == b.as_double();
  if (auto* s = a.get_if<std::string>()) {
    auto* t = b.get_if<std::string>();
    return t && *s == *t;
  }
  if (a.is_none() || b.is_none()) return a.is_none() && b.is_none();
  if (auto* l = a.get_if<std::shared_ptr<ListValue>>()) {
    auto* m = b.get_if<std::shared_ptr<ListValue>>();
    if (!m) return false;
    if ((*l)->items.size() != (*m)->items.size()) return false;
    for (std::size_t i = 0; i < (*l)->items.size(); ++i)
      if (!values_equal((*l)->items[i], (*m)->items[i])) return false;
    return true;
  }
  if (auto* t = a.get_if<TaskValue>()) {
    auto* u = b.get_if<TaskValue>();
    return u && t->task == u->task;
  }
  if (auto* o = a.get_if<ObjectValue>()) {
    auto* p = b.get_if<ObjectValue>();
    return p && o->slot == p->slot;
  }
  if (auto* t = a.get_if<TypeValue>()) {
    auto* u = b.get_if<TypeValue>();
    return u && t->name == u->name;
  }
  return false;
}

// ---- errors --------------------------------------------------------------------------------
ExceptionValue describe_error(std::exception_ptr e) {
  ExceptionValue out;
  out.error = e;
  try {
    std::rethrow_exception(e);
  } catch (const ProgramError& p) {
    out.type = p.type();
    out.message = p.message();
  } catch (const EngineError& p) {
    out.type = p.type_name();
    out.message = p.message();
  } catch (const ExceptionGroup& g) {
    out.type = "ExceptionGroup";
    out.message = g.message();
  } catch (const NamedError& n) {
    out.type = n.type_name();
    out.message = describe_exception(e);
  } catch (const std::exception& x) {
    out.type = exception_type_name(e);
    out.message = x.what();
  } catch (...) {
    out.type = "Exception";
  }
  return out;
}

}  // namespace loopscope::lesson
