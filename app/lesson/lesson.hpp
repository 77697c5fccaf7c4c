#pragma once
// lesson.hpp — the lesson model: what a lesson JSON file means once it has been validated.
//
// A Lesson is a sequence of Steps; each Step has narration, two listings (Python and C++), Params
// the learner can change, an Expect block that `check` verifies, and an optional Quiz and
// Exercise. The Python listing is the program: StepRun (step_run.hpp) runs it through the
// Python front end, params bound to its module-level constants (`jobs` -> `JOBS = 3`). The
// format is documented in docs/lesson-format.md and described by lessons/lesson.schema.json;
// loader.hpp turns JSON into this model.
// Invariants of a loaded Lesson (the loader guarantees them):
//   - every Param has min <= value <= max and step > 0;
//   - a Route's latency_param names a Param of its step; route paths are unique.
//
// Sections: Listing · Params, Quiz, Expect · Server · Step and Lesson
#include "lesson/exercise.hpp"
#include "lesson/json.hpp"

#include <loopscope/clock.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::lesson {

// ---- Listing -------------------------------------------------------------------------------
// A code listing shown to the learner; lines count from 1 = first line.
struct Listing {
  std::vector<std::string> lines;
  // Where each line is written (same size as `lines` when the loader knows), for errors at a
  // listing line: with `exact_pos`, the line's first character (an array of lines in a lesson
  // file, a .py file); else the string holding the whole listing.
  std::vector<SourcePos> line_pos;
  bool exact_pos = false;
  std::string file;  // for a C++ listing taken from examples/: the path as written, else empty
  // For a C++ listing: [Python line] -> the line here that does what it does (1-based, 0 =
  // none), derived from the `// py:` anchors in the file (lesson/cpp_anchors.hpp).
  std::vector<std::int32_t> line_for_python;
};

// ---- Params, Quiz, Expect ------------------------------------------------------------------
// A named number the learner can change (slider) and `run --set NAME=VALUE` overrides.
// `value` starts at the default. The listing's module-level constant named like it in upper case
// (`jobs` -> `JOBS = 3`) takes its value; an integer when min, step and the value are whole.
struct Param {
  std::string name;
  std::string label;
  double min = 0;
  double max = 0;
  double step = 1;
  double value = 0;
};

enum class QuizKind : std::uint8_t { choice, order };

struct Quiz {
  std::string question;
  QuizKind kind = QuizKind::choice;
  std::vector<std::string> options;
  // choice: exactly one index into options; order: a permutation of the option indices.
  std::vector<int> answer;
  std::string explanation;
};

struct ExpectedLine {
  std::string text;
  std::optional<double> time;       // virtual seconds, when the author pins it
  std::optional<std::string> task;  // task name, when the author pins it
  SourcePos pos;
};

// What running the step with default params must produce. Absent parts are not checked.
struct Expect {
  std::optional<std::vector<ExpectedLine>> output;
  std::optional<double> duration;            // virtual seconds
  std::optional<std::string> error;          // the run must fail with exactly this message
  std::optional<std::vector<std::string>> warnings;
  double tolerance = 1e-6;                   // for times and duration
  SourcePos pos;                             // of the expect object (or of the step)
  // Where each member's name is written (unknown: the same as `pos`), so that a problem with
  // one member points at it.
  SourcePos output_pos, duration_pos, error_pos, warnings_pos;
};

// ---- Server --------------------------------------------------------------------------------
// An HTTP step's loopback server (`"server": {"routes": [...]}` in the step): the runtime serves
// these routes on 127.0.0.1 and the listing's BASE constant points at them.
struct Route {
  std::string path;             // starts with '/', unique within the server
  double latency = 0;           // seconds the handler sleeps before answering...
  std::string latency_param;    // ...or, when set, the value of this param of the step
  int status = 200;             // 100..599
  std::string body;
  SourcePos pos;                // where the route's object is written
};
struct Server { std::vector<Route> routes; };

// Lines read from a C++ listing file named by a step.
inline constexpr std::size_t max_listing_lines = 5000;

// ---- Step and Lesson -----------------------------------------------------------------------
struct Step {
  std::string title;
  std::string text;     // Markdown
  Listing python;
  Listing cpp;
  std::optional<Server> server;       // an HTTP step's routes
  std::vector<Param> params;
  Expect expect;
  std::optional<Quiz> quiz;
  std::optional<Exercise> exercise;   // the learner edits the listing to meet a goal
  ClockKind clock = ClockKind::virtual_time;
  // `"ghost": N`: the app draws step N's run (1-based, another step of the lesson) faintly
  // behind this step's timeline for comparison; 0 = none. The loader guarantees it names
  // another step of the loaded lesson.
  int ghost = 0;
  SourcePos ghost_pos;  // where `ghost`'s value is written (the step's position when absent)
  SourcePos pos;        // where the step's object starts in the file
  std::string pointer;  // "/steps/N"
};

struct Lesson {
  std::string id;
  std::string title;
  std::string summary;
  int order = 0;
  std::vector<std::string> prerequisites;
  std::vector<Step> steps;
  std::string path;     // the file it was loaded from ("" for text)
  SourcePos id_pos;                         // where `id`'s value is written
  std::vector<SourcePos> prerequisite_pos;  // where each prerequisite is written (same size)
};

}  // namespace loopscope::lesson
