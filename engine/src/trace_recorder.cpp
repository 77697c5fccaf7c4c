// trace_recorder.cpp — TraceRecorder's chunks, anchors and lazy decoding (see trace.hpp and
// detail/trace_codec.hpp for the byte form).
//
// Sections: chunks · anchors and ticks · decoding
#include <loopscope/detail/task_core.hpp>
#include <loopscope/trace.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace loopscope {

namespace {
std::int64_t steady_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

// ---- chunks --------------------------------------------------------------------------------
// Invariant: chunks [0, m_chunk) are full up to their `used`; m_chunk is being written from its
// start to m_cur (when m_cur is set); chunks after m_chunk are spare (kept by clear/reserve).
void TraceRecorder::next_chunk() {
  if (m_cur) {
    m_chunks[m_chunk].used = static_cast<std::size_t>(m_cur - m_chunks[m_chunk].bytes.get());
    ++m_chunk;
  }
  if (m_chunk == m_chunks.size()) {
    m_chunks.push_back(Chunk{std::make_unique_for_overwrite<std::uint8_t[]>(chunk_bytes), 0});
  }
  m_cur = m_chunks[m_chunk].bytes.get();
  m_end = m_cur + chunk_bytes;
}

std::size_t TraceRecorder::encoded_bytes() const noexcept {
  if (!m_cur) return 0;
  std::size_t n = static_cast<std::size_t>(m_cur - m_chunks[m_chunk].bytes.get());
  for (std::size_t c = 0; c < m_chunk; ++c) n += m_chunks[c].used;
  return n;
}

void TraceRecorder::swap(TraceRecorder& o) noexcept {
  using std::swap;
  swap(m_chunks, o.m_chunks);
  swap(m_chunk, o.m_chunk);
  swap(m_cur, o.m_cur);
  swap(m_end, o.m_end);
  swap(m_count, o.m_count);
  swap(m_last_seconds_bits, o.m_last_seconds_bits);
  swap(m_last_ticks, o.m_last_ticks);
  swap(m_last_task, o.m_last_task);
  swap(m_last_handle, o.m_last_handle);
  swap(m_last_new_handle, o.m_last_new_handle);
  swap(m_anchors, o.m_anchors);
  swap(m_calibration_ticks, o.m_calibration_ticks);
  swap(m_calibration_ns, o.m_calibration_ns);
  swap(m_decoded, o.m_decoded);
  swap(m_read_chunk, o.m_read_chunk);
  swap(m_read_offset, o.m_read_offset);
  swap(m_read_time, o.m_read_time);
  swap(m_read_ticks, o.m_read_ticks);
  swap(m_read_task, o.m_read_task);
  swap(m_read_handle, o.m_read_handle);
  swap(m_read_new_handle, o.m_read_new_handle);
  swap(m_read_anchor, o.m_read_anchor);
  swap(m_strings, o.m_strings);
  swap(m_static, o.m_static);
  swap(m_repeat_id, o.m_repeat_id);
}

void TraceRecorder::clear() {
  // Everything back to a new recorder's state, except the chunks: they stay, as spare room.
  TraceRecorder fresh;
  fresh.m_chunks = std::move(m_chunks);
  for (auto& c : fresh.m_chunks) c.used = 0;
  swap(fresh);
}

void TraceRecorder::reserve(std::size_t n) {
  if (n == 0) return;
  // 16 bytes is a generous average: a task switch takes two events of about 5 bytes.
  const std::size_t want = n * 16 / chunk_bytes + 1;
  const std::size_t first_spare = m_cur ? m_chunk + 1 : m_chunk;
  // Spare chunks were touched when they were first written; only new ones need touching.
  while (m_chunks.size() < first_spare + want) {
    m_chunks.push_back(Chunk{std::make_unique_for_overwrite<std::uint8_t[]>(chunk_bytes), 0});
    std::memset(m_chunks.back().bytes.get(), 0, chunk_bytes);
  }
}

// ---- anchors and ticks ---------------------------------------------------------------------
void TraceRecorder::anchor(std::uint64_t ticks, double seconds) {
  if (m_anchors.empty()) {
    m_calibration_ticks = ticks;
    m_calibration_ns = steady_ns();
  } else if (ticks < m_anchors.back().ticks || seconds < m_anchors.back().seconds) {
    return;  // out of order (a counter that went backwards): ignore it
  }
  m_anchors.push_back(Anchor{ticks, seconds});
}

// The counter's rate, measured from the first anchor to now (a fallback of 1 GHz when too
// little time has passed to tell).
double TraceRecorder::ticks_per_second() const {
  const std::int64_t dns = steady_ns() - m_calibration_ns;
  const std::uint64_t dt = detail::read_ticks() - m_calibration_ticks;
  if (m_anchors.empty() || dns < 1000) return 1e9;
  return static_cast<double>(dt) / (static_cast<double>(dns) * 1e-9);
}

double TraceRecorder::seconds_of(std::uint64_t ticks) const {
  const std::size_t n = m_anchors.size();
  if (n == 0) return m_read_time;
  std::size_t& k = m_read_anchor;
  if (k >= n || m_anchors[k].ticks > ticks) {
    // Stamps mostly increase, so the cursor only moves forward; search when it does not.
    auto it = std::upper_bound(m_anchors.begin(), m_anchors.end(), ticks,
                               [](std::uint64_t t, const Anchor& a) { return t < a.ticks; });
    k = it == m_anchors.begin() ? 0 : static_cast<std::size_t>(it - m_anchors.begin()) - 1;
  }
  while (k + 1 < n && m_anchors[k + 1].ticks <= ticks) ++k;
  const Anchor& a = m_anchors[k];
  if (ticks < a.ticks) return a.seconds;  // before the first anchor
  if (k + 1 < n) {
    const Anchor& b = m_anchors[k + 1];
    const double f = static_cast<double>(ticks - a.ticks) / static_cast<double>(b.ticks - a.ticks);
    return a.seconds + f * (b.seconds - a.seconds);
  }
  return a.seconds + static_cast<double>(ticks - a.ticks) / ticks_per_second();
}

// ---- decoding ------------------------------------------------------------------------------
void TraceRecorder::decode_new() const {
  using namespace detail;
  m_decoded.reserve(m_count);
  while (m_decoded.size() < m_count) {
    const Chunk& chunk = m_chunks[m_read_chunk];
    const std::uint8_t* base = chunk.bytes.get();
    const std::size_t used =
        m_read_chunk == m_chunk ? static_cast<std::size_t>(m_cur - base) : chunk.used;
    if (m_read_offset >= used) {  // this chunk is read to its end: on to the next
      ++m_read_chunk;
      m_read_offset = 0;
      continue;
    }
    const std::uint8_t* p = base + m_read_offset;
    const std::uint8_t* const end = base + used;
    while (p < end) {
      TraceEvent e;
      const std::uint8_t head = *p++;
      e.kind = static_cast<TraceKind>(head & 0x1f);
      const unsigned stamp = (head >> 5) & 3u;
      if (stamp == stamp_seconds) {
        p = get_double(p, m_read_time);
      } else if (stamp == stamp_ticks) {
        std::uint64_t z;
        p = get_varint(p, z);
        m_read_ticks += static_cast<std::uint64_t>(unzigzag(z));
        m_read_time = std::max(m_read_time, seconds_of(m_read_ticks));
      }
      e.time = m_read_time;
      if (head & 0x80) {
        const std::uint8_t mask = *p++;
        std::uint64_t v;
        if (mask & field_task) {
          p = get_varint(p, v);
          m_read_task += static_cast<std::uint64_t>(unzigzag(v));
          e.task = m_read_task;
        }
        if (mask & field_handle) {
          p = get_varint(p, v);
          HandleId& last = schedules_a_handle(e.kind) ? m_read_new_handle : m_read_handle;
          last += static_cast<std::uint64_t>(unzigzag(v));
          e.handle = last;
        }
        if (mask & field_target) p = get_varint(p, e.target);
        if (mask & field_deadline) p = get_double(p, e.deadline);
        if (mask & field_value) p = get_double(p, e.value);
        if (mask & field_lines) {
          p = get_varint(p, v);
          e.line_a = static_cast<std::int32_t>(unzigzag(v));
          p = get_varint(p, v);
          e.line_b = static_cast<std::int32_t>(unzigzag(v));
        }
        if (mask & field_text) {
          p = get_varint(p, v);
          if (v & 1) {
            char buf[32];
            char* name_end = TaskCore::write_default_name(buf, static_cast<std::uint32_t>(v >> 1));
            m_strings.emplace_back(buf, static_cast<std::size_t>(name_end - buf));
            e.text = static_cast<StringId>(m_strings.size() - 1);
          } else {
            e.text = static_cast<StringId>(v >> 1);
          }
        }
        if (mask & field_enums) {
          const std::uint8_t b = *p++;
          e.await_kind = static_cast<AwaitKind>(b & 0x0f);
          e.direction = static_cast<IoDirection>((b >> 4) & 3u);
          e.phase = static_cast<LoopPhase>(b >> 6);
        }
      }
      m_decoded.push_back(e);
    }
    m_read_offset = used;
  }
}

}  // namespace loopscope
