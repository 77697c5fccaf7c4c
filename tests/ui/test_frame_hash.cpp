// test_frame_hash.cpp — platform::draw_data_hash, which lets `open` skip repainting a frame
// that looks exactly like the last one. ImGui runs headless here: no window, no GL.
#include "platform/backdrop.hpp"
#include "platform/frame_hash.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace {

using loopscope::platform::add_backdrop;
using loopscope::platform::draw_data_hash;

struct Scene {
  std::string text = "ready queue: Task-1 Task-2";
  ImVec2 pos{10, 10};
  int fb_width = 640, fb_height = 480;
  bool backdrop = false;
};

class HeadlessImGui {
public:
  HeadlessImGui() {
    m_ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(640, 480);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(m_ctx); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // Draws the scene as one frame and returns its hash.
  std::uint64_t frame(const Scene& s) {
    loopscope::platform::detail::begin_backdrops();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(s.pos);
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(s.text.c_str());
    ImGui::End();
    if (s.backdrop) add_backdrop(ImVec2(0, 0), ImVec2(100, 100), IM_COL32(30, 30, 40, 255), 6.0f);
    ImGui::Render();
    return draw_data_hash(*ImGui::GetDrawData(), s.fb_width, s.fb_height);
  }
  // A few frames so that the window has settled (ImGui lays a new window out over two frames).
  std::uint64_t settled(const Scene& s) {
    for (int i = 0; i < 3; ++i) frame(s);
    return frame(s);
  }

private:
  ImGuiContext* m_ctx = nullptr;
};

}  // namespace

TEST(FrameHash, TheSameSceneDrawnAgainHashesTheSame) {
  HeadlessImGui ui;
  const Scene s;
  const std::uint64_t a = ui.settled(s);
  EXPECT_EQ(ui.frame(s), a);
  EXPECT_EQ(ui.frame(s), a);
}

TEST(FrameHash, ChangedTextMovedWindowsNewSizeAndBackdropsEachChangeTheHash) {
  HeadlessImGui ui;
  const std::uint64_t base = ui.settled(Scene{});

  Scene text;
  text.text = "ready queue: Task-2 Task-1";  // same glyphs, another order
  EXPECT_NE(ui.settled(text), base);

  Scene moved;
  moved.pos = ImVec2(11, 10);
  EXPECT_NE(ui.settled(moved), base);

  Scene resized;
  resized.fb_width = 1280;
  resized.fb_height = 960;
  EXPECT_NE(ui.settled(resized), base);

  Scene with_backdrop;
  with_backdrop.backdrop = true;
  EXPECT_NE(ui.settled(with_backdrop), base);

  EXPECT_EQ(ui.settled(Scene{}), base) << "back to the first scene, back to its hash";
}
