// condition.cpp — Condition and Barrier (CPython 3.11's asyncio/locks.py, await for await).
#include <loopscope/barrier.hpp>
#include <loopscope/condition.hpp>
#include <loopscope/event_loop.hpp>

#include <algorithm>

namespace loopscope {

// ---- Condition -----------------------------------------------------------------------------
Condition::Condition(Lock* lock, const char* type_name)
    : Primitive(AwaitKind::condition, type_name), m_lock(lock ? lock : &m_own_lock) {}

Coro<bool> Condition::wait() {
  if (!locked()) throw RuntimeError("cannot wait on un-acquired lock");
  release();
  std::exception_ptr error;
  {
    Future<> fut = create_future<>();
    fut.core()->set_await_kind(AwaitKind::condition, id());
    fut.core()->set_label(label());
    m_waiters.push_back(fut);
    ++m_stats.waits;
    m_stats.waiters = m_waiters.size();
    if (m_waiters.size() > m_stats.max_waiters) m_stats.max_waiters = m_waiters.size();
    try {
      co_await fut;
    } catch (...) {
      error = std::current_exception();
    }
    m_waiters.erase(std::find(m_waiters.begin(), m_waiters.end(), fut));
    m_stats.waiters = m_waiters.size();
  }
  // The lock is taken again even if the wait was cancelled.
  bool cancelled = false;
  for (;;) {
    try {
      co_await acquire();
      break;
    } catch (const CancelledError&) {
      cancelled = true;
    }
  }
  if (cancelled) {
    ++m_stats.cancelled_waits;
    throw CancelledError();
  }
  if (error) {
    if (is_cancelled_error(error)) ++m_stats.cancelled_waits;
    std::rethrow_exception(error);
  }
  ++m_stats.acquisitions;
  co_return true;
}

Coro<bool> Condition::wait_for(std::function<bool()> predicate) {
  bool result = predicate();
  while (!result) {
    co_await wait();
    result = predicate();
  }
  co_return result;
}

void Condition::notify(std::size_t n) {
  if (!locked()) throw RuntimeError("cannot notify on un-acquired lock");
  std::size_t woken = 0;
  for (auto& fut : m_waiters) {
    if (woken >= n) break;
    if (!fut.done()) {
      ++woken;
      ++m_stats.releases;
      fut.set_result();
    }
  }
}

// ---- Barrier -------------------------------------------------------------------------------
Barrier::Barrier(int parties) : m_parties(parties) {
  if (parties < 1) throw ValueError("parties must be > 0");
}

Coro<int> Barrier::wait() {
  co_await m_cond.acquire();
  std::exception_ptr error;
  int index = 0;
  try {
    co_await block();
    index = m_count++;
    bool counted = true;
    try {
      if (index + 1 == m_parties) {
        m_state = State::draining;  // the last party releases the barrier
        m_cond.notify_all();
      } else {
        co_await wait_filled();
      }
    } catch (...) {
      error = std::current_exception();
    }
    if (counted) {
      --m_count;
      exit_one();
    }
  } catch (...) {
    if (!error) error = std::current_exception();
  }
  m_cond.release();
  if (error) std::rethrow_exception(error);
  co_return index;
}

Coro<> Barrier::block() {
  co_await m_cond.wait_for([this] { return m_state != State::draining && m_state != State::resetting; });
  if (m_state == State::broken) throw BrokenBarrierError("Barrier aborted");
}

Coro<> Barrier::wait_filled() {
  co_await m_cond.wait_for([this] { return m_state != State::filling; });
  if (m_state == State::broken || m_state == State::resetting)
    throw BrokenBarrierError("Abort or reset of barrier");
}

void Barrier::exit_one() {
  if (m_count == 0) {
    if (m_state == State::resetting || m_state == State::draining) m_state = State::filling;
    m_cond.notify_all();
  }
}

Coro<> Barrier::reset() {
  co_await m_cond.acquire();
  if (m_count > 0) {
    if (m_state != State::resetting) m_state = State::resetting;
  } else {
    m_state = State::filling;
  }
  m_cond.notify_all();
  m_cond.release();
}

Coro<> Barrier::abort() {
  co_await m_cond.acquire();
  m_state = State::broken;
  m_cond.notify_all();
  m_cond.release();
}

}  // namespace loopscope
