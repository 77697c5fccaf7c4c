#pragma once
// lesson.hpp — the lesson model: what a lesson JSON file means once it has been validated.
//
// A Lesson is a sequence of Steps; each Step has narration, two listings (Python and C++), a
// Program that the engine runs, Params the learner can change, an Expect block that `check`
// verifies, and an optional Quiz. The format is documented in docs/lesson-format.md and
// described by lessons/lesson.schema.json; loader.hpp turns JSON into this model.
// Invariants of a loaded Lesson (the loader guarantees them, the interpreter relies on them):
//   - every coroutine, variable, task-name template, declared object and exception type an
//     operation refers to exists; every `py`/`cpp` line tag is within its listing;
//   - every Param has min <= value <= max and step > 0;
//   - op bodies nest at most Limits::max_static_depth deep.
//
// Sections: Listing · Params, Quiz, Expect · Operations · Program · Step and Lesson
#include "lesson/exercise.hpp"
#include "lesson/expr.hpp"
#include "lesson/json.hpp"

#include <loopscope/clock.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace loopscope::lesson {

// ---- Listing -------------------------------------------------------------------------------
// A code listing shown to the learner. Line tags in the program count from 1 = first line.
struct Listing {
  std::vector<std::string> lines;
  std::string file;  // for a C++ listing taken from examples/: the path as written, else empty
  // For a C++ listing: [Python line] -> the line here that does what it does (1-based, 0 =
  // none), derived from the `// py:` anchors in the file (lesson/cpp_anchors.hpp).
  std::vector<std::int32_t> line_for_python;
};

// ---- Params, Quiz, Expect ------------------------------------------------------------------
// A named number the learner can change (slider) and `run --set NAME=VALUE` overrides.
// `value` starts at the default. The program reads it as a variable called `name`; it is an
// integer there when min, step and the value are whole numbers.
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

// ---- Operations ----------------------------------------------------------------------------
// Every op carries the listing lines it stands for; 0 means "no line".
struct Lines {
  int py = 0;
  int cpp = 0;
};

struct Op;
using Block = std::vector<Op>;

// A coroutine call: `job(1, "a")`. Named args are resolved to positions by the loader.
struct CallSpec {
  std::string coro;
  std::vector<Expr> args;
};

struct PrintOp { Template text; };
struct SleepOp { Expr seconds; };                       // await asyncio.sleep(s)
struct BlockingSleepOp { Expr seconds; };               // time.sleep(s): blocks the loop
struct CpuOp { Expr seconds; Template label; };         // CPU-bound work: blocks the loop
enum class AwaitMode : std::uint8_t { await_now, create_only };
struct CallOp { CallSpec call; AwaitMode mode = AwaitMode::await_now; std::string into; };
struct CreateTaskOp { CallSpec call; std::optional<Template> name; std::string into; std::string append_to; };
struct AwaitOp { Expr target; std::string into; };      // await a task or coroutine object
enum class ReturnExceptions : std::uint8_t { no, yes };
// Tasks to gather: `list` (an expression giving a list) or `items` and/or `calls`.
struct GatherOp {
  std::optional<Expr> list;
  std::vector<Expr> items;
  std::vector<CallSpec> calls;
  ReturnExceptions return_exceptions = ReturnExceptions::no;
  std::string into;
};
enum class WaitWhen : std::uint8_t { first_completed, first_exception, all_completed };
struct WaitOp {
  std::optional<Expr> list;
  std::vector<Expr> items;
  WaitWhen return_when = WaitWhen::all_completed;
  std::optional<Expr> timeout;
  std::string done;
  std::string pending;
};
struct WaitForOp { std::optional<Expr> task; std::optional<CallSpec> call; Expr timeout; std::string into; };
struct TimeoutOp { Expr seconds; Block body; };         // async with asyncio.timeout(s): body
struct CancelOp { Expr task; std::optional<Template> message; std::string into; };
struct ExceptClause {
  std::vector<std::string> types;  // empty = bare `except:` (catches everything)
  std::string as;
  Block body;
  Lines lines;
};
struct TryOp { Block body; std::vector<ExceptClause> handlers; Block else_body; Block finally_body; Lines finally_lines; };
struct RaiseOp { std::string type; Template message; };  // type empty = re-raise (in except)
struct ReturnOp { std::optional<Expr> value; };
struct SetOp { std::string var; Expr value; };
// for var in range(start, stop): body   — or —   for var in <list expr>: body
struct ForOp { std::string var; std::optional<Expr> start, stop, in; Block body; };
struct IfOp { Expr cond; Block then_body; Block else_body; Lines else_lines; };
enum class EventAction : std::uint8_t { set, wait, clear };
struct EventOp { EventAction action = EventAction::set; std::string object; };
enum class LockAction : std::uint8_t { acquire, release };
struct LockOp { LockAction action = LockAction::acquire; std::string object; };  // Lock or Semaphore
struct AsyncWithOp { std::string object; Block body; };  // async with lock/semaphore: body
enum class Nowait : std::uint8_t { no, yes };
struct QueuePutOp { std::string queue; Expr value; Nowait nowait = Nowait::no; };
struct QueueGetOp { std::string queue; std::string into; Nowait nowait = Nowait::no; };
enum class QueueAction : std::uint8_t { task_done, join };
struct QueueCtlOp { QueueAction action = QueueAction::task_done; std::string queue; };
struct ToThreadOp { Expr seconds; Template label; std::optional<Expr> value; std::string into; };
struct HttpGetOp { Template path; std::optional<Expr> timeout; std::string into; };

