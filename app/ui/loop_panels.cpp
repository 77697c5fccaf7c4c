// loop_panels.cpp — loop phase, ready queue and suspended coroutines.
//
// Sections: helpers · loop phase · ready queue · suspended coroutines
#include "ui/loop_panels.hpp"
#include "ui/probe.hpp"

#include "platform/fonts.hpp"
#include "ui/frame_source.hpp"
#include "ui/loop_model.hpp"
#include "ui/task_label_view.hpp"
#include "ui/text_fit.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <set>

namespace loopscope::ui {
namespace {

// ---- helpers -------------------------------------------------------------------------------
ImU32 with_alpha(ImU32 c, float a) {
  const unsigned alpha = static_cast<unsigned>(std::clamp(a, 0.0f, 1.0f) * ((c >> 24) & 0xFF));
  return (c & 0x00FFFFFF) | (alpha << 24);
}

float text_width(ImFont* font, float size, const char* s) {
  return font->CalcTextSizeA(size, FLT_MAX, 0, s).x;
}

ImU32 await_colour(AwaitKind k) {
  switch (k) {
    case AwaitKind::sleep: return palette::sleeping;
    case AwaitKind::io: return palette::io_wait;
    default: return palette::waiting;
  }
}

void section_title(const char* title, const char* hint = nullptr) {
  ImGui::PushFont(platform::fonts().bold);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  if (hint) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", hint);
  }
}

// The selected task's await chain across tasks, one wrapped line: "main → A → sleep(0)", each
// task in its colour and the innermost wait in its wait's colour.
void draw_await_chain(const ViewState& view) {
  if (view.selected_task == 0) return;
  const AwaitChain chain = await_chain(*view.snapshot, view.selected_task, view.time);
  if (chain.links.empty()) return;
  const auto& f = platform::fonts();
  const float size = f.base_size * 0.9f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float right = origin.x + ImGui::GetContentRegionAvail().x;
  const float line_h = size * 1.5f;
  float x = origin.x, y = origin.y;
  auto put = [&](ImFont* font, const std::string& real, ImU32 colour) {
    const platform::DisplayText text = platform::display_text(real);
    const float w = text_width(font, size, text.c_str());
    if (x + w > right && x > origin.x) {
      x = origin.x;
      y += line_h;
    }
    dl->AddText(font, size, {x, y}, colour, text.c_str());
    x += w;
  };
  put(f.body, "await chain: ", palette::text_dim);
  for (std::size_t i = 0; i < chain.links.size(); ++i) {
    const ChainLink& l = chain.links[i];
    if (i > 0) put(f.body, " \xE2\x86\x92 ", palette::text_dim);
    put(f.bold, l.name, palette::task_colour(l.task));
    if (const std::string_view fn = task_function(view, l.task); !fn.empty())
      put(f.body, " " + std::string(fn), function_colour(palette::task_colour(l.task)));
    const bool last = i + 1 == chain.links.size();
    if (!last) continue;
    if (chain.cycle) put(f.body, " \xE2\x86\x92 (back to an awaiting task: a deadlock)", palette::failed_text);
    else if (!l.what.empty()) put(f.body, " \xE2\x86\x92 " + l.what, palette::text);
    else put(f.body, std::string(" (") + to_string(l.state) + ")", palette::text_dim);
  }
  ImGui::Dummy({right - origin.x, y + line_h - origin.y + 2});
}

// The coroutine frames of the selected task (or, with none selected, of the first suspended task
// that has some), outermost first, each "fetch_price()  line 7" over its locals "x = 4", one step
// further in per call; the innermost ends with what it awaits. Clicking a frame shows its line.
void draw_frames(const ViewState& view, PanelAction& action) {
  const LoopSnapshot& s = *view.snapshot;
  const TaskId id = frames_task(s, view.selected_task);
  if (id == 0) return;
  auto t = std::find_if(s.tasks.begin(), s.tasks.end(), [id](const TaskSnapshot& x) { return x.id == id; });
  if (t == s.tasks.end()) return;
  const std::vector<CoroutineFrame> frames = parse_frames(t->frames);
  if (frames.empty()) return;
  const auto& f = platform::fonts();
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::text_dim));
  const std::string head = "frames of " + t->name +
                           (t->state == TaskState::suspended ? " (where it waits)" : " (at its last await)") +
                           (view.selected_task == 0 ? "  ·  click a task to choose" : "");
  ImGui::TextWrapped("%s", platform::display_text(head).c_str());
  ImGui::PopStyleColor();
  const float step = f.base_size * 1.1f;
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const CoroutineFrame& fr = frames[i];
    const float indent = step * static_cast<float>(i) + 4.0f;
    ImGui::Indent(indent);
    ImGui::PushID(static_cast<int>(i));
    char line[32];
    std::snprintf(line, sizeof line, "   line %d", fr.line_py);
    const std::string label = (i > 0 ? "\xE2\x86\x92 " : "") + fr.function + "()" + (fr.line_py > 0 ? line : "");
    ImGui::PushFont(f.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::task_colour(id)));
    if (ImGui::Selectable(platform::display_text(label).c_str(), false) && fr.line_py > 0) action.show_line = fr.line_py;
    ImGui::PopStyleColor();
    ImGui::PopFont();
    probe::item("frame_" + std::to_string(i));
    if (ImGui::IsItemHovered() && fr.line_py > 0)
      ImGui::SetTooltip("%s() is at line %d: click to show it in the listing", fr.function.c_str(), fr.line_py);
    ImGui::PushFont(f.mono);
    ImGui::PushTextWrapPos(0.0f);  // a long value (a repr) wraps at the panel's edge
    for (const FrameLocal& l : fr.locals) {
      ImGui::TextColored(to_vec4(palette::text), "  %s = %s", l.name.c_str(), platform::display_text(l.value).c_str());
    }
    if (i + 1 == frames.size() && t->state == TaskState::suspended && !t->awaiting.label.empty())
      ImGui::TextColored(to_vec4(await_colour(t->awaiting.kind)), "  awaits %s", platform::display_text(t->awaiting.label).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PopID();
    ImGui::Unindent(indent);
  }
  ImGui::Spacing();
}

}  // namespace

