// containers.cpp — len, indexing, slicing and iteration over Values (see ops.hpp).
#include "python/runtime/ops.hpp"

namespace loopscope::python {

std::int64_t to_index(const Value& v) {
  if (v.is_intlike()) return v.as_int();
  type_error("indices must be integers or slices, not " + type_name(v));
}

std::int64_t length(const Value& v) {
  if (v.is_object()) {
    switch (v.obj()->kind) {
      case ObjKind::str: return static_cast<std::int64_t>(v.as<StrObject>()->length);
      case ObjKind::list: return static_cast<std::int64_t>(v.as<ListObject>()->items.size());
      case ObjKind::tuple: return static_cast<std::int64_t>(v.as<TupleObject>()->items.size());
      case ObjKind::dict: return static_cast<std::int64_t>(v.as<DictObject>()->entries.size());
      case ObjKind::set: return static_cast<std::int64_t>(v.as<SetObject>()->items.size());
      case ObjKind::range: return v.as<RangeObject>()->size();
      default: break;
    }
  }
  type_error("object of type '" + type_name(v) + "' has no len()");
}

SliceBounds slice_bounds(const SliceObject& s, std::int64_t size) {
  std::int64_t step = 1;
  if (!s.step.is_none()) {
    step = to_index(s.step);
    if (step == 0) value_error("slice step cannot be zero");
  }
  auto clamp = [&](const Value& v, std::int64_t dflt) {
    if (v.is_none()) return dflt;
    std::int64_t i = to_index(v);
    if (i < 0) {
      i += size;
      if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= size) {
      i = step < 0 ? size - 1 : size;
    }
    return i;
  };
  const std::int64_t start = clamp(s.lower, step < 0 ? size - 1 : 0);
  const std::int64_t stop = clamp(s.upper, step < 0 ? -1 : size);
  std::int64_t count = 0;
  if (step > 0 && start < stop) count = (stop - start + step - 1) / step;
  if (step < 0 && start > stop) count = (start - stop - step - 1) / (-step);
  return {start, stop, step, count};
}

namespace {
std::int64_t normalize(std::int64_t i, std::size_t size, const char* what) {
  const auto n = static_cast<std::int64_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(types().index_error, std::string(what) + " index out of range");
  return i;
}

std::vector<Value> slice_of(const std::vector<Value>& items, const SliceObject& s) {
  const SliceBounds b = slice_bounds(s, static_cast<std::int64_t>(items.size()));
  std::vector<Value> out;
  out.reserve(static_cast<std::size_t>(b.count));
  for (std::int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) out.push_back(items[static_cast<std::size_t>(k)]);
  return out;
}

// The code points of s, each as its UTF-8 bytes.
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}
}  // namespace

Value get_item(const Value& obj, const Value& key) {
  if (obj.is_object()) {
    switch (obj.obj()->kind) {
      case ObjKind::list: {
        auto& items = obj.as<ListObject>()->items;
        if (auto* s = key.get<SliceObject>(ObjKind::slice)) return py_list(slice_of(items, *s));
        if (!key.is_intlike()) type_error("list indices must be integers or slices, not " + type_name(key));
        return items[static_cast<std::size_t>(normalize(key.as_int(), items.size(), "list"))];
      }
      case ObjKind::tuple: {
        auto& items = obj.as<TupleObject>()->items;
        if (auto* s = key.get<SliceObject>(ObjKind::slice)) return py_tuple(slice_of(items, *s));
        if (!key.is_intlike()) type_error("tuple indices must be integers or slices, not " + type_name(key));
        return items[static_cast<std::size_t>(normalize(key.as_int(), items.size(), "tuple"))];
      }
      case ObjKind::str: {
        auto* so = obj.as<StrObject>();
        if (auto* s = key.get<SliceObject>(ObjKind::slice)) {
          const SliceBounds b = slice_bounds(*s, static_cast<std::int64_t>(so->length));
          if (so->ascii) {
            std::string out;
            for (std::int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) out += so->text[static_cast<std::size_t>(k)];
            return py_str(std::move(out));
          }
          const auto cps = code_points(so->text);
          std::string out;
          for (std::int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) out += cps[static_cast<std::size_t>(k)];
          return py_str(std::move(out));
        }
        if (!key.is_intlike()) type_error("string indices must be integers, not '" + type_name(key) + "'");
        const auto i = static_cast<std::size_t>(normalize(key.as_int(), so->length, "string"));
        if (so->ascii) return py_str(std::string(1, so->text[i]));
        return py_str(std::string(code_points(so->text)[i]));
      }
      case ObjKind::dict: {
        if (Value* v = obj.as<DictObject>()->find(key)) return *v;
        throw_exception(new_exception_args(types().key_error, {key}));
      }
      case ObjKind::range: {
        auto* r = obj.as<RangeObject>();
        if (key.is(ObjKind::slice)) type_error("range slicing is not supported in Loopscope programs");
        const auto i = normalize(to_index(key), static_cast<std::size_t>(r->size()), "range object");
        return py_int(r->start + i * r->step);
      }
      default: break;
    }
  }
  type_error("'" + type_name(obj) + "' object is not subscriptable");
}

