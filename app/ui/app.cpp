// app.cpp — the application: screens, layout, input, persistence and hot reload.
//
// Sections: state · opening a step · catalog and hot reload · progress · input · top bar ·
//           lesson screen · frame · settings
#include "ui/app.hpp"

#include "lesson/loader.hpp"
#include "platform/backdrop.hpp"
#include "platform/fonts.hpp"
#include "ui/browser_panel.hpp"
#include "ui/catalog.hpp"
#include "ui/code_panel.hpp"
#include "ui/console_model.hpp"
#include "ui/console_panel.hpp"
#include "ui/controls_panel.hpp"
#include "ui/loop_panels.hpp"
#include "ui/markdown.hpp"
#include "ui/markdown_view.hpp"
#include "ui/params_panel.hpp"
#include "ui/quiz_panel.hpp"
#include "ui/session.hpp"
#include "ui/settings.hpp"
#include "ui/theme.hpp"
#include "ui/timeline_model.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/timeline_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

namespace loopscope::ui {
namespace fs = std::filesystem;

// ---- state -----------------------------------------------------------------------------------
enum class Screen { browser, lesson };

struct App::State {
  AppOptions options;
  Settings settings;
  bool persist = true;                  // false for `shot`: never touch the learner's settings
  Screen screen = Screen::browser;
  fs::path lessons_dir;
  LessonCatalog catalog;
  double reload_clock = 0;
  std::string banner;                   // an error shown above the lesson (e.g. hot reload)

