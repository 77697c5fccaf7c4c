// baseline_peer.cpp — a bare minimal C++20 coroutine scheduler, as a yardstick for the machine.
//
// Usage: baseline_peer {spawn|switch} [--repeat N]
// Prints `peer=baseline ...` lines in bench/run's format. It is NOT an event loop: no timers,
// no I/O, no names, no states, no cancellation, no trace — just an intrusive FIFO of coroutine
// handles and a counter to join on. The issue quotes this kind of scheduler at 21 ns/task
// (spawn) and 3.9 ns/switch on this machine; when the machine is shared, comparing the measured
// baseline with those figures tells how much every other number of the run is inflated.
// It does not use the engine.
//
// Sections: scheduler · frames · jobs · workloads · main
#include "stopwatch.hpp"

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string_view>

namespace {

// ---- scheduler ---------------------------------------------------------------------------
// A ready queue of coroutines. Invariant: a node is in the queue at most once; run() resumes
// nodes in FIFO order until the queue is empty.
struct Node {
  Node* next = nullptr;
  std::coroutine_handle<> handle;
};

struct Scheduler {
  Node* head = nullptr;
  Node* tail = nullptr;

  void push(Node* n) noexcept {
    n->next = nullptr;
    if (tail) tail->next = n;
    else head = n;
    tail = n;
  }
  void run() {
    while (head) {
      Node* n = head;
      head = n->next;
      if (!head) tail = nullptr;
      n->handle.resume();
    }
  }
};

Scheduler g_sched;

// ---- frames ------------------------------------------------------------------------------
// Frames come from a free list (one size class: every child frame has the same size), as the
// engine's frame pool does; without it the yardstick would mostly measure malloc.
struct FreeFrame { FreeFrame* next; };
FreeFrame* g_free_frames = nullptr;
std::size_t g_free_size = 0;

void* frame_new(std::size_t n) {
  if (n == g_free_size && g_free_frames) {
    FreeFrame* f = g_free_frames;
    g_free_frames = f->next;
    return f;
  }
  return ::operator new(n);
}
void frame_delete(void* p, std::size_t n) noexcept {
  if (g_free_size == 0) g_free_size = n;
  if (n != g_free_size) {
    ::operator delete(p);
    return;
  }
  auto* f = static_cast<FreeFrame*>(p);
  f->next = g_free_frames;
  g_free_frames = f;
}

// ---- jobs --------------------------------------------------------------------------------
// A fire-and-forget coroutine scheduled on g_sched. When it finishes it decrements *remaining
// and, at zero, schedules *joiner; then its frame is destroyed.
struct Job {
  struct promise_type {
    Node node;
    long* remaining = nullptr;
    Node* joiner = nullptr;

    static void* operator new(std::size_t n) { return frame_new(n); }
    static void operator delete(void* p, std::size_t n) noexcept { frame_delete(p, n); }
    Job get_return_object() noexcept {
      node.handle = std::coroutine_handle<promise_type>::from_promise(*this);
      return Job{&node};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    auto final_suspend() noexcept {
      struct Final {
        bool await_ready() noexcept { return false; }
        void await_suspend(std::coroutine_handle<promise_type> h) noexcept {
          promise_type& p = h.promise();
          if (p.remaining && --*p.remaining == 0 && p.joiner) g_sched.push(p.joiner);
          h.destroy();
        }
        void await_resume() noexcept {}
      };
      return Final{};
    }
    void return_void() noexcept {}
    void unhandled_exception() { std::terminate(); }
  };
  Node* node;
};

Job::promise_type& promise_of(Node* n) {
  return std::coroutine_handle<Job::promise_type>::from_address(n->handle.address()).promise();
}

// co_await yield_now(): to the back of the ready queue (sleep(0)).
struct YieldNow {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<Job::promise_type> h) noexcept {
    g_sched.push(&h.promise().node);
  }
  void await_resume() noexcept {}
};

// co_await JoinAll{&remaining}: suspends until remaining reaches zero (the last child to finish
// schedules the joiner it was given).
struct JoinAll {
  long* remaining;
  bool await_ready() noexcept { return *remaining == 0; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

// ---- workloads ---------------------------------------------------------------------------
Job child(int switches) {
  for (int i = 0; i < switches; ++i) co_await YieldNow{};
}

long g_remaining = 0;
Node* g_joiner_slot = nullptr;

// Spawns `tasks` children doing `switches` yields each and joins them; reports the time.
Job main_job(long tasks, int switches, double* seconds, double* cpu) {
  loopscope::bench::Stopwatch sw;
  g_remaining = tasks;
  for (long i = 0; i < tasks; ++i) {
    Job j = child(switches);
    Job::promise_type& p = promise_of(j.node);
    p.remaining = &g_remaining;
    p.joiner = g_joiner_slot;
    g_sched.push(j.node);
  }
  co_await JoinAll{&g_remaining};
  *seconds = sw.wall_seconds();
  *cpu = sw.cpu_seconds();
}

}  // namespace

// ---- main --------------------------------------------------------------------------------
int main(int argc, char** argv) {
  if (argc < 2 || (std::strcmp(argv[1], "spawn") != 0 && std::strcmp(argv[1], "switch") != 0)) {
    std::fprintf(stderr, "usage: %s {spawn|switch} [--repeat N]\n", argv[0]);
    return 2;
  }
  std::string_view workload = argv[1];
  int repeat = (argc >= 4 && std::strcmp(argv[2], "--repeat") == 0) ? std::atoi(argv[3]) : 1;
  long tasks = workload == "spawn" ? 100'000 : 1'000;
  int switches = workload == "spawn" ? 1 : 1'000;
  double n = workload == "spawn" ? double(tasks) : double(tasks) * switches;
  for (int r = 0; r < (repeat < 1 ? 1 : repeat); ++r) {
    double seconds = 0, cpu = 0;
    Job m = main_job(tasks, switches, &seconds, &cpu);
    // The children learn who joins them before they run: the main job's own node.
    g_joiner_slot = m.node;
    g_sched.push(m.node);
    g_sched.run();
    std::printf("peer=baseline workload=%s n=%.0f seconds=%.6g per_op_ns=%.4g cpu_seconds=%.6g\n",
                argv[1], n, seconds, seconds / n * 1e9, cpu);
    std::fflush(stdout);
  }
  return 0;
}