void set_item(const Value& obj, const Value& key, Value v) {
  if (auto* l = obj.get<ListObject>(ObjKind::list)) {
    if (auto* s = key.get<SliceObject>(ObjKind::slice)) {
      const SliceBounds b = slice_bounds(*s, static_cast<std::int64_t>(l->items.size()));
      if (b.step != 1) type_error("extended slice assignment is not supported in Loopscope programs");
      std::vector<Value> repl = to_vector(v);
      const auto start = static_cast<std::size_t>(b.start);
      const auto stop = static_cast<std::size_t>(std::max(b.start, b.stop));
      l->items.erase(l->items.begin() + static_cast<std::ptrdiff_t>(start), l->items.begin() + static_cast<std::ptrdiff_t>(stop));
      l->items.insert(l->items.begin() + static_cast<std::ptrdiff_t>(start), repl.begin(), repl.end());
      return;
    }
    if (!key.is_intlike()) type_error("list indices must be integers or slices, not " + type_name(key));
    l->items[static_cast<std::size_t>(normalize(key.as_int(), l->items.size(), "list assignment"))] = std::move(v);
    return;
  }
  if (auto* d = obj.get<DictObject>(ObjKind::dict)) {
    d->set(key, std::move(v));
    return;
  }
  type_error("'" + type_name(obj) + "' object does not support item assignment");
}

void del_item(const Value& obj, const Value& key) {
  if (auto* l = obj.get<ListObject>(ObjKind::list)) {
    if (auto* s = key.get<SliceObject>(ObjKind::slice)) {
      const SliceBounds b = slice_bounds(*s, static_cast<std::int64_t>(l->items.size()));
      std::vector<bool> drop(l->items.size(), false);
      for (std::int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) drop[static_cast<std::size_t>(k)] = true;
      std::vector<Value> keep;
      for (std::size_t i = 0; i < l->items.size(); ++i)
        if (!drop[i]) keep.push_back(l->items[i]);
      l->items = std::move(keep);
      return;
    }
    const auto i = normalize(to_index(key), l->items.size(), "list assignment");
    l->items.erase(l->items.begin() + i);
    return;
  }
  if (auto* d = obj.get<DictObject>(ObjKind::dict)) {
    if (!d->erase(key)) throw_exception(new_exception_args(types().key_error, {key}));
    return;
  }
  type_error("'" + type_name(obj) + "' object doesn't support item deletion");
}

// ---- iteration -------------------------------------------------------------------------------
Ref<IteratorObject> iterate(const Value& v) {
  auto it = make<IteratorObject>();
  if (v.is_object()) {
    switch (v.obj()->kind) {
      case ObjKind::list: {
        Ref<ListObject> l(v.as<ListObject>());
        std::size_t i = 0;
        it->type_name = "list_iterator";
        it->next = [l, i]() mutable -> std::optional<Value> {
          if (i >= l->items.size()) return std::nullopt;
          return l->items[i++];
        };
        return it;
      }
      case ObjKind::tuple:
      case ObjKind::set:
      case ObjKind::dict: {
        std::vector<Value> items = to_vector(v);
        std::size_t i = 0;
        it->type_name = v.is(ObjKind::tuple) ? "tuple_iterator" : v.is(ObjKind::set) ? "set_iterator" : "dict_keyiterator";
        it->next = [items = std::move(items), i]() mutable -> std::optional<Value> {
          if (i >= items.size()) return std::nullopt;
          return items[i++];
        };
        return it;
      }
      case ObjKind::str: {
        auto cps = code_points(str_of(v));
        std::vector<std::string> owned(cps.begin(), cps.end());
        std::size_t i = 0;
        it->type_name = "str_ascii_iterator";
        it->next = [owned = std::move(owned), i]() mutable -> std::optional<Value> {
          if (i >= owned.size()) return std::nullopt;
          return py_str(owned[i++]);
        };
        return it;
      }
      case ObjKind::range: {
        auto* r = v.as<RangeObject>();
        std::int64_t cur = r->start, stop = r->stop, step = r->step;
        it->type_name = "range_iterator";
        it->next = [cur, stop, step]() mutable -> std::optional<Value> {
          if (step > 0 ? cur >= stop : cur <= stop) return std::nullopt;
          const std::int64_t x = cur;
          cur += step;
          return py_int(x);
        };
        return it;
      }
      case ObjKind::iterator: return Ref<IteratorObject>(v.as<IteratorObject>());
      default: break;
    }
  }
  type_error("'" + type_name(v) + "' object is not iterable");
}

std::vector<Value> to_vector(const Value& v) {
  if (v.is_object()) {
    switch (v.obj()->kind) {
      case ObjKind::list: return v.as<ListObject>()->items;
      case ObjKind::tuple: return v.as<TupleObject>()->items;
      case ObjKind::set: return v.as<SetObject>()->items;
      case ObjKind::dict: {
        std::vector<Value> out;
        for (const auto& [k, val] : v.as<DictObject>()->entries) out.push_back(k);
        return out;
      }
      default: break;
    }
  }
  std::vector<Value> out;
  auto it = iterate(v);
  while (auto x = it->next()) {
    out.push_back(std::move(*x));
    if (out.size() > 50'000'000) raise(types().overflow_error, "sequence is too long");
  }
  return out;
}

void for_each(const Value& v, const std::function<void(const Value&)>& fn) {
  if (v.is(ObjKind::range)) {
    auto* r = v.as<RangeObject>();
    for (std::int64_t i = r->start; r->step > 0 ? i < r->stop : i > r->stop; i += r->step) fn(py_int(i));
    return;
  }
  for (const auto& x : to_vector(v)) fn(x);
}

}  // namespace loopscope::python
