// methods.cpp — the methods of str, list, dict, set and tuple, with CPython's behaviour and
// messages for the common cases.
#include "python/runtime/args.hpp"
#include "python/runtime/runtime.hpp"

#include <algorithm>

namespace loopscope::python {

namespace {
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string strip(const std::string& s, const Value* chars, bool left, bool right) {
  auto in_set = [&](char c) {
    if (!chars || chars->is_none()) return is_space(static_cast<unsigned char>(c));
    return str_of(*chars).find(c) != std::string::npos;
  };
  std::size_t b = 0, e = s.size();
  if (left) while (b < e && in_set(s[b])) ++b;
  if (right) while (e > b && in_set(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::vector<Value> split(const std::string& s, const Value* sepv, std::int64_t maxsplit) {
  std::vector<Value> out;
  if (!sepv || sepv->is_none()) {
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) ++i;
      if (i >= s.size()) break;
      if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
        std::string rest = s.substr(i);
        while (!rest.empty() && is_space(static_cast<unsigned char>(rest.back()))) rest.pop_back();
        out.push_back(py_str(rest));
        return out;
      }
      std::size_t j = i;
      while (j < s.size() && !is_space(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back(py_str(s.substr(i, j - i)));
      i = j;
    }
    return out;
  }
  const std::string& sep = str_of(*sepv);
  if (sep.empty()) value_error("empty separator");
  std::size_t start = 0;
  while (true) {
    if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) break;
    const auto p = s.find(sep, start);
    if (p == std::string::npos) break;
    out.push_back(py_str(s.substr(start, p - start)));
    start = p + sep.size();
  }
  out.push_back(py_str(s.substr(start)));
  return out;
}

std::string upper_lower(const std::string& s, bool up) { return case_map(s, up ? CaseMode::upper : CaseMode::lower); }

bool affix(const std::string& s, const Value& what, bool prefix) {
  auto one = [&](const Value& v) {
    const std::string& a = str_arg(v, prefix ? "startswith first arg" : "endswith first arg");
    if (a.size() > s.size()) return false;
    return prefix ? s.compare(0, a.size(), a) == 0 : s.compare(s.size() - a.size(), a.size(), a) == 0;
  };
  if (auto* t = what.get<TupleObject>(ObjKind::tuple)) {
    for (const auto& x : t->items)
      if (one(x)) return true;
    return false;
  }
  return one(what);
}

// str.format: {} {0} {name} with conversions and specs (attribute/index lookups are refused).
std::string str_format(const std::string& fmt, CallArgs& a) {
  std::string out;
  std::size_t auto_index = 0;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    const char c = fmt[i];
    if (c == '{' && i + 1 < fmt.size() && fmt[i + 1] == '{') { out += '{'; ++i; continue; }
    if (c == '}' && i + 1 < fmt.size() && fmt[i + 1] == '}') { out += '}'; ++i; continue; }
    if (c != '{') { out += c; continue; }
    const auto close = fmt.find('}', i);
    if (close == std::string::npos) value_error("Single '{' encountered in format string");
    std::string field = fmt.substr(i + 1, close - i - 1);
    i = close;
    std::string spec;
    char conv = 0;
    if (auto colon = field.find(':'); colon != std::string::npos) { spec = field.substr(colon + 1); field = field.substr(0, colon); }
    if (auto bang = field.find('!'); bang != std::string::npos) { conv = bang + 1 < field.size() ? field[bang + 1] : 0; field = field.substr(0, bang); }
    Value v;
    if (field.empty()) {
      if (auto_index >= a.pos.size()) raise(types().index_error, "Replacement index " + std::to_string(auto_index) + " out of range for positional args tuple");
      v = a.pos[auto_index++];
    } else if (std::all_of(field.begin(), field.end(), [](char d) { return std::isdigit(static_cast<unsigned char>(d)); })) {
      const auto k = std::stoul(field);
      if (k >= a.pos.size()) raise(types().index_error, "Replacement index " + field + " out of range for positional args tuple");
      v = a.pos[k];
    } else {
      bool found = false;
      for (auto& [name, x] : a.kw)
        if (name == field) { v = x; found = true; }
      if (!found) throw_exception(new_exception_args(types().key_error, {py_str(field)}));
    }
    if (conv == 'r') v = py_str(to_repr(v));
    else if (conv == 's') v = py_str(to_str(v));
    out += format_value(v, spec);
  }
  return out;
}

std::string pad_to(const std::string& s, std::int64_t width, const std::string& fill, char where) {
  const auto len = static_cast<std::int64_t>(utf8_length(s));
  if (width <= len) return s;
  const auto n = static_cast<std::size_t>(width - len);
  auto rep = [&](std::size_t k) {
    std::string r;
    for (std::size_t i = 0; i < k; ++i) r += fill;
    return r;
  };
  if (where == '<') return s + rep(n);
  if (where == '>') return rep(n) + s;
  const std::size_t left = n / 2 + (n & static_cast<std::size_t>(width) & 1);
  return rep(left) + s + rep(n - left);
}

std::int64_t find_cp(const std::string& s, const std::string& sub, bool reverse) {
  const auto p = reverse ? s.rfind(sub) : s.find(sub);
  if (p == std::string::npos) return -1;
  return static_cast<std::int64_t>(utf8_length(std::string_view(s).substr(0, p)));
}

#define METHOD(NAME) if (name == NAME) return method(NAME, self, [self](Runtime& rt, CallArgs& a) -> Value { (void)rt;
#define END });
}  // namespace

std::optional<Value> str_method(Runtime&, const Value& self, std::string_view name) {
  const std::string& s = str_of(self);
  METHOD("join")
    check_args(a, "str.join", 1, 1);
    std::string out;
    bool first = true;
    std::size_t idx = 0;
    for_each(a.pos[0], [&](const Value& v) {
      if (!v.is(ObjKind::str)) type_error("sequence item " + std::to_string(idx) + ": expected str instance, " + type_name(v) + " found");
      if (!first) out += str_of(self);
      first = false;
      out += str_of(v);
      ++idx;
    });
    return py_str(std::move(out));
  END
  METHOD("split")
    std::optional<Value> sep = a.take("sep"), maxs = a.take("maxsplit");
    check_args(a, "split", 0, 2);
    if (!a.pos.empty()) sep = a.pos[0];
    if (a.pos.size() > 1) maxs = a.pos[1];
    return py_list(split(str_of(self), sep ? &*sep : nullptr, maxs ? int_arg(*maxs, "") : -1));
  END
  METHOD("rsplit")
    check_args(a, "rsplit", 0, 1);
    return py_list(split(str_of(self), a.pos.empty() ? nullptr : &a.pos[0], -1));
  END
  METHOD("splitlines")
    check_args(a, "splitlines", 0, 0);
    std::vector<Value> out;
    const std::string& t = str_of(self);
    std::size_t start = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\n' || t[i] == '\r') {
        out.push_back(py_str(t.substr(start, i - start)));
        if (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
        start = i + 1;
      }
    }
    if (start < t.size()) out.push_back(py_str(t.substr(start)));
    return py_list(std::move(out));
  END
  METHOD("strip") check_args(a, "strip", 0, 1); return py_str(strip(str_of(self), a.pos.empty() ? nullptr : &a.pos[0], true, true)); END
  METHOD("lstrip") check_args(a, "lstrip", 0, 1); return py_str(strip(str_of(self), a.pos.empty() ? nullptr : &a.pos[0], true, false)); END
  METHOD("rstrip") check_args(a, "rstrip", 0, 1); return py_str(strip(str_of(self), a.pos.empty() ? nullptr : &a.pos[0], false, true)); END
  METHOD("upper") check_args(a, "upper", 0, 0); return py_str(upper_lower(str_of(self), true)); END
  METHOD("lower") check_args(a, "lower", 0, 0); return py_str(upper_lower(str_of(self), false)); END
  METHOD("capitalize") check_args(a, "capitalize", 0, 0); return py_str(case_map(str_of(self), CaseMode::capitalize)); END
  METHOD("title") check_args(a, "title", 0, 0); return py_str(case_map(str_of(self), CaseMode::title)); END
  METHOD("startswith") check_args(a, "startswith", 1, 1); return py_bool(affix(str_of(self), a.pos[0], true)); END
  METHOD("endswith") check_args(a, "endswith", 1, 1); return py_bool(affix(str_of(self), a.pos[0], false)); END
  METHOD("replace")
    check_args(a, "replace", 2, 3);
    const std::string& from = str_arg(a.pos[0], "replace() argument 1");
    const std::string& to = str_arg(a.pos[1], "replace() argument 2");
    std::int64_t count = a.pos.size() == 3 ? int_arg(a.pos[2], "") : -1;
    const std::string& t = str_of(self);
    std::string out;
    std::size_t i = 0;
    if (from.empty()) {
      for (std::size_t k = 0; k < t.size(); ++k) {
        if (count != 0) { out += to; --count; }
        out += t[k];
      }
      if (count != 0) out += to;
      return py_str(out);
    }
    while (count != 0) {
      const auto p = t.find(from, i);
      if (p == std::string::npos) break;
      out += t.substr(i, p - i) + to;
      i = p + from.size();
      --count;
    }
    out += t.substr(i);
    return py_str(out);
  END
  METHOD("find") check_args(a, "find", 1, 1); return py_int(find_cp(str_of(self), str_arg(a.pos[0], "find arg"), false)); END
  METHOD("rfind") check_args(a, "rfind", 1, 1); return py_int(find_cp(str_of(self), str_arg(a.pos[0], "rfind arg"), true)); END
  METHOD("index")
    check_args(a, "index", 1, 1);
    const auto i = find_cp(str_of(self), str_arg(a.pos[0], "index arg"), false);
    if (i < 0) value_error("substring not found");
    return py_int(i);
  END
  METHOD("count")
    check_args(a, "count", 1, 1);
    const std::string& sub = str_arg(a.pos[0], "count arg");
    const std::string& t = str_of(self);
    if (sub.empty()) return py_int(static_cast<std::int64_t>(utf8_length(t) + 1));
    std::int64_t n = 0;
    for (std::size_t p = t.find(sub); p != std::string::npos; p = t.find(sub, p + sub.size())) ++n;
    return py_int(n);
  END
  METHOD("format") return py_str(str_format(str_of(self), a)); END
  METHOD("isdigit")
    check_args(a, "isdigit", 0, 0);
    const std::string& t = str_of(self);
    return py_bool(!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }));
  END
  METHOD("isalpha")
    check_args(a, "isalpha", 0, 0);
    const std::string& t = str_of(self);
    return py_bool(!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c)); }));
  END
  METHOD("isalnum")
    check_args(a, "isalnum", 0, 0);
    const std::string& t = str_of(self);
    return py_bool(!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
  END
  METHOD("isspace")
    check_args(a, "isspace", 0, 0);
    const std::string& t = str_of(self);
    return py_bool(!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return is_space(static_cast<unsigned char>(c)); }));
  END
  METHOD("isupper") check_args(a, "isupper", 0, 0); const std::string& t = str_of(self); return py_bool(t != upper_lower(t, false) && t == upper_lower(t, true)); END
  METHOD("islower") check_args(a, "islower", 0, 0); const std::string& t = str_of(self); return py_bool(t != upper_lower(t, true) && t == upper_lower(t, false)); END
  METHOD("ljust") check_args(a, "ljust", 1, 2); return py_str(pad_to(str_of(self), int_arg(a.pos[0], ""), a.pos.size() > 1 ? str_of(a.pos[1]) : " ", '<')); END
  METHOD("rjust") check_args(a, "rjust", 1, 2); return py_str(pad_to(str_of(self), int_arg(a.pos[0], ""), a.pos.size() > 1 ? str_of(a.pos[1]) : " ", '>')); END
  METHOD("center") check_args(a, "center", 1, 2); return py_str(pad_to(str_of(self), int_arg(a.pos[0], ""), a.pos.size() > 1 ? str_of(a.pos[1]) : " ", '^')); END
  METHOD("zfill")
    check_args(a, "zfill", 1, 1);
    std::string t = str_of(self);
    const auto w = int_arg(a.pos[0], "");
    const bool sign = !t.empty() && (t[0] == '-' || t[0] == '+');
    while (static_cast<std::int64_t>(utf8_length(t)) < w) t.insert(sign ? 1 : 0, "0");
    return py_str(t);
  END
  METHOD("partition")
    check_args(a, "partition", 1, 1);
    const std::string& sep = str_arg(a.pos[0], "partition arg");
    const std::string& t = str_of(self);
    const auto p = t.find(sep);
    if (p == std::string::npos) return py_tuple({self, py_str(""), py_str("")});
    return py_tuple({py_str(t.substr(0, p)), a.pos[0], py_str(t.substr(p + sep.size()))});
  END
  METHOD("removeprefix")
    check_args(a, "removeprefix", 1, 1);
    const std::string& p = str_arg(a.pos[0], "removeprefix arg");
    const std::string& t = str_of(self);
    return t.compare(0, p.size(), p) == 0 ? py_str(t.substr(p.size())) : self;
  END
  METHOD("removesuffix")
    check_args(a, "removesuffix", 1, 1);
    const std::string& p = str_arg(a.pos[0], "removesuffix arg");
    const std::string& t = str_of(self);
    return t.size() >= p.size() && t.compare(t.size() - p.size(), p.size(), p) == 0 ? py_str(t.substr(0, t.size() - p.size())) : self;
  END
  (void)s;
  return std::nullopt;
}

