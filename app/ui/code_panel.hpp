#pragma once
// code_panel.hpp — the step's code with Python / C++ tabs, syntax colours, and a coloured
// marker per task on the line it is at (the running task's line is highlighted). The Python
// tab is an editor (ui/editor/): Run (button, Ctrl+Enter), Reset to the lesson's code, and a
// "changed" mark; its edits are kept per step in SavedEdits. The C++ tab is read-only.
#include "ui/code_model.hpp"
#include "ui/editor/editor.hpp"
#include "ui/saved_edits.hpp"
#include "ui/view_state.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::ui {

struct CodePanelState {
  Language tab = Language::python;
  bool show_python = false;   // select the Python tab on the next frame (a traceback click)
  int scroll_to_line = 0;     // last line auto-scrolled to
  // The Python tab's editor, made on the first frame of a step (from the saved edit, if any).
  std::unique_ptr<editor::Editor> editor;
  std::string editor_key;     // the SavedEdits key the editor's text is kept under
  std::uint64_t saved_revision = 0;
  std::string save_error;     // why the last write of the edits failed ("" = fine)
};

struct CodeListings {
  const std::vector<std::string>* python = nullptr;
  const std::vector<std::string>* cpp = nullptr;
  std::string cpp_file;       // examples/ file the C++ listing comes from, if any
  std::string edit_key;       // SavedEdits::key of the step ("" = edits are not kept)
  SavedEdits* saved = nullptr;
  // [Python line] -> C++ line, for the C++ tab's markers (null when the run's lines do not
  // match the listing, e.g. a run of edited code).
  const std::vector<std::int32_t>* cpp_for_python = nullptr;
  // The .py file the listing was read from ("" = none): Save (Ctrl+S) writes the code back to it.
  std::string file;
};

struct CodePanelResult {
  PanelAction panel;
  std::optional<std::string> run;  // Run was asked for: the edited Python source
  std::optional<std::string> save; // Save was asked for: the text to write to CodeListings::file
};

CodePanelResult draw_code_panel(const ViewState& view, const CodeListings& code, CodePanelState& state);

}  // namespace loopscope::ui
