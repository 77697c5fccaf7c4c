// The engine is a library with no GUI and no JSON dependency: no file under engine/ may include
// anything from app/, ImGui, GLFW, glad, nlohmann/json or ImGui backends.
#include <gtest/gtest.h>

#include <filesystem>
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