std::optional<Value> list_method(Runtime&, const Value& self, std::string_view name) {
  METHOD("append") check_args(a, "list.append", 1, 1); self.as<ListObject>()->items.push_back(a.pos[0]); return Value(); END
  METHOD("extend")
    check_args(a, "list.extend", 1, 1);
    auto items = to_vector(a.pos[0]);
    auto& l = self.as<ListObject>()->items;
    l.insert(l.end(), items.begin(), items.end());
    return Value();
  END
  METHOD("pop")
    check_args(a, "pop", 0, 1);
    auto& l = self.as<ListObject>()->items;
    if (l.empty()) raise(types().index_error, "pop from empty list");
    std::int64_t i = a.pos.empty() ? -1 : int_arg(a.pos[0], "");
    if (i < 0) i += static_cast<std::int64_t>(l.size());
    if (i < 0 || i >= static_cast<std::int64_t>(l.size())) raise(types().index_error, "pop index out of range");
    Value v = l[static_cast<std::size_t>(i)];
    l.erase(l.begin() + i);
    return v;
  END
  METHOD("insert")
    check_args(a, "insert", 2, 2);
    auto& l = self.as<ListObject>()->items;
    std::int64_t i = int_arg(a.pos[0], "");
    const auto n = static_cast<std::int64_t>(l.size());
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    if (i > n) i = n;
    l.insert(l.begin() + i, a.pos[1]);
    return Value();
  END
  METHOD("remove")
    check_args(a, "list.remove", 1, 1);
    auto& l = self.as<ListObject>()->items;
    for (auto it = l.begin(); it != l.end(); ++it)
      if (equal(*it, a.pos[0])) { l.erase(it); return Value(); }
    value_error("list.remove(x): x not in list");
  END
  METHOD("index")
    check_args(a, "list.index", 1, 1);
    auto& l = self.as<ListObject>()->items;
    for (std::size_t i = 0; i < l.size(); ++i)
      if (equal(l[i], a.pos[0])) return py_int(static_cast<std::int64_t>(i));
    value_error(to_repr(a.pos[0]) + " is not in list");
  END
  METHOD("count")
    check_args(a, "list.count", 1, 1);
    std::int64_t n = 0;
    for (const auto& v : self.as<ListObject>()->items) n += equal(v, a.pos[0]) ? 1 : 0;
    return py_int(n);
  END
  METHOD("sort")
    std::optional<Value> key = a.take("key"), rev = a.take("reverse");
    check_args(a, "sort", 0, 0);
    auto& l = self.as<ListObject>()->items;
    std::vector<Value> items = std::move(l);
    l.clear();
    rt.sort_values(items, key ? *key : Value(), rev && truthy(*rev));
    l = std::move(items);
    return Value();
  END
  METHOD("reverse") check_args(a, "reverse", 0, 0); auto& l = self.as<ListObject>()->items; std::reverse(l.begin(), l.end()); return Value(); END
  METHOD("clear") check_args(a, "clear", 0, 0); self.as<ListObject>()->items.clear(); return Value(); END
  METHOD("copy") check_args(a, "copy", 0, 0); return py_list(self.as<ListObject>()->items); END
  return std::nullopt;
}

