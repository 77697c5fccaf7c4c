// app.cpp — the application: screens, layout, input, persistence and hot reload.
//
// Sections: state · opening a step · catalog and hot reload · between frames · progress · input ·
//           top bar · lesson screen · frame · settings
//
// Invariant: the session, the open lesson and the screen are replaced only between frames
// (apply_intents and poll_reload, called by App::frame outside the ImGui window). Code that
// draws queues an Intent (ui/intent.hpp) instead, so no reference taken while drawing can
// outlive what it points at.
#include "ui/app.hpp"
#include "ui/frame_source.hpp"
#include "ui/atomic_file.hpp"

#include "lesson/loader.hpp"
#include "platform/backdrop.hpp"
#include "python/parser.hpp"
#include "platform/fonts.hpp"
#include "ui/browser_panel.hpp"
#include "lesson/checker.hpp"
#include "lesson/folders.hpp"
#include "lesson/playground.hpp"
#include "ui/catalog.hpp"
#include "ui/code_panel.hpp"
#include "ui/console_model.hpp"
#include "ui/console_panel.hpp"
#include "ui/controls_panel.hpp"
#include "ui/editor/editor.hpp"
#include "ui/editor/utf8.hpp"
#include "ui/exercise_panel.hpp"
#include "ui/help_overlay.hpp"
#include "ui/intent.hpp"
#include "ui/loop_panels.hpp"
#include "ui/markdown.hpp"
#include "ui/markdown_view.hpp"
#include "ui/params_panel.hpp"
#include "ui/probe.hpp"
#include "ui/probe_dump.hpp"
#include "ui/layout_report.hpp"
#include "ui/quiz_panel.hpp"
#include "ui/saved_edits.hpp"
#include "ui/session.hpp"
#include "ui/settings.hpp"
#include "ui/text_fit.hpp"
#include "ui/theme.hpp"
#include "ui/ghost_run.hpp"
#include "ui/timeline_defaults.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/trace_model.hpp"
#include "ui/timeline_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <utility>
#include <variant>

namespace loopscope::ui {
namespace fs = std::filesystem;

// ---- state -----------------------------------------------------------------------------------
enum class Screen { browser, lesson };

// The views that read one run's trace incrementally. A new run needs fresh ones, so they are
// created in exactly one place, start_run, and fed in exactly one place, feed_views.
// The step's ghost (another step's whole run, drawn faintly on the timeline) is not per run: it
// depends only on the lesson and the step, so start_run carries it over to the next run of the
// same step and makes it once when a step opens.
struct RunViews {
  QueueAnimation queue;
  TraceModel trace;    // timeline lanes, console lines, iteration axis: one pass over the trace
  std::shared_ptr<const GhostRun> ghost;  // null: the step has no ghost
  TimelineGhost ghost_view() const {
    if (!ghost) return {};
    return {&ghost->timeline, ghost->events, ghost->step, ghost->end_time};
  }
};

// Brings the run's views up to the events recorded so far; once the run has finished, its
// warnings (never-retrieved exceptions…) join the console.
static void feed_views(RunViews& views, const Session& s) {
  // The Python the run executes (the learner's edit when they ran one): tasks' labels read it.
  views.trace.set_listing(s.step().python.lines);
  views.trace.update(s.trace());
  if (s.finished() && !views.trace.finished_noted() && views.trace.consumed() == s.trace().size())
    {
      const lesson::RunResult r = s.result();
      views.trace.note_finished(r.warnings, r.traceback);
    }
}

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
  std::shared_ptr<Session> session;     // replaced only between frames (see the invariant above)
  std::map<std::string, double> params;
  MarkdownDoc narration;
  std::map<int, QuizState> quizzes;
  std::map<int, ExerciseState> exercises;  // by step index
  CodePanelState code;
  TimelineView timeline_view;
  RunViews views;                       // fed from the session's trace; reset with every run
  bool quit_requested = false;

  IntentQueue intents;                  // asked for during this frame, applied after it
  bool help_open = false;               // the keyboard shortcuts overlay
  FrameStats stats;                     // for the probe (interaction tests)
  std::uint64_t runs = 0;               // sessions started so far (each run has its number)

