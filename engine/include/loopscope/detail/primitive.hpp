#pragma once
// detail/primitive.hpp — what Event, Lock, Semaphore and Queue share: an id, statistics, and
// FIFO lists of waiting tasks.
//
// A Waiter lives in the awaiter (in the suspended frame). It is linked in its primitive's list
// from suspension until it resumes or is cancelled; `woken` says the primitive has already
// scheduled its task. Lists are doubly linked: removal on cancellation is O(1).
#include <loopscope/detail/task_core.hpp>
#include <loopscope/statistics.hpp>

#include <cstdint>
#include <string>

namespace loopscope::detail {

struct Waiter {
  Waiter* prev = nullptr;
  Waiter* next = nullptr;
  TaskCore* task = nullptr;
  bool linked = false;
  bool woken = false;
};

class WaitList {
public:
  bool empty() const noexcept { return !m_head; }
  Waiter* front() const noexcept { return m_head; }
  std::size_t size() const noexcept { return m_size; }
  void push_back(Waiter& w) noexcept {
    w.prev = m_tail;
    w.next = nullptr;
    if (m_tail) m_tail->next = &w; else m_head = &w;
    m_tail = &w;
    w.linked = true;
    ++m_size;
  }
  void remove(Waiter& w) noexcept {
    if (!w.linked) return;
    if (w.prev) w.prev->next = w.next; else m_head = w.next;
    if (w.next) w.next->prev = w.prev; else m_tail = w.prev;
    w.prev = w.next = nullptr;
    w.linked = false;
    --m_size;
  }
  Waiter* pop_front() noexcept {
    Waiter* w = m_head;
    if (w) remove(*w);
    return w;
  }

private:
  Waiter* m_head = nullptr;
  Waiter* m_tail = nullptr;
  std::size_t m_size = 0;
};

// Base of the synchronisation primitives.
class Primitive {
public:
  Primitive(AwaitKind kind, const char* type_name);
  Primitive(const Primitive&) = delete;
  Primitive& operator=(const Primitive&) = delete;
  std::uint64_t id() const noexcept { return m_stats.id; }
  // How snapshots and the trace name it: the name given (set_name), else "Lock#3".
  std::string label() const;
  // A name for people, e.g. the variable a program keeps it in ("lock", "q"); "" clears it.
  void set_name(std::string name) { m_name = std::move(name); }
  const std::string& name() const noexcept { return m_name; }
  PrimitiveStatistics statistics() const noexcept { return m_stats; }

  // Parks the running task on `list` through `w` (the awaiter's Suspension is `s`).
  void park(WaitList& list, Waiter& w, Suspension& s, std::coroutine_handle<> h);
  // Schedules the waiter's task (it stays linked until it runs, like asyncio's futures).
  void wake(Waiter& w);
  void note_cancelled(WaitList& list, Waiter& w) noexcept;
  AwaitTarget describe_wait(AwaitKind kind) const;

  AwaitKind m_kind;
  const char* m_type;
  PrimitiveStatistics m_stats;
  std::size_t m_waiting = 0;  // waiters across this primitive's lists
  std::string m_name;
};

// A generic suspension on a primitive: cancellation unlinks the waiter.
class PrimitiveWait : public Suspension {
public:
  PrimitiveWait(Primitive& p, WaitList& list, AwaitKind kind) noexcept : m_prim(&p), m_list(&list), m_kind(kind) {}
  AwaitTarget describe(const detail::TaskCore&) const override { return m_prim->describe_wait(m_kind); }
  CancelAction on_cancel(TaskCore&) override {
    if (!m_waiter.woken) m_prim->note_cancelled(*m_list, m_waiter);
    return CancelAction::detached;
  }
  void park(std::coroutine_handle<> h) { m_prim->park(*m_list, m_waiter, *this, h); m_suspended = true; }
  // Unlinks the waiter when it resumes (woken or cancelled).
  void leave() noexcept {
    if (m_waiter.linked) {
      m_list->remove(m_waiter);
      --m_prim->m_waiting;
      m_prim->m_stats.waiters = m_prim->m_waiting;
    }
  }

protected:
  Primitive* m_prim;
  WaitList* m_list;
  AwaitKind m_kind;
  Waiter m_waiter;
  bool m_suspended = false;
};

}  // namespace loopscope::detail
