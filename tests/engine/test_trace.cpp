// Tests for trace.hpp: TraceRecorder's compact recording (detail/trace_codec.hpp) and its lazy
// decoding back into TraceEvents.
//
// Sections: helpers · round trip · chunks · incremental reading · strings · ticks and anchors ·
// clear, reserve, size · the real clock
#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace loopscope;

// ---- helpers -------------------------------------------------------------------------------
constexpr unsigned trace_kind_count = static_cast<unsigned>(TraceKind::frames) + 1;
constexpr unsigned await_kind_count = static_cast<unsigned>(AwaitKind::task_group) + 1;
constexpr unsigned direction_count = static_cast<unsigned>(IoDirection::accept) + 1;
constexpr unsigned phase_count = static_cast<unsigned>(LoopPhase::run_ready) + 1;

bool same_bits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// Every field equal, doubles bit for bit (so -0.0 differs from 0.0 and NaN payloads count).
::testing::AssertionResult same_event(const TraceEvent& got, const TraceEvent& want,
                                      std::size_t index) {
  auto fail = [&](const char* field) {
    return ::testing::AssertionFailure() << "event " << index << ": field " << field << " differs";
  };
  if (!same_bits(got.time, want.time))
    return fail("time") << " (got " << got.time << ", want " << want.time << ")";
  if (got.task != want.task) return fail("task") << " (got " << got.task << ", want " << want.task << ")";
  if (got.handle != want.handle) return fail("handle");
  if (got.target != want.target) return fail("target");
  if (!same_bits(got.deadline, want.deadline)) return fail("deadline");
  if (!same_bits(got.value, want.value)) return fail("value");
  if (got.line_a != want.line_a) return fail("line_a");
  if (got.line_b != want.line_b) return fail("line_b");
  if (got.text != want.text) return fail("text");
  if (got.kind != want.kind) return fail("kind");
  if (got.await_kind != want.await_kind) return fail("await_kind");
  if (got.direction != want.direction) return fail("direction");
  if (got.phase != want.phase) return fail("phase");
  return ::testing::AssertionSuccess();
}

// Picks one of a list of values.
template <class T, std::size_t N> T pick(std::mt19937_64& rng, const T (&values)[N]) {
  return values[rng() % N];
}

// An id that goes up or down from the previous one, jumps to a huge value near 2^64, or is 0.
std::uint64_t next_id(std::mt19937_64& rng, std::uint64_t prev) {
  constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  switch (rng() % 7) {
    case 0: return 0;
    case 1: return prev + 1 + rng() % 5;
    case 2: return prev - 1 - rng() % 5;  // down (wraps around below 1: also a huge id)
    case 3: return max - rng() % 3;
    case 4: return 1 + rng() % 1000;
    case 5: return rng();  // anywhere in 64 bits
    default: return prev;
  }
}

const double interesting_doubles[] = {
    -1.0,
    -0.0,
    0.0,
    1.0,
    0.5,
    3.141592653589793,
    -2.5e-3,
    1e300,
    -1e300,
    std::numeric_limits<double>::denorm_min(),
    -std::numeric_limits<double>::denorm_min(),
    1e-310,  // subnormal
    std::numeric_limits<double>::min(),
    std::numeric_limits<double>::max(),
    std::numeric_limits<double>::infinity(),
    -std::numeric_limits<double>::infinity(),
    std::numeric_limits<double>::quiet_NaN(),
    123456789.125,
};

const std::int32_t interesting_lines[] = {
    0, 1, 2, 63, 64, -1, -64, -65, 100000, std::numeric_limits<std::int32_t>::max(),
    std::numeric_limits<std::int32_t>::min(), -123456,
};

// A pseudo-random event at `time`; task and handle continue from the previous ones.
TraceEvent random_event(std::mt19937_64& rng, std::size_t i, double time, TraceEvent prev,
                        const std::vector<StringId>& ids) {
  TraceEvent e;
  e.time = time;
  // Cycle through the kinds and enum values so that every one of them occurs, in many
  // combinations (the counts are coprime to each other except for 4 and 14, which rng varies).
  e.kind = static_cast<TraceKind>(i % trace_kind_count);
  e.await_kind = static_cast<AwaitKind>((i + rng() % 3) % await_kind_count);
  e.direction = static_cast<IoDirection>(rng() % direction_count);
  e.phase = static_cast<LoopPhase>(rng() % phase_count);
  if (rng() % 4 == 0) {  // some events with every field at its default
    e.await_kind = AwaitKind::none;
    e.direction = IoDirection::read;
    e.phase = LoopPhase::idle;
    return e;
  }
  e.task = next_id(rng, prev.task);
  e.handle = next_id(rng, prev.handle);
  switch (rng() % 4) {
    case 0: e.target = 0; break;
    case 1: e.target = rng() % 200; break;
    case 2: e.target = std::numeric_limits<std::uint64_t>::max() - rng() % 2; break;
    default: e.target = rng(); break;
  }
  e.deadline = rng() % 3 == 0 ? -1.0 : pick(rng, interesting_doubles);
  e.value = rng() % 3 == 0 ? 0.0 : pick(rng, interesting_doubles);
  if (rng() % 3 != 0) {
    e.line_a = pick(rng, interesting_lines);
    e.line_b = pick(rng, interesting_lines);
  }
  e.text = rng() % 3 == 0 ? no_string : ids[rng() % ids.size()];
  return e;
}

