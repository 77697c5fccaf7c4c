#pragma once
// chrome_trace.hpp — exports a recorded trace as Chrome trace-event JSON (Perfetto opens it).
//
// Layout: one process; thread 1 is the event loop (a slice per iteration, nested slices per
// phase), thread id+1 is task `id` (named after the task). For each task:
//   - complete events ("X") for every running slice, resumed -> suspended/finished, with
//     nested "X" slices for blocking sections (time.sleep, CPU work);
//   - async begin/end ("b"/"e", category "suspended") for every span during which it waited,
//     named after what it awaited ("sleep(2)", "Lock#3", "read fd 7"…);
//   - flow events ("s"/"f") from whatever scheduled it (the running task, or the loop when a
//     timer fired) to the slice where it resumed: the wake-ups;
//   - instant events ("i") for printed lines.
// A counter ("C", "ready queue") follows the ready queue's length.
// Times are microseconds of loop time (virtual or real).
#include <loopscope/trace.hpp>

#include <string>

namespace loopscope::lesson {

std::string chrome_trace_json(const TraceRecorder& trace, const std::string& title = "loopscope");

}  // namespace loopscope::lesson