  SavedEdits edits;                     // the learner's code edits per step (in memory for `shot`)
  std::uint64_t edited_runs = 0;        // RunEdited requests applied
  std::size_t edited_run_bytes = 0;     // the last one's source size
  // The learner's Python that the current run runs instead of the step's listing (nullopt: the
  // listing). Kept across restarts and param changes of the same step; a new step drops it.
  std::optional<std::vector<std::string>> run_source;
  std::uint64_t errors_shown_for_run = 0;  // the run whose error was last put in the editor
  std::string notice;                   // an unreadable progress file, shown on the first lesson screen
  BrowserState browser;                 // the browser's "open a file" field
  std::string open_error;               // why the last file typed in the browser did not open
  std::uint64_t saves = 0;              // code written back to a .py file
};



// ---- opening a step --------------------------------------------------------------------------
// A fresh run of step `step` with the current params, keeping the playback speed; the only
// place a Session is created.
static std::shared_ptr<const lesson::Lesson> lesson_for_run(const App::State& m, std::size_t step) {
  if (!m.run_source || step >= m.lesson->steps.size()) return m.lesson;
  auto copy = std::make_shared<lesson::Lesson>(*m.lesson);
  copy->steps[step].python.lines = *m.run_source;
  return copy;
}

static void start_run(App::State& m, std::size_t step) {
  const double speed = m.session ? m.session->speed() : m.settings.speed;
  m.session = std::make_shared<Session>(lesson_for_run(m, step), step, m.params);
  ++m.runs;
  m.session->set_speed(speed);
  std::shared_ptr<const GhostRun> ghost = std::move(m.views.ghost);
  if (!ghost || ghost->lesson != m.lesson || ghost->for_step != step) ghost = make_ghost_run(m.lesson, step);
  m.views = {};
  m.views.ghost = std::move(ghost);
}

static void open_step(App::State& m, std::size_t step) {
  if (!m.lesson || m.lesson->steps.empty()) return;
  step = std::min(step, m.lesson->steps.size() - 1);
  const lesson::Step& s = m.lesson->steps[step];
  m.params.clear();
  for (const auto& p : s.params) m.params[p.name] = p.value;
  m.run_source.reset();
  start_run(m, step);
  m.narration = parse_markdown(s.text);
  for (const auto& t : m.lesson->steps) platform::fonts_request_all(m.lesson->title, t.title, t.text, t.python.lines, t.cpp.lines);
  m.code = {};
  m.timeline_view = initial_timeline_view(*m.lesson, s);
  if (m.persist && !m.lesson->id.empty()) {
    m.settings.last_lesson = m.lesson->id;
    m.settings.progress[m.lesson->id].last_step = static_cast<int>(step);
  }
}

static void restart_with_params(App::State& m) {
  if (!m.session) return;
  start_run(m, m.session->step_index());
  m.session->play();
}

// ---- catalog and hot reload ------------------------------------------------------------------
static void open_entry(App::State& m, int index, std::size_t step) {
  if (index < 0 || index >= static_cast<int>(m.catalog.size()) || !m.catalog[index].lesson) return;
  m.entry = index;
  m.lesson = m.catalog[index].lesson;
  m.quizzes.clear();
  m.exercises.clear();
  m.banner.clear();
  m.screen = Screen::lesson;
  open_step(m, step);
}

// The .py file the open lesson was read from, if it is one ("" otherwise).
static std::string python_file_of(const App::State& m) {
  if (m.entry < 0 || !m.lesson) return {};
  const fs::path& p = m.catalog[m.entry].path;
  return p.extension() == ".py" ? p.string() : std::string();
}

// Writes the learner's code back to the .py file it came from (atomically: a crash never
// leaves half a file). Hot reload then sees the new file and runs it.
static void save_to_file(App::State& m, const std::string& text) {
  const std::string path = python_file_of(m);
  if (path.empty()) return;
  if (std::string err = write_file_atomically(path, text.empty() || text.back() == '\n' ? text : text + "\n"); !err.empty())
    m.banner = "Could not save " + path + ": " + err;
  else
    ++m.saves;
}

