// text_fit.cpp — see ui/text_fit.hpp.
#include "ui/text_fit.hpp"

#include <imgui.h>

#include <cfloat>

namespace loopscope::ui {

std::string ellipsised(ImFont* font, float size, std::string_view text, float max_w) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* rest = nullptr;
  font->CalcTextSizeA(size, max_w, 0, begin, end, &rest);
  if (rest == end) return std::string(text);
  const char* ell = "\xE2\x80\xA6";  // …
  const float ell_w = font->CalcTextSizeA(size, FLT_MAX, 0, ell).x;
  if (max_w <= ell_w) return {};
  font->CalcTextSizeA(size, max_w - ell_w, 0, begin, end, &rest);
  return std::string(begin, rest) + ell;
}

}  // namespace loopscope::ui