// The next non-decreasing time: often the same again (repeats), sometimes a tiny or a large step.
double next_time(std::mt19937_64& rng, double t) {
  switch (rng() % 6) {
    case 0:
    case 1: return t;
    case 2: return std::nextafter(t, std::numeric_limits<double>::infinity());
    case 3: return t + 1e-9;
    case 4: return t + static_cast<double>(rng() % 1000) * 1e-3;
    default: return t + 1e6;
  }
}

// ---- round trip ----------------------------------------------------------------------------
TEST(TraceRecorder, RecordedEventsComeBackFromEventsFieldForField) {
  std::mt19937_64 rng(20261122);
  TraceRecorder rec;
  std::vector<StringId> ids;
  for (int i = 0; i < 300; ++i) ids.push_back(rec.intern("label " + std::to_string(i)));
  ids.push_back(0);

  std::vector<TraceEvent> want;
  double t = -0.0;  // -0.0 then 0.0: equal as numbers, different as bits
  TraceEvent prev;
  for (std::size_t i = 0; i < 5000; ++i) {
    if (i == 1) t = 0.0;
    else if (i == 4990) t = 1e300;  // the last few at a huge time
    else if (i > 1 && i < 4990) t = next_time(rng, t);
    TraceEvent e = random_event(rng, i, t, prev, ids);
    rec.record(e);
    want.push_back(e);
    prev = e;
  }

  // The generator covered what it is meant to cover.
  std::vector<bool> kinds(trace_kind_count), awaits(await_kind_count), dirs(direction_count),
      phases(phase_count);
  bool task_down = false, huge_task = false, huge_handle = false, repeat_time = false;
  bool neg_zero_value = false, subnormal_deadline = false, negative_line = false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const TraceEvent& e = want[i];
    kinds[static_cast<unsigned>(e.kind)] = true;
    awaits[static_cast<unsigned>(e.await_kind)] = true;
    dirs[static_cast<unsigned>(e.direction)] = true;
    phases[static_cast<unsigned>(e.phase)] = true;
    if (i > 0 && e.task != 0 && want[i - 1].task > e.task) task_down = true;
    if (e.task > (std::uint64_t{1} << 63)) huge_task = true;
    if (e.handle > (std::uint64_t{1} << 63)) huge_handle = true;
    if (i > 0 && same_bits(e.time, want[i - 1].time)) repeat_time = true;
    if (same_bits(e.value, -0.0)) neg_zero_value = true;
    if (std::fpclassify(e.deadline) == FP_SUBNORMAL) subnormal_deadline = true;
    if (e.line_a < 0 || e.line_b < 0) negative_line = true;
  }
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), true), trace_kind_count);
  EXPECT_EQ(std::count(awaits.begin(), awaits.end(), true), await_kind_count);
  EXPECT_EQ(std::count(dirs.begin(), dirs.end(), true), direction_count);
  EXPECT_EQ(std::count(phases.begin(), phases.end(), true), phase_count);
  EXPECT_TRUE(task_down && huge_task && huge_handle && repeat_time);
  EXPECT_TRUE(neg_zero_value && subnormal_deadline && negative_line);

  ASSERT_EQ(rec.size(), want.size());
  const auto& got = rec.events();
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) ASSERT_TRUE(same_event(got[i], want[i], i));
}