// The playground is no catalog entry: it has no file to reload.
static void open_playground(App::State& m) {
  m.entry = -1;
  m.lesson = lesson::playground_lesson();
  m.quizzes.clear();
  m.exercises.clear();
  m.banner.clear();
  m.screen = Screen::lesson;
  open_step(m, 0);
}

// Opens a lesson given on the command line: an id from the catalog, or a path.
static bool open_named(App::State& m, const std::string& name, std::size_t step) {
  if (name == lesson::playground_id) {
    open_playground(m);
    return true;
  }
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
      case ReloadResult::reloaded: {
        m.lesson = m.catalog[m.entry].lesson;
        m.banner.clear();
        const std::size_t step = m.session ? m.session->step_index() : 0;
        // A save that loads can still be wrong: the step's run may no longer print what its
        // `expect` says. The new version runs anyway; the banner names the first difference.
        if (step < m.lesson->steps.size()) {
          const auto problems = lesson::check_step(*m.lesson, step);
          if (!problems.empty())
            m.banner = "The saved step does not do what its 'expect' says: " + problems.front().to_string() +
                       (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : "");
        }
        open_step(m, step);
        break;
      }
      case ReloadResult::broken:
        m.banner = "The saved lesson has errors; still showing the last good version.";
        break;
    }
  } else if (m.screen == Screen::browser) {
    for (std::size_t i = 0; i < m.catalog.size(); ++i) m.catalog.poll(i);
  }
}

// ---- between frames --------------------------------------------------------------------------
static void show_browser(App::State& m) {
  m.screen = Screen::browser;
  if (m.session) m.session->pause();
  if (m.persist) {
    m.settings.last_lesson.clear();
    ::loopscope::ui::save_settings(m.settings);
  }
}

// Opens a catalog entry at `step`, or where the learner left it.
static void open_lesson(App::State& m, int index, std::optional<std::size_t> step) {
  if (index < 0 || index >= static_cast<int>(m.catalog.size())) return;
  const auto& e = m.catalog[index];
  if (!step) {
    step = 0;
    if (e.lesson)
      if (auto it = m.settings.progress.find(e.lesson->id); it != m.settings.progress.end())
        step = static_cast<std::size_t>(std::max(0, it->second.last_step));
  }
  open_entry(m, index, *step);
  if (m.screen == Screen::lesson && !m.notice.empty()) m.banner = std::exchange(m.notice, {});
  if (m.persist) ::loopscope::ui::save_settings(m.settings);
}

