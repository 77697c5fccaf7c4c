// interp_eval.cpp — evaluating expressions and templates against a frame.
//
// Semantics follow Python for the supported subset: `/` is true division, `//` and `%` floor,
// `and`/`or` short-circuit and return an operand, comparisons of numbers mix int and float.
// Sizes are bounded (strings 1 MB, lists 100000 items) so no expression can exhaust memory.
//
// Sections: names · operators · functions and methods · templates
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

#include <algorithm>
#include <cmath>

namespace loopscope::lesson {

namespace {
constexpr std::size_t max_string = 1u << 20;
constexpr std::size_t max_list = 100000;

[[noreturn]] void type_error(std::string msg) { throw ProgramError("TypeError", std::move(msg)); }

std::int64_t checked(bool overflow, std::int64_t v) {
  if (overflow) throw ProgramError("OverflowError", "integer result too large");
  return v;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  if (a == INT64_MIN && b == -1) throw ProgramError("OverflowError", "integer result too large");
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Value list_of(const Value& v) {
  if (!v.is<std::shared_ptr<ListValue>>()) type_error("'" + v.type_name() + "' object is not a list");
  return v;
}

// An int or bool as an exact integer (never through double: large ints must stay exact).
std::int64_t int_of(const Value& v) {
  if (auto* i = v.get_if<std::int64_t>()) return *i;
  return *v.get_if<bool>() ? 1 : 0;
}

std::int64_t as_index(const Value& v) {
  if (auto* i = v.get_if<std::int64_t>()) return *i;
  if (auto* b = v.get_if<bool>()) return *b;
  type_error("indices must be integers, not " + v.type_name());
}
}  // namespace

// ---- names ---------------------------------------------------------------------------------
Value Interpreter::lookup(const std::string& name, Frame& f) {
  if (auto it = f.vars.find(name); it != f.vars.end()) return it->second;
  if (auto it = m_globals.find(name); it != m_globals.end()) return it->second;
  throw ProgramError("NameError", "name '" + name + "' is not defined");
}

Value Interpreter::eval(const Expr& e, Frame& f) {
  if (!e.root) return Value();
  return eval_node(*e.root, f);
}

double Interpreter::eval_seconds(const Expr& e, Frame& f, const char* what) {
  const Value v = eval(e, f);
  if (!v.is_number()) type_error(std::string(what) + " must be a number, not " + v.type_name());
  const double d = v.as_double();
  if (std::isnan(d)) throw ProgramError("ValueError", std::string(what) + " must not be NaN");
  return d;
}

// ---- operators -----------------------------------------------------------------------------
Value Interpreter::eval_node(const ExprNode& n, Frame& f) {
  switch (n.kind) {
    case ExprKind::literal:
      return std::visit(
          [](const auto& x) -> Value {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, NoneLiteral>) return Value();
            else return Value(x);
          },
          n.literal);
    case ExprKind::name: return lookup(n.text, f);
    case ExprKind::list: {
      std::vector<Value> items;
      for (const auto& a : n.args) items.push_back(eval_node(*a, f));
      return Value::list(std::move(items));
    }
    case ExprKind::unary: {
      const Value v = eval_node(*n.args[0], f);
      if (n.op == "not") return Value(!v.truthy());
      if (auto* i = v.get_if<std::int64_t>()) return Value(checked(*i == INT64_MIN, -*i));
      if (auto* d = v.get_if<double>()) return Value(-*d);
      if (auto* b = v.get_if<bool>()) return Value(static_cast<std::int64_t>(*b ? -1 : 0));
      type_error("bad operand type for unary -: '" + v.type_name() + "'");
    }
    case ExprKind::attribute: {
      const Value obj = eval_node(*n.args[0], f);
      if (auto* r = obj.get_if<std::shared_ptr<ResponseValue>>()) {
        if (n.text == "status") return Value(static_cast<std::int64_t>((*r)->status));
        if (n.text == "body" || n.text == "text") return Value((*r)->body);
      }
      if (auto* t = obj.get_if<TypeValue>(); t && n.text == "__name__") return Value(t->name);
      if (auto* e = obj.get_if<ExceptionValue>(); e && n.text == "args")
        return Value::list(e->message.empty() ? std::vector<Value>{} : std::vector<Value>{Value(e->message)});
      throw ProgramError("AttributeError", "'" + obj.type_name() + "' object has no attribute '" + n.text + "'");
    }
    case ExprKind::index: {
      const Value obj = eval_node(*n.args[0], f);
      const Value idx = eval_node(*n.args[1], f);
      std::int64_t i = as_index(idx);
      if (auto* l = obj.get_if<std::shared_ptr<ListValue>>()) {
        const auto size = static_cast<std::int64_t>((*l)->items.size());
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw ProgramError("IndexError", "list index out of range");
        return (*l)->items[static_cast<std::size_t>(i)];
      }
      if (auto* s = obj.get_if<std::string>()) {
        const auto size = static_cast<std::int64_t>(s->size());
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw ProgramError("IndexError", "string index out of range");
        return Value(std::string(1, (*s)[static_cast<std::size_t>(i)]));
      }
      type_error("'" + obj.type_name() + "' object is not subscriptable");
    }
    case ExprKind::call: return call_function(n, f);
    case ExprKind::binary: break;
  }
  // binary
  if (n.op == "and") {
    Value l = eval_node(*n.args[0], f);
    return l.truthy() ? eval_node(*n.args[1], f) : l;
  }
  if (n.op == "or") {
    Value l = eval_node(*n.args[0], f);
    return l.truthy() ? l : eval_node(*n.args[1], f);
  }
  const Value a = eval_node(*n.args[0], f);
  const Value b = eval_node(*n.args[1], f);
  const std::string& op = n.op;
  if (op == "==") return Value(values_equal(a, b));
  if (op == "!=") return Value(!values_equal(a, b));
  if (op == "in" || op == "not in") {
    bool found = false;
    if (auto* l = b.get_if<std::shared_ptr<ListValue>>()) {
      found = std::any_of((*l)->items.begin(), (*l)->items.end(), [&](const Value& x) { return values_equal(a, x); });
    } else if (auto* s = b.get_if<std::string>()) {
      auto* sub = a.get_if<std::string>();
      if (!sub) type_error("'in <string>' requires string as left operand, not " + a.type_name());
      found = s->find(*sub) != std::string::npos;
    } else {
      type_error("argument of type '" + b.type_name() + "' is not iterable");
    }
    return Value(op == "in" ? found : !found);
  }
  const bool ints = (a.is<std::int64_t>() || a.is<bool>()) && (b.is<std::int64_t>() || b.is<bool>());
  if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    int cmp;
    if (a.is_number() && b.is_number()) {
      const double x = a.as_double(), y = b.as_double();
      cmp = x < y ? -1 : x > y ? 1 : 0;
    } else if (a.is<std::string>() && b.is<std::string>()) {
      cmp = a.get_if<std::string>()->compare(*b.get_if<std::string>());
    } else {
      type_error("'" + op + "' not supported between instances of '" + a.type_name() + "' and '" + b.type_name() + "'");
    }
    if (op == "<") return Value(cmp < 0);
    if (op == "<=") return Value(cmp <= 0);
    if (op == ">") return Value(cmp > 0);
    return Value(cmp >= 0);
  }
  if (op == "+") {
    if (ints) {
      std::int64_t r = 0;
      const bool overflow = __builtin_add_overflow(int_of(a), int_of(b), &r);
      return Value(checked(overflow, r));
    }
    if (a.is_number() && b.is_number()) return Value(a.as_double() + b.as_double());
    if (a.is<std::string>() && b.is<std::string>()) {
      std::string s = *a.get_if<std::string>() + *b.get_if<std::string>();
      if (s.size() > max_string) throw ProgramError("MemoryError", "string too long");
      return Value(std::move(s));
    }
    if (a.is<std::shared_ptr<ListValue>>() && b.is<std::shared_ptr<ListValue>>()) {
      auto items = (*a.get_if<std::shared_ptr<ListValue>>())->items;
      const auto& more = (*b.get_if<std::shared_ptr<ListValue>>())->items;
      if (items.size() + more.size() > max_list) throw ProgramError("MemoryError", "list too long");
      items.insert(items.end(), more.begin(), more.end());
      return Value::list(std::move(items));
    }
    type_error("unsupported operand type(s) for +: '" + a.type_name() + "' and '" + b.type_name() + "'");
  }
  if (op == "*" && (a.is<std::string>() || b.is<std::string>() || a.is<std::shared_ptr<ListValue>>() || b.is<std::shared_ptr<ListValue>>())) {
    const Value& seq = (a.is<std::string>() || a.is<std::shared_ptr<ListValue>>()) ? a : b;
    const Value& count = &seq == &a ? b : a;
    if (!count.is<std::int64_t>()) type_error("can't multiply sequence by non-int of type '" + count.type_name() + "'");
    const std::int64_t k = std::max<std::int64_t>(0, *count.get_if<std::int64_t>());
    if (auto* s = seq.get_if<std::string>()) {
      if (!s->empty() && static_cast<std::uint64_t>(k) > max_string / s->size()) throw ProgramError("MemoryError", "string too long");
      std::string out;
      for (std::int64_t i = 0; i < k; ++i) out += *s;
      return Value(std::move(out));
    }
    const auto& items = (*seq.get_if<std::shared_ptr<ListValue>>())->items;
    if (!items.empty() && static_cast<std::uint64_t>(k) > max_list / items.size()) throw ProgramError("MemoryError", "list too long");
    std::vector<Value> out;
    for (std::int64_t i = 0; i < k; ++i) out.insert(out.end(), items.begin(), items.end());
    return Value::list(std::move(out));
  }
  if (!a.is_number() || !b.is_number())
    type_error("unsupported operand type(s) for " + op + ": '" + a.type_name() + "' and '" + b.type_name() + "'");
  if (ints) {
    const std::int64_t x = int_of(a), y = int_of(b);
    std::int64_t r = 0;
    if (op == "-") {
      const bool overflow = __builtin_sub_overflow(x, y, &r);
      return Value(checked(overflow, r));
    }
    if (op == "*") {
      const bool overflow = __builtin_mul_overflow(x, y, &r);
      return Value(checked(overflow, r));
    }
    if (op == "//" || op == "%") {
      if (y == 0) throw ProgramError("ZeroDivisionError", "integer division or modulo by zero");
      const std::int64_t q = floor_div(x, y);
      return op == "//" ? Value(q) : Value(x - q * y);
    }
  }
  const double x = a.as_double(), y = b.as_double();
  if (op == "-") return Value(x - y);
  if (op == "*") return Value(x * y);
  if (y == 0) throw ProgramError("ZeroDivisionError", op == "/" ? "division by zero" : "float modulo");
  if (op == "/") return Value(x / y);
  if (op == "//") return Value(std::floor(x / y));
  if (op == "%") return Value(x - std::floor(x / y) * y);
  type_error("unsupported operator " + op);
}

