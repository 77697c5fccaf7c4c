#pragma once
// loop_panels.hpp — the three views of the loop's state at the playhead:
//   draw_loop_phase     the current iteration's phase (poll / timers / run ready), highlighted
//   draw_ready_queue    the ready queue in order, animated as handles enter and leave
//   draw_suspended      the suspended coroutines and what each awaits (timer countdowns,
//                       sockets, arrows to awaited tasks, gathers, primitives)
// Each reads a ViewState; the ready queue keeps only its animation state.
#include "ui/view_state.hpp"
#include "ui/wake_model.hpp"

#include <map>
#include <string>
#include <vector>

namespace loopscope::ui {

void draw_loop_phase(const ViewState& view);

// Per-chip animation of the ready queue (a view concern only).
struct QueueAnimation {
  struct Chip {
    float x = 0;      // current offset from the queue's left edge
    float alpha = 0;  // 0..1
  };
  struct Ghost {
    std::string label;
    TaskId task = 0;
    float x = 0;
    float alpha = 1;
  };
  std::map<HandleId, Chip> chips;
  std::map<HandleId, std::pair<std::string, TaskId>> last_labels;
  std::vector<Ghost> leaving;
};

// `wakes` (may be null) says what put each task in the queue: the chip's tooltip and the line
// under the queue give the cause of the front task's wake-up.
PanelAction draw_ready_queue(const ViewState& view, QueueAnimation& anim, float dt, const WakeModel* wakes = nullptr);
PanelAction draw_suspended(const ViewState& view);

}  // namespace loopscope::ui
