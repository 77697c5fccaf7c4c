#pragma once
// queue.hpp — asyncio.Queue: a FIFO queue between tasks, optionally bounded.
//
// put() waits while the queue is full (AwaitKind::queue_put), get() while it is empty
// (AwaitKind::queue_get); both wake the longest-waiting task on the other side first.
// maxsize 0 means unbounded. task_done()/join() count finished items as asyncio does.
// get_nowait() on an empty queue raises QueueEmpty, put_nowait() on a full one QueueFull.
// PriorityQueue hands out the smallest item first (operator<), LifoQueue the newest; the
// order lives in a store policy (detail::FifoStore / LifoStore / PriorityStore).
#include <loopscope/coro.hpp>
#include <loopscope/detail/primitive.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/event.hpp>

#include <algorithm>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

namespace loopscope {

namespace detail {
template <class T> struct FifoStore {
  static constexpr const char* type_name = "Queue";
  std::deque<T> items;
  void push(T v) { items.push_back(std::move(v)); }
  T pop() {
    T v = std::move(items.front());
    items.pop_front();
    return v;
  }
};
template <class T> struct LifoStore {
  static constexpr const char* type_name = "LifoQueue";
  std::vector<T> items;
  void push(T v) { items.push_back(std::move(v)); }
  T pop() {
    T v = std::move(items.back());
    items.pop_back();
    return v;
  }
};
// A binary min-heap, as heapq keeps asyncio.PriorityQueue.
template <class T> struct PriorityStore {
  static constexpr const char* type_name = "PriorityQueue";
  std::vector<T> items;
  void push(T v) {
    items.push_back(std::move(v));
    std::push_heap(items.begin(), items.end(), std::greater<>());
  }
  T pop() {
    std::pop_heap(items.begin(), items.end(), std::greater<>());
    T v = std::move(items.back());
    items.pop_back();
    return v;
  }
};
}  // namespace detail

template <class T, class Store = detail::FifoStore<T>> class Queue : public detail::Primitive {
public:
  explicit Queue(std::size_t maxsize = 0) : Primitive(AwaitKind::queue_get, Store::type_name), m_maxsize(maxsize) {
    m_finished.set();
  }
  std::size_t qsize() const noexcept { return m_items.items.size(); }
  std::size_t maxsize() const noexcept { return m_maxsize; }
  bool empty() const noexcept { return m_items.items.empty(); }
  bool full() const noexcept { return m_maxsize > 0 && m_items.items.size() >= m_maxsize; }

  void put_nowait(T item) {
    if (full()) throw QueueFull();
    m_items.push(std::move(item));
    ++m_unfinished;
    m_finished.clear();
    ++m_stats.releases;
    wakeup_next(m_getters);
  }
  T get_nowait() {
    if (empty()) throw QueueEmpty();
    T item = m_items.pop();
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
    if (m_unfinished == 0) throw ValueError("task_done() called too many times");
    if (--m_unfinished == 0) m_finished.set();
  }
  Coro<> join() {
    if (m_unfinished > 0) {
      // The wait is the queue's, and is shown so ("q.join()"), not as its inner event's.
      m_finished.set_name(label() + ".join()");
      co_await m_finished.wait();
    }
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
  Store m_items;
  detail::WaitList m_getters, m_putters;
  std::size_t m_unfinished = 0;
  Event m_finished;
};

template <class T> using LifoQueue = Queue<T, detail::LifoStore<T>>;
template <class T> using PriorityQueue = Queue<T, detail::PriorityStore<T>>;

}  // namespace loopscope