// ---- loop phase ----------------------------------------------------------------------------
void draw_loop_phase(const ViewState& view) {
  const LoopSnapshot& s = *view.snapshot;
  const auto& f = platform::fonts();
  char title[96];
  std::snprintf(title, sizeof title, "iteration %llu  ·  t = %.3f s",
                static_cast<unsigned long long>(s.iteration), view.time);
  section_title("Event loop", title);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = f.base_size * 2.1f;
  const LoopPhase phases[] = {LoopPhase::poll, LoopPhase::timers, LoopPhase::run_ready};
  const float gap = 18.0f;
  const float pill_w = (w - gap * 2) / 3.0f;
  for (int i = 0; i < 3; ++i) {
    const bool active = s.phase == phases[i] && !s.blocking;
    const ImVec2 a{p.x + i * (pill_w + gap), p.y};
    const ImVec2 b{a.x + pill_w, p.y + h};
    dl->AddRectFilled(a, b, active ? with_alpha(palette::accent, 0.22f) : palette::panel_raised, 8.0f);
    dl->AddRect(a, b, active ? palette::accent : palette::border, 8.0f, 0, active ? 1.5f : 1.0f);
    // The longest label that fits the pill: "1  poll (timeout 2 s)" > "poll 2 s" > "poll".
    char labels[3][64];
    const char* names[] = {"poll selector", "due timers", "run ready"};
    const char* shorts[] = {"poll", "timers", "run"};
    if (phases[i] == LoopPhase::poll && s.phase == LoopPhase::poll) {
      if (s.poll_timeout < 0) {
        std::snprintf(labels[0], sizeof labels[0], "1  poll (wait for I/O)");
        std::snprintf(labels[1], sizeof labels[1], "poll (I/O)");
      } else {
        std::snprintf(labels[0], sizeof labels[0], "1  poll (timeout %.3g s)", s.poll_timeout);
        std::snprintf(labels[1], sizeof labels[1], "poll %.3g s", s.poll_timeout);
      }
    } else {
      std::snprintf(labels[0], sizeof labels[0], "%d  %s", i + 1, names[i]);
      std::snprintf(labels[1], sizeof labels[1], "%d  %s", i + 1, shorts[i]);
    }
    std::snprintf(labels[2], sizeof labels[2], "%s", shorts[i]);
    const char* label = labels[2];
    for (const char* candidate : {labels[0], labels[1]}) {
      if (text_width(f.body, f.base_size * 0.92f, candidate) <= pill_w - 12) {
        label = candidate;
        break;
      }
    }
    const float tw = text_width(f.body, f.base_size * 0.92f, label);
    dl->AddText(f.body, f.base_size * 0.92f, {a.x + (pill_w - tw) * 0.5f, a.y + (h - f.base_size * 0.92f) * 0.5f},
                active ? palette::text : palette::text_dim, label);
    if (i < 2) {  // arrow to the next phase
      const float ax = b.x + 4, ay = (a.y + b.y) * 0.5f;
      dl->AddLine({ax, ay}, {ax + gap - 8, ay}, palette::text_faint, 1.5f);
      dl->AddTriangleFilled({ax + gap - 8, ay - 4}, {ax + gap - 8, ay + 4}, {ax + gap - 3, ay}, palette::text_faint);
    }
  }
  ImGui::Dummy({w, h + 4});
  if (s.blocking) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::blocked));
    ImGui::TextWrapped("%s", phase_explanation(s).c_str());
    ImGui::PopStyleColor();
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::text_dim));
    ImGui::TextWrapped("%s", phase_explanation(s).c_str());
    ImGui::PopStyleColor();
  }
}

