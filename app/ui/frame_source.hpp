#pragma once
// frame_source.hpp — the interface an await-chain view of coroutine *frames* will read: for a
// task at the playhead, its frames outermost first (main → fetch_price → sleep), each with the
// listing line it is at and its local variables — Python Tutor's frames, for coroutines.
//
// Today the views show the chain across tasks (loop_model.hpp, await_chain), which the trace
// gives. Frames inside a task live in the interpreter, which is being rewritten as a Python front
// end; it is to implement this interface. For scrubbing, the frames must be answerable for any
// cursor, not only the live state: the interpreter would record a frame push / pop and the
// locals that changed as trace events (or keep them per checkpoint), so that frames at cursor k
// are rebuilt like the snapshot is. No implementation yet; nothing includes this but the design
// note in docs/visuals.md.
#include <loopscope/trace.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace loopscope::ui {

struct FrameLocal {
  std::string name;
  std::string value;        // repr() of the value, cut to a display length
};

struct CoroutineFrame {
  std::string function;     // "fetch_price"
  std::int32_t line_py = 0; // the Python listing line the frame is at (0 = unknown)
  std::int32_t line_cpp = 0;
  std::vector<FrameLocal> locals;
};

class FrameSource {
public:
  virtual ~FrameSource() = default;
  // The frames of `task` once `cursor` events are in the past, outermost first; empty when the
  // task has not started or has finished.
  virtual std::vector<CoroutineFrame> frames(TaskId task, std::size_t cursor) const = 0;
};

}  // namespace loopscope::ui