std::optional<Value> tuple_method(Runtime&, const Value& self, std::string_view name) {
  METHOD("index")
    check_args(a, "tuple.index", 1, 1);
    auto& l = self.as<TupleObject>()->items;
    for (std::size_t i = 0; i < l.size(); ++i)
      if (equal(l[i], a.pos[0])) return py_int(static_cast<std::int64_t>(i));
    value_error("tuple.index(x): x not in tuple");
  END
  METHOD("count")
    check_args(a, "tuple.count", 1, 1);
    std::int64_t n = 0;
    for (const auto& v : self.as<TupleObject>()->items) n += equal(v, a.pos[0]) ? 1 : 0;
    return py_int(n);
  END
  return std::nullopt;
}

std::optional<Value> dict_method(Runtime&, const Value& self, std::string_view name) {
  METHOD("get")
    check_args(a, "get", 1, 2);
    if (Value* v = self.as<DictObject>()->find(a.pos[0])) return *v;
    return a.pos.size() == 2 ? a.pos[1] : Value();
  END
  METHOD("items")
    check_args(a, "items", 0, 0);
    std::vector<Value> out;
    for (const auto& [k, v] : self.as<DictObject>()->entries) out.push_back(py_tuple({k, v}));
    return py_list(std::move(out));
  END
  METHOD("keys")
    check_args(a, "keys", 0, 0);
    std::vector<Value> out;
    for (const auto& [k, v] : self.as<DictObject>()->entries) out.push_back(k);
    return py_list(std::move(out));
  END
  METHOD("values")
    check_args(a, "values", 0, 0);
    std::vector<Value> out;
    for (const auto& [k, v] : self.as<DictObject>()->entries) out.push_back(v);
    return py_list(std::move(out));
  END
  METHOD("setdefault")
    check_args(a, "setdefault", 1, 2);
    auto* d = self.as<DictObject>();
    if (Value* v = d->find(a.pos[0])) return *v;
    Value dflt = a.pos.size() == 2 ? a.pos[1] : Value();
    d->set(a.pos[0], dflt);
    return dflt;
  END
  METHOD("update")
    auto* d = self.as<DictObject>();
    if (a.pos.size() > 1) type_error("update expected at most 1 argument, got " + std::to_string(a.pos.size()));
    if (!a.pos.empty()) {
      if (auto* src = a.pos[0].get<DictObject>(ObjKind::dict)) {
        auto entries = src->entries;
        for (const auto& [k, v] : entries) d->set(k, v);
      } else {
        for (const auto& item : to_vector(a.pos[0])) {
          auto pair = to_vector(item);
          if (pair.size() != 2) value_error("dictionary update sequence element has length " + std::to_string(pair.size()) + "; 2 is required");
          d->set(pair[0], pair[1]);
        }
      }
    }
    for (auto& [k, v] : a.kw) d->set(py_str(k), v);
    return Value();
  END
  METHOD("pop")
    check_args(a, "pop", 1, 2);
    auto* d = self.as<DictObject>();
    if (Value* v = d->find(a.pos[0])) {
      Value out = *v;
      d->erase(a.pos[0]);
      return out;
    }
    if (a.pos.size() == 2) return a.pos[1];
    throw_exception(new_exception_args(types().key_error, {a.pos[0]}));
  END
  METHOD("popitem")
    check_args(a, "popitem", 0, 0);
    auto* d = self.as<DictObject>();
    if (d->entries.empty()) throw_exception(new_exception(types().key_error, "popitem(): dictionary is empty"));
    auto last = d->entries.back();
    d->erase(last.first);
    return py_tuple({last.first, last.second});
  END
  METHOD("clear") check_args(a, "clear", 0, 0); self.as<DictObject>()->clear(); return Value(); END
  METHOD("copy")
    check_args(a, "copy", 0, 0);
    auto d = new_dict();
    for (const auto& [k, v] : self.as<DictObject>()->entries) d->set(k, v);
    return Value(d);
  END
  return std::nullopt;
}

