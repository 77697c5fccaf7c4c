#pragma once
// probe.hpp — what the interaction tests read back from a running app.
//
// When LOOPSCOPE_PROBE names a file, the app writes a JSON document there after every frame:
// the state a learner would see (screen, lesson, step, playhead, selection, zoom…) and the
// screen rectangle of every control a learner can touch, by a stable name ("step_pill_2",
// "play", "timeline_plot"). Tests drive the app with real X input at those rectangles and assert
// on the state that follows. With the variable unset, every call here is one branch.
//
// Invariant: rectangles are those of the frame just drawn, in window pixels (origin top left).
#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope::ui::probe {

// True when LOOPSCOPE_PROBE is set (read once).
bool enabled();
// The file the state is written to ("" when disabled).
const std::string& path();

// Records the last ImGui item's rectangle under `name`: the part of it inside the current
// clip rectangle (what a click can reach), or, when none of it is, the whole rectangle marked
// `hidden` (scrolled out of its panel: a test scrolls the panel first).
void item(std::string_view name);
// Records an explicit rectangle under `name` (taken as fully visible).
void rect(std::string_view name, ImVec2 min, ImVec2 max);

struct Rect {
  std::string name;
  ImVec2 min, max;
  bool hidden = false;
};
// The rectangles recorded since the last take(); clears them.
std::vector<Rect> take();

}  // namespace loopscope::ui::probe