// ---- ready queue ---------------------------------------------------------------------------
namespace {
std::string snapshot_name(const LoopSnapshot& s, TaskId id) {
  for (const TaskSnapshot& t : s.tasks)
    if (t.id == id) return t.name;
  return "Task-" + std::to_string(id);
}

// "woken because its timer fired", for the task's latest wake-up before the cursor ("" if none).
std::string wake_text(const ViewState& view, const WakeModel* wakes, TaskId task) {
  if (!wakes || !task) return {};
  const Wake* w = wakes->last_wake(task, view.cursor);
  if (!w) return {};
  return describe_wake(*w, [&](TaskId id) { return task_text(view, id, snapshot_name(*view.snapshot, id)); });
}
}  // namespace

PanelAction draw_ready_queue(const ViewState& view, QueueAnimation& anim, float dt, const WakeModel* wakes) {
  PanelAction action;
  const auto& f = platform::fonts();
  const std::vector<ReadyItem> items = ready_items(*view.snapshot);
  char hint[48];
  std::snprintf(hint, sizeof hint, "%zu ready  ·  runs left to right", items.size());
  section_title("Ready queue", hint);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = f.base_size * 2.2f;
  const float size = f.base_size * 0.92f;
  dl->AddRectFilled(origin, {origin.x + w, origin.y + h + 12}, palette::rgb(0x12151B), 8.0f);
  dl->AddRect(origin, {origin.x + w, origin.y + h + 12}, palette::border, 8.0f);
  const float lerp = 1.0f - std::exp(-dt * 14.0f);

  // Targets: chips laid out left to right.
  std::set<HandleId> present;
  float x = 8;
  std::vector<float> widths;
  for (const ReadyItem& it : items) {
    const float cw = task_label_width(f.body, size, it.label, task_function(view, it.task)) + 30;
    widths.push_back(cw);
    auto [chip, inserted] = anim.chips.try_emplace(it.handle);
    if (inserted) chip->second = {x + 40, 0.0f};
    chip->second.x += (x - chip->second.x) * lerp;
    chip->second.alpha += (1.0f - chip->second.alpha) * lerp;
    anim.last_labels[it.handle] = {task_text(view, it.task, it.label), it.task};
    present.insert(it.handle);
    x += cw + 8;
  }
  // Handles that left become ghosts that rise and fade.
  for (auto it = anim.chips.begin(); it != anim.chips.end();) {
    if (!present.count(it->first)) {
      const auto& [label, task] = anim.last_labels[it->first];
      anim.leaving.push_back({label, task, it->second.x, it->second.alpha});
      anim.last_labels.erase(it->first);
      it = anim.chips.erase(it);
    } else {
      ++it;
    }
  }
  dl->PushClipRect(origin, {origin.x + w, origin.y + h + 12}, true);
  for (auto& g : anim.leaving) {
    g.alpha -= dt * 3.0f;
    const float cw = text_width(f.body, size, g.label.c_str()) + 30;
    const float rise = (1.0f - std::max(0.0f, g.alpha)) * 10.0f;
    const ImVec2 a{origin.x + g.x, origin.y + 6 - rise}, b{a.x + cw, a.y + h};
    if (b.x < origin.x || a.x > origin.x + w) continue;
    dl->AddRectFilled(a, b, with_alpha(palette::task_colour(g.task), 0.25f * std::max(0.0f, g.alpha)), h * 0.5f);
  }
  std::erase_if(anim.leaving, [](const QueueAnimation::Ghost& g) { return g.alpha <= 0; });

  for (std::size_t i = 0; i < items.size(); ++i) {
    const ReadyItem& it = items[i];
    const auto& chip = anim.chips[it.handle];
    const ImU32 c = it.task ? palette::task_colour(it.task) : palette::text_dim;
    const ImVec2 a{origin.x + chip.x, origin.y + 6}, b{a.x + widths[i], a.y + h};
    if (b.x < origin.x || a.x > origin.x + w) continue;  // clipped away: 1,000 ready tasks are a long row
    const bool selected = it.task != 0 && it.task == view.selected_task;
    dl->AddRectFilled(a, b, with_alpha(c, (selected ? 0.32f : 0.22f) * chip.alpha), h * 0.5f);
    dl->AddRect(a, b, with_alpha(c, chip.alpha), h * 0.5f, 0, selected ? 2.0f : 1.0f);
    dl->AddCircleFilled({a.x + 12, (a.y + b.y) * 0.5f}, 3.5f, with_alpha(c, chip.alpha));
    draw_task_label(dl, f.body, size, {a.x + 20, a.y + (h - size) * 0.5f}, with_alpha(palette::text, chip.alpha),
                    it.label, task_function(view, it.task), widths[i] - 26);
    if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered()) {
      if (it.task) {
        const std::string why = wake_text(view, wakes, it.task);
        ImGui::SetTooltip("%s — position %zu in the ready queue%s%s%s", task_text(view, it.task, it.label).c_str(), i + 1,
                          it.first_run ? " (created, has not started yet)" : "", why.empty() ? "" : "\nwhy: ",
                          why.c_str());
      }
      else
        ImGui::SetTooltip("callback %s — position %zu", it.label.c_str(), i + 1);
      if (it.task && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) action.select = it.task;
    }
  }
  if (items.empty() && anim.leaving.empty()) {
    // The longest form that fits the box (a narrow window gets a shorter one).
    const char* forms[] = {"empty — nothing can run until a timer fires or I/O is ready",
                           "empty — waiting for a timer or I/O", "empty"};
    const char* empty = forms[2];
    for (const char* form : forms)
      if (text_width(f.body, size, form) <= w - 28) {
        empty = form;
        break;
      }
    dl->AddText(f.body, size, {origin.x + 14, origin.y + 6 + (h - size) * 0.5f}, palette::text_faint, empty);
  }
  dl->PopClipRect();
  ImGui::Dummy({w, h + 12});
  // Cause and effect: why the task at the front is there.
  if (!items.empty() && items.front().task) {
    const std::string why = wake_text(view, wakes, items.front().task);
    if (!why.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::text_dim));
      ImGui::TextWrapped("%s is ready: %s",
                         platform::display_text(task_text(view, items.front().task, items.front().label)).c_str(),
                         platform::display_text(why).c_str());
      ImGui::PopStyleColor();
      probe::item("ready_wake");
    }
  }
  return action;
}

