#pragma once
// detail/trace_codec.hpp — the compact byte form in which TraceRecorder stores events.
//
// Recording must cost little next to a task switch of ~10 ns, so an event is written as a few
// bytes, not as its 64-byte TraceEvent, and is decoded back into TraceEvents only when someone
// reads the trace (TraceRecorder::events()). One encoded event is:
//
//   header   kind (bits 0-4) | stamp (bits 5-6) | has_fields (bit 7)
//   stamp    stamp_same: nothing (the time of the previous event)
//            stamp_seconds: the time, 8 bytes of a double
//            stamp_ticks: zigzag varint of (ticks - ticks of the previous ticks stamp)
//   fields   if has_fields: a mask byte (FieldBit), then the present fields in bit order:
//            task and handle as zigzag varints of the difference to the last one written
//            (for handles, the last one of the same class: TraceRecorder::schedules_a_handle),
//            target as a varint, deadline and value as 8-byte doubles, line_a and line_b as
//            zigzag varints, text as a varint of (id << 1) or (n << 1 | 1) for the default task
//            name "Task-n", and await_kind | direction << 4 | phase << 6 in one byte.
//
// A field is present when it differs from TraceEvent's default. Invariant: decoding the bytes
// gives back every field exactly (doubles bit for bit), except that ticks stamps become seconds
// through the recorder's anchors.
#include <chrono>
#include <cstdint>
#include <cstring>

namespace loopscope::detail {

enum : std::uint8_t { stamp_same = 0, stamp_seconds = 1, stamp_ticks = 2 };

enum FieldBit : std::uint8_t {
  field_task = 1u << 0,
  field_handle = 1u << 1,
  field_target = 1u << 2,
  field_deadline = 1u << 3,
  field_value = 1u << 4,
  field_lines = 1u << 5,
  field_text = 1u << 6,
  field_enums = 1u << 7,
};

// The most bytes one event can take: header, ticks, mask, task, handle, target (10 each),
// deadline, value (8 each), two lines (5 each), text (5 bytes of a shifted 32-bit id), enums.
inline constexpr std::size_t max_encoded_event = 1 + 10 + 1 + 10 + 10 + 10 + 8 + 8 + 5 + 5 + 5 + 1;

inline std::uint64_t zigzag(std::int64_t v) noexcept {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t v) noexcept {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

inline std::uint8_t* put_varint(std::uint8_t* p, std::uint64_t v) noexcept {
  while (v >= 0x80) {
    *p++ = static_cast<std::uint8_t>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<std::uint8_t>(v);
  return p;
}
inline const std::uint8_t* get_varint(const std::uint8_t* p, std::uint64_t& v) noexcept {
  std::uint64_t out = 0;
  int shift = 0;
  while (*p & 0x80) {
    out |= static_cast<std::uint64_t>(*p++ & 0x7f) << shift;
    shift += 7;
  }
  v = out | (static_cast<std::uint64_t>(*p++) << shift);
  return p;
}

inline std::uint8_t* put_double(std::uint8_t* p, double d) noexcept {
  std::memcpy(p, &d, sizeof d);
  return p + sizeof d;
}
inline const std::uint8_t* get_double(const std::uint8_t* p, double& d) noexcept {
  std::memcpy(&d, p, sizeof d);
  return p + sizeof d;
}

inline std::uint64_t bits_of(double d) noexcept {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// The CPU's time-stamp counter: the trace's cheap clock on the real clock (converted to the
// loop's seconds on decoding, see TraceRecorder::anchor).
inline std::uint64_t read_ticks() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  return __builtin_ia32_rdtsc();
#else
  return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
#endif
}

}  // namespace loopscope::detail
