// gui.cpp — the window commands: `loopscope [open LESSON [--step N]]` and `loopscope shot`.
#include "cli/commands.hpp"

#include "lesson/folders.hpp"
#include "lesson/playground.hpp"
#include "lesson/library.hpp"
#include "platform/screenshot.hpp"
#include "platform/window.hpp"
#include "ui/app.hpp"
#include "ui/layout_report.hpp"
#include "ui/settings.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::cli {
namespace {

// Taken during static initialisation, before main: "launch" for the time-to-first-frame figure.
const auto g_process_start = std::chrono::steady_clock::now();

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

std::optional<int> parse_int(const std::string& s) {
  try {
    std::size_t used = 0;
    const int v = std::stoi(s, &used);
    if (used != s.size()) return std::nullopt;
    return v;
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<double> parse_double(const std::string& s) {
  try {
    std::size_t used = 0;
    const double v = std::stod(s, &used);
    if (used != s.size()) return std::nullopt;
    return v;
  } catch (...) {
    return std::nullopt;
  }
}

int no_display(const std::string& message) {
  std::fprintf(stderr, "loopscope: %s\n", message.c_str());
  return 1;
}

// `open x.loopscope`: the bundle joins the lesson folders (the browser lists its lessons next
// to the others) and the app opens its first lesson by its path inside the bundle
// ("x.loopscope/first.json", as the catalog names it), so an id the bundle shares with another
// folder still opens the bundle's lesson. A refused bundle is reported here and the app opens on
// the browser.
void open_bundle_argument(ui::AppOptions& options) {
  if (!options.lesson || !lesson::is_bundle_path(*options.lesson)) return;
  const std::filesystem::path bundle = *options.lesson;
  auto dirs = lesson::command_line_folders();
  dirs.push_back(bundle);
  lesson::set_command_line_folders(std::move(dirs));
  const auto found = lesson::resolve_lesson_argument(bundle.string(), {});
  options.lesson.reset();
  if (found && found->result.lesson) {
    options.lesson = found->file;
  } else if (found) {
    for (const auto& d : found->result.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
  }
}

// Says on stderr why the lesson named by `options` (and its --step) cannot be shown. Returns 0
// when it can, else an exit code: 1 no such lesson or it does not load, 2 the step is out of
// range. `shot` exits with it before a window opens; `open` goes on and shows the errors.
int check_lesson(const ui::AppOptions& options) {
  if (!options.lesson) return 0;
  if (*options.lesson == lesson::playground_id) {  // built in, one step
    if (options.step <= 1) return 0;
    std::fprintf(stderr, "loopscope: --step %d: the playground has 1 step\n", options.step);
    return 2;
  }
  const auto found = lesson::resolve_lesson_argument(*options.lesson, lesson::lesson_folders());
  if (!found) {
    std::fprintf(stderr, "loopscope: no lesson '%s' (not an id in the lesson folders, not a file)\n",
                 options.lesson->c_str());
    return 1;
  }
  const lesson::LoadResult& loaded = found->result;
  if (!loaded.lesson) {
    for (const auto& d : loaded.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 1;
  }
  const std::size_t steps = loaded.lesson->steps.size();
  if (options.step > static_cast<int>(steps)) {
    std::fprintf(stderr, "loopscope: --step %d: lesson '%s' has %zu step(s)\n", options.step,
                 loaded.lesson->id.c_str(), steps);
    return 2;
  }
  return 0;
}

}  // namespace

int open(Args args) {
  ui::AppOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--step") {
      if (i + 1 >= args.size()) return usage_error("--step needs a number");
      auto n = parse_int(args[++i]);
      if (!n || *n < 1) return usage_error("--step needs a step number from 1");
      options.step = *n;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option '" + a + "' for open");
    } else if (!options.lesson) {
      options.lesson = a;
    } else {
      return usage_error("open takes one lesson");
    }
  }
  open_bundle_argument(options);
  check_lesson(options);  // the app shows the same problems
  platform::WindowError error;
  platform::WindowOptions wopts;
  wopts.style = ui::apply_theme;
  {  // the window opens at the size the learner last left it
    const ui::Settings remembered = ui::load_settings();
    wopts.width = remembered.window_width;
    wopts.height = remembered.window_height;
  }
  auto window = platform::Window::open(wopts, error);
  if (!window) return no_display(error.message);
  ui::App app(options);
  auto last = std::chrono::steady_clock::now();
  double wait = 0;
  std::string title;
  while (!window->should_close()) {
    window->begin_frame(wait);
    const auto now = std::chrono::steady_clock::now();
    const float dt = std::chrono::duration<float>(now - last).count();
    last = now;
    app.frame(dt);
    // An unchanged frame is not repainted; the loop then waits for input for up to a display
    // refresh (there is no vsync wait without a swap) or as long as the app says it may.
    const bool drawn = window->end_frame(platform::Redraw::when_changed);
    app.after_frame(ms_since(now));
    // Only a new title is set: setting one is a window-system event, which would wake the wait
    // below at once, and an idle app would spin.
    if (std::string t = app.window_title(); t != title) {
      title = std::move(t);
      window->set_title(title);
    }
    wait = app.idle_wait();
    if (!drawn) wait = std::max(wait, 1.0 / 60.0);
  }
  app.remember_window_size(window->window_width(), window->window_height());
  app.save_settings();
  return 0;
}

int shot(Args args) {
  ui::AppOptions options;
  options.restore_last = false;
  std::string out;
  int width = 1280, height = 800;
  int bench_frames = 0;  // --bench N: also time N frames and print the median
  bool layout_report = false;  // --layout-report: print the last frame's cut text as JSON
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto need = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "--out") {
      const std::string* v = need();
      if (!v) return usage_error("--out needs a file name");
      out = *v;
    } else if (a == "--step") {
      const std::string* v = need();
      auto n = v ? parse_int(*v) : std::nullopt;
      if (!n || *n < 1) return usage_error("--step needs a step number from 1");
      options.step = *n;
    } else if (a == "--at") {
      const std::string* v = need();
      auto t = v ? parse_double(*v) : std::nullopt;
      if (!t || *t < 0) return usage_error("--at needs a number of seconds >= 0");
      options.at = *t;
    } else if (a == "--bench") {
      const std::string* v = need();
      auto n = v ? parse_int(*v) : std::nullopt;
      if (!n || *n < 1 || *n > 100000) return usage_error("--bench needs a number of frames (1 to 100000)");
      bench_frames = *n;
    } else if (a == "--end") {
      options.at_end = true;
    } else if (a == "--layout-report") {
      layout_report = true;
    } else if (a == "--size") {
      const std::string* v = need();
      int w = 0, h = 0;
      if (!v || std::sscanf(v->c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 ||
          h > 8192)
        return usage_error("--size needs WIDTHxHEIGHT, e.g. 1280x800 (320x240 to 8192x8192)");
      width = w;
      height = h;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option '" + a + "' for shot");
    } else if (!options.lesson) {
      options.lesson = a;
    } else {
      return usage_error("shot takes one lesson");
    }
  }
  if (out.empty() && !layout_report) return usage_error("shot needs --out FILE.png (or --layout-report)");
  if (options.at && options.at_end) return usage_error("use --at SECS or --end, not both");
  open_bundle_argument(options);
  if (const int code = check_lesson(options); code != 0) return code;

  platform::WindowError error;
  platform::WindowOptions wopts;
  wopts.style = ui::apply_theme;
  wopts.width = width;
  wopts.height = height;
  wopts.visibility = platform::Visibility::hidden;
  auto window = platform::Window::open(wopts, error);
  if (!window) return no_display(error.message);
  ui::record_text_cuts(layout_report);
  ui::App app(options);
  // A few frames so that layout, fonts and animations settle before the picture is taken.
  constexpr int settle_frames = 4;
  double first_frame_ms = 0;
  for (int frame = 0; frame < settle_frames; ++frame) {
    window->begin_frame();
    app.frame(frame == 0 ? 0.0f : 1.0f);
    window->end_frame();
    if (layout_report) {
      ui::LayoutReport r = ui::take_layout_report();  // the settled (last) frame's is printed
      if (frame + 1 == settle_frames) {
        nlohmann::json j = ui::layout_report_json(r);
        j["size"] = {width, height};
        std::printf("%s\n", j.dump().c_str());
      }
    }
    app.after_frame(0);
    if (frame == 0) first_frame_ms = ms_since(g_process_start);
  }
  if (bench_frames > 0) {
    // Frame time = build the ImGui frame for the app + render it + glFinish (hidden window).
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(bench_frames));
    for (int frame = 0; frame < bench_frames; ++frame) {
      const auto t0 = std::chrono::steady_clock::now();
      window->begin_frame();
      app.frame(1.0f / 60.0f);
      window->end_frame();
      times.push_back(ms_since(t0));
    }
    std::sort(times.begin(), times.end());
    const auto load = app.load();
    std::printf("frames=%d size=%dx%d events=%zu tasks=%zu median_ms=%.2f p95_ms=%.2f max_ms=%.2f "
                "first_frame_ms=%.1f\n",
                bench_frames, width, height, load.events, load.tasks, times[times.size() / 2],
                times[std::min(times.size() - 1, times.size() * 95 / 100)], times.back(), first_frame_ms);
  }
  if (out.empty()) return 0;
  const std::string err = platform::write_framebuffer_png(out, window->framebuffer_width(),
                                                          window->framebuffer_height());
  if (!err.empty()) {
    std::fprintf(stderr, "loopscope: %s\n", err.c_str());
    return 1;
  }
  return 0;
}

}  // namespace loopscope::cli
