// builtins.cpp — Python's built-in functions and the constructors of the built-in types.
//
// Sections: helpers · constructors · functions · installation
#include "python/runtime/args.hpp"
#include "python/runtime/runtime.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace loopscope::python {

namespace {
// ---- helpers ---------------------------------------------------------------------------------
Value iterator_of(std::vector<Value> items, std::string type) {
  auto it = make<IteratorObject>();
  it->type_name = std::move(type);
  std::size_t i = 0;
  it->next = [items = std::move(items), i]() mutable -> std::optional<Value> {
    if (i >= items.size()) return std::nullopt;
    return items[i++];
  };
  return Value(it);
}

std::string strip_ws(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\n\r\f\v");
  return s.substr(b, e - b + 1);
}

Value parse_int(const std::string& text, int base) {
  std::string s = strip_ws(text);
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i > 0 && i + 1 < s.size() && std::isalnum(static_cast<unsigned char>(s[i - 1]))) continue;
    digits += s[i];
  }
  if (base == 16 && digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) digits = digits.substr(2);
  errno = 0;
  char* end = nullptr;
  const long long v = digits.empty() ? 0 : std::strtoll(digits.c_str(), &end, base);
  if (digits.empty() || *end != '\0' || digits[0] == ' ' || std::isspace(static_cast<unsigned char>(digits.back())))
    value_error("invalid literal for int() with base " + std::to_string(base) + ": " + str_repr(text));
  if (errno == ERANGE) raise(types().overflow_error, "integer overflow (Loopscope ints are 64-bit)");
  return py_int(v);
}

Value parse_float(const std::string& text) {
  std::string s = strip_ws(text);
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string body = (!lower.empty() && (lower[0] == '+' || lower[0] == '-')) ? lower.substr(1) : lower;
  const bool neg = !lower.empty() && lower[0] == '-';
  if (body == "inf" || body == "infinity") return py_float(neg ? -INFINITY : INFINITY);
  if (body == "nan") return py_float(NAN);
  char* end = nullptr;
  std::string digits;
  for (char c : s)
    if (c != '_') digits += c;
  const double d = digits.empty() ? 0 : std::strtod(digits.c_str(), &end);
  if (digits.empty() || *end != '\0' || body.find_first_of("x") != std::string::npos || body.find("inf") != std::string::npos ||
      body.find("nan") != std::string::npos)
    value_error("could not convert string to float: " + str_repr(text));
  return py_float(d);
}

std::int64_t round_half_even(double x) {
  const double r = std::nearbyint(x);  // default rounding mode: to nearest, ties to even
  if (!(std::fabs(r) < 9.2e18)) {
    if (std::isnan(x)) value_error("cannot convert float NaN to integer");
    raise(types().overflow_error, "cannot convert float infinity to integer");
  }
  return static_cast<std::int64_t>(r);
}

Value min_max(Runtime& rt, CallArgs& a, bool want_max) {
  const char* name = want_max ? "max" : "min";
  std::optional<Value> key = a.take("key");
  std::optional<Value> dflt = a.take("default");
  if (!a.kw.empty()) type_error(std::string(name) + "() got an unexpected keyword argument '" + a.kw.front().first + "'");
  if (a.pos.empty()) type_error(std::string(name) + " expected at least 1 argument, got 0");
  std::vector<Value> items = a.pos.size() == 1 ? to_vector(a.pos[0]) : a.pos;
  if (items.empty()) {
    if (dflt) return *dflt;
    value_error(std::string(name) + "() arg is an empty sequence");
  }
  std::size_t best = 0;
  Value best_key = key && !key->is_none() ? rt.call(*key, {items[0]}) : items[0];
  for (std::size_t i = 1; i < items.size(); ++i) {
    Value k = key && !key->is_none() ? rt.call(*key, {items[i]}) : items[i];
    if (want_max ? less(best_key, k) : less(k, best_key)) {
      best = i;
      best_key = std::move(k);
    }
  }
  return items[best];
}
}  // namespace

