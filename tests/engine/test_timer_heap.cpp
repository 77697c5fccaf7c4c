// test_timer_heap.cpp — detail::TimerHeap: the 4-ary heap behind the loop's timers.
#include <loopscope/detail/timer_heap.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

using loopscope::detail::TimerEntry;
using loopscope::detail::TimerHeap;

namespace {

std::vector<TimerEntry> drain(TimerHeap& h) {
  std::vector<TimerEntry> out;
  while (!h.empty()) {
    out.push_back(h.top());
    h.pop();
  }
  return out;
}

bool same_order(const std::vector<TimerEntry>& a, const std::vector<TimerEntry>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].deadline != b[i].deadline || a[i].seq != b[i].seq) return false;
  return true;
}

}  // namespace

TEST(TimerHeap, PopsInDeadlineOrderThenInArmingOrder) {
  TimerHeap h;
  h.push({2.0, 1, nullptr});
  h.push({1.0, 2, nullptr});
  h.push({2.0, 3, nullptr});
  h.push({1.0, 4, nullptr});
  h.push({0.5, 5, nullptr});
  const auto got = drain(h);
  const std::vector<std::uint64_t> seqs = {5, 2, 4, 1, 3};
  ASSERT_EQ(got.size(), seqs.size());
  for (std::size_t i = 0; i < seqs.size(); ++i) EXPECT_EQ(got[i].seq, seqs[i]) << "at " << i;
}

TEST(TimerHeap, AgreesWithASortOnTenThousandRandomTimersWithManyTies) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> ms(0, 100);  // few distinct deadlines: many ties
  TimerHeap h;
  std::vector<TimerEntry> all;
  for (std::uint64_t seq = 1; seq <= 10000; ++seq) {
    TimerEntry e{ms(rng) / 1000.0, seq, nullptr};
    all.push_back(e);
    h.push(e);
    if (seq % 7 == 0) {  // interleave pops with pushes, as a running loop does
      auto smallest = std::min_element(all.begin(), all.end());
      EXPECT_EQ(h.top().seq, smallest->seq);
      all.erase(smallest);
      h.pop();
    }
  }
  std::sort(all.begin(), all.end());
  EXPECT_TRUE(same_order(drain(h), all));
}

TEST(TimerHeap, FilterKeepsOnlyWhatItIsToldAndStaysOrdered) {
  TimerHeap h;
  std::vector<TimerEntry> kept;
  for (std::uint64_t seq = 1; seq <= 500; ++seq) {
    TimerEntry e{double((seq * 37) % 101), seq, nullptr};
    h.push(e);
    if (seq % 3 != 0) kept.push_back(e);
  }
  h.filter([](const TimerEntry& e) { return e.seq % 3 != 0; });
  EXPECT_EQ(h.size(), kept.size());
  std::sort(kept.begin(), kept.end());
  EXPECT_TRUE(same_order(drain(h), kept));
}
