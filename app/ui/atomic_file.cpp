// atomic_file.cpp — temporary file, fsync, rename (see atomic_file.hpp).
#include "ui/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace loopscope::ui {

std::string write_file_atomically(const std::filesystem::path& path, std::string_view text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return "cannot create " + path.parent_path().string() + ": " + ec.message();
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot write " + tmp.string();
  std::size_t off = 0;
  while (off < text.size()) {
    const ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return "cannot write " + tmp.string();
    }
    off += static_cast<std::size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return "cannot replace " + path.string();
  }
  if (const int dfd = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

std::filesystem::path move_aside(const std::filesystem::path& path) {
  std::filesystem::path bad = path;
  bad += ".bad";
  std::error_code ec;
  std::filesystem::rename(path, bad, ec);
  return bad;
}

}  // namespace loopscope::ui
