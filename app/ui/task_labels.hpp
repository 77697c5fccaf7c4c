#pragma once
// task_labels.hpp — what a task is called on screen: its name, and, when asyncio named it
// (Task-1, Task-2…), the coroutine function it runs, e.g. "Task-1 main()".
//
// A Python listing's tasks are named by asyncio; the narration speaks of "the `main` lane",
// "`fetch`". The function is read from the listing: the `def` / `async def` that encloses the
// line of the task's first `location` event (the first line it ran). One model, fed by
// ui/trace_model.hpp with every event once, so the views (timeline, ready queue, suspended list,
// console, await chain, tooltips) all say the same and none re-derives it. No ImGui here.
//
// Invariants: function(task) is "" unless the task's name is automatic (^Task-[0-9]+$), it has
// a location on a listing line, and that line is inside a def; a new listing recomputes every
// task's function from the first lines kept.
#include <loopscope/trace.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopscope::ui {

// True for the names asyncio makes up: "Task-" followed by one or more digits, nothing else.
bool is_automatic_task_name(std::string_view name) noexcept;

// The name of the innermost function whose body holds line `line` (1-based) of `lines`: the
// nearest `def` / `async def` above it with less indentation than every line between (blank and
// comment lines aside). `line` itself may be the def. "" at module level, for a line out of
// range, or when the enclosing blocks are not functions (a class body, module-level if).
// Lambdas are not defs.
std::string enclosing_function(const std::vector<std::string>& lines, int line);

class TaskLabels {
public:
  // The listing the run executes (the step's Python, or the learner's edit). Cheap when unchanged.
  void set_listing(const std::vector<std::string>& lines);
  // Takes one event (every event in order, once).
  void consume(const TraceEvent& e, const TraceRecorder& trace);
  // Forgets the run's tasks; keeps the listing.
  void reset();

  // "main()" for a task with an automatic name in a def; "" otherwise.
  std::string_view function(TaskId task) const;
  // The task's name as created ("" if unknown).
  std::string_view name(TaskId task) const;
  // name + " " + function, or the name alone: the label in plain text (tooltips, sentences).
  std::string text(TaskId task) const;
  // The same for a name the caller already has (falls back to it when the task is unknown).
  std::string text(TaskId task, std::string_view name) const;
  // True when some task has a function (a view can then make room for it).
  bool any_function() const noexcept { return m_with_function > 0; }

private:
  struct Entry {
    std::string name;
    int first_line = 0;    // line_a of the task's first location (0: none yet)
    std::string function;  // "main()" or ""
  };
  void derive(Entry& e);
  std::vector<std::string> m_listing;
  std::unordered_map<TaskId, Entry> m_tasks;
  std::size_t m_with_function = 0;  // entries whose function is not ""
};

}  // namespace loopscope::ui
