#pragma once
// barrier.hpp — asyncio.Barrier: `parties` tasks wait until all of them have arrived.
//
// wait() returns the arriving task's index (0 … parties-1) once the last party arrives; the
// barrier then drains (tasks that arrive meanwhile wait for the next round) and fills again.
// abort() breaks it: waiters and later callers get BrokenBarrierError; reset() wakes waiters
// with BrokenBarrierError and lets the barrier fill again once they are out. It is built on a
// Condition exactly as CPython 3.11's is, so wake-ups take the same hops; tasks waiting on it
// show AwaitKind::condition with the label "Barrier#N".
#include <loopscope/condition.hpp>
#include <loopscope/coro.hpp>

namespace loopscope {

class Barrier {
public:
  explicit Barrier(int parties);
  Barrier(const Barrier&) = delete;
  Barrier& operator=(const Barrier&) = delete;

  Coro<int> wait();
  Coro<> reset();
  Coro<> abort();
  int parties() const noexcept { return m_parties; }
  int n_waiting() const noexcept { return m_state == State::filling ? m_count : 0; }
  bool broken() const noexcept { return m_state == State::broken; }
  std::uint64_t id() const noexcept { return m_cond.id(); }
  // The primitive its waiters park on (its label names the barrier in snapshots and the trace).
  detail::Primitive& primitive() noexcept { return m_cond; }

private:
  enum class State : std::uint8_t { filling, draining, resetting, broken };
  struct Cond : Condition {
    Cond() : Condition(nullptr, "Barrier") {}
  };
  Coro<> block();
  Coro<> wait_filled();
  void exit_one();
  Cond m_cond;
  int m_parties;
  int m_count = 0;
  State m_state = State::filling;
};

}  // namespace loopscope