TEST(TraceRecorder, AnEventWithEveryFieldAtItsExtremeComesBackExactly) {
  TraceRecorder rec;
  TraceEvent e;
  e.time = std::numeric_limits<double>::max();
  e.task = std::numeric_limits<std::uint64_t>::max();
  e.handle = 1;  // a difference of 2^64 - ... to the task's neighbour: both directions below
  e.target = std::numeric_limits<std::uint64_t>::max();
  e.deadline = -0.0;
  e.value = -std::numeric_limits<double>::denorm_min();
  e.line_a = std::numeric_limits<std::int32_t>::min();
  e.line_b = std::numeric_limits<std::int32_t>::max();
  e.text = 0x7fff'fffeu;  // the largest id that is neither lazy nor no_string
  e.kind = TraceKind::task_uncancelled;
  e.await_kind = AwaitKind::task_group;
  e.direction = IoDirection::accept;
  e.phase = LoopPhase::run_ready;
  rec.record(e);
  TraceEvent f = e;
  f.task = 1;
  f.handle = std::numeric_limits<std::uint64_t>::max();
  rec.record_ticks(f, std::numeric_limits<std::uint64_t>::max());  // the longest ticks stamp
  f.time = e.time;  // no anchors: a ticks stamp keeps the previous time

  const auto& got = rec.events();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(same_event(got[0], e, 0));
  EXPECT_TRUE(same_event(got[1], f, 1));
}

// ---- chunks --------------------------------------------------------------------------------
// Event i of a long trace, made from i alone (so that a long trace needs no stored copy).
TraceEvent long_trace_event(std::size_t i) {
  TraceEvent e;
  e.time = static_cast<double>(i / 4) * 0.25;  // four events per time
  e.kind = static_cast<TraceKind>(i % trace_kind_count);
  e.task = i % 3 == 0 ? 0 : (i * 2654435761u) % 100000 + 1;
  e.handle = i % 5 == 0 ? 0 : i + 1;
  e.target = i % 7 == 0 ? std::numeric_limits<std::uint64_t>::max() - i : 0;
  e.deadline = i % 11 == 0 ? static_cast<double>(i) * 1e-3 : -1.0;
  e.value = i % 13 == 0 ? -static_cast<double>(i) : 0.0;
  e.line_a = i % 17 == 0 ? -static_cast<std::int32_t>(i) : 0;
  e.line_b = i % 17 == 0 ? static_cast<std::int32_t>(i % 1000) : 0;
  e.text = i % 19 == 0 ? static_cast<StringId>(i % 50) : no_string;
  e.await_kind = static_cast<AwaitKind>(i % await_kind_count);
  e.direction = static_cast<IoDirection>(i % direction_count);
  e.phase = static_cast<LoopPhase>((i / 3) % phase_count);
  return e;
}

TEST(TraceRecorder, ATraceSpanningSeveralChunksDecodesInOrderAndExactly) {
  constexpr std::size_t n = 400'000;
  TraceRecorder rec;
  for (std::size_t i = 0; i < n; ++i) rec.record(long_trace_event(i));
  EXPECT_EQ(rec.size(), n);
  EXPECT_GT(rec.encoded_bytes(), std::size_t{3} << 20) << "the trace must span several chunks";
  const auto& got = rec.events();
  ASSERT_EQ(got.size(), n);
  for (std::size_t i = 0; i < n; ++i) ASSERT_TRUE(same_event(got[i], long_trace_event(i), i));
}

TEST(TraceRecorder, ReadingWhileRecordingAcrossChunkBoundariesGivesTheSameEvents) {
  constexpr std::size_t n = 250'000;
  TraceRecorder rec;
  std::size_t next_read = 1;
  for (std::size_t i = 0; i < n; ++i) {
    rec.record(long_trace_event(i));
    if (i + 1 == next_read) {  // read at irregular points, some near chunk ends
      ASSERT_EQ(rec.events().size(), i + 1);
      next_read += 1 + (next_read * 7919) % 20011;
    }
  }
  const auto& got = rec.events();
  ASSERT_EQ(got.size(), n);
  for (std::size_t i = 0; i < n; ++i) ASSERT_TRUE(same_event(got[i], long_trace_event(i), i));
}

