// A decoded frame box-averaged down to the scene detector's thumbnail: luma at
// kThumbWidth x kThumbHeight, then each chroma plane at half that (colour matters: two
// pictures of equal brightness can differ only in hue). Reads the planes directly for planar
// and semi-planar YUV of 8 to 16 bits; other layouts go through swscale first.
#pragma once

#include <cstdint>

extern "C" {
struct AVFrame;
struct SwsContext;
}

namespace imajin {

class Thumbnailer {
 public:
  Thumbnailer() = default;
  ~Thumbnailer();
  Thumbnailer(const Thumbnailer&) = delete;
  Thumbnailer& operator=(const Thumbnailer&) = delete;

  // Writes kThumbValues bytes to `out` (layout: see scene_detector.h). Returns false for
  // frames it cannot read.
  bool make(const AVFrame* frame, uint8_t* out);

 private:
  SwsContext* sws_ = nullptr;
};

}  // namespace imajin
