#pragma once
// handle.hpp — callbacks scheduled on the loop (call_soon / call_later / call_at).
//
// A Handle is a refcounted callback node: it sits in the ready queue (call_soon) or on the
// timer heap first (call_later / call_at: a timer handle) and runs once. What the scheduling
// functions return is a HandleRef, a small copyable reference that can cancel it. A cancelled
// handle stays where it is and is skipped, as in asyncio; a cancelled timer leaves the heap.
#include <loopscope/detail/ready_node.hpp>
#include <loopscope/trace.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace loopscope {

class EventLoop;

namespace detail {
class Handle final : public TimerNode {
public:
  Handle(EventLoop* loop, std::function<void()> fn, std::string label)
      : m_loop(loop), m_fn(std::move(fn)), m_label(std::move(label)) {
    m_kind = NodeKind::callback;
  }
  static void run_node(ReadyNode* n);
  void cancel() noexcept;
  void add_ref() noexcept { ++m_refs; }
  void release() noexcept { if (--m_refs == 0) delete this; }

  EventLoop* m_loop;
  std::function<void()> m_fn;
  std::string m_label;
  bool m_timer = false;
};
}  // namespace detail

class HandleRef {
public:
  HandleRef() noexcept = default;
  explicit HandleRef(detail::Handle* h) noexcept : m_h(h) { if (m_h) m_h->add_ref(); }
  HandleRef(const HandleRef& o) noexcept : HandleRef(o.m_h) {}
  HandleRef(HandleRef&& o) noexcept : m_h(std::exchange(o.m_h, nullptr)) {}
  HandleRef& operator=(HandleRef o) noexcept { std::swap(m_h, o.m_h); return *this; }
  ~HandleRef() { if (m_h) m_h->release(); }

  explicit operator bool() const noexcept { return m_h != nullptr; }
  // Prevents the callback from running (no effect once it ran).
  void cancel() noexcept { if (m_h) m_h->cancel(); }
  bool cancelled() const noexcept { return m_h && m_h->m_cancelled; }
  HandleId id() const noexcept { return m_h ? m_h->m_handle : 0; }
  // The deadline of a timer handle (-1 for a call_soon handle).
  double when() const noexcept { return m_h && m_h->m_timer ? m_h->m_deadline : -1; }
  const std::string& label() const noexcept { return m_h->m_label; }

private:
  detail::Handle* m_h = nullptr;
};

// asyncio's names: call_soon returns a Handle, call_later / call_at a TimerHandle (when() >= 0).
using Handle = HandleRef;
using TimerHandle = HandleRef;

}  // namespace loopscope
