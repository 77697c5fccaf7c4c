// frame_source.cpp — reading the frames text the Python runtime records (frame_source.hpp).
#include "ui/frame_source.hpp"

#include <charconv>

namespace loopscope::ui {

std::vector<CoroutineFrame> parse_frames(std::string_view text) {
  std::vector<CoroutineFrame> out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view rest = line.substr(tab + 1);
    if (line.starts_with("frame ")) {
      CoroutineFrame f;
      f.function = std::string(line.substr(6, tab - 6));
      std::int32_t n = 0;
      if (std::from_chars(rest.data(), rest.data() + rest.size(), n).ec == std::errc{}) f.line_py = n;
      out.push_back(std::move(f));
    } else if (line.starts_with("local ") && !out.empty()) {
      out.back().locals.push_back(FrameLocal{std::string(line.substr(6, tab - 6)), std::string(rest)});
    }
  }
  return out;
}

TaskId frames_task(const LoopSnapshot& s, TaskId selected) {
  if (selected != 0) {
    for (const TaskSnapshot& t : s.tasks)
      if (t.id == selected) return t.frames.empty() ? 0 : selected;
    return 0;
  }
  for (const TaskSnapshot& t : s.tasks)
    if (t.state == TaskState::suspended && !t.frames.empty()) return t.id;
  return 0;
}

}  // namespace loopscope::ui
