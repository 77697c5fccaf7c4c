#pragma once
// net/detail/byte_buffer.hpp — a growable byte buffer for socket reads: data is appended at the
// end and consumed from the front without moving it on every read.
//
// Invariants: 0 <= m_begin <= m_end <= m_capacity; the readable bytes are [m_begin, m_end).
// Space is made by moving the readable bytes to the front (when that frees enough) or by
// growing; fresh space is never zero-filled, so preparing 16 kB to read into costs nothing.
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace loopscope::net::detail {

class ByteBuffer {
public:
  std::string_view readable() const noexcept { return {m_data.get() + m_begin, m_end - m_begin}; }
  std::size_t size() const noexcept { return m_end - m_begin; }
  bool empty() const noexcept { return m_end == m_begin; }

  void consume(std::size_t n) noexcept {
    m_begin += n;
    if (m_begin >= m_end) m_begin = m_end = 0;
  }
  void clear() noexcept { m_begin = m_end = 0; }

  // A writable region of at least `min` bytes at the end; commit() what was written.
  char* prepare(std::size_t min) {
    if (m_capacity - m_end >= min) return m_data.get() + m_end;
    std::size_t live = size();
    if (m_begin > 0 && m_capacity - live >= min) {
      std::memmove(m_data.get(), m_data.get() + m_begin, live);
    } else {
      std::size_t cap = m_capacity ? m_capacity : 4096;
      while (cap - live < min) cap *= 2;
      std::unique_ptr<char[]> fresh(new char[cap]);
      if (live) std::memcpy(fresh.get(), m_data.get() + m_begin, live);
      m_data = std::move(fresh);
      m_capacity = cap;
    }
    m_begin = 0;
    m_end = live;
    return m_data.get() + m_end;
  }
  std::size_t writable() const noexcept { return m_capacity - m_end; }
  void commit(std::size_t n) noexcept { m_end += n; }
  void append(std::string_view s) {
    std::memcpy(prepare(s.size()), s.data(), s.size());
    commit(s.size());
  }

private:
  std::unique_ptr<char[]> m_data;
  std::size_t m_begin = 0, m_end = 0, m_capacity = 0;
};

}  // namespace loopscope::net::detail