// ---- incremental reading -------------------------------------------------------------------
TEST(TraceRecorder, ReadingAgainAfterRecordingMoreKeepsThePrefixAndAppendsTheRest) {
  TraceRecorder rec;
  for (std::size_t i = 0; i < 1000; ++i) rec.record(long_trace_event(i));
  const auto& ev = rec.events();  // the reference is taken once
  ASSERT_EQ(ev.size(), 1000u);
  const std::vector<TraceEvent> first(ev.begin(), ev.end());

  for (std::size_t i = 1000; i < 30'000; ++i) rec.record(long_trace_event(i));
  EXPECT_EQ(rec.size(), 30'000u);
  EXPECT_EQ(ev.size(), 1000u) << "nothing is decoded before events() is called";
  const auto& again = rec.events();
  EXPECT_EQ(&again, &ev) << "events() always returns the same vector";
  ASSERT_EQ(ev.size(), 30'000u);
  for (std::size_t i = 0; i < first.size(); ++i) ASSERT_TRUE(same_event(ev[i], first[i], i));
  for (std::size_t i = 0; i < ev.size(); ++i) ASSERT_TRUE(same_event(ev[i], long_trace_event(i), i));
}

TEST(TraceRecorder, ReadingWithNothingNewChangesNothing) {
  TraceRecorder rec;
  EXPECT_TRUE(rec.events().empty());
  rec.record(long_trace_event(1));
  rec.record(long_trace_event(2));
  ASSERT_EQ(rec.events().size(), 2u);
  ASSERT_EQ(rec.events().size(), 2u);
  EXPECT_TRUE(same_event(rec.events()[1], long_trace_event(2), 1));
}

TEST(TraceRecorder, AMovedRecorderKeepsItsEventsAndGoesOnRecording) {
  TraceRecorder a;
  const StringId id = a.intern("kept");
  for (std::size_t i = 0; i < 100; ++i) a.record(long_trace_event(i));
  ASSERT_EQ(a.events().size(), 100u);
  for (std::size_t i = 100; i < 200; ++i) a.record(long_trace_event(i));  // not decoded yet
  TraceRecorder b(std::move(a));
  for (std::size_t i = 200; i < 300; ++i) b.record(long_trace_event(i));
  EXPECT_EQ(b.str(id), "kept");
  ASSERT_EQ(b.events().size(), 300u);
  for (std::size_t i = 0; i < 300; ++i) ASSERT_TRUE(same_event(b.events()[i], long_trace_event(i), i));
}

TEST(TraceRecorder, AMovedFromRecorderIsEmptyAndRecordsAgain) {
  TraceRecorder a;
  for (std::size_t i = 0; i < 100; ++i) a.record(long_trace_event(i));
  TraceRecorder b(std::move(a));
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is specified empty
  EXPECT_TRUE(a.events().empty());
  for (std::size_t i = 0; i < 50; ++i) a.record(long_trace_event(i));
  ASSERT_EQ(a.events().size(), 50u);
  for (std::size_t i = 0; i < 50; ++i) ASSERT_TRUE(same_event(a.events()[i], long_trace_event(i), i));
  EXPECT_EQ(b.events().size(), 100u);
  TraceRecorder c;
  c = std::move(b);
  EXPECT_EQ(b.size(), 0u);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(c.events().size(), 100u);
}

// ---- strings -------------------------------------------------------------------------------
TEST(TraceRecorder, ALazyTaskNameDecodesToTaskN) {
  TraceRecorder rec;
  const StringId before = rec.intern("before");
  TraceEvent e;
  e.kind = TraceKind::task_created;
  e.task = 7;
  e.text = TraceRecorder::lazy_task_name(7);
  rec.record(e);
  e.task = 8;
  e.text = TraceRecorder::lazy_task_name(0);
  rec.record(e);
  e.task = 9;
  // The largest n: lazy_task_name(0x7fffffff) would be no_string, and n >= 2^31 loses its top
  // bit (a task counter that high is out of reach).
  e.text = TraceRecorder::lazy_task_name(0x7fff'fffeu);
  rec.record(e);
  e.task = 10;
  e.text = before;  // an interned id next to lazy ones is left alone
  rec.record(e);
  const StringId after = rec.intern("after");  // interned before the lazy names are decoded

  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 4u);
  EXPECT_EQ(rec.str(ev[0].text), "Task-7");
  EXPECT_EQ(rec.str(ev[1].text), "Task-0");
  EXPECT_EQ(rec.str(ev[2].text), "Task-2147483646");
  EXPECT_EQ(ev[3].text, before);
  for (const TraceEvent& d : ev) EXPECT_EQ(d.text & TraceRecorder::lazy_name_bit, 0u);
  EXPECT_EQ(rec.str(before), "before");
  EXPECT_EQ(rec.str(after), "after");
  const StringId later = rec.intern("later");  // interned after decoding made strings
  EXPECT_EQ(rec.str(later), "later");
  EXPECT_EQ(rec.str(ev[0].text), "Task-7");
}

TEST(TraceRecorder, StringViewsTakenEarlierStayValidAfterManyMoreStrings) {
  TraceRecorder rec;
  const StringId id = rec.intern("the first string");
  TraceEvent e;
  e.kind = TraceKind::task_created;
  e.task = 1;
  e.text = TraceRecorder::lazy_task_name(1);
  rec.record(e);
  const std::string_view first = rec.str(id);
  const std::string_view lazy = rec.str(rec.events()[0].text);
  ASSERT_EQ(lazy, "Task-1");
  const char* const first_data = first.data();
  const char* const lazy_data = lazy.data();

  for (std::uint32_t i = 0; i < 100'000; ++i) {
    rec.intern("a string long enough not to fit in the small buffer #" + std::to_string(i));
    if (i % 10 == 0) {  // more lazy names decoded, too
      e.task = i + 2;
      e.text = TraceRecorder::lazy_task_name(i + 2);
      rec.record(e);
    }
  }
  ASSERT_EQ(rec.events().size(), 10'001u);
  EXPECT_EQ(rec.str(rec.events().back().text), "Task-99992");
  EXPECT_EQ(first.data(), first_data);
  EXPECT_EQ(first, "the first string");
  EXPECT_EQ(lazy.data(), lazy_data);
  EXPECT_EQ(lazy, "Task-1");
  EXPECT_EQ(rec.str(no_string), "");
  EXPECT_EQ(rec.str(0x7fff'0000u), "") << "an id never interned reads as empty";
}

TEST(TraceRecorder, InternRepeatAndInternStaticReuseIdsUntilClear) {
  TraceRecorder rec;
  const StringId a = rec.intern_repeat("sleep");
  EXPECT_EQ(rec.intern_repeat("sleep"), a);
  const StringId b = rec.intern_repeat("other");
  EXPECT_NE(b, a);
  EXPECT_NE(rec.intern_repeat("sleep"), a) << "only the previous text is remembered";
  static const char label[] = "call_soon(print)";
  const StringId s = rec.intern_static(label);
  EXPECT_EQ(rec.intern_static(label), s);
  EXPECT_EQ(rec.str(s), label);
  rec.clear();
  const StringId c = rec.intern("fresh");
  EXPECT_EQ(c, 0u);
  const StringId s2 = rec.intern_static(label);
  EXPECT_EQ(rec.str(s2), label) << "the static cache is forgotten by clear()";
  EXPECT_NE(s2, c);
}

// ---- ticks and anchors ---------------------------------------------------------------------
TraceEvent kind_event(TraceKind k) {
  TraceEvent e;
  e.kind = k;
  return e;
}

TEST(TraceRecorder, TicksDecodeBetweenAnchorsByLinearInterpolation) {
  TraceRecorder rec;
  rec.anchor(100, 1.0);
  rec.anchor(300, 2.0);
  rec.record_ticks(kind_event(TraceKind::note), 200);
  rec.record_ticks(kind_event(TraceKind::output), 250);
  rec.record_ticks(kind_event(TraceKind::location), 120);  // backwards: not before the previous
  rec.record_same_time(kind_event(TraceKind::handle_run));
  rec.record_ticks(kind_event(TraceKind::handle_run), 280);
  rec.record_ticks(kind_event(TraceKind::handle_run), 300);
  rec.record_ticks(kind_event(TraceKind::handle_run), 100);  // back to the first anchor

  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 7u);
  EXPECT_DOUBLE_EQ(ev[0].time, 1.5);
  EXPECT_DOUBLE_EQ(ev[1].time, 1.75);
  EXPECT_DOUBLE_EQ(ev[2].time, 1.75);
  EXPECT_DOUBLE_EQ(ev[3].time, 1.75);
  EXPECT_DOUBLE_EQ(ev[4].time, 1.9);
  EXPECT_DOUBLE_EQ(ev[5].time, 2.0);
  EXPECT_DOUBLE_EQ(ev[6].time, 2.0);
  EXPECT_EQ(ev[0].kind, TraceKind::note);
  EXPECT_EQ(ev[1].kind, TraceKind::output);
  EXPECT_EQ(ev[2].kind, TraceKind::location);
}

TEST(TraceRecorder, AnchorsAddedAfterAReadApplyToTheTicksRecordedAfterThem) {
  TraceRecorder rec;
  rec.anchor(1000, 10.0);
  rec.anchor(2000, 11.0);
  rec.record_ticks(kind_event(TraceKind::note), 1500);
  ASSERT_EQ(rec.events().size(), 1u);
  EXPECT_DOUBLE_EQ(rec.events()[0].time, 10.5);
  rec.anchor(4000, 13.0);
  rec.record_ticks(kind_event(TraceKind::note), 3000);
  rec.record_ticks(kind_event(TraceKind::note), 3500);
  rec.anchor(5000, 20.0);
  rec.record_ticks(kind_event(TraceKind::note), 4500);
  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 4u);
  EXPECT_DOUBLE_EQ(ev[1].time, 12.0);
  EXPECT_DOUBLE_EQ(ev[2].time, 12.5);
  EXPECT_DOUBLE_EQ(ev[3].time, 16.5);
}

TEST(TraceRecorder, TicksPastTheLastAnchorDecodeNoEarlierThanIt) {
  TraceRecorder rec;
  rec.anchor(100, 1.0);
  rec.anchor(300, 2.0);
  rec.record_ticks(kind_event(TraceKind::note), 400);
  rec.record_ticks(kind_event(TraceKind::note), 1'000'000);
  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_TRUE(std::isfinite(ev[0].time));
  EXPECT_GE(ev[0].time, 2.0);
  EXPECT_GE(ev[1].time, ev[0].time);
  EXPECT_TRUE(std::isfinite(ev[1].time));
}

TEST(TraceRecorder, TicksBeforeAnyAnchorKeepThePreviousTime) {
  TraceRecorder rec;
  rec.record_ticks(kind_event(TraceKind::note), 5);
  TraceEvent e = kind_event(TraceKind::note);
  e.time = 4.0;
  rec.record(e);
  rec.record_ticks(kind_event(TraceKind::note), 50);
  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].time, 0.0);
  EXPECT_EQ(ev[1].time, 4.0);
  EXPECT_EQ(ev[2].time, 4.0);
}

TEST(TraceRecorder, RecordSameTimeTakesThePreviousEventsTime) {
  TraceRecorder rec;
  rec.record_same_time(kind_event(TraceKind::note));  // nothing before: time 0
  TraceEvent e = kind_event(TraceKind::note);
  e.time = 3.5;
  rec.record(e);
  e.time = 99.0;  // ignored
  rec.record_same_time(e);
  rec.anchor(10, 5.0);
  rec.anchor(20, 6.0);
  rec.record_ticks(kind_event(TraceKind::output), 15);
  rec.record_same_time(e);
  e.time = 5.5;  // the ticks event's time, now given to record()
  rec.record(e);
  e.time = 7.25;
  rec.record(e);
  rec.record_same_time(e);
  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 8u);
  const double want[] = {0.0, 3.5, 3.5, 5.5, 5.5, 5.5, 7.25, 7.25};
  for (std::size_t i = 0; i < ev.size(); ++i) EXPECT_EQ(ev[i].time, want[i]) << "event " << i;
}

TEST(TraceRecorder, RecordAfterTicksWritesItsTimeAgainEvenIfItRepeatsAnEarlierRecord) {
  // record() writes only "same time" when its time equals the last record()'s; a ticks stamp
  // in between must break that, or the event would take the ticks event's time.
  TraceRecorder rec;
  rec.anchor(0, 0.0);
  rec.anchor(1000, 1.0);
  TraceEvent e = kind_event(TraceKind::note);
  e.time = 0.25;
  rec.record(e);
  rec.record_ticks(kind_event(TraceKind::note), 250);  // 0.25 again, through the anchors
  rec.record_ticks(kind_event(TraceKind::note), 500);  // 0.5
  rec.record(e);  // 0.25: earlier than the ticks event (out of the trace's order, but exact)
  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 4u);
  EXPECT_EQ(ev[1].time, 0.25);
  EXPECT_EQ(ev[2].time, 0.5);
  EXPECT_EQ(ev[3].time, 0.25);
}