// ---- functions and methods -----------------------------------------------------------------
Value Interpreter::call_function(const ExprNode& n, Frame& f) {
  const ExprNode& callee = *n.args[0];
  std::vector<Value> args;
  for (std::size_t i = 1; i < n.args.size(); ++i) args.push_back(eval_node(*n.args[i], f));
  auto want = [&](std::size_t count, const std::string& fn) {
    if (args.size() != count)
      type_error(fn + "() takes " + std::to_string(count) + " argument(s) (" + std::to_string(args.size()) + " given)");
  };
  if (callee.kind == ExprKind::attribute) {
    const Value obj = eval_node(*callee.args[0], f);
    const std::string& m = callee.text;
    if (auto* t = obj.get_if<TaskValue>()) {
      want(0, m);
      if (m == "done") return Value(t->task.done());
      if (m == "cancelled") return Value(t->task.cancelled());
      if (m == "get_name") return Value(t->task.name());
      if (m == "result") {
        if (!t->task.done()) throw InvalidStateError("Result is not set.");
        return Task<Value>(static_cast<loopscope::detail::CoroPromise<Value>*>(t->task.core())).result();
      }
    }
    if (auto* o = obj.get_if<ObjectValue>()) {
      want(0, m);
      ObjectSlot& s = *o->slot;
      if (s.event && m == "is_set") return Value(s.event->is_set());
      if (s.lock && m == "locked") return Value(s.lock->locked());
      if (s.semaphore && m == "locked") return Value(s.semaphore->locked());
      if (s.queue && m == "qsize") return Value(static_cast<std::int64_t>(s.queue->qsize()));
      if (s.queue && m == "empty") return Value(s.queue->empty());
      if (s.queue && m == "full") return Value(s.queue->full());
    }
    throw ProgramError("AttributeError", "'" + obj.type_name() + "' object has no method '" + m + "'");
  }
  const std::string& fn = callee.text;
  if (fn == "now") {
    want(0, fn);
    return Value(m_loop.time());
  }
  if (fn == "len") {
    want(1, fn);
    if (auto* l = args[0].get_if<std::shared_ptr<ListValue>>()) return Value(static_cast<std::int64_t>((*l)->items.size()));
    if (auto* s = args[0].get_if<std::string>()) return Value(static_cast<std::int64_t>(s->size()));
    type_error("object of type '" + args[0].type_name() + "' has no len()");
  }
  if (fn == "str") {
    want(1, fn);
    return Value(to_str(args[0]));
  }
  if (fn == "repr") {
    want(1, fn);
    return Value(to_repr(args[0]));
  }
  if (fn == "type") {
    want(1, fn);
    return Value(TypeValue{args[0].type_name()});
  }
  if (fn == "int") {
    want(1, fn);
    if (auto* s = args[0].get_if<std::string>()) {
      char* end = nullptr;
      const long long v = std::strtoll(s->c_str(), &end, 10);
      if (s->empty() || *end != '\0') throw ProgramError("ValueError", "invalid literal for int() with base 10: " + to_repr(args[0]));
      return Value(static_cast<std::int64_t>(v));
    }
    const double d = args[0].as_double();
    if (!std::isfinite(d) || std::fabs(d) > 9e18) throw ProgramError("OverflowError", "cannot convert float to integer");
    return Value(static_cast<std::int64_t>(std::trunc(d)));
  }
  if (fn == "float") {
    want(1, fn);
    return Value(args[0].as_double());
  }
  if (fn == "abs") {
    want(1, fn);
    if (auto* i = args[0].get_if<std::int64_t>()) return Value(checked(*i == INT64_MIN, *i < 0 ? -*i : *i));
    return Value(std::fabs(args[0].as_double()));
  }
  if (fn == "round") {
    if (args.size() == 1) {
      const double d = args[0].as_double();
      if (!std::isfinite(d) || std::fabs(d) > 9e18) throw ProgramError("OverflowError", "cannot convert float to integer");
      return Value(static_cast<std::int64_t>(std::nearbyint(d)));  // banker's rounding, as Python
    }
    want(2, fn);
    const double scale = std::pow(10.0, std::clamp(args[1].as_double(), -15.0, 15.0));
    return Value(std::nearbyint(args[0].as_double() * scale) / scale);
  }
  if (fn == "min" || fn == "max") {
    std::vector<Value> items = args;
    if (args.size() == 1 && args[0].is<std::shared_ptr<ListValue>>()) items = (*args[0].get_if<std::shared_ptr<ListValue>>())->items;
    if (items.empty()) throw ProgramError("ValueError", fn + "() arg is an empty sequence");
    Value best = items[0];
    for (const auto& v : items) {
      if (!v.is_number() || !best.is_number()) type_error(fn + "() needs numbers");
      if (fn == "min" ? v.as_double() < best.as_double() : v.as_double() > best.as_double()) best = v;
    }
    return best;
  }
  if (fn == "range") {
    if (args.empty() || args.size() > 2) type_error("range() takes 1 or 2 arguments");
    const std::int64_t start = args.size() == 2 ? as_index(args[0]) : 0;
    const std::int64_t stop = as_index(args.back());
    if (stop - start > static_cast<std::int64_t>(max_list)) throw ProgramError("MemoryError", "range too long");
    std::vector<Value> items;
    for (std::int64_t i = start; i < stop; ++i) items.emplace_back(i);
    return Value::list(std::move(items));
  }
  (void)list_of;
  throw ProgramError("NameError", "name '" + fn + "' is not a function");
}

// ---- templates -----------------------------------------------------------------------------
std::string Interpreter::render(const Template& t, Frame& f) {
  std::string out;
  for (const auto& piece : t.pieces) {
    if (piece.field.valid()) out += format_value(eval(piece.field, f), piece.spec);
    else out += piece.literal;
    if (out.size() > max_string) throw ProgramError("MemoryError", "string too long");
  }
  return out;
}

}  // namespace loopscope::lesson
