#pragma once
// atomic_file.hpp — replacing a file so that a crash or a kill mid-write leaves either the old
// or the new content, never a torn one: a temporary file in the same directory, fsync, rename,
// fsync of the directory.
#include <filesystem>
#include <string>
#include <string_view>

namespace loopscope::ui {

// Writes `content` to `path` (creating its directory); returns "" or why it failed.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Moves an unreadable file aside as PATH.bad (replacing an older one); returns the new name.
std::filesystem::path move_aside(const std::filesystem::path& path);

}  // namespace loopscope::ui
