// browser_panel.cpp — the lesson browser: a column of lesson cards.
#include "ui/browser_panel.hpp"

#include "ui/probe.hpp"

#include "platform/backdrop.hpp"
#include "platform/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace loopscope::ui {
namespace {

const char* progress_label(Progress p) {
  switch (p) {
    case Progress::not_started: return "Not started";
    case Progress::in_progress: return "In progress";
    case Progress::done: return "Done";
  }
  return "";
}

ImU32 progress_colour(Progress p) {
  switch (p) {
    case Progress::not_started: return palette::text_faint;
    case Progress::in_progress: return palette::sleeping;
    case Progress::done: return palette::running;
  }
  return palette::text_faint;
}

// One card; returns true when clicked.
bool lesson_card(const BrowserEntry& e, int number, float width) {
  const auto& f = platform::fonts();
  const float pad = 18.0f * (f.base_size / 15.0f);
  const bool broken = !e.errors.empty();
  ImGui::PushID(e.path.c_str());
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);

  ImGui::SetCursorScreenPos({top.x + pad, top.y + pad});
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(top.x + width - pad);
  ImGui::PushFont(f.mono);
  ImGui::TextColored(to_vec4(palette::text_faint), "%02d", number);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushFont(f.heading);
  ImGui::TextUnformatted(platform::display_text(e.title.empty() ? e.path : e.title).c_str());
  ImGui::PopFont();
  if (!e.origin.empty() && e.origin != "shipped") {  // the shipped ones need no label
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(palette::text_faint), "·  %s", e.origin.c_str());
  }
  if (broken) {
    ImGui::TextColored(to_vec4(palette::failed), "This lesson could not be loaded:");
    ImGui::PushFont(f.mono);
    const std::size_t shown = std::min<std::size_t>(e.errors.size(), 6);
    for (std::size_t i = 0; i < shown; ++i) ImGui::TextWrapped("%s", e.errors[i].c_str());
    if (e.errors.size() > shown)
      ImGui::TextDisabled("… and %zu more", e.errors.size() - shown);
    ImGui::PopFont();
  } else {
    ImGui::TextColored(to_vec4(palette::text_dim), "%s", e.summary.c_str());
    ImGui::Dummy({0, 2});
    ImGui::TextColored(to_vec4(progress_colour(e.progress)), "%s", progress_label(e.progress));
    ImGui::SameLine();
    ImGui::TextDisabled("·  %d of %d steps", e.steps_done, e.steps);
    if (!e.prerequisites.empty()) {
      ImGui::SameLine();
      std::string pre = "·  after ";
      for (std::size_t i = 0; i < e.prerequisites.size(); ++i)
        pre += (i ? ", " : "") + e.prerequisites[i];
      ImGui::TextDisabled("%s", pre.c_str());
    }
    if (!e.notes.empty()) {
      ImGui::PushFont(f.mono);
      for (const auto& n : e.notes) ImGui::TextColored(to_vec4(palette::sleeping), "%s", n.c_str());
      ImGui::PopFont();
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + pad;
  const ImVec2 br = {top.x + width, bottom};

  ImGui::SetCursorScreenPos(top);
  const bool clicked = ImGui::InvisibleButton("card", {width, bottom - top.y}) && !broken;
  if (probe::enabled()) probe::item("card_" + (e.id.empty() ? e.path : e.id));
  const bool hovered = ImGui::IsItemHovered();
  dl->ChannelsSetCurrent(0);
  // The card's fill is a backdrop (platform/backdrop.hpp): the lowest layer, drawn by a clear.
  platform::add_backdrop(top, br, hovered && !broken ? palette::panel_raised : palette::panel, 10.0f,
                         dl->GetClipRectMin(), dl->GetClipRectMax());
  dl->AddRect(top, br, broken ? palette::rgb(0xE5484D, 140) : palette::border, 10.0f);
  if (!broken && e.steps > 0 && e.steps_done > 0) {  // progress bar along the bottom edge
    const float frac = float(e.steps_done) / float(e.steps);
    dl->AddRectFilled({top.x + 10, br.y - 4}, {top.x + 10 + (width - 20) * frac, br.y - 2},
                      progress_colour(e.progress), 2.0f);
  }
  dl->ChannelsMerge();
  if (hovered && !broken) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::PopID();
  ImGui::Dummy({0, 4});
  return clicked;
}

// The playground card: open it, or open a lesson / .py file by path.
void playground_card(float width, BrowserState& state, BrowserAction& action) {
  const auto& f = platform::fonts();
  const float pad = 18.0f * (f.base_size / 15.0f);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos({top.x + pad, top.y + pad});
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(top.x + width - pad);
  ImGui::PushFont(f.heading);
  ImGui::TextUnformatted("Playground");
  ImGui::PopFont();
  ImGui::TextColored(to_vec4(palette::text_dim),
                     "Write any asyncio program and watch it run, or open a .py file of your own.");
  ImGui::Dummy({0, 2});
  if (ImGui::Button("Open the playground")) action.playground = true;
  probe::item("playground_open");
  ImGui::SameLine(0, 18);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("or a file:");
  ImGui::SameLine();
  const float button_w = ImGui::CalcTextSize("Open").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(120.0f, top.x + width - pad - ImGui::GetCursorScreenPos().x - button_w - 8));
  const bool entered = ImGui::InputTextWithHint("##open_path", "path/to/program.py or lesson.json",
                                                state.open_path.data(), state.open_path.size(),
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  probe::item("open_path");
  ImGui::SameLine(0, 8);
  const bool empty = state.open_path[0] == '\0';
  ImGui::BeginDisabled(empty);
  const bool clicked = ImGui::Button("Open");
  ImGui::EndDisabled();
  probe::item("open_path_button");
  if ((entered || clicked) && !empty) action.open_path = std::string(state.open_path.data());
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 br = {top.x + width, ImGui::GetItemRectMax().y + pad};
  dl->ChannelsSetCurrent(0);
  platform::add_backdrop(top, br, palette::panel, 10.0f, dl->GetClipRectMin(), dl->GetClipRectMax());
  dl->AddRect(top, br, palette::border, 10.0f);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos({top.x, br.y});
  ImGui::Dummy({0, 8});
}

}  // namespace

