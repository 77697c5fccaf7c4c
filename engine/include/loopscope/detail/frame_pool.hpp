#pragma once
// detail/frame_pool.hpp — where coroutine frames come from.
//
// Frames up to 1 KiB are carved from 64 KiB chunks and recycled through per-thread free lists,
// one per 16-byte size class: allocating and freeing a frame is a few instructions and costs no
// malloc header. Chunks are kept for the life of the thread (the pool grows to the peak number
// of live frames). A frame freed on another thread simply joins that thread's lists.
// Under AddressSanitizer frames use plain operator new/delete, so that ASan sees every frame.
#include <cstddef>
#include <new>

namespace loopscope::detail {

#if defined(__SANITIZE_ADDRESS__)
inline void* frame_alloc(std::size_t n) { return ::operator new(n); }
inline void frame_free(void* p, std::size_t) noexcept { ::operator delete(p); }
#else
struct FramePool {
  static constexpr std::size_t granule = 16;
  static constexpr std::size_t classes = 64;  // up to 1 KiB
  struct Free { Free* next; };
  Free* lists[classes + 1] = {};
  char* cursor = nullptr;
  char* end = nullptr;
};
inline constinit thread_local FramePool tls_frame_pool{};

void* frame_refill(FramePool& pool, std::size_t cls);

inline void* frame_alloc(std::size_t n) {
  const std::size_t cls = (n + FramePool::granule - 1) / FramePool::granule;
  if (cls > FramePool::classes) [[unlikely]] return ::operator new(n);
  FramePool& pool = tls_frame_pool;
  if (FramePool::Free* f = pool.lists[cls]) [[likely]] {
    pool.lists[cls] = f->next;
    return f;
  }
  return frame_refill(pool, cls);
}

inline void frame_free(void* p, std::size_t n) noexcept {
  const std::size_t cls = (n + FramePool::granule - 1) / FramePool::granule;
  if (cls > FramePool::classes) [[unlikely]] {
    ::operator delete(p);
    return;
  }
  FramePool& pool = tls_frame_pool;
  auto* f = static_cast<FramePool::Free*>(p);
  f->next = pool.lists[cls];
  pool.lists[cls] = f;
}
#endif

}  // namespace loopscope::detail
