#pragma once
// replay_check.hpp — test helper: run a loop iteration by iteration and check, after every
// iteration, that replay(trace) equals the live snapshot.
#include <loopscope/engine.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace loopscope::check {

inline std::string dump(const LoopSnapshot& s) {
  std::ostringstream o;
  o << "time=" << s.time << " it=" << s.iteration << " phase=" << to_string(s.phase)
    << " poll=" << s.poll_timeout << " blocking=" << s.blocking << "\n ready:";
  for (const auto& r : s.ready) o << " [h" << r.handle << " t" << r.task << " " << r.label << "]";
  o << "\n tasks:";
  for (const auto& t : s.tasks)
    o << "\n  #" << t.id << " " << t.name << " " << to_string(t.state) << " await=" << to_string(t.awaiting.kind)
      << "/" << t.awaiting.target << "/" << t.awaiting.deadline << "/" << t.awaiting.label
      << " cancel=" << t.cancel_requested << " err=" << t.error << " lines=" << t.line_a << "," << t.line_b;
  o << "\n timers:";
  for (const auto& t : s.timers) o << " [h" << t.handle << " @" << t.deadline << " t" << t.task << "]";
  o << "\n output: " << s.output.size() << " lines";
  return o.str();
}

// Runs iterations until the loop has nothing left to do (or stop_when() is true), checking
// replay == snapshot after each one. Returns the number of iterations run.
template <class Pred>
std::size_t run_checked(EventLoop& loop, TraceRecorder& rec, Pred stop_when, std::size_t max_iterations = 1000000) {
  std::size_t n = 0;
  EXPECT_EQ(dump(replay(rec, rec.size())), dump(loop.snapshot())) << "before the first iteration";
  while (!stop_when() && n < max_iterations && loop.run_once()) {
    ++n;
    LoopSnapshot live = loop.snapshot();
    LoopSnapshot rebuilt = replay(rec, rec.size());
    if (!(live == rebuilt)) {
      ADD_FAILURE() << "replay differs from the live snapshot after iteration " << n << "\nlive:\n"
                    << dump(live) << "\nreplay:\n" << dump(rebuilt);
      break;
    }
  }
  return n;
}
inline std::size_t run_checked(EventLoop& loop, TraceRecorder& rec) {
  return run_checked(loop, rec, [] { return false; });
}

}  // namespace loopscope::check
