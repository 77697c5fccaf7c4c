// bench_editor_frame — what the code panel's editor costs per frame while the learner types in a
// 300-line program: ImGui's frame built headless (no window, no GL) at 1280x800 with the code
// panel at its size in the app's layout, one typed key per frame. Prints the median and
// p95 CPU time of the whole ImGui frame (NewFrame .. Render) and the vertices it produced. A
// measurement, not a test (built on demand: cmake --build build --target bench_editor_frame).
#include "platform/fonts.hpp"
#include "ui/code_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace loopscope;

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 600;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = {1280, 800};
  constexpr int enter_key = 257;  // GLFW_KEY_ENTER, as the app's backend maps it
  io.KeyMap[ImGuiKey_Enter] = enter_key;
  platform::load_fonts(1.0f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

  std::vector<std::string> program{"import asyncio", "", "async def main():"};
  for (int i = 0; i < 296; ++i)
    program.push_back("    await asyncio.sleep(" + std::to_string(i % 7) + ")  # step " + std::to_string(i));
  program.push_back("asyncio.run(main())");
  const std::vector<std::string> cpp;
  LoopSnapshot snapshot;
  TraceRecorder trace;
  ui::ViewState view;
  view.trace = &trace;
  view.snapshot = &snapshot;
  ui::CodePanelState state;
  ui::CodeListings code{&program, &cpp, "", "", nullptr};

  const char* typed = "print('typing in the middle of a long program') ";
  std::vector<double> times;
  std::size_t vertices = 0;
  for (int f = 0; f < frames + 2; ++f) {
    const auto t0 = std::chrono::steady_clock::now();
    io.DeltaTime = 1.0f / 60.0f;
    // A line of 48 characters, then Enter (held for one frame): a program written line by line.
    io.KeysDown[enter_key] = f >= 2 && f % 49 == 48;
    if (f >= 2 && f % 49 != 48) io.AddInputCharacter(static_cast<unsigned>(typed[f % 49]));
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("root", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::SetCursorPos({440, 60});  // the code card in the 1280x800 layout
    ImGui::BeginChild("code", {430, 395}, true);
    ui::draw_code_panel(view, code, state);
    ImGui::EndChild();
    ImGui::End();
    ImGui::Render();
    if (f == 1 && state.editor) {  // focus it, the cursor in the middle of the program
      state.editor->focused = true;
      state.editor->buffer().set_cursor({150, 20}, false);
    }
    if (f >= 2) {
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      vertices = static_cast<std::size_t>(ImGui::GetDrawData()->TotalVtxCount);
    }
  }
  std::sort(times.begin(), times.end());
  std::printf("editor frames=%d lines=%d line_length=%d median_ms=%.3f p95_ms=%.3f max_ms=%.3f vertices=%zu\n", frames,
              state.editor ? state.editor->buffer().line_count() : 0,
              state.editor ? state.editor->buffer().line_length(state.editor->buffer().cursor().line) : 0,
              times[times.size() / 2],
              times[times.size() * 95 / 100], times.back(), vertices);
  ImGui::DestroyContext();
  return 0;
}
