#pragma once
// wait.hpp — asyncio.wait: wait for a set of tasks until a condition, with an optional timeout.
//
// Returns the tasks split into done and pending, each in argument order (asyncio returns sets;
// the engine keeps the order so runs are reproducible). Tasks are never cancelled by wait, not
// even on timeout. Cancelling the waiting task just stops the wait.
#include <loopscope/coro.hpp>
#include <loopscope/detail/watch.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/task.hpp>

#include <optional>
#include <stdexcept>
#include <vector>

namespace loopscope {

enum class ReturnWhen { first_completed, first_exception, all_completed };

template <class T> struct WaitResult {
  std::vector<Task<T>> done;
  std::vector<Task<T>> pending;
};

template <class T>
Coro<WaitResult<T>> wait(std::vector<Task<T>> tasks, ReturnWhen when = ReturnWhen::all_completed,
                         std::optional<double> timeout = std::nullopt) {
  if (tasks.empty()) throw std::invalid_argument("Set of Tasks/Futures is empty.");
  std::vector<detail::TaskCore*> cores;
  for (const auto& t : tasks) cores.push_back(t.core());
  const detail::WatchMode mode = when == ReturnWhen::first_completed   ? detail::WatchMode::first_completed
                                 : when == ReturnWhen::first_exception ? detail::WatchMode::first_exception
                                                                       : detail::WatchMode::all;
  {
    detail::Watch w(AwaitKind::wait, mode, std::move(cores), timeout, "wait");
    co_await w;
  }
  WaitResult<T> r;
  for (auto& t : tasks) (t.done() ? r.done : r.pending).push_back(std::move(t));
  co_return r;
}

}  // namespace loopscope
