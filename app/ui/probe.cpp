// probe.cpp — control rectangles for the interaction tests (see probe.hpp).
#include "ui/probe.hpp"

#include <algorithm>
#include <cstdlib>

namespace loopscope::ui::probe {
namespace {

struct Store {
  std::string path;
  bool enabled = false;
  std::vector<Rect> rects;
  Store() {
    if (const char* p = std::getenv("LOOPSCOPE_PROBE"); p && *p) {
      path = p;
      enabled = true;
    }
  }
};

Store& store() {
  static Store s;
  return s;
}

}  // namespace

bool enabled() { return store().enabled; }
const std::string& path() { return store().path; }

void rect(std::string_view name, ImVec2 min, ImVec2 max) {
  Store& s = store();
  if (!s.enabled) return;
  s.rects.push_back({std::string(name), min, max});
}

void item(std::string_view name) {
  Store& s = store();
  if (!s.enabled) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 ca = dl->GetClipRectMin(), cb = dl->GetClipRectMax();
  const ImVec2 va{std::max(a.x, ca.x), std::max(a.y, ca.y)}, vb{std::min(b.x, cb.x), std::min(b.y, cb.y)};
  if (va.x < vb.x && va.y < vb.y) s.rects.push_back({std::string(name), va, vb, false});
  else s.rects.push_back({std::string(name), a, b, true});
}

std::vector<Rect> take() { return std::exchange(store().rects, {}); }

}  // namespace loopscope::ui::probe