BrowserAction draw_browser(const BrowserModel& model, BrowserState& state) {
  BrowserAction action;
  const auto& f = platform::fonts();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail - 64.0f, 820.0f * f.base_size / 15.0f);
  const float left = (avail - width) * 0.5f;

  ImGui::BeginChild("browser", {0, 0}, false, ImGuiWindowFlags_NoBackground);
  ImGui::Dummy({0, 28});
  ImGui::SetCursorPosX(left);
  ImGui::BeginGroup();
  ImGui::PushFont(f.heading);
  ImGui::TextUnformatted("Loopscope");
  ImGui::PopFont();
  ImGui::PushTextWrapPos(left + width);
  ImGui::TextColored(to_vec4(palette::text_dim),
                     "Watch asynchronous Python and C++ run on a real event loop: the ready queue, "
                     "suspended coroutines and a timeline of every wait. Pick a lesson to start.");
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::Dummy({0, 14});

  ImGui::SetCursorPosX(left);
  playground_card(width, state, action);

  for (const auto& p : model.problems) {
    ImGui::SetCursorPosX(left);
    ImGui::PushTextWrapPos(left + width);
    ImGui::TextColored(to_vec4(palette::failed), "%s", p.c_str());
    ImGui::PopTextWrapPos();
  }
  if (model.entries.empty()) {
    ImGui::SetCursorPosX(left);
    ImGui::TextColored(to_vec4(palette::sleeping), "No lessons were found in %s",
                       model.lessons_dir.empty() ? "the lessons directory" : model.lessons_dir.c_str());
  }
  int number = 0;
  for (std::size_t i = 0; i < model.entries.size(); ++i) {
    ImGui::SetCursorPosX(left);
    if (lesson_card(model.entries[i], ++number, width)) action.open = static_cast<int>(i);
  }
  ImGui::Dummy({0, 24});
  ImGui::EndChild();
  return action;
}

}  // namespace loopscope::ui