// ---- installation ----------------------------------------------------------------------------
void Runtime::install_builtins() {
  const auto& t = types();
  auto def = [&](const std::string& name, NativeFn fn) { m_builtins[name] = builtin(name, std::move(fn)); };
  auto def_type = [&](TypeObject* type, NativeFn fn) {
    if (!type->construct) type->construct = std::move(fn);
    m_builtins[type->name] = Value(static_cast<Object*>(type));
  };
  for (TypeObject* e : t.builtin_exceptions) m_builtins[e->name] = Value(static_cast<Object*>(e));

  // ---- constructors
  def_type(t.str, [](Runtime&, CallArgs& a) {
    check_args(a, "str", 0, 1);
    return a.pos.empty() ? py_str("") : (a.pos[0].is(ObjKind::str) ? a.pos[0] : py_str(to_str(a.pos[0])));
  });
  def_type(t.int_, [](Runtime&, CallArgs& a) {
    check_args(a, "int", 0, 2);
    if (a.pos.empty()) return py_int(0);
    const Value& v = a.pos[0];
    if (a.pos.size() == 2) return parse_int(str_arg(v, "int() argument"), static_cast<int>(int_arg(a.pos[1], "base")));
    if (v.is_intlike()) return py_int(v.as_int());
    if (v.is_float()) {
      const double d = v.as_float();
      if (std::isnan(d)) value_error("cannot convert float NaN to integer");
      if (!(std::fabs(d) < 9.2e18)) raise(types().overflow_error, "cannot convert float infinity to integer");
      return py_int(static_cast<std::int64_t>(d));
    }
    if (v.is(ObjKind::str)) return parse_int(str_of(v), 10);
    type_error("int() argument must be a string, a bytes-like object or a real number, not '" + type_name(v) + "'");
  });
  def_type(t.float_, [](Runtime&, CallArgs& a) {
    check_args(a, "float", 0, 1);
    if (a.pos.empty()) return py_float(0);
    const Value& v = a.pos[0];
    if (v.is_number()) return py_float(v.as_float());
    if (v.is(ObjKind::str)) return parse_float(str_of(v));
    type_error("float() argument must be a string or a real number, not '" + type_name(v) + "'");
  });
  def_type(t.bool_, [](Runtime&, CallArgs& a) {
    check_args(a, "bool", 0, 1);
    return py_bool(!a.pos.empty() && truthy(a.pos[0]));
  });
  def_type(t.list, [](Runtime&, CallArgs& a) {
    check_args(a, "list", 0, 1);
    return py_list(a.pos.empty() ? std::vector<Value>{} : to_vector(a.pos[0]));
  });
  def_type(t.tuple, [](Runtime&, CallArgs& a) {
    check_args(a, "tuple", 0, 1);
    if (!a.pos.empty() && a.pos[0].is(ObjKind::tuple)) return a.pos[0];
    return py_tuple(a.pos.empty() ? std::vector<Value>{} : to_vector(a.pos[0]));
  });
  def_type(t.set, [](Runtime&, CallArgs& a) {
    check_args(a, "set", 0, 1);
    auto s = make<SetObject>();
    if (!a.pos.empty()) for_each(a.pos[0], [&](const Value& v) { s->add(v); });
    return Value(s);
  });
  def_type(t.dict, [](Runtime&, CallArgs& a) {
    auto d = new_dict();
    if (a.pos.size() > 1) type_error("dict expected at most 1 argument, got " + std::to_string(a.pos.size()));
    if (!a.pos.empty()) {
      if (auto* src = a.pos[0].get<DictObject>(ObjKind::dict)) {
        for (const auto& [k, v] : src->entries) d->set(k, v);
      } else {
        for (const auto& item : to_vector(a.pos[0])) {
          auto pair = to_vector(item);
          if (pair.size() != 2)
            value_error("dictionary update sequence element has length " + std::to_string(pair.size()) + "; 2 is required");
          d->set(pair[0], pair[1]);
        }
      }
    }
    for (auto& [k, v] : a.kw) d->set(py_str(k), v);
    return Value(d);
  });
  def_type(t.range, [](Runtime&, CallArgs& a) {
    check_args(a, "range", 1, 3);
    std::int64_t start = 0, stop = 0, step = 1;
    if (a.pos.size() == 1) stop = int_arg(a.pos[0], "");
    else {
      start = int_arg(a.pos[0], "");
      stop = int_arg(a.pos[1], "");
      if (a.pos.size() == 3) step = int_arg(a.pos[2], "");
    }
    if (step == 0) value_error("range() arg 3 must not be zero");
    return Value(make<RangeObject>(start, stop, step));
  });
  def_type(t.type, [](Runtime&, CallArgs& a) {
    check_args(a, "type", 1, 1);
    return Value(static_cast<Object*>(type_of(a.pos[0])));
  });
  def_type(t.object, [](Runtime&, CallArgs&) -> Value { type_error("object() instances are not supported in Loopscope programs"); });

  // ---- functions
  def("print", [](Runtime& rt, CallArgs& a) {
    std::optional<Value> sep = a.take("sep"), end = a.take("end");
    (void)a.take("flush");
    if (auto file = a.take("file"); file && !file->is_none()) type_error("print(file=...) is not supported in Loopscope programs");
    if (!a.kw.empty()) type_error("'" + a.kw.front().first + "' is an invalid keyword argument for print()");
    const std::string s = sep && !sep->is_none() ? str_arg(*sep, "sep") : " ";
    const std::string e = end && !end->is_none() ? str_arg(*end, "end") : "\n";
    std::string text;
    for (std::size_t i = 0; i < a.pos.size(); ++i) {
      if (i) text += s;
      text += to_str(a.pos[i]);
    }
    rt.write(text + e);
    return Value();
  });
  def("len", [](Runtime&, CallArgs& a) {
    check_args(a, "len", 1, 1);
    return py_int(length(a.pos[0]));
  });
  def("repr", [](Runtime&, CallArgs& a) {
    check_args(a, "repr", 1, 1);
    return py_str(to_repr(a.pos[0]));
  });
  def("abs", [](Runtime&, CallArgs& a) {
    check_args(a, "abs", 1, 1);
    const Value& v = a.pos[0];
    if (v.is_intlike()) {
      if (v.as_int() == INT64_MIN) raise(types().overflow_error, "integer overflow (Loopscope ints are 64-bit)");
      return py_int(v.as_int() < 0 ? -v.as_int() : v.as_int());
    }
    if (v.is_float()) return py_float(std::fabs(v.as_float()));
    type_error("bad operand type for abs(): '" + type_name(v) + "'");
  });
  def("round", [](Runtime&, CallArgs& a) {
    std::optional<Value> nd = a.take("ndigits");
    check_args(a, "round", 1, 2);
    if (a.pos.size() == 2) nd = a.pos[1];
    const Value& v = a.pos[0];
    if (!v.is_number()) type_error("type " + type_name(v) + " doesn't define __round__ method");
    if (!nd || nd->is_none()) return v.is_intlike() ? py_int(v.as_int()) : py_int(round_half_even(v.as_float()));
    const std::int64_t n = int_arg(*nd, "");
    if (v.is_intlike()) {
      if (n >= 0) return py_int(v.as_int());
      std::int64_t p = 1;
      for (std::int64_t i = 0; i < -n && i < 18; ++i) p *= 10;
      const double q = static_cast<double>(v.as_int()) / static_cast<double>(p);
      return py_int(round_half_even(q) * p);
    }
    const double d = v.as_float();
    if (!std::isfinite(d) || n > 300) return v;
    if (n < 0) {
      const double p = std::pow(10.0, static_cast<double>(-n));
      return py_float(std::nearbyint(d / p) * p);
    }
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(n), d);
    return py_float(std::strtod(buf, nullptr));
  });
  def("sum", [](Runtime&, CallArgs& a) {
    std::optional<Value> start = a.take("start");
    check_args(a, "sum", 1, 2);
    Value acc = a.pos.size() == 2 ? a.pos[1] : (start ? *start : py_int(0));
    if (acc.is(ObjKind::str)) type_error("sum() can't sum strings [use ''.join(seq) instead]");
    for_each(a.pos[0], [&](const Value& v) { acc = binary_op(acc, BinaryOperator::add, v); });
    return acc;
  });
  def("min", [](Runtime& rt, CallArgs& a) { return min_max(rt, a, false); });
  def("max", [](Runtime& rt, CallArgs& a) { return min_max(rt, a, true); });
  def("sorted", [](Runtime& rt, CallArgs& a) {
    std::optional<Value> key = a.take("key"), rev = a.take("reverse");
    check_args(a, "sorted", 1, 1);
    std::vector<Value> items = to_vector(a.pos[0]);
    rt.sort_values(items, key ? *key : Value(), rev && truthy(*rev));
    return py_list(std::move(items));
  });
  def("reversed", [](Runtime&, CallArgs& a) {
    check_args(a, "reversed", 1, 1);
    if (a.pos[0].is(ObjKind::set) || a.pos[0].is(ObjKind::iterator))
      type_error("'" + type_name(a.pos[0]) + "' object is not reversible");
    std::vector<Value> items = to_vector(a.pos[0]);
    std::reverse(items.begin(), items.end());
    return iterator_of(std::move(items), "list_reverseiterator");
  });
  def("enumerate", [](Runtime&, CallArgs& a) {
    std::optional<Value> start = a.take("start");
    check_args(a, "enumerate", 1, 2);
    std::int64_t i = a.pos.size() == 2 ? int_arg(a.pos[1], "") : (start ? int_arg(*start, "") : 0);
    auto src = iterate(a.pos[0]);
    auto it = make<IteratorObject>();
    it->type_name = "enumerate";
    it->next = [src, i]() mutable -> std::optional<Value> {
      auto v = src->next();
      if (!v) return std::nullopt;
      return py_tuple({py_int(i++), std::move(*v)});
    };
    return Value(it);
  });
  def("zip", [](Runtime&, CallArgs& a) {
    std::optional<Value> strict = a.take("strict");
    check_args(a, "zip", 0, 64);
    std::vector<Ref<IteratorObject>> srcs;
    for (const auto& v : a.pos) srcs.push_back(iterate(v));
    const bool is_strict = strict && truthy(*strict);
    auto it = make<IteratorObject>();
    it->type_name = "zip";
    it->next = [srcs, is_strict]() -> std::optional<Value> {
      if (srcs.empty()) return std::nullopt;
      std::vector<Value> row;
      for (std::size_t k = 0; k < srcs.size(); ++k) {
        auto v = srcs[k]->next();
        if (!v) {
          if (is_strict && k > 0) value_error("zip() argument " + std::to_string(k + 1) + " is shorter than argument 1");
          return std::nullopt;
        }
        row.push_back(std::move(*v));
      }
      return py_tuple(std::move(row));
    };
    return Value(it);
  });
  def("map", [](Runtime& rt, CallArgs& a) {
    check_args(a, "map", 2, 64);
    std::vector<std::vector<Value>> cols;
    for (std::size_t k = 1; k < a.pos.size(); ++k) cols.push_back(to_vector(a.pos[k]));
    std::size_t n = cols[0].size();
    for (const auto& c : cols) n = std::min(n, c.size());
    std::vector<Value> out;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<Value> args;
      for (const auto& c : cols) args.push_back(c[i]);
      out.push_back(rt.call(a.pos[0], std::move(args)));
    }
    return iterator_of(std::move(out), "map");
  });
  def("filter", [](Runtime& rt, CallArgs& a) {
    check_args(a, "filter", 2, 2);
    std::vector<Value> out;
    for (const auto& v : to_vector(a.pos[1]))
      if (a.pos[0].is_none() ? truthy(v) : truthy(rt.call(a.pos[0], {v}))) out.push_back(v);
    return iterator_of(std::move(out), "filter");
  });
  def("any", [](Runtime&, CallArgs& a) {
    check_args(a, "any", 1, 1);
    auto it = iterate(a.pos[0]);
    while (auto v = it->next())
      if (truthy(*v)) return py_bool(true);
    return py_bool(false);
  });
  def("all", [](Runtime&, CallArgs& a) {
    check_args(a, "all", 1, 1);
    auto it = iterate(a.pos[0]);
    while (auto v = it->next())
      if (!truthy(*v)) return py_bool(false);
    return py_bool(true);
  });
  def("isinstance", [](Runtime&, CallArgs& a) {
    check_args(a, "isinstance", 2, 2);
    auto check = [&](const Value& tv) {
      auto* to = tv.get<TypeObject>(ObjKind::type);
      if (!to) type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
      return is_instance(a.pos[0], to);
    };
    if (auto* tup = a.pos[1].get<TupleObject>(ObjKind::tuple)) {
      for (const auto& x : tup->items)
        if (check(x)) return py_bool(true);
      return py_bool(false);
    }
    return py_bool(check(a.pos[1]));
  });
  def("issubclass", [](Runtime&, CallArgs& a) {
    check_args(a, "issubclass", 2, 2);
    auto* x = a.pos[0].get<TypeObject>(ObjKind::type);
    auto* y = a.pos[1].get<TypeObject>(ObjKind::type);
    if (!x || !y) type_error("issubclass() arg 1 must be a class");
    return py_bool(x->is_subclass_of(y));
  });
  def("iter", [](Runtime&, CallArgs& a) {
    check_args(a, "iter", 1, 1);
    return Value(iterate(a.pos[0]));
  });
  def("next", [](Runtime&, CallArgs& a) {
    check_args(a, "next", 1, 2);
    auto* it = a.pos[0].get<IteratorObject>(ObjKind::iterator);
    if (!it) type_error("'" + type_name(a.pos[0]) + "' object is not an iterator");
    if (auto v = it->next()) return *v;
    if (a.pos.size() == 2) return a.pos[1];
    throw_exception(new_exception_args(types().stop_iteration, {}));
  });
  def("hash", [](Runtime&, CallArgs& a) {
    check_args(a, "hash", 1, 1);
    return py_int(static_cast<std::int64_t>(hash_value(a.pos[0]) >> 1));
  });
  def("id", [](Runtime&, CallArgs& a) {
    check_args(a, "id", 1, 1);
    return py_int(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(a.pos[0].obj())));
  });
  def("callable", [](Runtime&, CallArgs& a) {
    check_args(a, "callable", 1, 1);
    const Value& v = a.pos[0];
    return py_bool(v.is(ObjKind::function) || v.is(ObjKind::builtin) || v.is(ObjKind::bound_method) || v.is(ObjKind::type));
  });
  def("divmod", [](Runtime&, CallArgs& a) {
    check_args(a, "divmod", 2, 2);
    return py_tuple({binary_op(a.pos[0], BinaryOperator::floor_div, a.pos[1]), binary_op(a.pos[0], BinaryOperator::mod, a.pos[1])});
  });
  def("pow", [](Runtime&, CallArgs& a) {
    check_args(a, "pow", 2, 2);
    return binary_op(a.pos[0], BinaryOperator::pow, a.pos[1]);
  });
  def("chr", [](Runtime&, CallArgs& a) {
    check_args(a, "chr", 1, 1);
    const auto i = int_arg(a.pos[0], "");
    if (i < 0 || i > 0x10FFFF) value_error("chr() arg not in range(0x110000)");
    return py_str(text::utf8_of(static_cast<char32_t>(i)));
  });
  def("ord", [](Runtime&, CallArgs& a) {
    check_args(a, "ord", 1, 1);
    auto* s = a.pos[0].get<StrObject>(ObjKind::str);
    if (!s) type_error("ord() expected string of length 1, but " + type_name(a.pos[0]) + " found");
    if (s->length != 1) type_error("ord() expected a character, but string of length " + std::to_string(s->length) + " found");
    const auto* b = reinterpret_cast<const unsigned char*>(s->text.data());
    std::uint32_t cp = b[0];
    if (cp >= 0xF0) cp = ((cp & 0x07) << 18) | ((b[1] & 0x3F) << 12) | ((b[2] & 0x3F) << 6) | (b[3] & 0x3F);
    else if (cp >= 0xE0) cp = ((cp & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
    else if (cp >= 0xC0) cp = ((cp & 0x1F) << 6) | (b[1] & 0x3F);
    return py_int(cp);
  });
  def("format", [](Runtime&, CallArgs& a) {
    check_args(a, "format", 1, 2);
    return py_str(format_value(a.pos[0], a.pos.size() == 2 ? str_arg(a.pos[1], "format spec") : std::string()));
  });
  def("hex", [](Runtime&, CallArgs& a) {
    check_args(a, "hex", 1, 1);
    return py_str(format_value(a.pos[0], "#x"));
  });
  def("bin", [](Runtime&, CallArgs& a) {
    check_args(a, "bin", 1, 1);
    return py_str(format_value(a.pos[0], "#b"));
  });
  def("input", [](Runtime&, CallArgs&) -> Value { raise(types().runtime_error, "input() is not available in Loopscope programs"); });
  def("open", [](Runtime&, CallArgs&) -> Value { raise(types().runtime_error, "open() is not available in Loopscope programs: no file access"); });
}

void Runtime::sort_values(std::vector<Value>& items, const Value& key, bool reverse) {
  std::vector<Value> keys;
  keys.reserve(items.size());
  for (const auto& v : items) keys.push_back(key.is_none() ? v : call(key, {v}));
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return reverse ? less(keys[y], keys[x]) : less(keys[x], keys[y]);
  });
  std::vector<Value> out;
  out.reserve(items.size());
  for (std::size_t i : order) out.push_back(std::move(items[i]));
  items = std::move(out);
}

}  // namespace loopscope::python