static std::vector<std::string> split_lines(const std::string& source) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= source.size()) {
    const std::size_t nl = source.find('\n', start);
    if (nl == std::string::npos) {
      if (start < source.size()) lines.push_back(source.substr(start));
      break;
    }
    lines.push_back(source.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

static std::vector<editor::Diagnostic> editor_diagnostics(const std::vector<python::Diagnostic>& found) {
  std::vector<editor::Diagnostic> out;
  for (const auto& d : found)
    out.push_back({d.line, d.col, d.end_line, std::max(d.end_col, d.col + 1), std::string(d.kind_name()) + ": " + d.message});
  return out;
}

// A fresh run of the open step with the learner's edited Python in place of the listing. Code
// that does not parse does not run: its error goes to the editor, and the last run stays.
static void start_run_with_source(App::State& m, const std::string& source) {
  if (!m.session) return;
  ++m.edited_runs;
  m.edited_run_bytes = source.size();
  std::vector<std::string> lines = split_lines(source);
  const python::ParseResult parsed = python::parse(source);
  if (!parsed.ok()) {
    if (m.code.editor) m.code.editor->set_diagnostics(editor_diagnostics(parsed.diagnostics), lines);
    return;
  }
  if (m.code.editor) {
    m.code.editor->set_diagnostics({}, lines);
    m.code.editor->set_run_source(lines);
  }
  m.run_source = std::move(lines);
  start_run(m, m.session->step_index());
  m.session->play();
}

// An edited run that failed puts its error on the line that raised it, once per run.
static void show_run_error_in_editor(App::State& m) {
  if (!m.session || !m.run_source || !m.code.editor || m.errors_shown_for_run == m.runs) return;
  if (!m.session->finished()) return;
  m.errors_shown_for_run = m.runs;
  const lesson::RunResult r = m.session->result();
  if (!r.error || r.listing_line <= 0 || r.listing_line > static_cast<int>(m.run_source->size())) return;
  // The expression that raised when the run knows it (as CPython's carets), else the whole line.
  editor::Diagnostic d{r.listing_line, r.listing_col, r.listing_end_line, r.listing_end_col, *r.error};
  if (r.listing_col <= 0 || r.listing_end_line < r.listing_line) {
    const std::string& text = (*m.run_source)[static_cast<std::size_t>(r.listing_line - 1)];
    d = {r.listing_line, 1, r.listing_line, std::max(1, static_cast<int>(editor::code_points(text))) + 1, *r.error};
  }
  m.code.editor->set_diagnostics({d}, *m.run_source);
}

// Applies what the frame queued, in order. Runs outside any ImGui window, between frames.
static void apply_intents(App::State& m) {
  for (const Intent& intent : m.intents.take()) {
    std::visit(
        [&](const auto& i) {
          using T = std::decay_t<decltype(i)>;
          if constexpr (std::is_same_v<T, OpenStep>) {
            if (m.screen == Screen::lesson && m.session && i.step != m.session->step_index()) open_step(m, i.step);
          } else if constexpr (std::is_same_v<T, OpenLesson>) {
            open_lesson(m, i.entry, i.step);
          } else if constexpr (std::is_same_v<T, RestartRun>) {
            restart_with_params(m);
          } else if constexpr (std::is_same_v<T, ShowBrowser>) {
            show_browser(m);
          } else if constexpr (std::is_same_v<T, RunEdited>) {
            start_run_with_source(m, i.source);
          } else if constexpr (std::is_same_v<T, OpenPlayground>) {
            open_playground(m);
            if (m.persist) ::loopscope::ui::save_settings(m.settings);
          } else if constexpr (std::is_same_v<T, OpenFile>) {
            m.open_error.clear();
            if (!open_named(m, i.path, 0)) {
              m.open_error = m.banner;
              m.banner.clear();
              m.screen = Screen::browser;
            } else if (m.persist) {
              ::loopscope::ui::save_settings(m.settings);
            }
          }
        },
        intent);
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
  if (!m.open_error.empty()) model.problems.push_back(m.open_error);
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
    case Control::restart: m.intents.push(RestartRun{}); break;
    case Control::seek_start: s.pause(); s.seek_cursor(0); break;
    case Control::none: break;
  }
}

static void toggle_timeline_axis(TimelineView& v) {
  v.axis = v.axis == TimelineAxis::time ? TimelineAxis::iterations : TimelineAxis::time;
  v.follow = FollowMode::fit_all;
}

// ImGui 1.86 indexes keys by the backend's codes: named keys through GetKeyIndex, letters and
// punctuation by their GLFW code (GLFW_KEY_R is 'R', GLFW_KEY_LEFT_BRACKET is '[').
static bool key_pressed(ImGuiKey key, bool repeat) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat); }
constexpr int key_f1 = 290;  // GLFW_KEY_F1
constexpr int key_slash = '/';

// Keys that work on every screen: the shortcuts overlay.
static void handle_global_keys(App::State& m) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  if (ImGui::IsKeyPressed(key_f1, false) || (io.KeyShift && ImGui::IsKeyPressed(key_slash, false)))
    m.help_open = !m.help_open;
  else if (m.help_open && key_pressed(ImGuiKey_Escape, false))
    m.help_open = false;
}

