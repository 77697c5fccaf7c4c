#pragma once
// task_group.hpp — asyncio.TaskGroup: structured concurrency.
//
//   TaskGroup g;                                  // inside a task (the parent)
//   std::exception_ptr body_error;
//   try { g.create_task(a()); g.create_task(b()); co_await sleep(1); }
//   catch (...) { body_error = std::current_exception(); }
//   co_await g.join(body_error);                  // asyncio's __aexit__
//
// join() waits for every child. When a child fails, the group cancels the children still
// running — in creation order (CPython cancels them in set order, which is not deterministic;
// the engine is) — and the parent task once (so a body stuck in an await is interrupted), and
// join() raises an ExceptionGroup holding every child error (plus the body's, if any).
// Cancelled children are not errors. Invariant: a destroyed group leaves no callback behind.
#include <loopscope/coro.hpp>
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/detail/task_core.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/task.hpp>

#include <exception>
#include <memory>
#include <string_view>
#include <vector>

namespace loopscope {

class TaskGroup {
public:
  TaskGroup();
  ~TaskGroup();
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  template <class T> Task<T> create_task(Coro<T> coro, std::string_view name = {}) {
    check_open();
    Task<T> t = loopscope::create_task(std::move(coro), name);
    adopt(t);
    return t;
  }
  // asyncio's __aexit__: body_error is the exception that left the body (null if none).
  Coro<> join(std::exception_ptr body_error = nullptr);
  std::uint64_t id() const noexcept { return m_id; }
  std::size_t size() const noexcept { return m_children.size(); }
  std::size_t unfinished() const noexcept { return m_unfinished; }

private:
  struct Child : detail::LabelledNode {
    TaskGroup* group = nullptr;
    AnyTask task;
    bool attached = false;
  };
  class JoinWait;
  void check_open() const;
  void adopt(const AnyTask& t);
  void child_done(Child& c);
  void abort();
  static void run_child(detail::ReadyNode* n);

  std::vector<std::unique_ptr<Child>> m_children;
  std::vector<std::exception_ptr> m_errors;
  detail::TaskCore* m_parent;
  detail::TaskCore* m_join_waiter = nullptr;
  std::uint64_t m_id = 0;
  std::size_t m_unfinished = 0;
  bool m_aborting = false;
  bool m_parent_cancel_requested = false;
  bool m_exiting = false;
  bool m_finished = false;
};

}  // namespace loopscope