  // the open lesson
  int entry = -1;                       // index in catalog
  std::shared_ptr<const lesson::Lesson> lesson;
  std::unique_ptr<Session> session;
  std::map<std::string, double> params;
  MarkdownDoc narration;
  std::map<int, QuizState> quizzes;
  CodePanelState code;
  QueueAnimation queue;
  TimelineModel timeline;
  TimelineView timeline_view;
  ConsoleModel console;
  bool quit_requested = false;
};


// ---- opening a step --------------------------------------------------------------------------
static void open_step(App::State& m, std::size_t step) {
  if (!m.lesson || m.lesson->steps.empty()) return;
  step = std::min(step, m.lesson->steps.size() - 1);
  const lesson::Step& s = m.lesson->steps[step];
  m.params.clear();
  for (const auto& p : s.params) m.params[p.name] = p.value;
  const double speed = m.session ? m.session->speed() : m.settings.speed;
  m.session = std::make_unique<Session>(m.lesson, step, m.params);
  m.session->set_speed(speed);
  m.narration = parse_markdown(s.text);
  m.code = {};
  m.queue = {};
  m.timeline.reset();
  m.timeline_view = {};
  m.console.reset();
  if (m.persist && !m.lesson->id.empty()) {
    m.settings.last_lesson = m.lesson->id;
    m.settings.progress[m.lesson->id].last_step = static_cast<int>(step);
  }
}

static void restart_with_params(App::State& m) {
  if (!m.session) return;
  const std::size_t step = m.session->step_index();
  const double speed = m.session->speed();
  m.session = std::make_unique<Session>(m.lesson, step, m.params);
  m.session->set_speed(speed);
  m.queue = {};
  m.timeline.reset();
  m.console.reset();
  m.session->play();
}

// ---- catalog and hot reload ------------------------------------------------------------------
static void open_entry(App::State& m, int index, std::size_t step) {
  if (index < 0 || index >= static_cast<int>(m.catalog.size()) || !m.catalog[index].lesson) return;
  m.entry = index;
  m.lesson = m.catalog[index].lesson;
  m.quizzes.clear();
  m.banner.clear();
  m.screen = Screen::lesson;
  open_step(m, step);
}

// Opens a lesson given on the command line: an id from the catalog, or a path.
static bool open_named(App::State& m, const std::string& name, std::size_t step) {
  int index = m.catalog.find(name);
  if (index < 0) {
    auto path = lesson::find_lesson(name);
    if (!path) {
      m.banner = "No lesson called '" + name + "' was found.";
      return false;
    }
    index = m.catalog.find(path->string());
    if (index < 0) index = static_cast<int>(m.catalog.add_file(*path));
  }
  if (!m.catalog[index].lesson) {
    m.banner = "The lesson " + m.catalog[index].path.string() + " could not be loaded.";
    return false;
  }
  open_entry(m, index, step);
  return m.screen == Screen::lesson;
}

// Every half second: the open lesson's file (or, in the browser, every file) is re-read if it
// changed. A good save restarts the step on the new version; a broken one keeps the old running.
static void poll_reload(App::State& m, double dt) {
  m.reload_clock += dt;
  if (m.reload_clock < 0.5) return;
  m.reload_clock = 0;
  if (m.screen == Screen::lesson && m.entry >= 0) {
    switch (m.catalog.poll(static_cast<std::size_t>(m.entry))) {
      case ReloadResult::unchanged: break;
      case ReloadResult::reloaded:
        m.lesson = m.catalog[m.entry].lesson;
        m.banner.clear();
        open_step(m, m.session ? m.session->step_index() : 0);
        break;
      case ReloadResult::broken:
        m.banner = "The saved lesson has errors; still showing the last good version.";
        break;
    }
  } else if (m.screen == Screen::browser) {
    for (std::size_t i = 0; i < m.catalog.size(); ++i) m.catalog.poll(i);
  }
}

// ---- progress --------------------------------------------------------------------------------
static void note_progress(App::State& m) {
  if (!m.persist || !m.session || !m.lesson || !m.session->at_end()) return;
  auto& p = m.settings.progress[m.lesson->id];
  const int step = static_cast<int>(m.session->step_index());
  if (p.steps_done.insert(step).second) ::loopscope::ui::save_settings(m.settings);
}

static BrowserModel browser_model(const App::State& m) {
  BrowserModel model;
  model.lessons_dir = m.lessons_dir.string();
  model.problems = m.catalog.problems();
  std::map<std::string, std::string> titles;
  for (const auto& e : m.catalog.entries())
    if (e.lesson) titles[e.lesson->id] = e.lesson->title;
  for (const auto& e : m.catalog.entries()) {
    BrowserEntry b;
    b.path = e.path.string();
    b.errors = e.lesson ? std::vector<std::string>{} : e.errors;
    b.origin = origin_label(e);
    b.notes = e.notes;
    if (e.lesson) {
      b.id = e.lesson->id;
      b.title = e.lesson->title;
      b.summary = e.lesson->summary;
      b.steps = static_cast<int>(e.lesson->steps.size());
      for (const auto& pre : e.lesson->prerequisites)
        b.prerequisites.push_back(titles.count(pre) ? titles[pre] : pre);
      auto it = m.settings.progress.find(e.lesson->id);
      if (it != m.settings.progress.end()) {
        b.steps_done = static_cast<int>(it->second.steps_done.size());
        b.progress = b.steps_done >= b.steps && b.steps > 0 ? Progress::done : Progress::in_progress;
      }
    } else {
      b.title = e.path.filename().string();
    }
    model.entries.push_back(std::move(b));
  }
  return model;
}

// ---- input -----------------------------------------------------------------------------------
static void apply_control(App::State& m, Control c) {
  Session& s = *m.session;
  switch (c) {
    case Control::toggle_play: s.toggle_play(); break;
    case Control::step_iteration: s.step_iteration(); break;
    case Control::step_back: s.step_back_iteration(); break;
    case Control::step_resume: s.step_resume(); break;
    case Control::run_to_end: s.run_to_end(); break;
    case Control::restart:
      restart_with_params(m);
      break;
    case Control::seek_start: s.pause(); s.seek_cursor(0); break;
    case Control::none: break;
  }
}

static void handle_keys(App::State& m) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !m.session) return;
  // ImGui 1.86 indexes keys by the backend's codes: named keys through GetKeyIndex, letters by
  // their GLFW code (GLFW_KEY_R is 'R').
  auto pressed = [](ImGuiKey key, bool repeat) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat); };
  if (pressed(ImGuiKey_Space, false)) apply_control(m, Control::toggle_play);
  if (pressed(ImGuiKey_RightArrow, true))
    apply_control(m, io.KeyShift ? Control::step_resume : Control::step_iteration);
  if (pressed(ImGuiKey_LeftArrow, true)) apply_control(m, Control::step_back);
  if (ImGui::IsKeyPressed('R', false) && !io.KeyCtrl) apply_control(m, Control::restart);
  if (pressed(ImGuiKey_Home, false)) apply_control(m, Control::seek_start);
  if (pressed(ImGuiKey_End, false)) apply_control(m, Control::run_to_end);
}

