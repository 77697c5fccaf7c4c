#pragma once
// statistics.hpp — counters the loop and the synchronisation primitives keep as they run.
//
// They cost a few increments on paths that already do work; they are always on.
#include <cstddef>
#include <cstdint>

namespace loopscope {

struct LoopStatistics {
  std::uint64_t iterations = 0;          // run_once() calls that did an iteration
  std::uint64_t handles_run = 0;         // ready-queue entries run (task steps + callbacks)
  std::uint64_t task_steps = 0;          // task resumptions
  std::uint64_t callbacks_run = 0;       // plain callbacks run
  std::uint64_t tasks_created = 0;
  std::uint64_t tasks_alive = 0;         // created and not finished
  std::uint64_t tasks_done = 0;
  std::uint64_t tasks_cancelled = 0;
  std::uint64_t tasks_failed = 0;
  std::uint64_t timers_armed = 0;
  std::uint64_t timers_fired = 0;
  std::uint64_t timers_cancelled = 0;
  std::uint64_t timers_pending = 0;
  std::uint64_t max_ready = 0;           // longest ready queue seen at an iteration start
  std::uint64_t polls = 0;               // epoll_wait calls
  std::uint64_t io_waits = 0;            // wait_readable / wait_writable suspensions
  std::uint64_t executor_jobs = 0;       // to_thread / run_in_executor jobs submitted
  std::uint64_t exceptions_reported = 0; // calls of the exception handler
  double virtual_time_skipped = 0;       // seconds the virtual clock jumped to reach deadlines
};

// Per synchronisation primitive (Event, Lock, Semaphore, Queue).
struct PrimitiveStatistics {
  std::uint64_t id = 0;
  std::uint64_t acquisitions = 0;        // lock/semaphore acquired, event waits satisfied, queue gets
  std::uint64_t releases = 0;            // lock/semaphore released, event sets, queue puts
  std::uint64_t waits = 0;               // times a task had to suspend
  std::uint64_t cancelled_waits = 0;     // suspensions ended by cancellation
  std::size_t waiters = 0;               // tasks suspended on it now
  std::size_t max_waiters = 0;
};

}  // namespace loopscope
