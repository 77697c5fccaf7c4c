// ops.cpp — Python's operators on Values: types, truth, equality, hashing, order, arithmetic
// (see ops.hpp). Integers are 64-bit: results that do not fit raise OverflowError.
#include "python/runtime/ops.hpp"

#include <cmath>
#include <functional>

namespace loopscope::python {

// ---- identity and type -----------------------------------------------------------------------
TypeObject* type_of(const Value& v) {
  const auto& t = types();
  switch (v.kind()) {
    case Kind::none: return t.none;
    case Kind::boolean: return t.bool_;
    case Kind::integer: return t.int_;
    case Kind::floating: return t.float_;
    case Kind::object: break;
  }
  switch (v.obj()->kind) {
    case ObjKind::str: return t.str;
    case ObjKind::list: return t.list;
    case ObjKind::tuple: return t.tuple;
    case ObjKind::dict: return t.dict;
    case ObjKind::set: return t.set;
    case ObjKind::function: return t.function;
    case ObjKind::builtin: return t.builtin_function;
    case ObjKind::bound_method: return t.method;
    case ObjKind::coroutine: return t.coroutine;
    case ObjKind::task: return t.task;
    case ObjKind::exception: return v.as<ExceptionObject>()->type;
    case ObjKind::type: return t.type;
    case ObjKind::module: return t.module;
    case ObjKind::range: return t.range;
    case ObjKind::iterator: return t.iterator;
    case ObjKind::slice: return t.slice;
    case ObjKind::native: {
      if (TypeObject* nt = v.as<NativeObject>()->type()) return nt;
      return t.object;
    }
  }
  return t.object;
}

std::string type_name(const Value& v) {
  if (auto* n = v.get<NativeObject>(ObjKind::native)) return n->type_name();
  if (auto* it = v.get<IteratorObject>(ObjKind::iterator)) return it->type_name;
  return type_of(v)->name;
}

bool is_instance(const Value& v, const TypeObject* t) { return type_of(v)->is_subclass_of(t); }

bool same_object(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::none: return true;
    case Kind::boolean: return a.as_bool() == b.as_bool();
    case Kind::integer: return a.as_int() == b.as_int();
    case Kind::floating: return a.as_float() == b.as_float();
    case Kind::object: return a.obj() == b.obj();
  }
  return false;
}

// ---- truth, equality, order ------------------------------------------------------------------
bool truthy(const Value& v) {
  switch (v.kind()) {
    case Kind::none: return false;
    case Kind::boolean: return v.as_bool();
    case Kind::integer: return v.as_int() != 0;
    case Kind::floating: return v.as_float() != 0.0;
    case Kind::object: break;
  }
  switch (v.obj()->kind) {
    case ObjKind::str: return !v.as<StrObject>()->text.empty();
    case ObjKind::list: return !v.as<ListObject>()->items.empty();
    case ObjKind::tuple: return !v.as<TupleObject>()->items.empty();
    case ObjKind::dict: return !v.as<DictObject>()->entries.empty();
    case ObjKind::set: return !v.as<SetObject>()->items.empty();
    case ObjKind::range: return v.as<RangeObject>()->size() != 0;
    default: return true;
  }
}

namespace {
bool seq_equal(const std::vector<Value>& a, const std::vector<Value>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_object(a[i], b[i]) && !equal(a[i], b[i])) return false;
  return true;
}
}  // namespace

