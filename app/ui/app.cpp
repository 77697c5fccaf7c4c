// app.cpp — screens and the top bar.
#include "ui/app.hpp"

#include "platform/fonts.hpp"
#include "ui/browser_panel.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

namespace loopscope::ui {

struct App::State {
  AppOptions options;
};

App::App(const AppOptions& options) : m(std::make_unique<State>()) { m->options = options; }
App::~App() = default;

double App::idle_wait() const { return 0.25; }
std::string App::window_title() const { return "Loopscope"; }
void App::save_settings() {}

void App::frame(float /*dt*/) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::Begin("##root", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  draw_browser(BrowserModel{});
  ImGui::End();
}

}  // namespace loopscope::ui
