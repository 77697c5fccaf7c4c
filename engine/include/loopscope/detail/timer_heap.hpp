#pragma once
// detail/timer_heap.hpp — the loop's timer heap: a 4-ary min-heap of (deadline, seq, node).
//
// Ordered by deadline, then by seq (the arming order), so equal deadlines fire in the order
// they were armed. A 4-ary heap is half as deep as a binary one and its four children share a
// pair of cache lines, which matters once it holds ~100k timers: a pop touches ~8 levels
// instead of ~17. Sifting moves a hole instead of swapping.
// Invariant: for every i > 0, !(m_a[i] < m_a[(i - 1) / 4]).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace loopscope::detail {

struct TimerNode;

struct TimerEntry {
  double deadline;
  std::uint64_t seq;
  TimerNode* node;
  friend bool operator<(const TimerEntry& a, const TimerEntry& b) noexcept {
    return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq < b.seq);
  }
};

class TimerHeap {
public:
  bool empty() const noexcept { return m_a.empty(); }
  std::size_t size() const noexcept { return m_a.size(); }
  const TimerEntry& top() const noexcept { return m_a.front(); }
  // Entries in heap order (not sorted).
  const TimerEntry* begin() const noexcept { return m_a.data(); }
  const TimerEntry* end() const noexcept { return m_a.data() + m_a.size(); }
  void clear() noexcept { m_a.clear(); }

  void push(const TimerEntry& e) {
    m_a.push_back(e);
    std::size_t i = m_a.size() - 1;
    while (i > 0) {
      const std::size_t p = (i - 1) / arity;
      if (!(e < m_a[p])) break;
      m_a[i] = m_a[p];
      i = p;
    }
    m_a[i] = e;
  }

  void pop() noexcept {
    m_a.front() = m_a.back();
    m_a.pop_back();
    if (!m_a.empty()) sift_down(0);
  }

  // Keeps only the entries for which keep(entry) is true, then restores the heap order.
  template <class Keep> void filter(Keep keep) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < m_a.size(); ++i)
      if (keep(m_a[i])) m_a[out++] = m_a[i];
    m_a.resize(out);
    for (std::size_t i = out; i-- > 0;) sift_down(i);
  }

private:
  static constexpr std::size_t arity = 4;

  void sift_down(std::size_t i) noexcept {
    const TimerEntry e = m_a[i];
    const std::size_t n = m_a.size();
    for (;;) {
      const std::size_t first = i * arity + 1;
      if (first >= n) break;
      const std::size_t stop = first + arity < n ? first + arity : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < stop; ++c)
        if (m_a[c] < m_a[best]) best = c;
      if (!(m_a[best] < e)) break;
      m_a[i] = m_a[best];
      i = best;
    }
    m_a[i] = e;
  }

  std::vector<TimerEntry> m_a;
};

}  // namespace loopscope::detail
