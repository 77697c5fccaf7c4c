#pragma once
// coro.hpp — Coro<T>, the return type of a coroutine function.
//
// A Coro is lazy: calling the function allocates the frame and does nothing else. It runs
// either inline, when awaited (`T v = co_await f();` — no scheduling, no trace event of its
// own, like awaiting a coroutine in asyncio), or as a Task (create_task). Exceptions are stored
// and rethrown at the co_await. Control transfers go through the running task's trampoline
// (detail/thread_state.hpp), so a chain of a million nested awaits that complete immediately
// uses constant machine stack in every build type.
//
// A Coro destroyed without ever having run reports the RuntimeWarning "coroutine 'NAME' was
// never awaited" through the current loop (EventLoop::warnings()); NAME is set_name()'s, else the
// coroutine function's own (unqualified) name.
//
// Sections: Storage · CoroPromise · Coro
#include <loopscope/detail/frame_pool.hpp>
#include <loopscope/detail/task_core.hpp>

#include <coroutine>
#include <exception>
#include <optional>
#include <source_location>
#include <string_view>
#include <type_traits>
#include <utility>

namespace loopscope {

template <class T = void> class Coro;
template <class T = void> class Task;

namespace detail {

// ---- Storage -------------------------------------------------------------------------------
template <class T> struct Storage {
  std::optional<T> m_value;
  template <class U> void return_value(U&& v) { m_value.emplace(std::forward<U>(v)); }
  T take() { return std::move(*m_value); }
  const T& peek() const { return *m_value; }
};
template <> struct Storage<void> {
  void return_void() noexcept {}
  void take() noexcept {}
  void peek() const noexcept {}
};

// ---- CoroPromise ---------------------------------------------------------------------------
template <class T> class CoroPromise final : public TaskCore, public Storage<T> {
public:
  using handle_type = std::coroutine_handle<CoroPromise>;

  // `where` is the coroutine function (the compiler constructs the promise inside it).
  explicit CoroPromise(std::source_location where = std::source_location::current()) noexcept {
    tls.coro_function = where.function_name();
    static_assert(alignof(CoroPromise) <= 64, "the frame offset must fit in a byte");
    const auto root = handle_type::from_promise(*this);
    m_frame_offset = static_cast<std::uint8_t>(reinterpret_cast<char*>(this) -
                                               static_cast<char*>(root.address()));
    m_resume = root;
  }
  static void* operator new(std::size_t n) { return frame_alloc(n); }
  static void operator delete(void* p, std::size_t n) noexcept { frame_free(p, n); }
  Coro<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }

  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    void await_suspend(handle_type h) noexcept {
      CoroPromise& p = h.promise();
      if (p.m_is_task) p.m_finished = true;  // a task root: the step completes it
      else tls.next = std::coroutine_handle<>::from_address(p.m_continuation);  // back to the awaiter
    }
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() { set_exception(std::current_exception()); }

  // The value (or rethrow the exception) of a finished frame.
  T result() {
    rethrow_if_exception();
    return this->take();
  }

};

}  // namespace detail

// ---- Coro ----------------------------------------------------------------------------------
template <class T> class [[nodiscard]] Coro {
public:
  using promise_type = detail::CoroPromise<T>;
  using handle_type = std::coroutine_handle<promise_type>;
  using value_type = T;

  Coro() noexcept = default;
  explicit Coro(handle_type h, const char* function = nullptr) noexcept : m_h(h), m_function(function) {}
  Coro(Coro&& o) noexcept : m_h(std::exchange(o.m_h, {})), m_function(o.m_function) {}
  Coro& operator=(Coro&& o) noexcept {
    if (this != &o) {
      reset();
      m_h = std::exchange(o.m_h, {});
      m_function = o.m_function;
    }
    return *this;
  }
  Coro(const Coro&) = delete;
  Coro& operator=(const Coro&) = delete;
  ~Coro() { reset(); }

  bool valid() const noexcept { return static_cast<bool>(m_h); }
  // Names the coroutine (for the "never awaited" warning and as a default for diagnostics).
  Coro& set_name(std::string_view name) {
    if (m_h) m_h.promise().extras().coro_name = std::string(name);
    return *this;
  }
  std::string_view name() const noexcept {
    auto* x = m_h ? m_h.promise().extras_if() : nullptr;
    return x ? std::string_view(x->coro_name) : std::string_view{};
  }
  // Gives up ownership of the frame (create_task uses it).
  handle_type release() noexcept { return std::exchange(m_h, {}); }
  handle_type handle() const noexcept { return m_h; }

  struct Awaiter {
    handle_type m_h;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> parent) noexcept {
      promise_type& p = m_h.promise();
      p.m_continuation = parent.address();
      p.m_started = true;
      detail::tls.next = m_h;  // the trampoline resumes the child; the stack stays flat
    }
    T await_resume() { return m_h.promise().result(); }
  };
  Awaiter operator co_await() & noexcept { return Awaiter{m_h}; }
  Awaiter operator co_await() && noexcept { return Awaiter{m_h}; }

private:
  void reset() noexcept {
    if (!m_h) return;
    promise_type& p = m_h.promise();
    if (!p.m_started) p.warn_never_awaited(m_function);
    m_h.destroy();
    m_h = {};
  }
  handle_type m_h;
  const char* m_function = nullptr;  // std::source_location's function name (static storage)
};

namespace detail {
template <class T> Coro<T> CoroPromise<T>::get_return_object() noexcept {
  return Coro<T>(handle_type::from_promise(*this), tls.coro_function);
}
}  // namespace detail

}  // namespace loopscope
