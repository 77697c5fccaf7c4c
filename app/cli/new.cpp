// new.cpp — `loopscope new ID [--dir DIR]`: writes DIR/ID.json (DIR defaults to the current
// folder, created if needed), a lesson skeleton that passes `check` as written, with
// "$schema" set to the installed schema's absolute path. An existing file is never overwritten.
#include "cli/commands.hpp"

#include "lesson/folders.hpp"
#include "lesson/scaffold.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace loopscope::cli {

int new_lesson(Args args) {
  std::string id;
  std::filesystem::path dir = ".";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--dir") {
      if (i + 1 >= args.size() || args[i + 1].empty()) return usage_error("new: --dir needs a folder");
      dir = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("new: unknown option '" + a + "'");
    } else if (id.empty()) {
      id = a;
    } else {
      return usage_error("new: one lesson id only (got '" + id + "' and '" + a + "')");
    }
  }
  if (id.empty()) return usage_error("new: missing ID (the new lesson's id, such as my-lesson)");
  if (std::string why = lesson::lesson_id_problem(id); !why.empty()) return usage_error("new: '" + id + "': " + why);

  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir, ec)) {
    std::fprintf(stderr, "loopscope: new: cannot create the folder '%s'\n", dir.string().c_str());
    return 1;
  }
  const std::filesystem::path file = dir / (id + ".json");
  if (std::filesystem::exists(file, ec)) {
    std::fprintf(stderr, "loopscope: new: %s already exists; it was left as it is\n", file.string().c_str());
    return 1;
  }
  const auto schema = lesson::schema_path();
  std::ofstream out(file, std::ios::binary);
  out << lesson::lesson_skeleton(id, schema);
  out.close();
  if (!out) {
    std::fprintf(stderr, "loopscope: new: cannot write %s\n", file.string().c_str());
    return 1;
  }
  std::printf("wrote %s\n", file.string().c_str());
  if (!schema) std::fprintf(stderr, "loopscope: new: the lesson schema was not found; \"$schema\" was left out\n");
  std::printf("next: loopscope check --watch %s   (and, in another terminal: loopscope open %s)\n",
              file.string().c_str(), file.string().c_str());
  return 0;
}

}  // namespace loopscope::cli
