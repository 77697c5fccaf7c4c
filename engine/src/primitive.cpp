// primitive.cpp — the shared parts of Event, Lock, Semaphore and Queue.
#include <loopscope/detail/primitive.hpp>
#include <loopscope/event_loop.hpp>

#include <atomic>

namespace loopscope::detail {

namespace {
std::atomic<std::uint64_t> g_loopless_ids{1000000};
}

Primitive::Primitive(AwaitKind kind, const char* type_name) : m_kind(kind), m_type(type_name) {
  EventLoop* loop = EventLoop::current();
  m_stats.id = loop ? loop->next_primitive_id() : ++g_loopless_ids;
}

std::string Primitive::label() const {
  if (!m_name.empty()) return m_name;
  return std::string(m_type) + "#" + std::to_string(m_stats.id);
}

void Primitive::park(WaitList& list, Waiter& w, Suspension& s, std::coroutine_handle<> h) {
  TaskCore& t = current_task_core();
  t.m_resume = h;
  w.task = &t;
  w.woken = false;
  list.push_back(w);
  ++m_waiting;
  ++m_stats.waits;
  m_stats.waiters = m_waiting;
  if (m_waiting > m_stats.max_waiters) m_stats.max_waiters = m_waiting;
  t.m_loop->suspend_task(t, s);
}

void Primitive::wake(Waiter& w) {
  w.woken = true;
  w.task->m_loop->schedule_task(*w.task);
}

void Primitive::note_cancelled(WaitList& list, Waiter& w) noexcept {
  if (w.linked) {
    list.remove(w);
    --m_waiting;
    m_stats.waiters = m_waiting;
  }
  ++m_stats.cancelled_waits;
}

AwaitTarget Primitive::describe_wait(AwaitKind kind) const {
  AwaitTarget a;
  a.kind = kind;
  a.target = m_stats.id;
  a.label = label();
  return a;
}

}  // namespace loopscope::detail