// ---- clear, reserve, size ------------------------------------------------------------------
TEST(TraceRecorder, SizeCountsEventsBeforeTheyAreDecoded) {
  TraceRecorder rec;
  EXPECT_EQ(rec.size(), 0u);
  for (std::size_t i = 0; i < 10; ++i) rec.record(long_trace_event(i));
  EXPECT_EQ(rec.size(), 10u);
  rec.record_same_time(long_trace_event(10));
  rec.record_ticks(long_trace_event(11), 12345);
  EXPECT_EQ(rec.size(), 12u);
  EXPECT_EQ(rec.events().size(), 12u);
  EXPECT_EQ(rec.size(), 12u);
}

TEST(TraceRecorder, ClearEmptiesEverythingAndRecordingAfterItWorks) {
  TraceRecorder rec;
  const StringId id = rec.intern("gone");
  for (std::size_t i = 0; i < 200'000; ++i) rec.record(long_trace_event(i));  // several chunks
  rec.record_ticks(kind_event(TraceKind::note), 150);
  TraceEvent named = kind_event(TraceKind::task_created);
  named.task = 5;
  named.text = TraceRecorder::lazy_task_name(5);
  rec.record_same_time(named);
  TraceEvent last = long_trace_event(7);
  last.time = 1e5;
  last.task = 1000;
  last.handle = 2000;
  rec.record(last);  // the last thing recorded: a time, a task and a handle
  ASSERT_EQ(rec.events().size(), 200'003u);

  rec.clear();
  EXPECT_EQ(rec.size(), 0u);
  EXPECT_TRUE(rec.events().empty());
  EXPECT_EQ(rec.encoded_bytes(), 0u);
  EXPECT_EQ(rec.str(id), "");
  EXPECT_EQ(rec.str(0), "");

  // Everything starts afresh: the same time as before clear() is written again, task and
  // handle differences start from 0.
  TraceEvent again = last;  // time, task and handle all equal to the last ones
  rec.record(again);
  rec.record_same_time(named);
  const StringId fresh = rec.intern("fresh");
  EXPECT_EQ(fresh, 0u);
  const auto& ev = rec.events();
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_TRUE(same_event(ev[0], again, 0));
  EXPECT_EQ(ev[1].time, 1e5);
  EXPECT_EQ(ev[1].task, 5u);
  EXPECT_EQ(rec.str(ev[1].text), "Task-5");
  EXPECT_EQ(rec.str(fresh), "fresh");

  // A second long trace reuses the chunks of the first one.
  rec.clear();
  for (std::size_t i = 300'000; i < 500'000; ++i) rec.record(long_trace_event(i));
  const auto& ev2 = rec.events();
  ASSERT_EQ(ev2.size(), 200'000u);
  for (std::size_t i = 0; i < ev2.size(); ++i)
    ASSERT_TRUE(same_event(ev2[i], long_trace_event(300'000 + i), i));
}

TEST(TraceRecorder, ClearForgetsTheAnchors) {
  TraceRecorder rec;
  rec.anchor(100, 1.0);
  rec.anchor(200, 2.0);
  rec.record_ticks(kind_event(TraceKind::note), 150);
  ASSERT_EQ(rec.events().size(), 1u);
  EXPECT_DOUBLE_EQ(rec.events()[0].time, 1.5);
  rec.clear();
  rec.record_ticks(kind_event(TraceKind::note), 150);  // no anchors any more: time 0
  ASSERT_EQ(rec.events().size(), 1u);
  EXPECT_EQ(rec.events()[0].time, 0.0);
  rec.anchor(1000, 10.0);
  rec.anchor(2000, 20.0);
  rec.record_ticks(kind_event(TraceKind::note), 1500);  // new anchors work
  ASSERT_EQ(rec.events().size(), 2u);
  EXPECT_DOUBLE_EQ(rec.events()[1].time, 15.0);
}

TEST(TraceRecorder, RecordingAfterReserveWorks) {
  TraceRecorder fresh;
  fresh.reserve(100'000);  // before anything was recorded
  EXPECT_EQ(fresh.size(), 0u);
  EXPECT_EQ(fresh.encoded_bytes(), 0u);
  EXPECT_TRUE(fresh.events().empty());
  for (std::size_t i = 0; i < 150'000; ++i) {
    fresh.record(long_trace_event(i));
    if (i == 1000) fresh.reserve(100'000);  // while recording into a chunk
  }
  ASSERT_EQ(fresh.events().size(), 150'000u);
  for (std::size_t i = 0; i < 150'000; ++i)
    ASSERT_TRUE(same_event(fresh.events()[i], long_trace_event(i), i));

  fresh.clear();
  fresh.reserve(1000);  // after clear()
  for (std::size_t i = 0; i < 1000; ++i) fresh.record(long_trace_event(i));
  ASSERT_EQ(fresh.events().size(), 1000u);
  for (std::size_t i = 0; i < 1000; ++i)
    ASSERT_TRUE(same_event(fresh.events()[i], long_trace_event(i), i));
}

TEST(TraceRecorder, EventsTakeAFewBytesEach) {
  TraceRecorder rec;
  TraceEvent e = kind_event(TraceKind::task_resumed);
  e.time = 1.0;
  e.task = 3;
  e.handle = 10;
  rec.record(e);
  const std::size_t first = rec.encoded_bytes();
  EXPECT_LE(first, 1u + 8u + 1u + 1u + 1u) << "header, time, mask, task, handle";

  TraceEvent s = kind_event(TraceKind::task_scheduled);
  s.time = 1.0;
  s.task = 4;
  s.handle = 11;
  rec.record(s);  // the same time: no time is written
  EXPECT_LE(rec.encoded_bytes() - first, 6u);
  const std::size_t second = rec.encoded_bytes();

  rec.record_same_time(kind_event(TraceKind::loop_phase));  // nothing but a header
  EXPECT_EQ(rec.encoded_bytes() - second, 1u);
  const std::size_t third = rec.encoded_bytes();

  rec.record_ticks(s, 1000);  // a ticks stamp of a small difference
  rec.record_ticks(s, 1100);
  EXPECT_LE(rec.encoded_bytes() - third, 2u * 7u);

  // A typical task switch (resumed, suspended on sleep with a deadline) stays well under the
  // 64 bytes of a TraceEvent.
  const std::size_t before = rec.encoded_bytes();
  TraceEvent r = kind_event(TraceKind::task_resumed);
  r.time = 2.0;
  r.task = 4;
  r.handle = 12;
  rec.record(r);
  TraceEvent z = kind_event(TraceKind::task_suspended);
  z.time = 2.0;
  z.task = 4;
  z.await_kind = AwaitKind::sleep;
  z.target = 13;
  z.deadline = 3.0;
  rec.record(z);
  EXPECT_LE(rec.encoded_bytes() - before, 32u);
}

TEST(TraceRecorder, RoundRobinStepsOfManyTasksWriteEachHandleInOneByte) {
  // 1,000 tasks yielding in turn: task i is resumed as handle h and scheduled again as handle
  // h + 1,000. Handles are deltas within their class (scheduling events, the rest), so both
  // deltas are +1, not +1,000 and -999 as with one shared base.
  constexpr std::uint64_t n = 1000;
  TraceRecorder rec;
  std::vector<TraceEvent> want;
  for (std::uint64_t round = 0; round < 3; ++round) {
    for (std::uint64_t i = 0; i < n; ++i) {
      TraceEvent r = kind_event(TraceKind::task_resumed);
      r.task = i + 1;
      r.handle = round * n + i + 1;
      TraceEvent sch = kind_event(TraceKind::task_scheduled);
      sch.task = i + 1;
      sch.handle = (round + 1) * n + i + 1;
      for (const TraceEvent& e : {r, sch}) {
        rec.record_same_time(e);
        want.push_back(e);
      }
    }
  }
  // header, mask, task, handle: 4 bytes each (the first of each class may take more).
  EXPECT_LE(rec.encoded_bytes(), want.size() * 4 + 8);
  ASSERT_EQ(rec.events().size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i)
    ASSERT_TRUE(same_event(rec.events()[i], want[i], i));
}

// ---- the real clock ------------------------------------------------------------------------
Coro<> yields_then_sleeps(int rounds) {
  for (int i = 0; i < rounds; ++i) co_await sleep(0);
  co_await sleep(0.001);
  co_await sleep(0);
}

Coro<> three_tasks() {
  std::vector<Task<>> ts;
  for (int i = 0; i < 3; ++i) ts.push_back(create_task(yields_then_sleeps(3 + i)));
  for (auto& t : ts) co_await t;
}

TEST(TraceRecorderOnTheRealClock, DecodedTimesNeverDecreaseAndLieWithinTheRun) {
  EventLoop loop(ClockKind::real_time);
  TraceRecorder rec;
  const double start = loop.time();
  loop.set_trace(&rec);
  loop.run_until_complete(three_tasks());
  const auto& ev = rec.events();
  const double end = loop.time();  // read after decoding

  ASSERT_GT(ev.size(), 50u);
  EXPECT_EQ(ev.size(), rec.size());
  std::size_t iterations = 0, fired = 0, names = 0;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const TraceEvent& e = ev[i];
    EXPECT_GE(e.time, start) << "event " << i;
    EXPECT_LE(e.time, end) << "event " << i;
    if (i > 0) {
      EXPECT_GE(e.time, ev[i - 1].time) << "event " << i << " goes back in time";
    }
    if (e.kind == TraceKind::loop_iteration) {
      ++iterations;
      EXPECT_EQ(e.value, static_cast<double>(iterations));
    }
    if (e.kind == TraceKind::timer_fired) {
      ++fired;
      // A timer fires once the clock has reached its deadline; the event's decoded time lies
      // between two anchors read after their counter readings, so it is not earlier (up to
      // rounding and the two clocks' tiny drift: allow 0.1 ms).
      double armed = -1;
      for (std::size_t j = i; j-- > 0;) {
        if (ev[j].kind == TraceKind::timer_armed && ev[j].handle == e.handle) {
          armed = ev[j].deadline;
          break;
        }
      }
      EXPECT_EQ(armed, e.deadline) << "timer_fired " << i << " and its timer_armed";
      const double deadline = e.deadline;
      ASSERT_GT(deadline, start) << "timer_fired " << i;
      EXPECT_GE(e.time, deadline - 1e-4) << "timer_fired " << i;
    }
    if (e.kind == TraceKind::task_created) {
      const std::string_view name = rec.str(e.text);
      EXPECT_EQ(name, "Task-" + std::to_string(e.task)) << "event " << i;
      ++names;
    }
  }
  EXPECT_EQ(iterations, loop.iteration());
  EXPECT_EQ(fired, 3u);
  EXPECT_EQ(names, 4u);
  EXPECT_GE(end - start, 0.001);
}

}  // namespace