using OpData = std::variant<PrintOp, SleepOp, BlockingSleepOp, CpuOp, CallOp, CreateTaskOp, AwaitOp,
                            GatherOp, WaitOp, WaitForOp, TimeoutOp, CancelOp, TryOp, RaiseOp,
                            ReturnOp, SetOp, ForOp, IfOp, EventOp, LockOp, AsyncWithOp,
                            QueuePutOp, QueueGetOp, QueueCtlOp, ToThreadOp, HttpGetOp>;

struct Op {
  std::string name;     // the operation as written ("print", "event_set"…)
  Lines lines;
  SourcePos pos;        // where the op's object starts in the file
  std::string pointer;  // its JSON pointer, for run-time errors
  OpData data;
};

// Every operation name the format knows, in documentation order.
const std::vector<std::string>& operation_names();

// ---- Program -------------------------------------------------------------------------------
struct Coroutine {
  std::string name;
  std::vector<std::string> params;
  Block body;
  Lines lines;          // the `async def` line
  SourcePos pos;
};

enum class ObjectKind : std::uint8_t { event, lock, semaphore, queue };
struct ObjectDecl {
  std::string name;
  ObjectKind kind = ObjectKind::event;
  Expr value;           // semaphore: initial value; queue: maxsize (0 = unbounded)
};

struct Route {
  std::string path;
  Expr latency;         // seconds the handler sleeps before answering
  int status = 200;
  Template body;
};
struct Server { std::vector<Route> routes; };

// Bounds on one run; a program may lower them, never raise them above the defaults' caps.
struct Limits {
  std::int64_t max_tasks = 1000;        // tasks alive at once
  std::int64_t max_ops = 200000;        // operations executed
  double max_time = 3600;               // virtual (or real) seconds
  std::int64_t max_output = 5000;       // printed lines
  std::int64_t max_depth = 64;          // nested inline coroutine calls
  static constexpr int max_static_depth = 32;  // nesting of op bodies in the file
  static constexpr std::size_t max_listing_lines = 5000;  // lines read from a C++ listing file
};

struct Program {
  std::string entry = "main";
  std::vector<Coroutine> coroutines;
  std::vector<ObjectDecl> objects;
  std::optional<Server> server;
  Limits limits;

  const Coroutine* find(std::string_view name) const noexcept;
};

// ---- Step and Lesson -----------------------------------------------------------------------
struct Step {
  std::string title;
  std::string text;     // Markdown
  Listing python;
  Listing cpp;
  Program program;
  std::vector<Param> params;
  Expect expect;
  std::optional<Quiz> quiz;
  std::optional<Exercise> exercise;   // the learner edits the listing to meet a goal
  ClockKind clock = ClockKind::virtual_time;
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