static void handle_keys(App::State& m) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !m.session) return;
  auto pressed = key_pressed;
  const std::size_t step = m.session->step_index();
  if (pressed(ImGuiKey_PageDown, true) || ImGui::IsKeyPressed(']', true)) m.intents.push(OpenStep{step + 1});
  if ((pressed(ImGuiKey_PageUp, true) || ImGui::IsKeyPressed('[', true)) && step > 0)
    m.intents.push(OpenStep{step - 1});
  if (pressed(ImGuiKey_Backspace, false) && !io.KeyCtrl) m.intents.push(ShowBrowser{});
  if (pressed(ImGuiKey_Space, false)) apply_control(m, Control::toggle_play);
  if (pressed(ImGuiKey_RightArrow, true))
    apply_control(m, io.KeyShift ? Control::step_resume : Control::step_iteration);
  if (pressed(ImGuiKey_LeftArrow, true)) apply_control(m, Control::step_back);
  if (ImGui::IsKeyPressed('R', false) && !io.KeyCtrl) apply_control(m, Control::restart);
  if (pressed(ImGuiKey_Home, false)) apply_control(m, Control::seek_start);
  if (pressed(ImGuiKey_End, false)) apply_control(m, Control::run_to_end);
  if (ImGui::IsKeyPressed('I', false) && !io.KeyCtrl) toggle_timeline_axis(m.timeline_view);
}

static void apply_panel(App::State& m, const PanelAction& a) {
  if (!m.session) return;
  if (a.show_line) {  // the Python tab, its cursor on that line
    m.code.show_python = true;
    if (m.code.editor) m.code.editor->reveal_line(*a.show_line);
  }
  if (a.select) m.session->selected_task = *a.select == m.session->selected_task ? 0 : *a.select;
  if (a.seek_cursor) {
    m.session->pause();
    m.session->seek_cursor(*a.seek_cursor);
  } else if (a.seek_time) {
    m.session->pause();
    m.session->seek_time(*a.seek_time);
  }
}

