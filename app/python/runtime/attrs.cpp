// attrs.cpp — attribute access: modules, exceptions, types, functions, tasks, numbers and
// native objects; the methods of str, list, dict, set and tuple are in methods.cpp.
#include "python/runtime/args.hpp"
#include "python/runtime/runtime.hpp"

#include <cmath>

namespace loopscope::python {

std::optional<Value> str_method(Runtime& rt, const Value& self, std::string_view name);
std::optional<Value> list_method(Runtime& rt, const Value& self, std::string_view name);
std::optional<Value> dict_method(Runtime& rt, const Value& self, std::string_view name);
std::optional<Value> set_method(Runtime& rt, const Value& self, std::string_view name);
std::optional<Value> tuple_method(Runtime& rt, const Value& self, std::string_view name);
std::optional<Value> task_attr(Runtime& rt, const Value& self, std::string_view name);

namespace {
std::optional<Value> exception_attr(const Value& self, std::string_view name) {
  auto* e = self.as<ExceptionObject>();
  if (name == "args") return py_tuple(e->args);
  if (name == "__cause__") return e->cause;
  if (name == "__context__") return e->context;
  if (name == "__suppress_context__") return py_bool(e->suppress_context);
  if (name == "__traceback__") return Value();
  if (name == "__class__") return Value(static_cast<Object*>(e->type));
  if (e->type->is_subclass_of(types().base_exception_group)) {
    if (name == "exceptions") return py_tuple(e->group);
    if (name == "message") return py_str(e->group_message);
  }
  return std::nullopt;
}
}  // namespace

Value Runtime::get_attr(const Value& obj, std::string_view name) {
  std::optional<Value> r;
  if (obj.is_object()) {
    switch (obj.obj()->kind) {
      case ObjKind::module: {
        auto* m = obj.as<ModuleObject>();
        if (auto it = m->attrs.find(name); it != m->attrs.end()) return it->second;
        if (name == "__name__") return py_str(m->name);
        raise(types().attribute_error, "module '" + m->name + "' has no attribute '" + std::string(name) + "'");
      }
      case ObjKind::str: r = str_method(*this, obj, name); break;
      case ObjKind::list: r = list_method(*this, obj, name); break;
      case ObjKind::dict: r = dict_method(*this, obj, name); break;
      case ObjKind::set: r = set_method(*this, obj, name); break;
      case ObjKind::tuple: r = tuple_method(*this, obj, name); break;
      case ObjKind::exception: r = exception_attr(obj, name); break;
      case ObjKind::task: r = task_attr(*this, obj, name); break;
      case ObjKind::type: {
        auto* t = obj.as<TypeObject>();
        if (name == "__name__" || name == "__qualname__") return py_str(t->name);
        if (name == "__module__") return py_str(t->module.empty() ? "builtins" : t->module);
        break;
      }
      case ObjKind::function: {
        auto* f = obj.as<FunctionObject>();
        if (name == "__name__") return py_str(f->name);
        if (name == "__qualname__") return py_str(f->qualname);
        break;
      }
      case ObjKind::builtin:
        if (name == "__name__") return py_str(obj.as<BuiltinObject>()->name);
        break;
      case ObjKind::coroutine: {
        auto* c = obj.as<CoroutineObject>();
        if (name == "__name__" || name == "__qualname__") return py_str(c->name);
        if (name == "close") {
          return method("close", obj, [obj](Runtime&, CallArgs& a) {
            check_args(a, "close", 0, 0);
            auto* co = obj.as<CoroutineObject>();
            if (!co->consumed && co->coro.valid()) {
              co->coro.handle().promise().m_started = true;  // closed: no never-awaited warning
              co->coro = Coro<Value>();
            }
            co->consumed = true;
            return Value();
          });
        }
        break;
      }
      case ObjKind::native: r = obj.as<NativeObject>()->getattr(*this, obj, name); break;
      default: break;
    }
  } else if (obj.is_float()) {
    const double d = obj.as_float();
    if (name == "is_integer") return method("is_integer", obj, [d](Runtime&, CallArgs&) { return py_bool(std::isfinite(d) && std::floor(d) == d); });
    if (name == "real") return obj;
    if (name == "imag") return py_float(0);
  } else if (obj.is_intlike()) {
    const std::int64_t i = obj.as_int();
    if (name == "bit_length")
      return method("bit_length", obj, [i](Runtime&, CallArgs&) {
        std::uint64_t m = i < 0 ? 0ull - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
        std::int64_t n = 0;
        while (m) { ++n; m >>= 1; }
        return py_int(n);
      });
    if (name == "real" || name == "numerator") return py_int(i);
    if (name == "imag") return py_int(0);
    if (name == "denominator") return py_int(1);
  }
  if (r) return std::move(*r);
  if (name == "__class__") return Value(static_cast<Object*>(type_of(obj)));
  raise(types().attribute_error, "'" + type_name(obj) + "' object has no attribute '" + std::string(name) + "'");
}

}  // namespace loopscope::python
