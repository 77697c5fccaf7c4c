#pragma once
// detail/selector.hpp — the loop's selector: epoll, the fd registrations and the wake-up fd
// (asyncio's selector_events split from base_events). It knows nothing of tasks: a waiter is an
// opaque pointer, at most one per fd and direction, and select() hands back the waiters whose fd
// became ready, already unregistered.
//
// Invariants:
//   - a waiter is in exactly one slot (fd, read|write) from add() until select() reports it,
//     remove() or forget() takes it out;
//   - epoll interest is kept after a waiter leaves (the next wait on the fd usually follows at
//     once) and dropped lazily, when an event arrives that no waiter wants, or by remove();
//   - the wake-up fd is always registered; select() drains it, and wake() may be called from any
//     thread.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace loopscope::detail {

class Selector {
public:
  enum class Side : std::uint8_t { read, write };

  Selector();
  ~Selector();
  Selector(const Selector&) = delete;
  Selector& operator=(const Selector&) = delete;

  // The epoll fd (readable when events are pending: a GUI can poll it).
  int fd() const noexcept { return m_epoll_fd; }
  // Registers `waiter` for fd becoming readable (or hung up / in error) or writable.
  // RuntimeError if another waiter holds that slot or fd < 0; system_error if epoll refuses.
  void add(int fd, Side side, void* waiter);
  // Unregisters `waiter` if it holds a slot of fd (and drops the interest nobody needs); false
  // if it held none.
  bool remove(int fd, void* waiter) noexcept;
  // Removes fd from epoll (call before closing it) and returns its waiters, to be woken.
  std::vector<void*> forget(int fd);
  // Waits up to timeout_ms (-1: forever, 0: just ask) and appends to `ready` the waiters whose
  // fd became ready, each already unregistered, in the order epoll reported them.
  void select(int timeout_ms, std::vector<void*>& ready);
  // Wakes a select() in progress (or the next one) from any thread.
  void wake() noexcept;
  std::size_t waiters() const noexcept { return m_waiters; }
  // Forgets every waiter (the loop is closing; their frames are being destroyed).
  void drop_waiters() noexcept {
    m_fds.clear();
    m_waiters = 0;
  }

private:
  struct FdState {
    void* reader = nullptr;
    void* writer = nullptr;
    std::uint32_t registered = 0;   // epoll events currently registered (0 = not registered)
  };
  void update(int fd);
  int m_epoll_fd = -1;
  int m_wake_fd = -1;
  std::vector<FdState> m_fds;
  std::size_t m_waiters = 0;
};

}  // namespace loopscope::detail
