#pragma once
// queue.hpp — asyncio.Queue: a FIFO queue between tasks, optionally bounded.
//
// put() waits while the queue is full (AwaitKind::queue_put), get() while it is empty
// (AwaitKind::queue_get); both wake the longest-waiting task on the other side first.
// maxsize 0 means unbounded. task_done()/join() count finished items as asyncio does.
#include <loopscope/coro.hpp>
#include <loopscope/detail/primitive.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/event.hpp>

#include <deque>
#include <utility>

namespace loopscope {

template <class T> class Queue : public detail::Primitive {
public:
  explicit Queue(std::size_t maxsize = 0) : Primitive(AwaitKind::queue_get, "Queue"), m_maxsize(maxsize) {
    m_finished.set();
  }
  std::size_t qsize() const noexcept { return m_items.size(); }
  std::size_t maxsize() const noexcept { return m_maxsize; }
  bool empty() const noexcept { return m_items.empty(); }
  bool full() const noexcept { return m_maxsize > 0 && m_items.size() >= m_maxsize; }

  void put_nowait(T item) {
    if (full()) throw QueueFull();
    m_items.push_back(std::move(item));
    ++m_unfinished;
    m_finished.clear();
    ++m_stats.releases;
    wakeup_next(m_getters);
  }
  T get_nowait() {
    if (empty()) throw QueueEmpty();
    T item = std::move(m_items.front());
    m_items.pop_front();
    ++m_stats.acquisitions;
    wakeup_next(m_putters);
    return item;
  }
  Coro<> put(T item) {
    while (full()) {
      Wait w(*this, m_putters, AwaitKind::queue_put);
      co_await w;
    }
    put_nowait(std::move(item));
  }
  Coro<T> get() {
    while (empty()) {
      Wait w(*this, m_getters, AwaitKind::queue_get);
      co_await w;
    }
    co_return get_nowait();
  }
  void task_done() {
    if (m_unfinished == 0) throw RuntimeError("task_done() called too many times");
    if (--m_unfinished == 0) m_finished.set();
  }
  Coro<> join() {
    if (m_unfinished > 0) co_await m_finished.wait();
  }

private:
  class Wait : public detail::PrimitiveWait {
  public:
    Wait(Queue& q, detail::WaitList& list, AwaitKind kind) noexcept : PrimitiveWait(q, list, kind), m_q(q) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { park(h); }
    void await_resume() {
      leave();
      detail::TaskCore* t = detail::tls.task;
      if (t && t->m_must_cancel && m_waiter.woken) {
        // pass the wake-up on, as asyncio does
        if (m_kind == AwaitKind::queue_put && !m_q.full()) m_q.wakeup_next(m_q.m_putters);
        if (m_kind == AwaitKind::queue_get && !m_q.empty()) m_q.wakeup_next(m_q.m_getters);
      }
      detail::resume_point();
    }

  private:
    Queue& m_q;
  };
  void wakeup_next(detail::WaitList& list) {
    if (detail::Waiter* w = list.pop_front()) {
      --m_waiting;
      m_stats.waiters = m_waiting;
      wake(*w);
    }
  }

  std::size_t m_maxsize;
  std::deque<T> m_items;
  detail::WaitList m_getters, m_putters;
  std::size_t m_unfinished = 0;
  Event m_finished;
};

}  // namespace loopscope
