#pragma once
// intent.hpp — what the learner asked for during a frame that replaces the session or the screen.
//
// Invariant: nothing that draws a frame replaces the running Session, the open lesson or the
// screen. Panels and the frame's own controls only *queue* an Intent; App applies the queue
// between frames, when no reference into the old session is alive. (The frame also holds a
// shared_ptr to the session it draws, so even an intent applied early could not free it.)
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace loopscope::ui {

struct OpenStep {        // another step of the open lesson (0-based; clamped to the last)
  std::size_t step = 0;
};
struct OpenLesson {      // a catalog entry; no step = where the learner left it
  int entry = -1;
  std::optional<std::size_t> step;
};
struct RestartRun {};    // a fresh run of the open step with the params as they are now
struct ShowBrowser {};   // back to the lesson browser
struct RunEdited {       // a fresh run of the open step with the learner's edited Python
  std::string source;
};

struct OpenPlayground {};  // the playground's one step, with the learner's code if they have some
struct OpenFile {         // a lesson or a .py file by path, as typed in the browser
  std::string path;
};

using Intent = std::variant<OpenStep, OpenLesson, RestartRun, ShowBrowser, RunEdited, OpenPlayground, OpenFile>;

class IntentQueue {
public:
  void push(Intent i) { m_items.push_back(i); }
  bool empty() const noexcept { return m_items.empty(); }
  // Hands the queued intents over (in the order they were asked for) and empties the queue.
  std::vector<Intent> take() { return std::exchange(m_items, {}); }

private:
  std::vector<Intent> m_items;
};

}  // namespace loopscope::ui