static void apply_panel(App::State& m, const PanelAction& a) {
  if (!m.session) return;
  if (a.select) m.session->selected_task = *a.select == m.session->selected_task ? 0 : *a.select;
  if (a.seek_cursor) {
    m.session->pause();
    m.session->seek_cursor(*a.seek_cursor);
  } else if (a.seek_time) {
    m.session->pause();
    m.session->seek_time(*a.seek_time);
  }
}

// ---- top bar ---------------------------------------------------------------------------------
// The current child window's background, painted as a backdrop (a clear, not a blended fill:
// see platform/backdrop.hpp). The window itself draws no background.
static void paint_window_backdrop() {
  const ImVec2 p = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  platform::add_backdrop(p, {p.x + size.x, p.y + size.y}, palette::panel, ImGui::GetStyle().ChildRounding);
}

static void draw_top_bar(App::State& m) {
  const auto& f = platform::fonts();
  const float h = f.base_size * 3.0f;
  ImGui::BeginChild("topbar", {0, h}, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  paint_window_backdrop();
  ImGui::SetCursorPos({14, (h - ImGui::GetFrameHeight()) * 0.5f});
  if (ImGui::Button("‹  Lessons")) {
    m.screen = Screen::browser;
    if (m.session) m.session->pause();
    if (m.persist) {
      m.settings.last_lesson.clear();
      ::loopscope::ui::save_settings(m.settings);
    }
  }
  ImGui::SameLine(0, 18);
  const std::size_t step = m.session->step_index();
  ImGui::SetCursorPosY((h - f.base_size * 1.25f) * 0.5f - 2);
  ImGui::PushFont(f.heading);
  ImGui::TextUnformatted(m.lesson->title.c_str());
  ImGui::PopFont();
  ImGui::SameLine(0, 14);
  ImGui::SetCursorPosY((h - f.base_size) * 0.5f);
  ImGui::TextColored(to_vec4(palette::text_dim), "%s", m.lesson->steps[step].title.c_str());

  // Step navigation on the right: ‹ 1 2 3 4 5 ›
  const int n = static_cast<int>(m.lesson->steps.size());
  const float pill = ImGui::GetFrameHeight();
  const float nav_w = (n + 2) * (pill + 6) + 8;
  ImGui::SameLine(ImGui::GetWindowWidth() - nav_w - 10);
  ImGui::SetCursorPosY((h - pill) * 0.5f);
  const auto progress = m.settings.progress.find(m.lesson->id);
  ImGui::BeginDisabled(step == 0);
  if (ImGui::ArrowButton("prev", ImGuiDir_Left)) open_step(m, step - 1);
  ImGui::EndDisabled();
  for (int i = 0; i < n; ++i) {
    ImGui::SameLine(0, 6);
    const bool current = static_cast<std::size_t>(i) == step;
    const bool done = progress != m.settings.progress.end() && progress->second.steps_done.count(i);
    ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(current ? palette::accent
                                                   : done  ? palette::rgb(0x1F3B35)
                                                           : palette::rgb(0x242A36)));
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(current ? palette::background
                                                 : done  ? palette::running
                                                         : palette::text_dim));
    char label[16];
    std::snprintf(label, sizeof label, "%d", i + 1);
    ImGui::PushID(i);
    if (ImGui::Button(label, {pill, pill}) && !current) open_step(m, i);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Step %d: %s%s", i + 1, m.lesson->steps[i].title.c_str(), done ? " (done)" : "");
    ImGui::PopID();
    ImGui::PopStyleColor(2);
  }
  ImGui::SameLine(0, 6);
  ImGui::BeginDisabled(static_cast<int>(step) + 1 >= n);
  if (ImGui::ArrowButton("next", ImGuiDir_Right)) open_step(m, step + 1);
  ImGui::EndDisabled();
  ImGui::EndChild();
}

// ---- lesson screen ---------------------------------------------------------------------------
static void begin_card(const char* id, ImVec2 size, float pad = 14.0f) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {pad, pad - 2});
  // A transparent ChildBg, not ImGuiWindowFlags_NoBackground, which would also drop the border.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::BeginChild(id, size, true, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  paint_window_backdrop();
}

enum class SplitAxis { x, y };

