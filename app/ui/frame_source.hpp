#pragma once
// frame_source.hpp — a task's coroutine *frames* at the playhead, for the await-chain view:
// outermost first (main → fetch_price), each with the listing line it is at and its local
// variables — Python Tutor's frames, for coroutines.
//
// The Python runtime records them (app/python/runtime/frames.cpp) as a `frames` trace event each
// time a task is about to await and its frames or their values changed; the snapshot keeps each
// live task's last one (TaskSnapshot::frames), so any cursor gives the frames the task had at its
// last await before it — while it is suspended, exactly where it waits. The text form:
//
//   frame <function>\t<line>\n     one per frame, outermost first
//   local <name>\t<value>\n        that frame's locals (sorted by name; values are cut reprs)
//
// Invariant: parse_frames never fails: lines it does not understand are skipped.
#include <loopscope/snapshot.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::ui {

struct FrameLocal {
  std::string name;
  std::string value;        // repr() of the value, cut to a display length
  bool operator==(const FrameLocal&) const = default;
};

struct CoroutineFrame {
  std::string function;     // "fetch_price"
  std::int32_t line_py = 0; // the Python listing line the frame is at (0 = unknown)
  std::vector<FrameLocal> locals;
  bool operator==(const CoroutineFrame&) const = default;
};

// The frames in a `frames` text (above), outermost first.
std::vector<CoroutineFrame> parse_frames(std::string_view text);

// The task whose frames the view shows: `selected` when it is a live task with frames, else
// (nothing selected) the first suspended task, by id, that has frames; 0 when none.
TaskId frames_task(const LoopSnapshot& s, TaskId selected);

}  // namespace loopscope::ui