bool equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.as_float() == b.as_float();
    return a.as_int() == b.as_int();
  }
  if (a.kind() != b.kind()) return false;
  if (!a.is_object()) return a.is_none();
  Object* x = a.obj();
  Object* y = b.obj();
  if (x == y) return true;
  if (x->kind != y->kind) return false;
  switch (x->kind) {
    case ObjKind::str: return static_cast<StrObject*>(x)->text == static_cast<StrObject*>(y)->text;
    case ObjKind::list: return seq_equal(static_cast<ListObject*>(x)->items, static_cast<ListObject*>(y)->items);
    case ObjKind::tuple: return seq_equal(static_cast<TupleObject*>(x)->items, static_cast<TupleObject*>(y)->items);
    case ObjKind::dict: {
      auto* d = static_cast<DictObject*>(x);
      auto* e = static_cast<DictObject*>(y);
      if (d->entries.size() != e->entries.size()) return false;
      for (const auto& [k, v] : d->entries) {
        Value* w = e->find(k);
        if (!w || !equal(v, *w)) return false;
      }
      return true;
    }
    case ObjKind::set: {
      auto* s = static_cast<SetObject*>(x);
      auto* t = static_cast<SetObject*>(y);
      if (s->items.size() != t->items.size()) return false;
      for (const auto& v : s->items)
        if (!t->contains(v)) return false;
      return true;
    }
    case ObjKind::range: {
      auto* r = static_cast<RangeObject*>(x);
      auto* q = static_cast<RangeObject*>(y);
      return r->start == q->start && r->stop == q->stop && r->step == q->step;
    }
    default: return false;
  }
}

std::size_t hash_value(const Value& v) {
  switch (v.kind()) {
    case Kind::none: return 0x9e3779b9;
    case Kind::boolean:
    case Kind::integer: return std::hash<std::int64_t>{}(v.as_int());
    case Kind::floating: {
      const double d = v.as_float();
      if (std::floor(d) == d && std::fabs(d) < 9.2e18) return std::hash<std::int64_t>{}(static_cast<std::int64_t>(d));
      return std::hash<double>{}(d);
    }
    case Kind::object: break;
  }
  switch (v.obj()->kind) {
    case ObjKind::str: return std::hash<std::string>{}(v.as<StrObject>()->text);
    case ObjKind::tuple: {
      std::size_t h = 0x345678;
      for (const auto& item : v.as<TupleObject>()->items) h = h * 1000003 ^ hash_value(item);
      return h;
    }
    case ObjKind::list:
    case ObjKind::dict:
    case ObjKind::set: type_error("unhashable type: '" + type_name(v) + "'");
    default: return std::hash<const void*>{}(v.obj());
  }
}

namespace {
[[noreturn]] void order_error(const char* op, const Value& a, const Value& b) {
  type_error(std::string("'") + op + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
}

// -1, 0, 1; raises for unorderable pairs (op names the operator for the message).
int order(const Value& a, const Value& b, const char* op) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) {
      const double x = a.as_float(), y = b.as_float();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    const auto x = a.as_int(), y = b.as_int();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is(ObjKind::str) && b.is(ObjKind::str)) {
    const int c = str_of(a).compare(str_of(b));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  const std::vector<Value>* x = nullptr;
  const std::vector<Value>* y = nullptr;
  if (a.is(ObjKind::list) && b.is(ObjKind::list)) {
    x = &a.as<ListObject>()->items;
    y = &b.as<ListObject>()->items;
  } else if (a.is(ObjKind::tuple) && b.is(ObjKind::tuple)) {
    x = &a.as<TupleObject>()->items;
    y = &b.as<TupleObject>()->items;
  }
  if (x) {
    for (std::size_t i = 0; i < x->size() && i < y->size(); ++i) {
      if (equal((*x)[i], (*y)[i])) continue;
      return order((*x)[i], (*y)[i], op);
    }
    return x->size() < y->size() ? -1 : (x->size() > y->size() ? 1 : 0);
  }
  if (a.is(ObjKind::set) && b.is(ObjKind::set)) {
    auto* s = a.as<SetObject>();
    auto* t = b.as<SetObject>();
    bool sub = true;
    for (const auto& v : s->items) sub = sub && t->contains(v);
    if (sub && s->items.size() == t->items.size()) return 0;
    return sub ? -1 : 1;
  }
  order_error(op, a, b);
}
}  // namespace

