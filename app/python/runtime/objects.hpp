#pragma once
// objects.hpp — the Object kinds behind Values: str, list, tuple, dict, set, range, slice,
// iterators, types, modules, functions, builtins, bound methods, coroutines, tasks, exceptions,
// and native objects (asyncio primitives, aiohttp sessions…).
// Invariants:
//   - StrObject holds UTF-8; `length` is its number of code points (Python's len);
//   - DictObject keeps insertion order: `entries` in order, `index` maps a key to its position;
//   - a CoroutineObject's coroutine runs at most once (awaited or wrapped in a task).
//
// Sections: str · containers · callables · coroutines and tasks · exceptions · types and modules
// · native objects
#include "python/runtime/value.hpp"

#include <loopscope/coro.hpp>
#include <loopscope/detail/primitive.hpp>
#include <loopscope/task.hpp>

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace loopscope::python {

struct Expr;
struct FunctionDef;
struct Lambda;
struct ScopeInfo;
struct Env;

// ---- str -------------------------------------------------------------------------------------
struct StrObject : Object {
  explicit StrObject(std::string s);
  std::string text;       // UTF-8
  std::size_t length;     // code points
  bool ascii;
};
Value py_str(std::string s);
inline const std::string& str_of(const Value& v) { return v.as<StrObject>()->text; }

// ---- containers ------------------------------------------------------------------------------
struct ListObject : Object {
  ListObject() : Object(ObjKind::list) {}
  explicit ListObject(std::vector<Value> v) : Object(ObjKind::list), items(std::move(v)) {}
  std::vector<Value> items;
};
struct TupleObject : Object {
  TupleObject() : Object(ObjKind::tuple) {}
  explicit TupleObject(std::vector<Value> v) : Object(ObjKind::tuple), items(std::move(v)) {}
  std::vector<Value> items;
};
Value py_list(std::vector<Value> items = {});
Value py_tuple(std::vector<Value> items = {});

struct ValueHash { std::size_t operator()(const Value& v) const; };
struct ValueEq { bool operator()(const Value& a, const Value& b) const; };

struct DictObject : Object {
  DictObject() : Object(ObjKind::dict) {}
  std::vector<std::pair<Value, Value>> entries;
  std::unordered_map<Value, std::size_t, ValueHash, ValueEq> index;
  Value* find(const Value& key);
  void set(const Value& key, Value value);
  bool erase(const Value& key);
  void clear() { entries.clear(); index.clear(); }
};
Ref<DictObject> new_dict();

// A set keeps insertion order too (CPython's order is by hash; programs that print a set of
// strings are nondeterministic under CPython anyway, so the corpus avoids them).
struct SetObject : Object {
  SetObject() : Object(ObjKind::set) {}
  std::vector<Value> items;
  std::unordered_map<Value, std::size_t, ValueHash, ValueEq> index;
  bool contains(const Value& v) const { return index.count(v) != 0; }
  void add(const Value& v);
  bool erase(const Value& v);
};

struct RangeObject : Object {
  RangeObject(std::int64_t a, std::int64_t b, std::int64_t s) : Object(ObjKind::range), start(a), stop(b), step(s) {}
  std::int64_t start, stop, step;
  std::int64_t size() const;
};

struct SliceObject : Object {
  SliceObject() : Object(ObjKind::slice) {}
  Value lower, upper, step;
};

// An iterator: next() gives the next item or nullopt at the end.
struct IteratorObject : Object {
  IteratorObject() : Object(ObjKind::iterator) {}
  std::function<std::optional<Value>()> next;
  std::string type_name = "iterator";
};

// ---- callables -------------------------------------------------------------------------------
struct CallArgs {
  std::vector<Value> pos;
  std::vector<std::pair<std::string, Value>> kw;
  // The keyword argument `name` (removed from kw), if given.
  std::optional<Value> take(std::string_view name);
};

using NativeFn = std::function<Value(Runtime&, CallArgs&)>;

struct BuiltinObject : Object {
  BuiltinObject(std::string n, NativeFn f) : Object(ObjKind::builtin), name(std::move(n)), fn(std::move(f)) {}
  std::string name;
  NativeFn fn;
  Value self;         // bound methods of built-in objects carry their receiver here
  bool is_method = false;
};
Value builtin(std::string name, NativeFn fn);
Value method(std::string name, Value self, NativeFn fn);

// A `def`, `async def` or `lambda` value.
struct FunctionObject : Object {
  FunctionObject() : Object(ObjKind::function) {}
  const FunctionDef* def = nullptr;   // null for a lambda
  const Lambda* lambda = nullptr;
  std::string name;                    // "main", "<lambda>"
  std::string qualname;                // "outer.<locals>.inner"
  std::shared_ptr<Env> closure;        // the enclosing function's variables (null at module level)
  std::vector<Value> defaults;         // one per positional parameter with a default, in order
  std::vector<std::pair<std::string, Value>> kw_defaults;
  bool is_async = false;
};

struct BoundMethodObject : Object {
  BoundMethodObject(Value s, Value f) : Object(ObjKind::bound_method), self(std::move(s)), func(std::move(f)) {}
  Value self, func;
};

// ---- coroutines and tasks --------------------------------------------------------------------
struct CoroutineObject : Object {
  CoroutineObject(Coro<Value> c, std::string n) : Object(ObjKind::coroutine), coro(std::move(c)), name(std::move(n)) {}
  // Reports "coroutine 'NAME' was never awaited" (through the current loop) when it never ran.
  ~CoroutineObject() override;
  Coro<Value> coro;
  bool warn_unawaited = false;
  std::string name;       // qualname, for repr and the never-awaited warning
  bool consumed = false;  // awaited or wrapped in a task
  bool native = false;    // an awaitable made by asyncio (sleep, gather…), not a user coroutine
};

// A done callback a program registered (add_done_callback on a task or a future) and may remove
// again (remove_done_callback): removing it before the task is done sets `removed`, and the
// scheduled call then does nothing.
struct DoneCallback {
  Value fn;
  std::shared_ptr<bool> removed = std::make_shared<bool>(false);
};

struct TaskObject : Object {
  explicit TaskObject(Task<Value> t) : Object(ObjKind::task), task(std::move(t)) {}
  ~TaskObject() override;
  Task<Value> task;
  std::string coro_name;
  Runtime* runtime = nullptr;
  std::vector<DoneCallback> done_callbacks;
  // set_name's name: the program sees it (get_name, repr); the engine task and the trace keep
  // the name the task was created with, so a replayed trace still matches the live loop.
  std::optional<std::string> renamed;
  std::string name() const { return renamed ? *renamed : task.name(); }
};

// ---- exceptions ------------------------------------------------------------------------------
struct TraceEntry {
  int line = 0;
  std::string function;
  // The expression that raised in that frame: from (line, col) to (end_line, end_col), columns
  // 1-based in code points, end exclusive as in the AST (col 0: unknown, the whole line).
  int col = 0, end_line = 0, end_col = 0;
};

struct ExceptionObject : Object {
  explicit ExceptionObject(TypeObject* t);
  TypeObject* type;
  std::vector<Value> args;
  std::exception_ptr origin;          // the C++ exception carrying it, once raised
  std::vector<TraceEntry> traceback;  // innermost first
  Value cause, context;
  bool suppress_context = false;
  // ExceptionGroup
  std::string group_message;
  std::vector<Value> group;
};

// ---- types and modules -----------------------------------------------------------------------
// A type: `int`, `str`, `ValueError`, `asyncio.Lock`… Calling it constructs (when `construct`).
struct TypeObject : Object {
  TypeObject(std::string n, std::vector<TypeObject*> b) : Object(ObjKind::type), name(std::move(n)), bases(std::move(b)) {}
  std::string name;
  std::string module;                 // "asyncio" for asyncio.CancelledError (repr only)
  std::vector<TypeObject*> bases;
  NativeFn construct;                 // null: not callable
  bool is_exception = false;
  bool is_subclass_of(const TypeObject* other) const;
};

struct ModuleObject : Object {
  explicit ModuleObject(std::string n) : Object(ObjKind::module), name(std::move(n)) {}
  std::string name;
  std::map<std::string, Value, std::less<>> attrs;
};

// ---- native objects --------------------------------------------------------------------------
// Objects implemented in C++ (Lock, Queue, ClientSession…). Attributes are looked up through
// getattr; `async with` goes through aenter/aexit.
struct NativeObject : Object {
  NativeObject() : Object(ObjKind::native) {}
  bool is_sleep = false;  // a SleepObject (runtime.hpp)
  virtual const char* type_name() const = 0;
  virtual TypeObject* type() const { return nullptr; }
  // The attribute `name` of `self` (self is this object as a Value); nullopt if none.
  virtual std::optional<Value> getattr(Runtime& rt, const Value& self, std::string_view name) = 0;
  virtual std::string repr() const;
  virtual bool has_async_with() const { return false; }
  // The engine primitive behind an asyncio lock, event, semaphore, condition, barrier or queue
  // (nullptr for anything else): assigning one to a name gives it that name in the trace.
  virtual detail::Primitive* primitive() { return nullptr; }
  virtual Coro<Value> aenter(Runtime& rt, Value self);
  // Returns true to swallow `error` (null when the body finished normally).
  virtual Coro<bool> aexit(Runtime& rt, std::exception_ptr error);
  virtual bool has_sync_with() const { return false; }
  // `await obj` (aiohttp's request context, …)
  virtual bool is_awaitable() const { return false; }
  virtual Coro<Value> await_(Runtime& rt, Value self);
};

}  // namespace loopscope::python
