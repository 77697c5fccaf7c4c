// trace_strings.cpp — the to_string() functions declared in trace.hpp.
#include <loopscope/trace.hpp>

namespace loopscope {

const char* to_string(TaskState s) noexcept {
  switch (s) {
    case TaskState::pending: return "pending";
    case TaskState::running: return "running";
    case TaskState::suspended: return "suspended";
    case TaskState::done: return "done";
    case TaskState::cancelled: return "cancelled";
    case TaskState::failed: return "failed";
  }
  return "?";
}

const char* to_string(AwaitKind k) noexcept {
  switch (k) {
    case AwaitKind::none: return "none";
    case AwaitKind::sleep: return "sleep";
    case AwaitKind::task: return "task";
    case AwaitKind::gather: return "gather";
    case AwaitKind::wait: return "wait";
    case AwaitKind::wait_for: return "wait_for";
    case AwaitKind::event: return "event";
    case AwaitKind::lock: return "lock";
    case AwaitKind::semaphore: return "semaphore";
    case AwaitKind::queue_get: return "queue_get";
    case AwaitKind::queue_put: return "queue_put";
    case AwaitKind::io: return "io";
    case AwaitKind::executor: return "executor";
    case AwaitKind::task_group: return "task_group";
    case AwaitKind::future: return "future";
    case AwaitKind::condition: return "condition";
  }
  return "?";
}

const char* to_string(IoDirection d) noexcept {
  switch (d) {
    case IoDirection::read: return "read";
    case IoDirection::write: return "write";
    case IoDirection::connect: return "connect";
    case IoDirection::accept: return "accept";
  }
  return "?";
}

const char* to_string(LoopPhase p) noexcept {
  switch (p) {
    case LoopPhase::idle: return "idle";
    case LoopPhase::poll: return "poll";
    case LoopPhase::timers: return "timers";
    case LoopPhase::run_ready: return "run_ready";
  }
  return "?";
}

const char* to_string(TraceKind k) noexcept {
  switch (k) {
    case TraceKind::task_created: return "task_created";
    case TraceKind::task_scheduled: return "task_scheduled";
    case TraceKind::task_resumed: return "task_resumed";
    case TraceKind::task_suspended: return "task_suspended";
    case TraceKind::task_done: return "task_done";
    case TraceKind::task_cancelled: return "task_cancelled";
    case TraceKind::task_failed: return "task_failed";
    case TraceKind::task_cancel_requested: return "task_cancel_requested";
    case TraceKind::handle_scheduled: return "handle_scheduled";
    case TraceKind::handle_cancelled: return "handle_cancelled";
    case TraceKind::handle_run: return "handle_run";
    case TraceKind::timer_armed: return "timer_armed";
    case TraceKind::timer_fired: return "timer_fired";
    case TraceKind::timer_cancelled: return "timer_cancelled";
    case TraceKind::io_wait_begin: return "io_wait_begin";
    case TraceKind::io_wait_end: return "io_wait_end";
    case TraceKind::loop_iteration: return "loop_iteration";
    case TraceKind::loop_phase: return "loop_phase";
    case TraceKind::blocking_begin: return "blocking_begin";
    case TraceKind::blocking_end: return "blocking_end";
    case TraceKind::output: return "output";
    case TraceKind::location: return "location";
    case TraceKind::note: return "note";
    case TraceKind::task_uncancelled: return "task_uncancelled";
    case TraceKind::frames: return "frames";
  }
  return "?";
}

}  // namespace loopscope
