// cpp_anchors.cpp — mapping Python listing lines to C++ example lines (see cpp_anchors.hpp).
#include "lesson/cpp_anchors.hpp"

#include <map>

namespace loopscope::lesson {
namespace {

constexpr std::string_view marker = "// py:";

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Where a line's trailing `#` comment starts (npos if none), skipping quoted strings.
std::size_t comment_start(std::string_view s) {
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string anchor_text(std::string_view line) {
  const std::size_t hash = comment_start(line);
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  return std::string(trim(line));
}

std::int32_t AnchorMap::cpp_line(std::int32_t py) const {
  for (std::int32_t l = std::min<std::int32_t>(py, static_cast<std::int32_t>(cpp_for_py.size()) - 1); l > 0; --l)
    if (cpp_for_py[static_cast<std::size_t>(l)] != 0) return cpp_for_py[static_cast<std::size_t>(l)];
  return 0;
}

AnchorMap map_anchors(const std::vector<std::string>& python, const std::vector<std::string>& cpp) {
  AnchorMap out;
  out.cpp_for_py.assign(python.size() + 1, 0);
  std::map<std::string, std::vector<std::int32_t>, std::less<>> lines_by_text;  // text -> python lines
  for (std::size_t i = 0; i < python.size(); ++i) {
    std::string t = anchor_text(python[i]);
    if (!t.empty()) lines_by_text[std::move(t)].push_back(static_cast<std::int32_t>(i + 1));
  }
  std::map<std::string, std::size_t, std::less<>> used;  // text -> anchors that quoted it so far
  for (std::size_t i = 0; i < cpp.size(); ++i) {
    const std::string_view line = cpp[i];
    const std::size_t at = line.rfind(marker);
    if (at == std::string_view::npos) continue;
    ++out.anchors;
    const int cpp_line = static_cast<int>(i + 1);
    const int col = static_cast<int>(at + 1);
    const std::string text(trim(line.substr(at + marker.size())));
    if (trim(line.substr(0, at)).empty()) {
      out.problems.push_back({cpp_line, col, "the anchor '// py: " + text + "' is on a line with no C++ code"});
      continue;
    }
    if (text.empty()) {
      out.problems.push_back({cpp_line, col, "the anchor '// py:' quotes no Python line"});
      continue;
    }
    const auto found = lines_by_text.find(text);
    if (found == lines_by_text.end()) {
      out.problems.push_back({cpp_line, col, "the anchor quotes '" + text + "', which is no line of the Python listing"});
      continue;
    }
    std::size_t& k = used[text];
    if (k >= found->second.size()) {
      out.problems.push_back({cpp_line, col,
                              "the anchor quotes '" + text + "' once more than the Python listing has it (" +
                                  std::to_string(found->second.size()) + " time(s))"});
      continue;
    }
    out.cpp_for_py[static_cast<std::size_t>(found->second[k++])] = cpp_line;
  }
  return out;
}

}  // namespace loopscope::lesson
