#pragma once
// as_completed.hpp — asyncio.as_completed: take tasks in the order they finish.
//
//   AsCompleted<int> ac(tasks);                  // optional timeout in seconds
//   while (ac.has_next()) { Task<int> t = co_await ac.next(); use(t.result()); }
//
// next() suspends until one more task has finished (AwaitKind::wait) and returns it; it raises
// TimeoutError once the timeout has passed. Unlike asyncio (which returns the result), next()
// returns the finished Task, so both values and exceptions are at hand.
#include <loopscope/coro.hpp>
#include <loopscope/detail/watch.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/task.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace loopscope {

template <class T> class AsCompleted {
public:
  explicit AsCompleted(std::vector<Task<T>> tasks, std::optional<double> timeout = std::nullopt)
      : m_tasks(std::move(tasks)) {
    std::vector<detail::TaskCore*> cores;
    for (const auto& t : m_tasks) cores.push_back(t.core());
    m_watch = std::make_unique<detail::Watch>(AwaitKind::wait, detail::WatchMode::each, std::move(cores), timeout,
                                              "as_completed");
  }
  bool has_next() const noexcept { return m_taken < m_tasks.size(); }
  Coro<Task<T>> next() {
    if (!has_next()) throw InvalidStateError("as_completed: no task left");
    co_await *m_watch;
    std::size_t i = m_watch->next_completed();
    if (i == detail::Watch::npos) throw TimeoutError();
    ++m_taken;
    co_return m_tasks[i];
  }

private:
  std::vector<Task<T>> m_tasks;
  std::unique_ptr<detail::Watch> m_watch;
  std::size_t m_taken = 0;
};

}  // namespace loopscope
