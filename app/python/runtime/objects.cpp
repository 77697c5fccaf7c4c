// objects.cpp — constructors and small methods of the Object kinds (see objects.hpp).
#include "python/runtime/objects.hpp"

#include "python/runtime/errors.hpp"
#include "python/runtime/ops.hpp"
#include "python/runtime/runtime.hpp"

#include <loopscope/event_loop.hpp>

namespace loopscope::python {

void destroy(Object* o) noexcept { delete o; }

StrObject::StrObject(std::string s) : Object(ObjKind::str), text(std::move(s)) {
  ascii = true;
  for (unsigned char c : text)
    if (c >= 0x80) { ascii = false; break; }
  length = ascii ? text.size() : utf8_length(text);
}

Value py_str(std::string s) { return Value(make<StrObject>(std::move(s))); }
Value py_list(std::vector<Value> items) { return Value(make<ListObject>(std::move(items))); }
Value py_tuple(std::vector<Value> items) { return Value(make<TupleObject>(std::move(items))); }
Ref<DictObject> new_dict() { return make<DictObject>(); }

std::size_t ValueHash::operator()(const Value& v) const { return hash_value(v); }
bool ValueEq::operator()(const Value& a, const Value& b) const { return equal(a, b); }

Value* DictObject::find(const Value& key) {
  auto it = index.find(key);
  return it == index.end() ? nullptr : &entries[it->second].second;
}

void DictObject::set(const Value& key, Value value) {
  auto it = index.find(key);
  if (it != index.end()) {
    entries[it->second].second = std::move(value);
    return;
  }
  index.emplace(key, entries.size());
  entries.emplace_back(key, std::move(value));
}

bool DictObject::erase(const Value& key) {
  auto it = index.find(key);
  if (it == index.end()) return false;
  const std::size_t pos = it->second;
  index.erase(it);
  entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(pos));
  for (auto& [k, i] : index)
    if (i > pos) --i;
  return true;
}

void SetObject::add(const Value& v) {
  if (index.count(v)) return;
  index.emplace(v, items.size());
  items.push_back(v);
}

bool SetObject::erase(const Value& v) {
  auto it = index.find(v);
  if (it == index.end()) return false;
  const std::size_t pos = it->second;
  index.erase(it);
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(pos));
  for (auto& [k, i] : index)
    if (i > pos) --i;
  return true;
}

std::int64_t RangeObject::size() const {
  if (step > 0) return start < stop ? (stop - start + step - 1) / step : 0;
  return start > stop ? (start - stop - step - 1) / (-step) : 0;
}

std::optional<Value> CallArgs::take(std::string_view name) {
  for (auto it = kw.begin(); it != kw.end(); ++it) {
    if (it->first == name) {
      Value v = std::move(it->second);
      kw.erase(it);
      return v;
    }
  }
  return std::nullopt;
}

Value builtin(std::string name, NativeFn fn) { return Value(make<BuiltinObject>(std::move(name), std::move(fn))); }

Value method(std::string name, Value self, NativeFn fn) {
  auto b = make<BuiltinObject>(std::move(name), std::move(fn));
  b->self = std::move(self);
  b->is_method = true;
  return Value(b);
}

CoroutineObject::~CoroutineObject() {
  if (!warn_unawaited || consumed || !coro.valid()) return;
  if (EventLoop* loop = EventLoop::current(); loop && !loop->is_closed())
    loop->warn("coroutine '" + name + "' was never awaited");
  coro.handle().promise().m_started = true;  // reported here: the frame stays quiet
}

TaskObject::~TaskObject() {
  if (runtime) runtime->forget_task(task.core());
}

ExceptionObject::ExceptionObject(TypeObject* t) : Object(ObjKind::exception), type(t) {}

bool TypeObject::is_subclass_of(const TypeObject* other) const {
  if (this == other) return true;
  for (const TypeObject* b : bases)
    if (b->is_subclass_of(other)) return true;
  return false;
}

std::string NativeObject::repr() const { return std::string("<") + type_name() + " object>"; }

Coro<Value> NativeObject::aenter(Runtime&, Value) {
  type_error(std::string("'") + type_name() + "' object does not support the asynchronous context manager protocol");
  co_return Value();
}

Coro<bool> NativeObject::aexit(Runtime&, std::exception_ptr) { co_return false; }

Coro<Value> NativeObject::await_(Runtime&, Value) {
  type_error(std::string("object ") + type_name() + " can't be used in 'await' expression");
  co_return Value();
}

}  // namespace loopscope::python