// A draggable gap between two regions; `fraction` moves by drag / extent, within [lo, hi].
// Returns true when a drag ended (the layout is then saved).
static bool splitter(const char* id, ImVec2 pos, ImVec2 size, SplitAxis axis, float extent, float& fraction,
                     float lo, float hi) {
  ImGui::SetCursorPos(pos);
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered() || ImGui::IsItemActive();
  if (hovered) ImGui::SetMouseCursor(axis == SplitAxis::x ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  if (ImGui::IsItemActive()) {
    const float d = axis == SplitAxis::x ? ImGui::GetIO().MouseDelta.x : -ImGui::GetIO().MouseDelta.y;
    fraction = std::clamp(fraction + d / extent, lo, hi);
  }
  if (hovered) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 c{(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (axis == SplitAxis::x) dl->AddLine({c.x, a.y + 8}, {c.x, b.y - 8}, palette::accent, 2.0f);
    else dl->AddLine({a.x + 8, c.y}, {b.x - 8, c.y}, palette::accent, 2.0f);
  }
  return ImGui::IsItemDeactivated();
}

static void draw_lesson_screen(App::State& m, float dt) {
  Session& s = *m.session;
  const auto& f = platform::fonts();
  s.tick(dt);
  m.timeline.update(s.trace());
  m.console.update(s.trace());
  const ViewState view = s.view();
  PanelAction action;

  draw_top_bar(m);
  const float gap = 10.0f;
  ImGui::SetCursorPos({gap, ImGui::GetCursorPosY() + gap * 0.6f});
  const ImVec2 avail = {ImGui::GetContentRegionAvail().x - gap, ImGui::GetContentRegionAvail().y - gap};
  const float left_w = std::floor(avail.x * m.settings.left_column);
  const float right_w = avail.x - left_w - gap;
  const float console_h = std::floor(avail.y * 0.24f);
  const float bottom_h = std::floor(avail.y * m.settings.bottom_row);
  const float controls_h = ImGui::GetFrameHeight() * 1.15f + 20;
  const float top_h = avail.y - bottom_h - controls_h - gap * 2;

  // Left column: narration (+ params, quiz), then the console.
  const ImVec2 left_pos = ImGui::GetCursorPos();
  begin_card("narration", {left_w, avail.y - console_h - gap}, 18.0f);
  const lesson::Step& step = s.step();
  ImGui::PushFont(f.heading);
  ImGui::TextWrapped("%s", step.title.c_str());
  ImGui::PopFont();
  ImGui::Dummy({0, 2});
  if (!m.banner.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(palette::sleeping));
    ImGui::TextWrapped("%s", m.banner.c_str());
    ImGui::PopStyleColor();
    if (m.entry >= 0)
      for (const auto& e : m.catalog[m.entry].errors) {
        ImGui::PushFont(f.mono);
        ImGui::TextWrapped("%s", e.c_str());
        ImGui::PopFont();
      }
    ImGui::Dummy({0, 4});
  }
  draw_markdown(m.narration, ImGui::GetContentRegionAvail().x);
  if (!step.params.empty()) {
    ImGui::Separator();
    ImGui::Dummy({0, 2});
    if (draw_params(step.params, m.params)) restart_with_params(m);
  }
  if (step.quiz) {
    ImGui::Separator();
    ImGui::Dummy({0, 2});
    QuizState& q = m.quizzes[static_cast<int>(s.step_index())];
    if (draw_quiz(*step.quiz, q) && q.correct && m.persist) {
      m.settings.progress[m.lesson->id].quizzes_right.insert(static_cast<int>(s.step_index()));
      ::loopscope::ui::save_settings(m.settings);
    }
  }
  ImGui::EndChild();
  ImGui::SetCursorPos({left_pos.x, left_pos.y + avail.y - console_h});
  begin_card("console", {left_w, console_h}, 12.0f);
  action.merge(draw_console(view, m.console));
  ImGui::EndChild();

  // Right: code | loop state, then the controls, then the timeline.
  const float right_x = left_pos.x + left_w + gap;
  const float code_w = std::floor(right_w * 0.52f);
  ImGui::SetCursorPos({right_x, left_pos.y});
  begin_card("code", {code_w, top_h}, 12.0f);
  CodeListings listings{&step.python.lines, &step.cpp.lines, step.cpp.file};
  action.merge(draw_code_panel(view, listings, m.code));
  ImGui::EndChild();
  ImGui::SetCursorPos({right_x + code_w + gap, left_pos.y});
  begin_card("loop", {right_w - code_w - gap, top_h}, 14.0f);
  draw_loop_phase(view);
  ImGui::Dummy({0, 6});
  action.merge(draw_ready_queue(view, m.queue, dt));
  ImGui::Dummy({0, 6});
  action.merge(draw_suspended(view));
  ImGui::EndChild();

  ImGui::SetCursorPos({right_x, left_pos.y + top_h + gap});
  begin_card("controls", {right_w, controls_h}, 10.0f);
  const ControlsAction c = draw_controls(view, {s.playback() == Playback::playing, s.speed()});
  ImGui::EndChild();
  ImGui::SetCursorPos({right_x, left_pos.y + top_h + gap + controls_h + gap});
  begin_card("timeline", {right_w, bottom_h}, 8.0f);
  action.merge(draw_timeline(view, m.timeline, m.timeline_view));
  ImGui::EndChild();

  // Splitters: the column between narration and code, the row above the controls.
  bool layout_changed = splitter("##split_x", {left_pos.x + left_w, left_pos.y}, {gap, avail.y}, SplitAxis::x,
                                 avail.x, m.settings.left_column, 0.22f, 0.55f);
  layout_changed |= splitter("##split_y", {right_x, left_pos.y + top_h}, {right_w, gap}, SplitAxis::y, avail.y,
                             m.settings.bottom_row, 0.22f, 0.55f);
  if (layout_changed && m.persist) ::loopscope::ui::save_settings(m.settings);

  if (c.speed) {
    s.set_speed(*c.speed);
    m.settings.speed = s.speed();
  }
  action.merge(c.panel);
  if (c.control != Control::none) apply_control(m, c.control);
  apply_panel(m, action);
  handle_keys(m);
  note_progress(m);
}

// ---- frame -----------------------------------------------------------------------------------
App::App(const AppOptions& options) : m(std::make_unique<State>()) {
  m->options = options;
  m->persist = options.restore_last;
  if (m->persist) m->settings = load_settings();
  m->lessons_dir = lesson::lessons_dir();
  m->catalog.load_directory(m->lessons_dir);
  std::optional<std::string> target = options.lesson;
  std::size_t step = options.step > 0 ? static_cast<std::size_t>(options.step - 1) : 0;
  if (!target && m->persist && !m->settings.last_lesson.empty()) {
    target = m->settings.last_lesson;
    step = static_cast<std::size_t>(m->settings.progress[*target].last_step);
  }
  if (target && open_named(*m, *target, step) && m->session) {
    if (options.at_end) m->session->run_to_end();
    else if (options.at) m->session->seek_time(*options.at);
  }
}

App::~App() = default;

double App::idle_wait() const {
  if (m->screen == Screen::lesson && m->session && m->session->playback() == Playback::playing) return 0;
  return 0.1;  // idle: wake for input or the hot-reload check
}

std::string App::window_title() const {
  if (m->screen == Screen::lesson && m->lesson) return m->lesson->title + " — Loopscope";
  return "Loopscope";
}

void App::frame(float dt) {
  poll_reload(*m, dt);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  // No background: Window::end_frame clears the framebuffer to WindowBg, which is the same
  // picture without a full-window blended fill.
  ImGui::Begin("##root", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar();
  if (m->screen == Screen::lesson && m->session) {
    draw_lesson_screen(*m, dt);
  } else {
    m->screen = Screen::browser;
    const BrowserAction a = draw_browser(browser_model(*m));
    if (a.open >= 0) {
      const auto& e = m->catalog[a.open];
      int step = 0;
      if (e.lesson) {
        auto it = m->settings.progress.find(e.lesson->id);
        if (it != m->settings.progress.end()) step = it->second.last_step;
      }
      open_entry(*m, a.open, static_cast<std::size_t>(step));
      if (m->persist) ::loopscope::ui::save_settings(m->settings);
    }
  }
  ImGui::End();
}

// ---- settings --------------------------------------------------------------------------------
std::pair<int, int> App::window_size() const { return {m->settings.window_width, m->settings.window_height}; }

void App::remember_window_size(int width, int height) {
  if (width >= 320 && height >= 240) {
    m->settings.window_width = width;
    m->settings.window_height = height;
  }
}

App::Load App::load() const {
  if (!m->session) return {};
  return {m->session->trace().size(), m->session->snapshot().tasks.size()};
}

void App::save_settings() {
  if (!m->persist) return;
  if (m->session) m->settings.speed = m->session->speed();
  if (const std::string err = ::loopscope::ui::save_settings(m->settings); !err.empty())
    std::fprintf(stderr, "loopscope: warning: could not save settings: %s\n", err.c_str());
}

}  // namespace loopscope::ui
