// frame_pool.cpp — refilling the per-thread frame pool (see detail/frame_pool.hpp).
#include <loopscope/detail/frame_pool.hpp>

#include <cstdlib>

namespace loopscope::detail {

#if !defined(__SANITIZE_ADDRESS__)
void* frame_refill(FramePool& pool, std::size_t cls) {
  const std::size_t size = cls * FramePool::granule;
  if (pool.cursor == nullptr || static_cast<std::size_t>(pool.end - pool.cursor) < size) {
    // The rest of the old chunk (less than one frame) is abandoned; chunks live until exit.
    constexpr std::size_t chunk = 64 * 1024;
    pool.cursor = static_cast<char*>(::operator new(chunk));
    pool.end = pool.cursor + chunk;
  }
  void* p = pool.cursor;
  pool.cursor += size;
  return p;
}
#endif

}  // namespace loopscope::detail
