// pack.cpp — `loopscope pack DIR -o FILE.loopscope`: writes one bundle file holding every
// lesson of DIR and the C++ listings they name (lesson/bundle.hpp). Nothing is written when a
// lesson does not load or a file cannot be bundled; each reason is printed as file:line:col.
#include "cli/commands.hpp"

#include "lesson/bundle.hpp"
#include "lesson/folders.hpp"

#include <cstdio>
#include <fstream>

namespace loopscope::cli {

int pack(Args args) {
  std::string dir, out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--out") {
      if (i + 1 >= args.size() || args[i + 1].empty()) return usage_error("pack: -o needs a file name (FILE.loopscope)");
      out = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("pack: unknown option '" + a + "'");
    } else if (dir.empty()) {
      dir = a;
    } else {
      return usage_error("pack: one folder only");
    }
  }
  if (dir.empty()) return usage_error("pack: missing DIR (a folder of lessons)");
  if (out.empty()) return usage_error("pack: missing -o FILE.loopscope");
  if (!lesson::is_bundle_path(out)) return usage_error("pack: the bundle's name must end in .loopscope");

  const lesson::PackResult packed = lesson::pack_folder(dir);
  if (!packed.bundle) {
    for (const auto& d : packed.problems) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    std::fprintf(stderr, "loopscope: pack: nothing written\n");
    return 1;
  }
  std::ofstream file(out, std::ios::binary);
  file << lesson::bundle_json(*packed.bundle);
  file.close();
  if (!file) {
    std::fprintf(stderr, "loopscope: pack: cannot write %s\n", out.c_str());
    return 1;
  }
  std::printf("wrote %s: %zu lesson%s, %zu file%s\n", out.c_str(), packed.bundle->lessons.size(),
              packed.bundle->lessons.size() == 1 ? "" : "s", packed.bundle->files.size(), packed.bundle->files.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace loopscope::cli
