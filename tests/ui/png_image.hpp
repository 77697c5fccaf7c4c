#pragma once
// png_image.hpp — loads a PNG for the GUI tests and measures whether it shows something.
#include <stb_image.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace loopscope::testing {

struct PngImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;  // width * height * 3

  static PngImage load(const std::string& path) {
    PngImage img;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &channels, 3);
    if (!data) return img;
    img.rgb.assign(data, data + static_cast<std::size_t>(img.width) * img.height * 3);
    stbi_image_free(data);
    return img;
  }
  bool empty() const { return rgb.empty(); }

  // Number of distinct colours (quantised to 5 bits per channel) — a blank frame has 1 or 2.
  std::size_t distinct_colours() const {
    std::set<std::uint32_t> seen;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
      seen.insert((rgb[i] >> 3) << 10 | (rgb[i + 1] >> 3) << 5 | (rgb[i + 2] >> 3));
    return seen.size();
  }

  // Fraction of pixels that differ from the most common (background) colour.
  double ink_fraction() const {
    if (rgb.empty()) return 0;
    const std::uint8_t r = rgb[0], g = rgb[1], b = rgb[2];
    std::size_t ink = 0, n = rgb.size() / 3;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
      if (rgb[i] != r || rgb[i + 1] != g || rgb[i + 2] != b) ++ink;
    return double(ink) / double(n);
  }

  // Fraction of pixels that differ between two images of the same size.
  static double difference(const PngImage& a, const PngImage& b) {
    if (a.width != b.width || a.height != b.height || a.rgb.empty()) return 1.0;
    std::size_t diff = 0;
    for (std::size_t i = 0; i + 2 < a.rgb.size(); i += 3)
      if (a.rgb[i] != b.rgb[i] || a.rgb[i + 1] != b.rgb[i + 1] || a.rgb[i + 2] != b.rgb[i + 2]) ++diff;
    return double(diff) / double(a.rgb.size() / 3);
  }
};

}  // namespace loopscope::testing
