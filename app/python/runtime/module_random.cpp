// module_random.cpp — the `random` module: a generator seeded per run (so runs repeat), with
// random, randint, randrange, uniform, choice, shuffle, sample and seed.
// The numbers differ from CPython's Mersenne Twister draws, so the conformance corpus prints
// only what does not depend on the values drawn.
#include "python/runtime/args.hpp"
#include "python/runtime/runtime.hpp"

namespace loopscope::python {

namespace {
double unit(Runtime& rt) { return static_cast<double>(rt.rng()() >> 11) * (1.0 / 9007199254740992.0); }
std::int64_t below(Runtime& rt, std::int64_t n) { return static_cast<std::int64_t>(rt.rng()() % static_cast<std::uint64_t>(n)); }
}  // namespace

Value make_random_module(Runtime&) {
  auto mod = make<ModuleObject>("random");
  auto def = [&](const std::string& n, NativeFn fn) { mod->attrs[n] = builtin(n, std::move(fn)); };
  def("random", [](Runtime& rt, CallArgs& a) { check_args(a, "random", 0, 0); return py_float(unit(rt)); });
  def("uniform", [](Runtime& rt, CallArgs& a) {
    check_args(a, "uniform", 2, 2);
    const double x = number_arg(a.pos[0], "a"), y = number_arg(a.pos[1], "b");
    return py_float(x + (y - x) * unit(rt));
  });
  def("randint", [](Runtime& rt, CallArgs& a) {
    check_args(a, "randint", 2, 2);
    const auto x = int_arg(a.pos[0], ""), y = int_arg(a.pos[1], "");
    if (y < x) value_error("empty range for randrange() (" + std::to_string(x) + ", " + std::to_string(y + 1) + ", " + std::to_string(y + 1 - x) + ")");
    return py_int(x + below(rt, y - x + 1));
  });
  def("randrange", [](Runtime& rt, CallArgs& a) {
    check_args(a, "randrange", 1, 3);
    std::int64_t start = 0, stop = 0, step = 1;
    if (a.pos.size() == 1) stop = int_arg(a.pos[0], "");
    else {
      start = int_arg(a.pos[0], "");
      stop = int_arg(a.pos[1], "");
      if (a.pos.size() == 3) step = int_arg(a.pos[2], "");
    }
    if (step == 0) value_error("zero step for randrange()");
    const std::int64_t n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / (-step);
    if (n <= 0) value_error("empty range for randrange()");
    return py_int(start + step * below(rt, n));
  });
  def("choice", [](Runtime& rt, CallArgs& a) {
    check_args(a, "choice", 1, 1);
    const auto n = length(a.pos[0]);
    if (n == 0) raise(types().index_error, "Cannot choose from an empty sequence");
    return get_item(a.pos[0], py_int(below(rt, n)));
  });
  def("shuffle", [](Runtime& rt, CallArgs& a) {
    check_args(a, "shuffle", 1, 1);
    auto* l = a.pos[0].get<ListObject>(ObjKind::list);
    if (!l) type_error("'" + type_name(a.pos[0]) + "' object does not support item assignment");
    for (std::size_t i = l->items.size(); i > 1; --i) std::swap(l->items[i - 1], l->items[static_cast<std::size_t>(below(rt, static_cast<std::int64_t>(i)))]);
    return Value();
  });
  def("sample", [](Runtime& rt, CallArgs& a) {
    check_args(a, "sample", 2, 2);
    std::vector<Value> items = to_vector(a.pos[0]);
    const auto k = int_arg(a.pos[1], "");
    if (k < 0 || k > static_cast<std::int64_t>(items.size())) value_error("Sample larger than population or is negative");
    for (std::size_t i = 0; i < static_cast<std::size_t>(k); ++i)
      std::swap(items[i], items[i + static_cast<std::size_t>(below(rt, static_cast<std::int64_t>(items.size() - i)))]);
    items.resize(static_cast<std::size_t>(k));
    return py_list(std::move(items));
  });
  def("seed", [](Runtime& rt, CallArgs& a) {
    check_args(a, "seed", 0, 1);
    rt.rng().seed(a.pos.empty() || a.pos[0].is_none() ? 0 : hash_value(a.pos[0]));
    return Value();
  });
  return Value(mod);
}

}  // namespace loopscope::python
