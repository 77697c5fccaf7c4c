// probe_dump.cpp — the probe's JSON document (see probe_dump.hpp).
#include "ui/probe_dump.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace loopscope::ui {

ProbeEditor probe_editor(const editor::Editor& ed) {
  const editor::TextBuffer& b = ed.buffer();
  ProbeEditor e;
  e.focused = ed.focused;
  e.bytes = b.bytes();
  e.text_included = b.bytes() <= 65536;
  if (e.text_included) e.text = b.text();
  e.lines = b.line_count();
  e.cursor[0] = b.cursor().line, e.cursor[1] = b.cursor().col;
  e.anchor[0] = b.anchor().line, e.anchor[1] = b.anchor().col;
  e.changed = ed.changed();
  e.undo = b.undo_depth();
  e.redo = b.redo_depth();
  e.message = b.message();
  e.diagnostics = ed.diagnostics().size();
  for (const auto& d : ed.diagnostics())
    e.diagnostic_messages.push_back(std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message);
  return e;
}

std::string write_probe(const ProbeState& s, const std::vector<probe::Rect>& rects) {
  using nlohmann::json;
  json j = {
      {"frame", s.stats.frames},   {"last_frame_ms", s.stats.last_ms}, {"max_frame_ms", s.stats.max_ms},
      {"screen", s.screen},        {"lesson", s.lesson},               {"step", s.step},
      {"steps", s.steps},          {"step_title", s.step_title},          {"playing", s.playing},             {"speed", s.speed},
      {"cursor", s.cursor},        {"time", s.time},                   {"end_time", s.end_time},
      {"finished", s.finished},    {"selected_task", s.selected_task}, {"session_id", s.session_id},
      {"code_tab", s.code_tab},    {"banner", s.banner},               {"help_open", s.help_open},
      {"window", {s.width, s.height}},
      {"timeline", {{"seconds_per_px", s.seconds_per_px}, {"t_left", s.t_left}, {"follow", s.follow},
                    {"scroll_y", s.scroll_y}, {"axis", s.axis}}},
      {"timeline_arrows", s.timeline_arrows},
      {"params", s.params},
      {"recent_frame_ms", s.stats.recent_ms},
      {"want_text_input", s.want_text_input},
      {"run_requests", s.run_requests},
      {"run_source_bytes", s.run_source_bytes},
      {"edits_pending", s.edits_pending},
      {"run_edited", s.run_edited},
      {"saves", s.saves},
      {"open_error", s.open_error},
      {"output", s.output},
      {"console", s.console},
      {"run_error", s.run_error ? json(*s.run_error) : json(nullptr)},
  };
  json frames = json::array();
  for (const CoroutineFrame& f : s.frames) {
    json locals = json::array();
    for (const FrameLocal& l : f.locals) locals.push_back({{"name", l.name}, {"value", l.value}});
    frames.push_back({{"function", f.function}, {"line", f.line_py}, {"locals", std::move(locals)}});
  }
  j["frames"] = {{"task", s.frames_task}, {"list", std::move(frames)}};
  if (s.editor) {
    const ProbeEditor& e = *s.editor;
    j["editor"] = {{"focused", e.focused},
                   {"text", e.text_included ? json(e.text) : json(nullptr)},
                   {"bytes", e.bytes},
                   {"lines", e.lines},
                   {"cursor", {e.cursor[0], e.cursor[1]}},
                   {"anchor", {e.anchor[0], e.anchor[1]}},
                   {"changed", e.changed},
                   {"undo", e.undo},
                   {"redo", e.redo},
                   {"message", e.message},
                   {"diagnostics", e.diagnostics},
                   {"diagnostic_messages", e.diagnostic_messages}};
  }
  j["ghost"] = s.ghost ? json{{"step", s.ghost->step}, {"end_time", s.ghost->end_time}, {"task_lanes", s.ghost->task_lanes}}
                      : json(nullptr);
  if (s.quiz)
    j["quiz"] = {{"choice", s.quiz->choice}, {"order", s.quiz->order}, {"checked", s.quiz->checked},
                 {"correct", s.quiz->correct}, {"tries", s.quiz->tries}, {"revealed", s.quiz->revealed}};
  if (s.exercise)
    j["exercise"] = {{"hints_shown", s.exercise->hints_shown}, {"solution_shown", s.exercise->solution_shown},
                     {"met", s.exercise->met ? json(*s.exercise->met) : json(nullptr)}, {"solved", s.exercise->solved}};
  j["clipped_text"] = layout_report_json(s.layout);
  json r = json::object(), hidden = json::object();
  for (const auto& rect : rects)
    (rect.hidden ? hidden : r)[rect.name] = {rect.min.x, rect.min.y, rect.max.x, rect.max.y};
  j["rects"] = std::move(r);
  j["hidden_rects"] = std::move(hidden);

  const std::string& path = probe::path();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return "cannot write " + tmp;
    out << j.dump();
    if (!out) return "cannot write " + tmp;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return "cannot replace " + path;
  return {};
}

}  // namespace loopscope::ui
