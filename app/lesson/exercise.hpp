#pragma once
// exercise.hpp — a step the learner solves by editing its Python listing, and the check of
// whether a run of their program meets the step's goal.
//
// In a lesson file (see docs/lesson-format.md):
//   "exercise": {
//     "goal": "Make the three downloads finish in under 2.5 s.",     (Markdown, shown first)
//     "check": { "output": [...], "max_duration": 2.5, "max_tasks_alive": 4,
//                "no_blocking": true, "uses": ["asyncio.TaskGroup"] },
//     "hints": ["...", "..."],                                        (revealed one by one)
//     "solution": ["python", "lines"]                                 (the author's answer)
//   }
// The step's own `code.python` is the starting code. `check` proves that the solution meets
// the goal and that the starting code does not.
//
// Invariant: check_goal is a pure function of the run's facts and the program's source; every
// part of the goal that is present yields exactly one GoalPart, in the order above.
#include "lesson/json.hpp"

#include <loopscope/trace.hpp>

#include <optional>
#include <string>
#include <vector>

namespace loopscope::lesson {

struct ExerciseGoal {
  std::optional<std::vector<std::string>> output;  // printed lines, in order, exactly
  std::optional<double> max_duration;               // virtual seconds, inclusive
  std::optional<int> max_tasks_alive;               // tasks alive at once, main's included
  bool no_blocking = false;                         // no time.sleep / CPU work on the loop thread
  std::vector<std::string> uses;                    // names the program must use: "asyncio.TaskGroup"
};

struct Exercise {
  std::string goal;                   // Markdown
  ExerciseGoal check;
  std::vector<std::string> hints;
  std::vector<std::string> solution;  // Python lines
  SourcePos pos;                      // where the exercise object is written
  SourcePos solution_pos;             // where its `solution` is written
};

// What a run produced, as far as goals are concerned.
struct RunFacts {
  std::vector<std::string> output;   // printed lines (text only)
  double duration = 0;
  int max_tasks_alive = 0;
  int blocking_sections = 0;
  std::optional<std::string> error;  // the program failed (a failed run meets no goal)
};

// Reads the facts a goal needs from a run's trace (tasks alive, blocking sections).
void add_trace_facts(const TraceRecorder& trace, RunFacts& facts);

struct GoalPart {
  std::string what;    // "prints the expected 4 lines", "finishes within 2.5 s"
  bool met = false;
  std::string detail;  // why not, or what was measured ("took 6.0 s")
};

struct GoalResult {
  std::vector<GoalPart> parts;
  bool met() const;
};

GoalResult check_goal(const ExerciseGoal& goal, const RunFacts& run, const std::vector<std::string>& source);

// Whether `source` (Python lines) uses the dotted name `name` ("asyncio.TaskGroup"): as written,
// or by its last part after `from asyncio import TaskGroup`. Comments and strings do not count.
bool source_uses(const std::vector<std::string>& source, const std::string& name);

}  // namespace loopscope::lesson
