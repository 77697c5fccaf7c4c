// screenshot.cpp — glReadPixels + stb_image_write (its implementation lives in Debian's libstb).
#include "platform/screenshot.hpp"

#include <glad/gl.h>
#include <stb_image_write.h>

#include <system_error>
#include <vector>

namespace loopscope::platform {

std::string write_framebuffer_png(const std::filesystem::path& path, int width, int height) {
  if (width <= 0 || height <= 0) return "the framebuffer is empty";
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque
  stbi_flip_vertically_on_write(1);
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  if (!stbi_write_png(tmp.c_str(), width, height, 4, pixels.data(), width * 4))
    return "cannot write " + path.string();
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return "cannot write " + path.string() + ": " + ec.message();
  return {};
}

}  // namespace loopscope::platform
