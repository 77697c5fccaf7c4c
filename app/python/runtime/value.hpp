#pragma once
// value.hpp — the values a Python program computes with.
//
// A Value is 16 bytes: a kind tag and either an immediate (None, bool, int, float) or a pointer
// to a reference-counted Object (str, list, tuple, dict, set, function, task, exception, …).
// Objects are shared like Python names share them: copying a Value aliases the object.
// Invariants:
//   - reference counts are not atomic: values live on the loop thread only (to_thread workers
//     never see program values);
//   - an Object is destroyed when its last Value (or Ref) goes away; cycles leak until the run's
//     Runtime is destroyed (the runtime clears its globals then; a run is bounded anyway).
//
// Sections: Object and Ref · Value · containers
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope::python {

class Runtime;
struct TypeObject;

// ---- Object and Ref --------------------------------------------------------------------------
enum class ObjKind : std::uint8_t {
  str, list, tuple, dict, set, function, builtin, bound_method, coroutine, task, exception, type,
  module, range, iterator, slice, native,
};

struct Object {
  explicit Object(ObjKind k) noexcept : kind(k) {}
  virtual ~Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  std::uint32_t refs = 0;
  ObjKind kind;
};

inline void retain(Object* o) noexcept { ++o->refs; }
// Out of line: deleting through a virtual destructor (and keeping g++'s use-after-free analysis
// from following inlined destructors back into the caller).
[[gnu::noinline]] void destroy(Object* o) noexcept;
inline void release(Object* o) noexcept {
  if (--o->refs == 0) destroy(o);
}

// An owning pointer to an Object subclass.
template <class T> class Ref {
public:
  Ref() noexcept = default;
  Ref(T* p) noexcept : m_p(p) { if (m_p) retain(m_p); }
  Ref(const Ref& o) noexcept : Ref(o.m_p) {}
  Ref(Ref&& o) noexcept : m_p(std::exchange(o.m_p, nullptr)) {}
  template <class U> requires std::is_convertible_v<U*, T*> Ref(const Ref<U>& o) noexcept : Ref(o.get()) {}
  Ref& operator=(Ref o) noexcept { std::swap(m_p, o.m_p); return *this; }
  ~Ref() { if (m_p) release(m_p); }
  T* get() const noexcept { return m_p; }
  T* operator->() const noexcept { return m_p; }
  T& operator*() const noexcept { return *m_p; }
  explicit operator bool() const noexcept { return m_p != nullptr; }

private:
  T* m_p = nullptr;
};

template <class T, class... A> Ref<T> make(A&&... a) { return Ref<T>(new T(std::forward<A>(a)...)); }

// ---- Value -----------------------------------------------------------------------------------
enum class Kind : std::uint8_t { none, boolean, integer, floating, object };

class Value {
public:
  Value() noexcept : m_kind(Kind::none), m_i(0) {}
  static Value boolean(bool b) noexcept { Value v; v.m_kind = Kind::boolean; v.m_b = b; return v; }
  static Value integer(std::int64_t i) noexcept { Value v; v.m_kind = Kind::integer; v.m_i = i; return v; }
  static Value floating(double d) noexcept { Value v; v.m_kind = Kind::floating; v.m_d = d; return v; }
  template <class T> Value(const Ref<T>& r) noexcept : m_kind(r ? Kind::object : Kind::none), m_o(r.get()) {
    if (m_o) retain(m_o);
  }
  explicit Value(Object* o) noexcept : m_kind(o ? Kind::object : Kind::none), m_o(o) { if (m_o) retain(m_o); }
  Value(const Value& o) noexcept : m_kind(o.m_kind), m_i(o.m_i) { if (m_kind == Kind::object) retain(m_o); }
  Value(Value&& o) noexcept : m_kind(o.m_kind), m_i(o.m_i) { o.m_kind = Kind::none; }
  Value& operator=(const Value& o) noexcept {
    Value t(o);
    swap(t);
    return *this;
  }
  Value& operator=(Value&& o) noexcept {
    Value t(std::move(o));
    swap(t);
    return *this;
  }
  ~Value() { if (m_kind == Kind::object) release(m_o); }
  void swap(Value& o) noexcept {
    std::swap(m_kind, o.m_kind);
    std::swap(m_i, o.m_i);
  }

  Kind kind() const noexcept { return m_kind; }
  bool is_none() const noexcept { return m_kind == Kind::none; }
  bool is_bool() const noexcept { return m_kind == Kind::boolean; }
  bool is_int() const noexcept { return m_kind == Kind::integer; }
  bool is_float() const noexcept { return m_kind == Kind::floating; }
  bool is_object() const noexcept { return m_kind == Kind::object; }
  // int or bool (bool is a subclass of int in Python)
  bool is_intlike() const noexcept { return m_kind == Kind::integer || m_kind == Kind::boolean; }
  bool is_number() const noexcept { return is_intlike() || is_float(); }
  bool is(ObjKind k) const noexcept { return m_kind == Kind::object && m_o->kind == k; }

  bool as_bool() const noexcept { return m_b; }
  std::int64_t as_int() const noexcept { return m_kind == Kind::boolean ? (m_b ? 1 : 0) : m_i; }
  double as_float() const noexcept {
    return m_kind == Kind::floating ? m_d : static_cast<double>(as_int());
  }
  Object* obj() const noexcept { return m_kind == Kind::object ? m_o : nullptr; }
  template <class T> T* as() const noexcept { return static_cast<T*>(m_o); }
  template <class T> T* get(ObjKind k) const noexcept { return is(k) ? static_cast<T*>(m_o) : nullptr; }

private:
  Kind m_kind;
  union {
    bool m_b;
    std::int64_t m_i;
    double m_d;
    Object* m_o;
  };
};

inline const Value none_value{};
inline Value py_bool(bool b) { return Value::boolean(b); }
inline Value py_int(std::int64_t i) { return Value::integer(i); }
inline Value py_float(double d) { return Value::floating(d); }

}  // namespace loopscope::python
