// The engine is a library with no GUI and no JSON dependency: no file under engine/ may include
// anything from app/, ImGui, GLFW, glad, nlohmann/json or ImGui backends. Its core target
// (loopscope::core: engine/src/*.cpp and the headers they reach) knows nothing of net/: the net
// layer sits on top of it (loopscope::net), never the other way round.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

TEST(Layering, NoEngineFileIncludesTheAppGuiOrJsonLibraries) {
  const fs::path root = fs::path(LOOPSCOPE_SOURCE_DIR) / "engine";
  ASSERT_TRUE(fs::is_directory(root)) << root;
  const std::regex include_line(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  const std::vector<std::regex> forbidden{
      std::regex(R"(^(\.\./)*app/)"),         std::regex(R"((^|/)imgui)", std::regex::icase),
      std::regex(R"((^|/)GLFW/)", std::regex::icase), std::regex(R"((^|/)glad/)"),
      std::regex(R"((^|/)nlohmann/)"),        std::regex(R"((^|/)backends/)"),
      std::regex(R"(^(lesson|ui|platform|cli)/)"),
  };
  std::size_t files = 0;
  std::vector<std::string> violations;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension().string();
    if (ext != ".hpp" && ext != ".cpp" && ext != ".h" && ext != ".cc" && ext != ".txt") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (ext == ".txt") {  // CMake: no link to GUI / JSON targets
        if (line.find("lsdeps::imgui") != std::string::npos || line.find("lsdeps::glfw") != std::string::npos ||
            line.find("lsdeps::glad") != std::string::npos || line.find("lsdeps::json") != std::string::npos)
          violations.push_back(entry.path().string() + ":" + std::to_string(n) + ": " + line);
        continue;
      }
      if (!std::regex_search(line, m, include_line)) continue;
      const std::string inc = m[1];
      for (const auto& f : forbidden)
        if (std::regex_search(inc, f)) violations.push_back(entry.path().string() + ":" + std::to_string(n) + ": " + line);
    }
  }
  EXPECT_GT(files, 20u);
  EXPECT_TRUE(violations.empty()) << [&] {
    std::string s;
    for (const auto& v : violations) s += v + "\n";
    return s;
  }();
}

TEST(Layering, TheScannerRecognisesAForbiddenInclude) {
  const std::regex include_line(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::smatch m;
  const std::string line = "#include <imgui.h>";
  ASSERT_TRUE(std::regex_search(line, m, include_line));
  EXPECT_TRUE(std::regex_search(std::string(m[1]), std::regex(R"((^|/)imgui)", std::regex::icase)));
}

namespace {
// The project-relative paths of every #include "loopscope/…" in `file`.
std::vector<std::string> loopscope_includes(const fs::path& file) {
  const std::regex include_line(R"(^\s*#\s*include\s*[<"](loopscope/[^>"]+)[>"])");
  std::vector<std::string> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, include_line)) out.push_back(m[1]);
  }
  return out;
}
}  // namespace

TEST(Layering, TheCoreTargetDoesNotIncludeTheNetLayer) {
  const fs::path engine = fs::path(LOOPSCOPE_SOURCE_DIR) / "engine";
  const fs::path include = engine / "include";
  // Start from the core sources (engine/src/*.cpp, not src/net/) and follow every loopscope
  // include transitively: none may reach loopscope/net/.
  std::vector<fs::path> todo;
  for (const auto& e : fs::directory_iterator(engine / "src"))
    if (e.is_regular_file() && e.path().extension() == ".cpp") todo.push_back(e.path());
  ASSERT_GT(todo.size(), 10u);
  std::vector<std::string> seen, violations;
  while (!todo.empty()) {
    const fs::path f = todo.back();
    todo.pop_back();
    for (const auto& inc : loopscope_includes(f)) {
      if (inc.rfind("loopscope/net/", 0) == 0) violations.push_back(f.string() + " includes " + inc);
      if (std::find(seen.begin(), seen.end(), inc) != seen.end()) continue;
      seen.push_back(inc);
      if (fs::exists(include / inc)) todo.push_back(include / inc);
    }
  }
  EXPECT_GT(seen.size(), 20u);
  EXPECT_TRUE(violations.empty()) << [&] {
    std::string s;
    for (const auto& v : violations) s += v + "\n";
    return s;
  }();
  // The core target's CMake glob is not recursive: engine/src/net/*.cpp belongs to loopscope::net.
  std::ifstream cmake(engine / "CMakeLists.txt");
  const std::string text((std::istreambuf_iterator<char>(cmake)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("file(GLOB LS_CORE_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)"),
            std::string::npos);
  EXPECT_EQ(text.find("GLOB_RECURSE"), std::string::npos);
}
