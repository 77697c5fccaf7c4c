#pragma once
// look_at.hpp — narration checked against the pictures: the names a step's "**Look at:**"
// paragraph points the learner to must be things that step's run shows.
//
// The rule (docs/lesson-format.md, "Look at: names"): in a step's `text`, the paragraph that
// starts with `**Look at:**` or `Look at:` (that line and the lines after it up to a blank
// line; the first such paragraph) is read for
// `backticked` spans. A span that is a name — ^[A-Za-z_][A-Za-z0-9_#.-]*$, such as `main`,
// `job-1`, `Task-3`, `Event#1`, `fetch_price` — is checked whole; a call-like span whose
// arguments are names or numbers — `gather(Task-2, Task-3)`, `check(2)`, `cancel()` — is
// checked by the name before '('. Any other span (code with spaces or operators, `/paths`,
// `except*`) is prose and is not checked. A checked name is shown when it is
//   - the name of a task of the run (RunResult::tasks),
//   - a wait's label in the trace (task_suspended text: `lock`, `Event#1`), or that label's
//     name before '(' or '#' (`gather` for "gather(Task-2, Task-3)"),
//   - a word of the listing outside comments (a `def`'s coroutine, a variable such as `sem`, a
//     string such as a task's name="report"), or
//   - a word of a printed line.
// Otherwise it is a problem at the text line holding the Look at paragraph.
//
// Sections: reading the paragraph · checking a run
#include "lesson/json.hpp"
#include "lesson/loader.hpp"
#include "lesson/step_run.hpp"

#include <loopscope/trace.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::lesson {

// ---- reading the paragraph -----------------------------------------------------------------
struct LookAtParagraph {
  std::string text;        // the paragraph, its lines joined by '\n'
  std::size_t line = 0;    // 0-based line of `text` (the step's text split at '\n') it starts on
};
// The step text's Look at paragraph; nullopt when it has none.
std::optional<LookAtParagraph> look_at_paragraph(std::string_view step_text);

// The names the paragraph refers to, in order, each once (call-like spans reduced to their name).
std::vector<std::string> look_at_names(std::string_view paragraph);

// ---- checking a run ------------------------------------------------------------------------
// The names of the step's Look at paragraph that its run (result + trace) does not show.
std::vector<std::string> unshown_look_at_names(const Step& step, const RunResult& run, const TraceRecorder& trace);

// One problem per unshown name, at the text line holding the paragraph when `root` (the lesson
// file's JSON) is given and holds the step, else at the step.
std::vector<Diagnostic> check_look_at(const Lesson& lesson, std::size_t step_index, const RunResult& run,
                                      const TraceRecorder& trace, const JsonValue* root);

}  // namespace loopscope::lesson