// ---- exercise ------------------------------------------------------------------------------
// The open step's exercise state, with the verdict on the shown run once it has finished (a new
// run clears it). A run that meets the goal marks the step solved in the progress.
static ExerciseState& exercise_state(App::State& m, const Session& s) {
  const int index = static_cast<int>(s.step_index());
  ExerciseState& x = m.exercises[index];
  const lesson::Exercise& ex = *s.step().exercise;
  if (x.goal.blocks.empty()) x.goal = parse_markdown(ex.goal);
  auto& progress = m.settings.progress[m.lesson->id];
  x.solved = x.solved || progress.exercises_solved.count(index) > 0;
  if (x.verdict_run != m.runs) x.verdict.reset();
  if (!x.verdict && s.finished()) {
    const lesson::RunResult r = s.result();
    lesson::RunFacts facts;
    for (const auto& line : r.output) facts.output.push_back(line.text);
    facts.duration = r.duration;
    facts.error = r.error;
    lesson::add_trace_facts(s.trace(), facts);
    x.verdict = lesson::check_goal(ex.check, facts, s.step().python.lines);
    x.verdict_run = m.runs;
    if (x.verdict->met() && !x.solved) {
      x.solved = true;
      if (m.persist && progress.exercises_solved.insert(index).second) ::loopscope::ui::save_settings(m.settings);
    }
  }
  return x;
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
  if (ImGui::Button("‹  Lessons")) m.intents.push(ShowBrowser{});
  probe::item("lessons_back");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the lessons  (Backspace)");
  ImGui::SameLine(0, 18);
  const std::size_t step = m.session->step_index();
  ImGui::SetCursorPosY((h - f.base_size * 1.25f) * 0.5f - 2);
  // Step navigation on the right: ‹ 1 2 3 4 5 ›. The titles get the room left of it: the lesson's
  // cut if it must, the step's (the narration's heading repeats it) cut, or left out when short
  // of room, never drawn under the buttons.
  const int n = static_cast<int>(m.lesson->steps.size());
  const float pill = ImGui::GetFrameHeight();
  const float nav_w = (n + 3) * (pill + 6) + 14;
  const float nav_x = ImGui::GetWindowWidth() - nav_w - 10;
  ImGui::PushFont(f.heading);
  const std::string title = ellipsised(f.heading, f.heading->FontSize, platform::display_text(m.lesson->title).view(),
                                       std::max(40.0f, nav_x - ImGui::GetCursorPosX() - 16), Fit::fitted);
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopFont();
  ImGui::SameLine(0, 14);
  ImGui::SetCursorPosY((h - f.base_size) * 0.5f);
  const float room = nav_x - ImGui::GetCursorPosX() - 16;
  if (room > 80) {
    const std::string sub = ellipsised(f.body, f.body->FontSize, platform::display_text(m.lesson->steps[step].title).view(),
                                       room, Fit::fitted);
    ImGui::TextColored(to_vec4(palette::text_dim), "%s", sub.c_str());
  }

  ImGui::SameLine(nav_x);
  ImGui::SetCursorPosY((h - pill) * 0.5f);
  if (ImGui::Button("?", {pill, pill})) m.help_open = !m.help_open;
  probe::item("help_button");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keyboard shortcuts  (F1 or ?)");
  ImGui::SameLine(0, 12);
  const auto progress = m.settings.progress.find(m.lesson->id);
  ImGui::BeginDisabled(step == 0);
  if (ImGui::ArrowButton("prev", ImGuiDir_Left)) m.intents.push(OpenStep{step - 1});
  ImGui::EndDisabled();
  probe::item("step_prev");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Previous step  (Page Up or [)");
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
    if (ImGui::Button(label, {pill, pill}) && !current) m.intents.push(OpenStep{static_cast<std::size_t>(i)});
    if (probe::enabled()) probe::item("step_pill_" + std::to_string(i + 1));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Step %d: %s%s", i + 1, m.lesson->steps[i].title.c_str(), done ? " (done)" : "");
    ImGui::PopID();
    ImGui::PopStyleColor(2);
  }
  ImGui::SameLine(0, 6);
  ImGui::BeginDisabled(static_cast<int>(step) + 1 >= n);
  if (ImGui::ArrowButton("next", ImGuiDir_Right)) m.intents.push(OpenStep{step + 1});
  ImGui::EndDisabled();
  probe::item("step_next");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Next step  (Page Down or ])");
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
  if (probe::enabled())
    probe::rect(std::string("panel_") + id, ImGui::GetWindowPos(),
                {ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y});
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
  // Holds the session drawn this frame alive whatever the frame queues (see the invariant).
  const std::shared_ptr<Session> keep = m.session;
  Session& s = *keep;
  const auto& f = platform::fonts();
  s.tick(dt);
  feed_views(m.views, s);
  show_run_error_in_editor(m);
  ViewState view = s.view();
  view.labels = &m.views.trace.labels();
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
  // The lesson's step as written (the run may be of the learner's edited copy of it).
  const lesson::Step& step = m.lesson->steps[s.step_index()];
  // The quiz has its own area at the bottom of the card, which does not scroll away: its options
  // and "Check answer" stay in view however long the narration is. It takes the height it drew
  // last frame, at most 70% of the card (past that it scrolls within itself): at 1280x800 every
  // quiz's options and button show whole.
  QuizState* quiz = step.quiz ? &m.quizzes[static_cast<int>(s.step_index())] : nullptr;
  const float card_h = ImGui::GetContentRegionAvail().y;
  const float quiz_h =
      quiz ? std::floor(std::min(quiz->height > 0 ? quiz->height : card_h * 0.4f, card_h * 0.7f)) : 0.0f;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("narration_text", {0, quiz ? card_h - quiz_h - spacing : 0.0f}, false);
  if (probe::enabled())  // the narration's own scrolling region (the quiz below it does not scroll with it)
    probe::rect("panel_narration_text", ImGui::GetWindowPos(),
                {ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y});
  ImGui::PushFont(f.heading);
  ImGui::TextWrapped("%s", platform::display_text(step.title).c_str());
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
    if (draw_params(step.params, m.params)) m.intents.push(RestartRun{});
  }
  if (step.exercise) {  // scrolls with the narration: goal, verdict, hints and solution are text
    ImGui::Separator();
    ImGui::Dummy({0, 2});
    draw_exercise(*step.exercise, exercise_state(m, s));
  }
  ImGui::EndChild();
  if (quiz) {
    ImGui::BeginChild("quiz", {0, quiz_h}, false);
    ImGui::Separator();
    ImGui::Dummy({0, 2});
    if (draw_quiz(*step.quiz, *quiz) && quiz->correct && m.persist) {
      m.settings.progress[m.lesson->id].quizzes_right.insert(static_cast<int>(s.step_index()));
      ::loopscope::ui::save_settings(m.settings);
    }
    quiz->height = ImGui::GetCursorPosY() + spacing;
    ImGui::EndChild();
  }
  ImGui::EndChild();
  ImGui::SetCursorPos({left_pos.x, left_pos.y + avail.y - console_h});
  begin_card("console", {left_w, console_h}, 12.0f);
  action.merge(draw_console(view, m.views.trace.console()));
  ImGui::EndChild();

  // Right: code | loop state, then the controls, then the timeline.
  const float right_x = left_pos.x + left_w + gap;
  const float code_w = std::floor(right_w * 0.52f);
  ImGui::SetCursorPos({right_x, left_pos.y});
  begin_card("code", {code_w, top_h}, 12.0f);
  CodeListings listings{&step.python.lines, &step.cpp.lines, step.cpp.file,
                        SavedEdits::key(m.lesson->id, s.step_index()), &m.edits,
                        m.run_source ? nullptr : &step.cpp.line_for_python, python_file_of(m)};
  const CodePanelResult code = draw_code_panel(view, listings, m.code);
  action.merge(code.panel);
  if (code.run) m.intents.push(RunEdited{*code.run});
  if (code.save) save_to_file(m, *code.save);
  ImGui::EndChild();
  ImGui::SetCursorPos({right_x + code_w + gap, left_pos.y});
  begin_card("loop", {right_w - code_w - gap, top_h}, 14.0f);
  draw_loop_phase(view);
  ImGui::Dummy({0, 6});
  action.merge(draw_ready_queue(view, m.views.queue, dt, &m.views.trace.wakes()));
  ImGui::Dummy({0, 6});
  action.merge(draw_suspended(view));
  ImGui::EndChild();

  ImGui::SetCursorPos({right_x, left_pos.y + top_h + gap});
  begin_card("controls", {right_w, controls_h}, 10.0f);
  ControlsModel controls{s.playback() == Playback::playing, s.speed()};
  if (m.timeline_view.axis == TimelineAxis::iterations) {
    controls.iterations = &m.views.trace.iterations();
    controls.events = m.views.trace.consumed();
  }
  const ControlsAction c = draw_controls(view, controls);
  ImGui::EndChild();
  ImGui::SetCursorPos({right_x, left_pos.y + top_h + gap + controls_h + gap});
  begin_card("timeline", {right_w, bottom_h}, 8.0f);
  const TimelineGhost ghost = m.views.ghost_view();
  action.merge(draw_timeline(view, m.views.trace.timeline(), m.views.trace.iterations(), m.timeline_view,
                             &m.views.trace.wakes(), ghost.model ? &ghost : nullptr));
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
  if (probe::enabled()) record_text_cuts(true);  // the probe reports them (clipped_text)
  if (m->persist) {
    m->settings = load_settings();
    m->notice = take_settings_notice();
    m->edits = SavedEdits(SavedEdits::default_path());
    if (!m->edits.notice().empty()) m->notice += (m->notice.empty() ? "" : " ") + m->edits.notice();
  }
  m->lessons_dir = lesson::lessons_dir();
  m->catalog.load_folders(lesson::lesson_folders());
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
  if (!m->notice.empty()) {
    std::fprintf(stderr, "loopscope: warning: %s\n", m->notice.c_str());
    if (m->screen == Screen::lesson) m->banner = std::exchange(m->notice, {});
  }
}

