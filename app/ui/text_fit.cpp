// text_fit.cpp — see ui/text_fit.hpp.
#include "ui/text_fit.hpp"

#include "ui/editor/utf8.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <utility>

namespace loopscope::ui {
namespace {

struct CutLog {
  bool on = false;
  std::vector<TextCut> cuts;
};

CutLog& cut_log() {
  static CutLog log;
  return log;
}

void note_cut(std::string_view text, std::string_view kept, Fit fit) {
  CutLog& log = cut_log();
  if (!log.on) return;
  TextCut c;
  if (GImGui && GImGui->CurrentWindow) c.window = GImGui->CurrentWindow->Name;
  std::size_t keep = std::min<std::size_t>(text.size(), 200);
  while (keep < text.size() && keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  c.text = std::string(text.substr(0, keep));
  c.text_chars = static_cast<std::size_t>(editor::code_points(text));
  c.kept = std::string(kept);
  c.fit = fit;
  log.cuts.push_back(std::move(c));
}

}  // namespace

std::string ellipsised(ImFont* font, float size, std::string_view text, float max_w, Fit fit) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* rest = nullptr;
  font->CalcTextSizeA(size, max_w, 0, begin, end, &rest);
  if (rest == end) return std::string(text);
  const char* ell = "\xE2\x80\xA6";  // …
  const float ell_w = font->CalcTextSizeA(size, FLT_MAX, 0, ell).x;
  if (max_w <= ell_w) {
    note_cut(text, {}, fit);
    return {};
  }
  font->CalcTextSizeA(size, max_w - ell_w, 0, begin, end, &rest);
  note_cut(text, std::string_view(begin, static_cast<std::size_t>(rest - begin)), fit);
  return std::string(begin, rest) + ell;
}

void record_text_cuts(bool on) { cut_log().on = on; }
bool recording_text_cuts() { return cut_log().on; }

std::vector<TextCut> take_text_cuts() { return std::exchange(cut_log().cuts, {}); }

bool is_layout_defect(const TextCut& cut) {
  return cut.fit == Fit::label && cut.text_chars <= long_label_chars;
}

}  // namespace loopscope::ui
