// schema.cpp — `loopscope schema`: prints the absolute path of the lesson JSON Schema
// (lesson/folders.hpp: schema_path), for an editor's "$schema". Exit 1 when it is not found.
#include "cli/commands.hpp"

#include "lesson/folders.hpp"

#include <cstdio>

namespace loopscope::cli {

int schema(Args args) {
  if (!args.empty()) return usage_error("schema takes no arguments");
  const auto path = lesson::schema_path();
  if (!path) {
    std::fprintf(stderr, "loopscope: the lesson schema (lesson.schema.json) was not found next to this program\n");
    return 1;
  }
  std::printf("%s\n", path->string().c_str());
  return 0;
}

}  // namespace loopscope::cli