// ---- suspended coroutines ------------------------------------------------------------------
PanelAction draw_suspended(const ViewState& view) {
  PanelAction action;
  const auto& f = platform::fonts();
  const std::vector<SuspendedItem> items = suspended_items(*view.snapshot, view.time);
  char hint[48];
  std::snprintf(hint, sizeof hint, "%zu waiting", items.size());
  section_title("Suspended coroutines", hint);
  draw_await_chain(view);

  // The rows come first, so that every waiting task is in view; the frames of the selected one
  // (its locals, the await chain) follow them.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float w = ImGui::GetContentRegionAvail().x;
  std::map<TaskId, float> row_y;  // centre y of each row, for arrows
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  if (items.empty()) {
    ImGui::TextDisabled("No coroutine is suspended.");
    draw_frames(view, action);
    return action;
  }
  const float arrow_lane = 26.0f;
  const float name_size = f.base_size * 0.95f, what_size = f.base_size * 0.9f;
  // A row is one line: name, "awaits …", time left. When the first rows' "awaits …" do not
  // all fit beside their names, every row takes two lines, "awaits …" under the name at the
  // row's whole width, wrapped onto a second line of its own when even that is too narrow (a
  // gather's list of tasks in a narrow window). Rows keep one height: the arrows and the culling
  // below count on it.
  auto left_text = [](const SuspendedItem& it, char (&buf)[32]) {
    if (!it.remaining || it.kind != AwaitKind::sleep) return false;
    std::snprintf(buf, sizeof buf, "%.2f s left", *it.remaining);
    return true;
  };
  bool two_lines = false;
  bool wrap_what = false;
  {
    const float row_w = w - arrow_lane;
    // One measure of each of the first rows' "awaits …"; too wide for its own line implies too
    // wide beside the name.
    for (std::size_t i = 0; i < items.size() && i < 64 && !wrap_what; ++i) {
      const SuspendedItem& it = items[i];
      const float what_w = text_width(f.body, what_size, ("awaits " + it.what).c_str());
      wrap_what = what_w > row_w - 22;
      if (two_lines || wrap_what) {
        two_lines = true;
        continue;
      }
      const float name_w = std::clamp(task_label_width(f.bold, name_size, it.name, task_function(view, it.task)),
                                      70.0f, std::max(70.0f, row_w * 0.5f));
      char left[32];
      const float lw = left_text(it, left) ? text_width(f.mono, f.mono->FontSize, left) + 12 : 0.0f;
      two_lines = what_w > row_w - 34 - name_w - lw;
    }
  }
  const float row_h = f.base_size * (wrap_what ? 3.9f : two_lines ? 2.9f : 2.0f);
  // Only rows within the clip rectangle are drawn (the card scrolls; a gather over 1,000 tasks
  // lists 1,000 rows), but every row has its place for the arrows.
  const float clip_y0 = dl->GetClipRectMin().y, clip_y1 = dl->GetClipRectMax().y;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const SuspendedItem& it = items[i];
    const float y = origin.y + i * (row_h + 4);
    row_y[it.task] = y + row_h * 0.5f;
    if (y + row_h < clip_y0 || y > clip_y1) continue;
    const ImVec2 a{origin.x, y}, b{origin.x + w - arrow_lane, y + row_h};
    const ImU32 c = palette::task_colour(it.task);
    const ImU32 kc = await_colour(it.kind);
    const bool selected = it.task == view.selected_task;
    dl->AddRectFilled(a, b, selected ? palette::rgb(0x252C3A) : palette::panel_raised, 6.0f);
    dl->AddRectFilled(a, {a.x + 3, b.y}, c, 2.0f);
    const float ty = two_lines ? y + f.base_size * 0.35f : y + (row_h - f.base_size) * 0.5f;
    const std::string_view fn = task_function(view, it.task);
    char left[32];
    const float lw = left_text(it, left) ? text_width(f.mono, f.mono->FontSize, left) : 0.0f;
    const float name_room = two_lines ? b.x - a.x - 34 - (lw > 0 ? lw + 12 : 0.0f) : std::max(70.0f, (b.x - a.x) * 0.5f);
    const float name_w = std::max(
        draw_task_label(dl, f.bold, name_size, {a.x + 12, ty}, palette::text, it.name, fn, name_room, f.body), 70.0f);
    // "awaits …" gets what the row has left between the name and the time left (or its own
    // line), cut with an ellipsis (the tooltip has it whole).
    float what_end = b.x - 10;
    if (lw > 0) {
      dl->AddText(f.mono, f.mono->FontSize, {b.x - lw - 10, ty + 1}, palette::text_dim, left);
      if (!two_lines) what_end = b.x - lw - 22;
    }
    const float what_x = two_lines ? a.x + 12 : a.x + 24 + name_w;
    const float what_y = two_lines ? ty + f.base_size * 1.25f : ty + 1;
    const std::string awaits = "awaits " + it.what;  // outlives `shown`, which may view it
    const platform::DisplayText shown = platform::display_text(awaits);
    std::string_view rest = shown.view();
    if (wrap_what) {  // the first line breaks at a word; the second takes the rest
      const char* brk = f.body->CalcWordWrapPositionA(what_size / f.body->FontSize, rest.data(),
                                                      rest.data() + rest.size(), what_end - what_x);
      if (brk == rest.data()) brk = rest.data() + rest.size();
      const std::string_view first = rest.substr(0, static_cast<std::size_t>(brk - rest.data()));
      dl->AddText(f.body, what_size, {what_x, what_y}, kc, first.data(), first.data() + first.size());
      rest.remove_prefix(first.size());
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    }
    const std::string what = ellipsised(f.body, what_size, rest, what_end - what_x);
    dl->AddText(f.body, what_size, {what_x, wrap_what ? what_y + f.base_size * 1.15f : what_y}, kc, what.c_str());
    if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered()) {
      ImGui::SetTooltip("%s is suspended: it awaits %s", platform::display_text(task_text(view, it.task, it.name)).c_str(),
                        platform::display_text(it.what).c_str());
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) action.select = it.task;
    }
  }
  // Arrows from a task to the task it awaits, in the lane on the right.
  int lane = 0;
  for (const SuspendedItem& it : items) {
    if (!it.awaits_task) continue;
    auto from = row_y.find(it.task);
    auto to = row_y.find(it.awaits_task);
    if (from == row_y.end() || to == row_y.end()) continue;
    if (std::max(from->second, to->second) + 4 < clip_y0 || std::min(from->second, to->second) - 4 > clip_y1) {
      ++lane;  // off screen; the lanes of the others stay where they were
      continue;
    }
    const float x0 = origin.x + w - arrow_lane;
    const float bend = x0 + 8 + (lane++ % 3) * 6;
    const ImU32 c = palette::task_colour(it.task);
    dl->AddBezierCubic({x0, from->second}, {bend + 10, from->second}, {bend + 10, to->second},
                       {x0 + 2, to->second}, c, 1.6f);
    dl->AddTriangleFilled({x0 + 2, to->second}, {x0 + 9, to->second - 4}, {x0 + 9, to->second + 4}, c);
  }
  ImGui::Dummy({w, items.size() * (row_h + 4)});
  ImGui::Spacing();
  draw_frames(view, action);
  return action;
}

}  // namespace loopscope::ui