App::~App() = default;

double App::idle_wait() const {
  if (m->screen == Screen::lesson && m->session && m->session->playback() == Playback::playing) return 0;
  // Idle: wake for input or the hot-reload check. Under the probe, a tester waits for frames
  // after its input, so an idle app still draws at display rate.
  return probe::enabled() ? 1.0 / 60.0 : 0.1;
}

std::string App::window_title() const {
  if (m->screen == Screen::lesson && m->lesson) return m->lesson->title + " — Loopscope";
  return "Loopscope";
}

void App::frame(float dt) {
  apply_intents(*m);
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
    const BrowserAction a = draw_browser(browser_model(*m), m->browser);
    if (a.open >= 0) m->intents.push(OpenLesson{a.open, std::nullopt});
    if (a.playground) m->intents.push(OpenPlayground{});
    if (a.open_path) m->intents.push(OpenFile{*a.open_path});
  }
  handle_global_keys(*m);
  ImGui::End();
  draw_help_overlay(m->help_open);
  apply_intents(*m);
}

void App::after_frame(double frame_ms) {
  m->stats.add(frame_ms);
  if (!probe::enabled()) return;
  ProbeState p;
  const State& st = *m;
  p.screen = st.screen == Screen::lesson && st.session ? "lesson" : "browser";
  p.banner = st.banner;
  p.help_open = st.help_open;
  p.stats = st.stats;
  p.want_text_input = ImGui::GetIO().WantTextInput;
  p.layout = take_layout_report();
  p.run_requests = st.edited_runs;
  p.run_source_bytes = st.edited_run_bytes;
  p.run_edited = st.run_source.has_value();
  p.saves = st.saves;
  p.open_error = st.open_error;
  if (st.session) {
    const lesson::RunResult r = st.session->result();
    for (const auto& line : r.output) p.output.push_back(line.text);
    p.run_error = r.error;
    for (const auto& line : st.views.trace.console().lines()) p.console.push_back(line.text);
  }
  p.edits_pending = st.edits.dirty();
  if (st.screen == Screen::lesson && st.code.editor && st.code.tab == Language::python)
    p.editor = probe_editor(*st.code.editor);
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  p.width = static_cast<int>(size.x);
  p.height = static_cast<int>(size.y);
  if (p.screen == "lesson") {
    const Session& s = *st.session;
    p.lesson = st.lesson->id;
    p.step = static_cast<int>(s.step_index()) + 1;
    p.steps = static_cast<int>(st.lesson->steps.size());
    p.step_title = s.step().title;
    p.playing = s.playback() == Playback::playing;
    p.speed = s.speed();
    p.cursor = s.cursor();
    p.time = s.time();
    p.end_time = s.end_time();
    p.finished = s.finished();
    p.selected_task = s.selected_task;
    {
      const LoopSnapshot& snap = s.snapshot();
      p.frames_task = frames_task(snap, s.selected_task);
      for (const TaskSnapshot& t : snap.tasks)
        if (t.id == p.frames_task && p.frames_task != 0) p.frames = parse_frames(t.frames);
    }
    p.session_id = st.runs;
    p.code_tab = st.code.tab == Language::cpp ? "cpp" : "python";
    p.seconds_per_px = st.timeline_view.seconds_per_px;
    p.t_left = st.timeline_view.t_left;
    p.follow = st.timeline_view.follow == FollowMode::fit_all ? "fit_all"
               : st.timeline_view.follow == FollowMode::now   ? "now"
                                                              : "free";
    p.scroll_y = st.timeline_view.scroll_y;
    p.axis = st.timeline_view.axis == TimelineAxis::iterations ? "iterations" : "time";
    p.timeline_arrows = st.timeline_view.arrows_drawn;
    if (st.views.ghost) {
      const GhostRun& g = *st.views.ghost;
      const std::size_t lanes = g.timeline.lanes().size();
      p.ghost = ProbeState::Ghost{g.step, g.end_time, static_cast<int>(lanes > 0 ? lanes - 1 : 0)};
    }
    p.params = st.params;
    if (auto q = st.quizzes.find(static_cast<int>(s.step_index())); q != st.quizzes.end())
      p.quiz = ProbeQuiz{q->second.choice, q->second.order, q->second.checked, q->second.correct,
                         q->second.tries, q->second.revealed};
    if (auto x = st.exercises.find(static_cast<int>(s.step_index())); x != st.exercises.end()) {
      const ExerciseState& e = x->second;
      p.exercise = ProbeState::Exercise{e.hints_shown, e.solution_shown, std::nullopt, e.solved};
      if (e.verdict) p.exercise->met = e.verdict->met();
    }
  }
  if (const std::string err = write_probe(p, probe::take()); !err.empty())
    std::fprintf(stderr, "loopscope: probe: %s\n", err.c_str());
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
  if (const std::string err = m->edits.flush(); !err.empty())
    std::fprintf(stderr, "loopscope: warning: could not save code edits: %s\n", err.c_str());
}

}  // namespace loopscope::ui
