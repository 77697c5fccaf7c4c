// frame_hash.cpp — draw_data_hash (see frame_hash.hpp).
#include "platform/frame_hash.hpp"

#include "platform/backdrop.hpp"

#include <cstddef>
#include <cstring>

namespace loopscope::platform {

std::uint64_t draw_data_hash(const ImDrawData& dd, int fb_width, int fb_height) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  auto mix = [&h](const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
      std::uint64_t v;
      std::memcpy(&v, p + i, 8);
      h = (h ^ v) * 0x100000001B3ull;
      h ^= h >> 29;
    }
    for (; i < bytes; ++i) h = (h ^ p[i]) * 0x100000001B3ull;
  };
  const int size[2] = {fb_width, fb_height};
  mix(size, sizeof size);
  const std::uint64_t backdrops = detail::backdrops_hash();
  mix(&backdrops, sizeof backdrops);
  for (int n = 0; n < dd.CmdListsCount; ++n) {
    const ImDrawList* list = dd.CmdLists[n];
    mix(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    mix(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      const auto texture = reinterpret_cast<std::uintptr_t>(cmd.TextureId);
      const unsigned range[3] = {cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount};
      mix(&texture, sizeof texture);
      mix(range, sizeof range);
    }
  }
  return h;
}

}  // namespace loopscope::platform