bool less(const Value& a, const Value& b) { return order(a, b, "<") < 0; }

bool contains(const Value& c, const Value& item) {
  if (!c.is_object()) type_error("argument of type '" + type_name(c) + "' is not iterable");
  switch (c.obj()->kind) {
    case ObjKind::str:
      if (!item.is(ObjKind::str)) type_error("'in <string>' requires string as left operand, not " + type_name(item));
      return str_of(c).find(str_of(item)) != std::string::npos;
    case ObjKind::list:
      for (const auto& v : c.as<ListObject>()->items)
        if (same_object(v, item) || equal(v, item)) return true;
      return false;
    case ObjKind::tuple:
      for (const auto& v : c.as<TupleObject>()->items)
        if (same_object(v, item) || equal(v, item)) return true;
      return false;
    case ObjKind::dict: return c.as<DictObject>()->find(item) != nullptr;
    case ObjKind::set: return c.as<SetObject>()->contains(item);
    case ObjKind::range: {
      if (!item.is_intlike()) return false;
      auto* r = c.as<RangeObject>();
      const auto i = item.as_int();
      if (r->step > 0 ? (i < r->start || i >= r->stop) : (i > r->start || i <= r->stop)) return false;
      return (i - r->start) % r->step == 0;
    }
    default: {
      bool found = false;
      for_each(c, [&](const Value& v) { found = found || equal(v, item); });
      return found;
    }
  }
}

Value compare(const Value& a, CompareOperator op, const Value& b) {
  switch (op) {
    case CompareOperator::eq: return py_bool(equal(a, b));
    case CompareOperator::not_eq_: return py_bool(!equal(a, b));
    case CompareOperator::lt: return py_bool(order(a, b, "<") < 0);
    case CompareOperator::lt_e: return py_bool(order(a, b, "<=") <= 0);
    case CompareOperator::gt: return py_bool(order(a, b, ">") > 0);
    case CompareOperator::gt_e: return py_bool(order(a, b, ">=") >= 0);
    case CompareOperator::is: return py_bool(same_object(a, b));
    case CompareOperator::is_not: return py_bool(!same_object(a, b));
    case CompareOperator::in: return py_bool(contains(b, a));
    case CompareOperator::not_in: return py_bool(!contains(b, a));
  }
  return Value();
}

// ---- arithmetic ------------------------------------------------------------------------------
const char* operator_symbol(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::add: return "+";
    case BinaryOperator::sub: return "-";
    case BinaryOperator::mult: return "*";
    case BinaryOperator::mat_mult: return "@";
    case BinaryOperator::div: return "/";
    case BinaryOperator::mod: return "%";
    case BinaryOperator::pow: return "** or pow()";
    case BinaryOperator::lshift: return "<<";
    case BinaryOperator::rshift: return ">>";
    case BinaryOperator::bit_or: return "|";
    case BinaryOperator::bit_xor: return "^";
    case BinaryOperator::bit_and: return "&";
    case BinaryOperator::floor_div: return "//";
  }
  return "?";
}

