#pragma once
// code_panel.hpp — the step's code with Python / C++ tabs, syntax colours, and a coloured
// marker per task on the line it is at (the running task's line is highlighted).
#include "ui/code_model.hpp"
#include "ui/view_state.hpp"

#include <string>
#include <vector>

namespace loopscope::ui {

struct CodePanelState {
  Language tab = Language::python;
  int scroll_to_line = 0;     // last line auto-scrolled to
};

struct CodeListings {
  const std::vector<std::string>* python = nullptr;
  const std::vector<std::string>* cpp = nullptr;
  std::string cpp_file;       // examples/ file the C++ listing comes from, if any
};

PanelAction draw_code_panel(const ViewState& view, const CodeListings& code, CodePanelState& state);

}  // namespace loopscope::ui
