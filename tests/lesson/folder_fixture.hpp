#pragma once
// folder_fixture.hpp — scratch folders and small lessons for the tests of lesson folders,
// bundles, watch mode and the scaffold.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace loopscope::lesson::testing {

// An empty folder of its own under the temporary directory (removed first if it exists).
inline std::filesystem::path scratch(const std::string& name) {
  const auto d = std::filesystem::temp_directory_path() / ("loopscope-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `text` and moves the file's time forward so that a change is seen whatever the
// clock's resolution (no sleeping).
inline void save(const std::filesystem::path& p, const std::string& text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto before = fs::exists(p) ? fs::last_write_time(p) : fs::file_time_type{};
  fs::create_directories(p.parent_path(), ec);
  std::ofstream(p, std::ios::binary) << text;
  if (fs::last_write_time(p) <= before) fs::last_write_time(p, before + std::chrono::seconds(1));
}

// A one-step lesson that prints "hi" after sleeping `sleep` seconds. `expect` is the step's
// expect object, `prerequisites` the inside of the array, `cpp` the step's code.cpp (or "").
// The listing sleeps 1 s and prints "hi".
inline std::string small_lesson(const std::string& id, const std::string& prerequisites = "",
                                const std::string& expect = R"({"output": ["hi"], "duration": 1})",
                                const std::string& cpp = "") {
  return "{\n"
         "  \"id\": \"" + id + "\",\n"
         "  \"title\": \"Lesson " + id + "\",\n"
         "  \"summary\": \"A test lesson.\",\n"
         "  \"order\": 50,\n"
         "  \"prerequisites\": [" + prerequisites + "],\n"
         "  \"steps\": [{\n"
         "    \"title\": \"One\",\n"
         "    \"text\": \"Look at: nothing.\",\n"
         "    \"code\": {\"python\": [\"import asyncio\", \"\", \"async def main():\",\n"
         "      \"    await asyncio.sleep(1)\",\n"
         "      \"    print('hi')\",\n"
         "      \"\",\n"
         "      \"asyncio.run(main())\"]" + (cpp.empty() ? "" : ", \"cpp\": " + cpp) + "},\n"
         "    \"expect\": " + expect + "\n"
         "  }]\n"
         "}\n";
}

}  // namespace loopscope::lesson::testing
