#pragma once
// gather.hpp — run tasks concurrently and collect their results in argument order.
//
// `co_await gather(tasks)` waits until every task is done and returns their results in the
// order given (not the order they finished). Without return_exceptions the first task that
// fails (or is cancelled) makes gather raise its exception at once; the other tasks keep
// running. With ReturnExceptions::yes every outcome (value or exception) is returned.
// Cancelling the task that awaits the gather cancels every child that is not done; gather then
// raises CancelledError once they are all done.
#include <loopscope/coro.hpp>
#include <loopscope/detail/watch.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/task.hpp>

#include <exception>
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
template <class T> std::vector<TaskCore*> cores_of(const std::vector<Task<T>>& tasks) {
  std::vector<TaskCore*> v;
  v.reserve(tasks.size());
  for (const auto& t : tasks) v.push_back(t.core());
  return v;
}
}  // namespace detail

// Results in argument order; rethrows the first failure. Task<void> gives Coro<void>.
template <class T> auto gather(std::vector<Task<T>> tasks)
    -> Coro<std::conditional_t<std::is_void_v<T>, void, std::vector<T>>> {
  if (!tasks.empty()) {
    detail::Watch w(AwaitKind::gather, detail::WatchMode::first_error, detail::cores_of(tasks), std::nullopt,
                    "gather");
    w.set_forward_cancel(true);
    w.set_retrieve_outcomes(true);
    co_await w;
    w.retrieve_remaining();
    w.rethrow_first_error();
    if (w.cancel_requested()) throw CancelledError();
  }
  if constexpr (std::is_void_v<T>) {
    co_return;  // every task is done and its outcome was marked retrieved as it finished
  } else {
    std::vector<T> out;
    out.reserve(tasks.size());
    for (auto& t : tasks) out.push_back(t.result());
    co_return out;
  }
}

// Every outcome in argument order. With ReturnExceptions::no the first failure is rethrown.
template <class T>
Coro<std::vector<Outcome<T>>> gather(std::vector<Task<T>> tasks, ReturnExceptions re) {
  if (!tasks.empty()) {
    detail::Watch w(AwaitKind::gather,
                    re == ReturnExceptions::yes ? detail::WatchMode::all : detail::WatchMode::first_error,
                    detail::cores_of(tasks), std::nullopt, "gather");
    w.set_forward_cancel(true);
    w.set_retrieve_outcomes(true);
    co_await w;
    w.retrieve_remaining();
    if (re == ReturnExceptions::no) w.rethrow_first_error();
    if (w.cancel_requested()) throw CancelledError();
  }
  std::vector<Outcome<T>> out(tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    detail::TaskCore* c = tasks[i].core();
    c->m_retrieved = true;
    if (c->exception()) out[i].error = c->exception();
    else if constexpr (!std::is_void_v<T>) out[i].value.emplace(tasks[i].result());
  }
  co_return out;
}

// gather(a, b, c) for tasks of (possibly) different non-void types: a tuple of results.
template <class... Ts> Coro<std::tuple<Ts...>> gather(Task<Ts>... tasks) {
  detail::Watch w(AwaitKind::gather, detail::WatchMode::first_error, {tasks.core()...}, std::nullopt, "gather");
  w.set_forward_cancel(true);
  w.set_retrieve_outcomes(true);
  co_await w;
  w.retrieve_remaining();
  w.rethrow_first_error();
  if (w.cancel_requested()) throw CancelledError();
  co_return std::tuple<Ts...>(tasks.result()...);
}

}  // namespace loopscope
