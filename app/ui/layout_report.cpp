// layout_report.cpp — see ui/layout_report.hpp.
#include "ui/layout_report.hpp"

#include <imgui.h>

namespace loopscope::ui {

std::size_t LayoutReport::defects() const {
  std::size_t n = clipped.size();
  for (const TextCut& c : cuts) n += is_layout_defect(c);
  return n;
}

LayoutReport take_layout_report() {
  LayoutReport r;
  if (const ImDrawData* d = ImGui::GetDrawData(); d && d->Valid) r.clipped = find_clipped_text(*d);
  r.cuts = take_text_cuts();
  return r;
}

nlohmann::json layout_report_json(const LayoutReport& r) {
  using nlohmann::json;
  json clipped = json::array();
  for (const ClippedText& c : r.clipped)
    clipped.push_back({{"window", c.window},
                       {"text", c.text},
                       {"edge", clip_edge_name(c.edge)},
                       {"rect", {c.min.x, c.min.y, c.max.x, c.max.y}},
                       {"clip", {c.clip.x, c.clip.y, c.clip.z, c.clip.w}}});
  json cuts = json::array();
  for (const TextCut& c : r.cuts)
    cuts.push_back({{"window", c.window},
                    {"text", c.text},
                    {"kept", c.kept},
                    {"fit", c.fit == Fit::fitted ? "fitted" : "label"},
                    {"defect", is_layout_defect(c)}});
  return {{"clipped", std::move(clipped)}, {"ellipsised", std::move(cuts)}, {"defects", r.defects()}};
}

}  // namespace loopscope::ui