namespace {
[[noreturn]] void overflow() { raise(types().overflow_error, "integer overflow (Loopscope ints are 64-bit)"); }
[[noreturn]] void unsupported(BinaryOperator op, const Value& a, const Value& b) {
  type_error(std::string("unsupported operand type(s) for ") + operator_symbol(op) + ": '" + type_name(a) + "' and '" +
             type_name(b) + "'");
}

Value int_op(std::int64_t x, BinaryOperator op, std::int64_t y) {
  std::int64_t r = 0;
  switch (op) {
    case BinaryOperator::add: if (__builtin_add_overflow(x, y, &r)) overflow(); return py_int(r);
    case BinaryOperator::sub: if (__builtin_sub_overflow(x, y, &r)) overflow(); return py_int(r);
    case BinaryOperator::mult: if (__builtin_mul_overflow(x, y, &r)) overflow(); return py_int(r);
    case BinaryOperator::div:
      if (y == 0) raise(types().zero_division_error, "division by zero");
      return py_float(static_cast<double>(x) / static_cast<double>(y));
    case BinaryOperator::floor_div: {
      if (y == 0) raise(types().zero_division_error, "integer division or modulo by zero");
      if (x == INT64_MIN && y == -1) overflow();
      std::int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
      return py_int(q);
    }
    case BinaryOperator::mod: {
      if (y == 0) raise(types().zero_division_error, "integer modulo by zero");
      if (y == -1) return py_int(0);
      std::int64_t m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      return py_int(m);
    }
    case BinaryOperator::pow: {
      if (y < 0) return py_float(std::pow(static_cast<double>(x), static_cast<double>(y)));
      std::int64_t result = 1, base = x;
      while (y > 0) {
        if (y & 1) if (__builtin_mul_overflow(result, base, &result)) overflow();
        y >>= 1;
        if (y > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
      }
      return py_int(result);
    }
    case BinaryOperator::lshift:
      if (y < 0) value_error("negative shift count");
      if (y >= 63 || (x != 0 && (x > (INT64_MAX >> y) || x < (INT64_MIN >> y)))) {
        if (x == 0) return py_int(0);
        overflow();
      }
      return py_int(x * (std::int64_t{1} << y));
    case BinaryOperator::rshift:
      if (y < 0) value_error("negative shift count");
      return py_int(y >= 64 ? (x < 0 ? -1 : 0) : (x >> y));
    case BinaryOperator::bit_or: return py_int(x | y);
    case BinaryOperator::bit_xor: return py_int(x ^ y);
    case BinaryOperator::bit_and: return py_int(x & y);
    case BinaryOperator::mat_mult: break;
  }
  unsupported(op, py_int(x), py_int(y));
}

Value float_op(const Value& a, double x, BinaryOperator op, double y, const Value& b) {
  switch (op) {
    case BinaryOperator::add: return py_float(x + y);
    case BinaryOperator::sub: return py_float(x - y);
    case BinaryOperator::mult: return py_float(x * y);
    case BinaryOperator::div:
      if (y == 0) raise(types().zero_division_error, "float division by zero");
      return py_float(x / y);
    case BinaryOperator::floor_div:
      if (y == 0) raise(types().zero_division_error, "float floor division by zero");
      return py_float(std::floor(x / y));
    case BinaryOperator::mod: {
      if (y == 0) raise(types().zero_division_error, "float modulo");
      double m = std::fmod(x, y);
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      if (m == 0) m = std::copysign(0.0, y);
      return py_float(m);
    }
    case BinaryOperator::pow:
      if (x == 0 && y < 0) raise(types().zero_division_error, "0.0 cannot be raised to a negative power");
      return py_float(std::pow(x, y));
    default: unsupported(op, a, b);
  }
}

std::vector<Value> repeat(const std::vector<Value>& items, std::int64_t n) {
  std::vector<Value> out;
  if (n <= 0) return out;
  if (items.size() * static_cast<std::size_t>(n) > 10'000'000) raise(types().overflow_error, "repeated sequence is too long");
  out.reserve(items.size() * static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return out;
}
}  // namespace

Value binary_op(const Value& a, BinaryOperator op, const Value& b) {
  if (a.is_intlike() && b.is_intlike()) return int_op(a.as_int(), op, b.as_int());
  if (a.is_number() && b.is_number()) return float_op(a, a.as_float(), op, b.as_float(), b);
  if (a.is(ObjKind::str)) {
    if (op == BinaryOperator::add) {
      if (!b.is(ObjKind::str)) type_error("can only concatenate str (not \"" + type_name(b) + "\") to str");
      return py_str(str_of(a) + str_of(b));
    }
    if (op == BinaryOperator::mult && b.is_intlike()) {
      std::string out;
      const auto n = b.as_int();
      if (n > 0 && str_of(a).size() * static_cast<std::size_t>(n) > 100'000'000) raise(types().overflow_error, "repeated string is too long");
      for (std::int64_t i = 0; i < n; ++i) out += str_of(a);
      return py_str(std::move(out));
    }
    if (op == BinaryOperator::mod) type_error("the % operator on strings is not supported in Loopscope programs: use an f-string");
  }
  if (b.is(ObjKind::str) && op == BinaryOperator::mult && a.is_intlike()) return binary_op(b, op, a);
  if (a.is(ObjKind::list)) {
    if (op == BinaryOperator::add) {
      if (!b.is(ObjKind::list)) type_error("can only concatenate list (not \"" + type_name(b) + "\") to list");
      std::vector<Value> out = a.as<ListObject>()->items;
      const auto& more = b.as<ListObject>()->items;
      out.insert(out.end(), more.begin(), more.end());
      return py_list(std::move(out));
    }
    if (op == BinaryOperator::mult && b.is_intlike()) return py_list(repeat(a.as<ListObject>()->items, b.as_int()));
  }
  if (b.is(ObjKind::list) && op == BinaryOperator::mult && a.is_intlike()) return binary_op(b, op, a);
  if (a.is(ObjKind::tuple)) {
    if (op == BinaryOperator::add) {
      if (!b.is(ObjKind::tuple)) type_error("can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
      std::vector<Value> out = a.as<TupleObject>()->items;
      const auto& more = b.as<TupleObject>()->items;
      out.insert(out.end(), more.begin(), more.end());
      return py_tuple(std::move(out));
    }
    if (op == BinaryOperator::mult && b.is_intlike()) return py_tuple(repeat(a.as<TupleObject>()->items, b.as_int()));
  }
  if (a.is(ObjKind::set) && b.is(ObjKind::set)) {
    auto* s = a.as<SetObject>();
    auto* t = b.as<SetObject>();
    auto out = make<SetObject>();
    switch (op) {
      case BinaryOperator::bit_or:
        for (const auto& v : s->items) out->add(v);
        for (const auto& v : t->items) out->add(v);
        return Value(out);
      case BinaryOperator::bit_and:
        for (const auto& v : s->items) if (t->contains(v)) out->add(v);
        return Value(out);
      case BinaryOperator::sub:
        for (const auto& v : s->items) if (!t->contains(v)) out->add(v);
        return Value(out);
      case BinaryOperator::bit_xor:
        for (const auto& v : s->items) if (!t->contains(v)) out->add(v);
        for (const auto& v : t->items) if (!s->contains(v)) out->add(v);
        return Value(out);
      default: break;
    }
  }
  if (a.is(ObjKind::dict) && b.is(ObjKind::dict) && op == BinaryOperator::bit_or) {
    auto out = new_dict();
    for (const auto& [k, v] : a.as<DictObject>()->entries) out->set(k, v);
    for (const auto& [k, v] : b.as<DictObject>()->entries) out->set(k, v);
    return Value(out);
  }
  unsupported(op, a, b);
}

Value unary_op(UnaryOperator op, const Value& v) {
  switch (op) {
    case UnaryOperator::not_: return py_bool(!truthy(v));
    case UnaryOperator::minus:
      if (v.is_intlike()) {
        if (v.as_int() == INT64_MIN) overflow();
        return py_int(-v.as_int());
      }
      if (v.is_float()) return py_float(-v.as_float());
      type_error("bad operand type for unary -: '" + type_name(v) + "'");
    case UnaryOperator::plus:
      if (v.is_intlike()) return py_int(v.as_int());
      if (v.is_float()) return v;
      type_error("bad operand type for unary +: '" + type_name(v) + "'");
    case UnaryOperator::invert:
      if (v.is_intlike()) return py_int(~v.as_int());
      type_error("bad operand type for unary ~: '" + type_name(v) + "'");
  }
  return Value();
}

}  // namespace loopscope::python
