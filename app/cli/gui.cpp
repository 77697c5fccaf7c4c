// gui.cpp — the window commands: `loopscope [open LESSON [--step N]]` and `loopscope shot`.
#include "cli/commands.hpp"

#include "platform/screenshot.hpp"
#include "platform/window.hpp"
#include "ui/app.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace loopscope::cli {
namespace {

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
  platform::WindowError error;
  auto window = platform::Window::open({}, error);
  if (!window) return no_display(error.message);
  ui::App app(options);
  auto last = std::chrono::steady_clock::now();
  double wait = 0;
  while (!window->should_close()) {
    window->begin_frame(wait);
    const auto now = std::chrono::steady_clock::now();
    const float dt = std::chrono::duration<float>(now - last).count();
    last = now;
    app.frame(dt);
    window->end_frame();
    window->set_title(app.window_title());
    wait = app.idle_wait();
  }
  app.save_settings();
  return 0;
}

int shot(Args args) {
  ui::AppOptions options;
  options.restore_last = false;
  std::string out;
  int width = 1280, height = 800;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto need = [&](const char* what) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)what;
      return &args[++i];
    };
    if (a == "--out") {
      const std::string* v = need("file");
      if (!v) return usage_error("--out needs a file name");
      out = *v;
    } else if (a == "--step") {
      const std::string* v = need("n");
      auto n = v ? parse_int(*v) : std::nullopt;
      if (!n || *n < 1) return usage_error("--step needs a step number from 1");
      options.step = *n;
    } else if (a == "--at") {
      const std::string* v = need("secs");
      auto t = v ? parse_double(*v) : std::nullopt;
      if (!t || *t < 0) return usage_error("--at needs a number of seconds >= 0");
      options.at = *t;
    } else if (a == "--end") {
      options.at_end = true;
    } else if (a == "--size") {
      const std::string* v = need("WxH");
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
  if (out.empty()) return usage_error("shot needs --out FILE.png");
  if (options.at && options.at_end) return usage_error("use --at SECS or --end, not both");

  platform::WindowError error;
  platform::WindowOptions wopts;
  wopts.width = width;
  wopts.height = height;
  wopts.visibility = platform::Visibility::hidden;
  auto window = platform::Window::open(wopts, error);
  if (!window) return no_display(error.message);
  ui::App app(options);
  // A few frames so that layout, fonts and animations settle before the picture is taken.
  for (int frame = 0; frame < 4; ++frame) {
    window->begin_frame();
    app.frame(frame == 0 ? 0.0f : 1.0f);
    window->end_frame();
  }
  const std::string err = platform::write_framebuffer_png(out, window->framebuffer_width(),
                                                          window->framebuffer_height());
  if (!err.empty()) {
    std::fprintf(stderr, "loopscope: %s\n", err.c_str());
    return 1;
  }
  return 0;
}

}  // namespace loopscope::cli
