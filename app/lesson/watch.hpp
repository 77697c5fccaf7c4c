#pragma once
// watch.hpp — `loopscope check --watch`: recheck whenever an input changes and print only what
// changed (problems fixed, problems new), like Rustlings' watch mode.
//
// Time is injected: the watcher calls `wait()` between polls (the command waits 0.5 s there;
// tests change files there instead), and stops after `max_polls` polls (nullopt: never), so no
// test sleeps. A change is a different modification time, size or presence of any input (a file or
// folder the last check read, and the lesson files of each folder).
// A problem is identified by file, JSON pointer and message, not by its line: a problem that
// only moved (a line inserted above it) is neither fixed nor new.
#include "lesson/checker.hpp"

#include <functional>
#include <optional>
#include <string>

namespace loopscope::lesson {

struct WatchIo {
  std::function<CheckReport()> check;                 // one full check
  std::function<void(const std::string&)> print;      // one line of output (no newline)
  std::function<void()> wait;                         // between two polls
};

// Runs a first check (every problem printed), then polls; returns 0 if the last check found
// no problems, else 1.
int watch(const WatchIo& io, std::optional<int> max_polls);

// "checked 2 lessons, 5 steps: all good" / "…: 3 problems".
std::string check_summary(const CheckReport& report);

}  // namespace loopscope::lesson
