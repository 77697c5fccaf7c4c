#pragma once
// screenshot.hpp — reads the current framebuffer and writes it as a PNG.
#include <filesystem>
#include <string>

namespace loopscope::platform {

// Writes the framebuffer (width x height, RGBA) to `path` as a PNG, atomically (a temporary file
// renamed into place). Returns an empty string on success, else a one-line error.
std::string write_framebuffer_png(const std::filesystem::path& path, int width, int height);

}  // namespace loopscope::platform
