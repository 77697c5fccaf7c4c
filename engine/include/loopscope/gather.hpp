#pragma once
// gather.hpp — asyncio.gather: run tasks concurrently; a future of their results.
//
// gather(...) returns at once a Future of its own (asyncio's _GatheringFuture); `co_await` it
// for the results in argument order (not the order the children finished). Children are
// tasks, futures (another gather: gathers nest) or coroutines (wrapped in tasks at once).
// Without return_exceptions the first child that fails or is cancelled completes the gather
// with that exception; the other children keep running. With ReturnExceptions::yes every
// outcome (value or exception, CancelledError for a cancelled child) is returned.
// Cancelling the gather (or the task awaiting it) cancels every child that is not done; once
// they have all finished the gather raises CancelledError — even when the children absorbed the
// cancellation — and, CPython's quirk, its cancelled() is still false (it failed with
// CancelledError). A child's completion reaches the awaiter in two hops, as in asyncio: the
// gather's done callback ("gather: child done"), then the gather future's wake-up.
#include <loopscope/coro.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/future.hpp>
#include <loopscope/task.hpp>

#include <exception>
#include <functional>
#include <optional>
#include <tuple>
#include <vector>

namespace loopscope {

enum class ReturnExceptions : bool { no = false, yes = true };

// A value or an exception (gather with ReturnExceptions::yes).
template <class T> struct Outcome {
  std::optional<T> value;
  std::exception_ptr error;
  bool ok() const noexcept { return !error; }
  const T& get() const {
    if (error) std::rethrow_exception(error);
    return *value;
  }
};
template <> struct Outcome<void> {
  std::exception_ptr error;
  bool ok() const noexcept { return !error; }
  void get() const {
    if (error) std::rethrow_exception(error);
  }
};

namespace detail {

// One child of a gather: a task or a future (exactly one is set). Not owning.
struct GatherChild {
  TaskCore* task = nullptr;
  FutureCore* future = nullptr;
  TaskState state() const noexcept { return task ? task->state() : future->state(); }
  bool done() const noexcept { return task ? task->done() : future->done(); }
  bool cancel(std::string_view msg) { return task ? task->cancel(msg) : future->cancel(msg); }
  std::exception_ptr exception() const noexcept { return task ? task->exception() : future->exception(); }
  std::string cancel_message() const;
  void mark_retrieved() const noexcept { if (task) task->m_retrieved = true; else future->m_retrieved = true; }
  void add_waiter(ReadyNode& n) { if (task) task->add_waiter(n); else future->add_waiter(n); }
  std::string name() const;
};

// The gathering logic, beside the typed future state (GatherState) that it completes.
class GatherBase {
public:
  GatherBase(const GatherBase&) = delete;
  GatherBase& operator=(const GatherBase&) = delete;

protected:
  GatherBase(FutureCore& outer, std::vector<GatherChild> children, bool return_exceptions);
  ~GatherBase() = default;
  // Hooks one done callback per child (a finished child schedules its callback at once).
  void start();
  bool cancel_children(std::string_view msg);
  AwaitTarget describe_gather() const;
  // Stores the results of children that all finished (none failed, or return_exceptions).
  virtual void fill_result() = 0;
  std::vector<GatherChild> m_children;

private:
  struct Node : LabelledNode {
    GatherBase* owner = nullptr;
  };
  static void run_child(ReadyNode* n);
  void child_done(const GatherChild& c);
  FutureCore* m_outer;
  std::vector<Node> m_nodes;
  std::size_t m_finished = 0;
  bool m_return_exceptions;
  bool m_cancel_requested = false;
};

template <class R> class GatherState final : public FutureState<R>, public GatherBase {
public:
  GatherState(EventLoop& loop, std::vector<GatherChild> children, bool return_exceptions,
              std::function<void(GatherState&)> fill)
      : FutureState<R>(loop), GatherBase(*this, std::move(children), return_exceptions), m_fill(std::move(fill)) {
    this->set_await_kind(AwaitKind::gather, 0);
  }
  // asyncio's _GatheringFuture.cancel(): cancels the children; true if any was cancelled.
  bool cancel(std::string_view msg) override {
    if (this->done()) return false;
    return cancel_children(msg);
  }
  AwaitTarget describe() const override { return describe_gather(); }
  using GatherBase::start;

private:
  void fill_result() override { m_fill(*this); }
  std::function<void(GatherState&)> m_fill;  // owns the typed child handles (their references)
};

template <class F> struct GatherTraits;
template <class T> struct GatherTraits<Task<T>> {
  using value_type = T;
  static GatherChild child(const Task<T>& t) { return {t.core(), nullptr}; }
  static Task<T> normalize(Task<T> t) { return t; }
};
template <class T> struct GatherTraits<Future<T>> {
  using value_type = T;
  static GatherChild child(const Future<T>& f) { return {nullptr, f.core()}; }
  static Future<T> normalize(Future<T> f) { return f; }
};
template <class T> Task<T> normalize_child(Task<T> t) { return t; }
template <class T> Future<T> normalize_child(Future<T> f) { return f; }
template <class T> Task<T> normalize_child(Coro<T> c) { return create_task(std::move(c)); }

template <class F> auto result_of_child(const F& f) { return f.result(); }

template <class R, class Fill>
Future<R> make_gather(std::vector<GatherChild> children, bool return_exceptions, Fill fill) {
  EventLoop& loop = current_loop_or_throw();
  auto* s = new GatherState<R>(loop, std::move(children), return_exceptions, std::move(fill));
  Future<R> f(s);
  s->start();
  return f;
}

template <class T> Outcome<T> outcome_of(const GatherChild& c, const std::function<T()>& value) {
  Outcome<T> o;
  if (c.state() == TaskState::cancelled) o.error = std::make_exception_ptr(CancelledError(c.cancel_message()));
  else if (c.exception()) o.error = c.exception();
  else if constexpr (!std::is_void_v<T>) o.value.emplace(value());
  return o;
}

}  // namespace detail

// Results in argument order; the first failure is raised. Task<void> children give Future<void>.
template <class F>
auto gather(std::vector<F> children)
    -> Future<std::conditional_t<std::is_void_v<typename detail::GatherTraits<F>::value_type>, void,
                                 std::vector<typename detail::GatherTraits<F>::value_type>>> {
  using T = typename detail::GatherTraits<F>::value_type;
  using R = std::conditional_t<std::is_void_v<T>, void, std::vector<T>>;
  std::vector<detail::GatherChild> cs;
  cs.reserve(children.size());
  for (const auto& c : children) cs.push_back(detail::GatherTraits<F>::child(c));
  return detail::make_gather<R>(std::move(cs), false, [children = std::move(children)](detail::GatherState<R>& s) {
    if constexpr (!std::is_void_v<T>) {
      std::vector<T> out;
      out.reserve(children.size());
      for (const auto& c : children) out.push_back(c.result());
      s.m_value.emplace(std::move(out));
    } else {
      (void)s;
    }
  });
}

// Every outcome in argument order. With ReturnExceptions::no the first failure is raised.
template <class F>
auto gather(std::vector<F> children, ReturnExceptions re)
    -> Future<std::vector<Outcome<typename detail::GatherTraits<F>::value_type>>> {
  using T = typename detail::GatherTraits<F>::value_type;
  using R = std::vector<Outcome<T>>;
  std::vector<detail::GatherChild> cs;
  cs.reserve(children.size());
  for (const auto& c : children) cs.push_back(detail::GatherTraits<F>::child(c));
  return detail::make_gather<R>(std::move(cs), re == ReturnExceptions::yes,
                                [children = std::move(children)](detail::GatherState<R>& s) {
    R out;
    out.reserve(children.size());
    for (const auto& c : children) {
      out.push_back(detail::outcome_of<T>(detail::GatherTraits<F>::child(c), [&c]() -> T { return c.result(); }));
      detail::GatherTraits<F>::child(c).mark_retrieved();
    }
    s.m_value.emplace(std::move(out));
  });
}

// gather(a, b, c) of tasks, futures or coroutines of (possibly) different non-void types: a
// future of the tuple of their results.
template <class... Fs> auto gather(Fs... children) {
  return [](auto... cs) {
    using R = std::tuple<typename detail::GatherTraits<decltype(cs)>::value_type...>;
    std::vector<detail::GatherChild> v{detail::GatherTraits<decltype(cs)>::child(cs)...};
    return detail::make_gather<R>(std::move(v), false, [cs...](detail::GatherState<R>& s) {
      s.m_value.emplace(cs.result()...);
    });
  }(detail::normalize_child(std::move(children))...);
}

}  // namespace loopscope