std::optional<Value> set_method(Runtime&, const Value& self, std::string_view name) {
  METHOD("add") check_args(a, "set.add", 1, 1); self.as<SetObject>()->add(a.pos[0]); return Value(); END
  METHOD("remove")
    check_args(a, "set.remove", 1, 1);
    if (!self.as<SetObject>()->erase(a.pos[0])) throw_exception(new_exception_args(types().key_error, {a.pos[0]}));
    return Value();
  END
  METHOD("discard") check_args(a, "set.discard", 1, 1); self.as<SetObject>()->erase(a.pos[0]); return Value(); END
  METHOD("pop")
    check_args(a, "set.pop", 0, 0);
    auto* s = self.as<SetObject>();
    if (s->items.empty()) throw_exception(new_exception(types().key_error, "pop from an empty set"));
    Value v = s->items.front();
    s->erase(v);
    return v;
  END
  METHOD("clear")
    check_args(a, "set.clear", 0, 0);
    auto* s = self.as<SetObject>();
    s->items.clear();
    s->index.clear();
    return Value();
  END
  METHOD("copy") check_args(a, "set.copy", 0, 0); auto s = make<SetObject>(); for (const auto& v : self.as<SetObject>()->items) s->add(v); return Value(s); END
  METHOD("update") for (const auto& x : a.pos) for_each(x, [&](const Value& v) { self.as<SetObject>()->add(v); }); return Value(); END
  METHOD("union")
    auto s = make<SetObject>();
    for (const auto& v : self.as<SetObject>()->items) s->add(v);
    for (const auto& x : a.pos) for_each(x, [&](const Value& v) { s->add(v); });
    return Value(s);
  END
  METHOD("intersection")
    check_args(a, "intersection", 1, 1);
    auto other = make<SetObject>();
    for_each(a.pos[0], [&](const Value& v) { other->add(v); });
    auto s = make<SetObject>();
    for (const auto& v : self.as<SetObject>()->items) if (other->contains(v)) s->add(v);
    return Value(s);
  END
  METHOD("difference")
    check_args(a, "difference", 1, 1);
    auto other = make<SetObject>();
    for_each(a.pos[0], [&](const Value& v) { other->add(v); });
    auto s = make<SetObject>();
    for (const auto& v : self.as<SetObject>()->items) if (!other->contains(v)) s->add(v);
    return Value(s);
  END
  METHOD("issubset")
    check_args(a, "issubset", 1, 1);
    auto other = make<SetObject>();
    for_each(a.pos[0], [&](const Value& v) { other->add(v); });
    for (const auto& v : self.as<SetObject>()->items) if (!other->contains(v)) return py_bool(false);
    return py_bool(true);
  END
  return std::nullopt;
}

}  // namespace loopscope::python
