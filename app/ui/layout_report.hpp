#pragma once
// ui/layout_report.hpp — what the frame just drawn cut of its text: glyphs cut at an edge
// (ui/clipped_text.hpp) and ellipses (ui/text_fit.hpp), with the rule that says which are layout
// defects. `loopscope shot --layout-report` prints it; the probe carries it as `clipped_text`.
#include "ui/clipped_text.hpp"
#include "ui/text_fit.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace loopscope::ui {

struct LayoutReport {
  std::vector<ClippedText> clipped;  // every one is a defect
  std::vector<TextCut> cuts;         // ellipses; is_layout_defect() says which are defects
  std::size_t defects() const;
};

// The report of the frame just rendered (call after ImGui::Render()); takes the recorded cuts,
// so cut recording (record_text_cuts) must have been on while the frame was built.
LayoutReport take_layout_report();

// {"clipped": [{"window", "text", "edge", "rect": [x0, y0, x1, y1]}...],
//  "ellipsised": [{"window", "text", "kept", "fit", "defect"}...], "defects": N}
nlohmann::json layout_report_json(const LayoutReport& r);

}  // namespace loopscope::ui
