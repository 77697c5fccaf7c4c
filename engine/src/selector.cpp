// selector.cpp — Selector: epoll, fd registrations, the wake-up eventfd (see detail/selector.hpp).
#include <loopscope/detail/selector.hpp>
#include <loopscope/errors.hpp>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <utility>

namespace loopscope::detail {

namespace {
constexpr std::uint32_t read_events = EPOLLIN | EPOLLRDHUP;
constexpr std::uint32_t write_events = EPOLLOUT;
}  // namespace

Selector::Selector() {
  m_epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (m_epoll_fd < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  m_wake_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (m_wake_fd < 0) {
    ::close(m_epoll_fd);
    throw std::system_error(errno, std::generic_category(), "eventfd");
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = m_wake_fd;
  ::epoll_ctl(m_epoll_fd, EPOLL_CTL_ADD, m_wake_fd, &ev);
}

Selector::~Selector() {
  ::close(m_epoll_fd);
  ::close(m_wake_fd);
}

void Selector::wake() noexcept {
  std::uint64_t one = 1;
  [[maybe_unused]] auto r = ::write(m_wake_fd, &one, sizeof one);
}

void Selector::add(int fd, Side side, void* waiter) {
  if (fd < 0) throw RuntimeError("wait on a negative fd");
  if (static_cast<std::size_t>(fd) >= m_fds.size()) m_fds.resize(static_cast<std::size_t>(fd) + 1);
  FdState& st = m_fds[fd];
  void*& slot = side == Side::read ? st.reader : st.writer;
  if (slot) throw RuntimeError("another task is already waiting on fd " + std::to_string(fd));
  const std::uint32_t need = side == Side::read ? read_events : write_events;
  if ((st.registered & need) != need) {
    epoll_event ev{};
    ev.data.fd = fd;
    ev.events = st.registered | need;
    int op = st.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    int r = ::epoll_ctl(m_epoll_fd, op, fd, &ev);
    if (r < 0 && errno == ENOENT) r = ::epoll_ctl(m_epoll_fd, EPOLL_CTL_ADD, fd, &ev);
    else if (r < 0 && errno == EEXIST) r = ::epoll_ctl(m_epoll_fd, EPOLL_CTL_MOD, fd, &ev);
    if (r < 0) throw std::system_error(errno, std::generic_category(), "epoll_ctl");
    st.registered = ev.events;
  }
  slot = waiter;
  ++m_waiters;
}

bool Selector::remove(int fd, void* waiter) noexcept {
  if (fd < 0 || static_cast<std::size_t>(fd) >= m_fds.size()) return false;
  FdState& st = m_fds[fd];
  bool found = false;
  if (st.reader == waiter) { st.reader = nullptr; found = true; }
  if (st.writer == waiter) { st.writer = nullptr; found = true; }
  if (!found) return false;
  --m_waiters;
  update(fd);
  return true;
}

std::vector<void*> Selector::forget(int fd) {
  std::vector<void*> out;
  if (fd < 0 || static_cast<std::size_t>(fd) >= m_fds.size()) return out;
  FdState& st = m_fds[fd];
  if (st.reader) out.push_back(std::exchange(st.reader, nullptr));
  if (st.writer) out.push_back(std::exchange(st.writer, nullptr));
  m_waiters -= out.size();
  if (st.registered) {
    epoll_event ev{};
    ::epoll_ctl(m_epoll_fd, EPOLL_CTL_DEL, fd, &ev);
    st.registered = 0;
  }
  return out;
}

void Selector::select(int timeout_ms, std::vector<void*>& ready) {
  epoll_event evs[64];
  const int n = ::epoll_wait(m_epoll_fd, evs, 64, timeout_ms);
  for (int i = 0; i < n; ++i) {
    const int fd = evs[i].data.fd;
    const std::uint32_t what = evs[i].events;
    if (fd == m_wake_fd) {
      std::uint64_t v;
      while (::read(m_wake_fd, &v, sizeof v) > 0) {}
      continue;
    }
    if (fd < 0 || static_cast<std::size_t>(fd) >= m_fds.size()) continue;
    FdState& st = m_fds[fd];
    const bool err = what & (EPOLLERR | EPOLLHUP);
    bool woke = false;
    if ((what & (EPOLLIN | EPOLLRDHUP) || err) && st.reader) {
      ready.push_back(std::exchange(st.reader, nullptr));
      --m_waiters;
      woke = true;
    }
    if ((what & EPOLLOUT || err) && st.writer) {
      ready.push_back(std::exchange(st.writer, nullptr));
      --m_waiters;
      woke = true;
    }
    if (!woke) update(fd);
  }
}

// Brings the epoll registration of fd in line with its waiters.
void Selector::update(int fd) {
  FdState& st = m_fds[fd];
  std::uint32_t want = 0;
  if (st.reader) want |= read_events;
  if (st.writer) want |= write_events;
  if (want == st.registered) return;
  epoll_event ev{};
  ev.data.fd = fd;
  ev.events = want;
  if (want == 0) {
    ::epoll_ctl(m_epoll_fd, EPOLL_CTL_DEL, fd, &ev);
  } else if (st.registered == 0) {
    if (::epoll_ctl(m_epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0 && errno == EEXIST)
      ::epoll_ctl(m_epoll_fd, EPOLL_CTL_MOD, fd, &ev);
  } else {
    if (::epoll_ctl(m_epoll_fd, EPOLL_CTL_MOD, fd, &ev) < 0 && errno == ENOENT)
      ::epoll_ctl(m_epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  }
  st.registered = want;
}

}  // namespace loopscope::detail
